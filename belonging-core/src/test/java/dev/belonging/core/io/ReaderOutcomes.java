package dev.belonging.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.model.AnswerColumn;
import dev.belonging.core.model.InvalidResponsesException;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads the same bytes with the one-threaded streaming reader and with the chunked reader, and compares
 * what they give down to the dictionary codes and the exception's words.
 */
final class ReaderOutcomes {

  private ReaderOutcomes() {}

  /**
   * What a read gave: a result (with its attributes' values and codes, and its questions' missing bits,
   * spelled out), or the exception's message and problems.
   */
  record Outcome(ImportResult result, List<String> attributeCodes, List<String> missingBits, String error,
      List<Problem> problems) {}

  /** Reads with the streaming (FastCSV) reader. */
  static Outcome streaming(ResponseCsv csv, byte[] bytes) {
    try {
      return outcome(csv.read(new ByteArrayInputStream(bytes), "generated.csv"));
    } catch (InvalidResponsesException e) {
      return new Outcome(null, null, null, e.getMessage(), e.problems());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads with the chunked reader; {@code null} if it leaves the input to the streaming reader. */
  static Outcome chunked(ResponseCsv csv, byte[] bytes, int chunkBytes, int threads) {
    try {
      ImportResult result = ChunkedCsvReader.read(csv, ChunkedCsvReader.Source.of(bytes), "generated.csv",
          chunkBytes, threads);
      return result == null ? null : outcome(result);
    } catch (InvalidResponsesException e) {
      return new Outcome(null, null, null, e.getMessage(), e.problems());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Outcome outcome(ImportResult result) {
    ResponseSet set = result.responses();
    List<String> codes = set.attributeNames().stream()
        .map(a -> set.attribute(a).values() + " " + codesOf(set, a)).toList();
    List<String> missing = set.instrument().questions().stream().filter(Question::isRating)
        .map(q -> q.id() + " " + missingBitsOf(set.answers(q.id()))).toList();
    return new Outcome(result, codes, missing, null, null);
  }

  /**
   * A column's missing bits, word by word. The streaming reader's come from its codes; the chunked
   * reader's from the blank cells it met, which only this comparison checks.
   */
  private static String missingBitsOf(AnswerColumn column) {
    StringBuilder b = new StringBuilder();
    for (int w = 0; w < column.missingWords(); w++) {
      b.append(Long.toHexString(column.missingBits(w))).append(',');
    }
    return b.toString();
  }

  private static String codesOf(ResponseSet set, String attribute) {
    StringBuilder b = new StringBuilder();
    for (int row = 0; row < set.size(); row++) {
      b.append(set.attribute(attribute).code(row)).append(',');
    }
    return b.toString();
  }

  /** Asserts that the chunked reader gave exactly what the streaming reader gave. */
  static void assertSame(Outcome chunked, Outcome streaming) {
    if (streaming.result() == null) {
      assertThat(chunked.result()).isNull();
      assertThat(chunked.error()).isEqualTo(streaming.error());
      assertThat(chunked.problems()).isEqualTo(streaming.problems());
      return;
    }
    assertThat(chunked.result()).isNotNull();
    assertThat(chunked.result().responses()).isEqualTo(streaming.result().responses());
    assertThat(chunked.result().responses().asList()).isEqualTo(streaming.result().responses().asList());
    assertThat(chunked.attributeCodes()).isEqualTo(streaming.attributeCodes());
    assertThat(chunked.missingBits()).isEqualTo(streaming.missingBits());
    assertThat(chunked.result().rejected()).isEqualTo(streaming.result().rejected());
    assertThat(chunked.result()).isEqualTo(streaming.result());
  }
}

package dev.belonging.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.belonging.core.io.CsvGenerators.Csv;
import dev.belonging.core.io.CsvGenerators.Defect;
import dev.belonging.core.model.InvalidResponsesException;
import dev.belonging.core.model.ResponseSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The chunked reader gives exactly what the one-threaded streaming reader gives: the same response set
 * (rows, ids, answers, comments, attribute values and their codes), the same rejected rows with the same
 * problems, lines and messages, or the same exception, whatever the chunk size (down to one byte, which
 * cuts after every line break, quoted ones included) and the number of threads.
 */
class ChunkedCsvReaderProperties {

  private static final ResponseCsv STRICT = ResponseCsv.withDefaults(CsvGenerators.INSTRUMENT)
      .withLimits(CsvLimits.defaults().withMaxCellChars(CsvGenerators.CELL_LIMIT));
  private static final ResponseCsv SKIP = STRICT.withMode(ImportMode.SKIP_INVALID);

  /** The defects that the chunked reader handles itself (the others send the file to the streaming one). */
  private static final Set<Defect> HANDLED = EnumSet.of(Defect.OUT_OF_SCALE, Defect.NOT_AN_ANSWER,
      Defect.TOO_FEW_CELLS, Defect.TOO_MANY_CELLS, Defect.BLANK_ID, Defect.DUPLICATE_ID);

  /** What a read gave: a result or the exception's message and problems. */
  private record Outcome(ImportResult result, List<String> attributeCodes, String error,
      List<dev.belonging.core.model.Problem> problems) {}

  private static Outcome streaming(ResponseCsv csv, byte[] bytes) {
    try {
      return outcome(csv.read(new ByteArrayInputStream(bytes), "generated.csv"));
    } catch (InvalidResponsesException e) {
      return new Outcome(null, null, e.getMessage(), e.problems());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the chunked reader's outcome, or {@code null} if it leaves the input to the streaming one. */
  private static Outcome chunked(ResponseCsv csv, byte[] bytes, int chunkBytes, int threads) {
    try {
      ImportResult result = ChunkedCsvReader.read(csv, ChunkedCsvReader.Source.of(bytes), "generated.csv",
          chunkBytes, threads);
      return result == null ? null : outcome(result);
    } catch (InvalidResponsesException e) {
      return new Outcome(null, null, e.getMessage(), e.problems());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Outcome outcome(ImportResult result) {
    ResponseSet set = result.responses();
    List<String> codes = set.attributeNames().stream()
        .map(a -> set.attribute(a).values() + " " + codesOf(set, a)).toList();
    return new Outcome(result, codes, null, null);
  }

  private static String codesOf(ResponseSet set, String attribute) {
    StringBuilder b = new StringBuilder();
    for (int row = 0; row < set.size(); row++) {
      b.append(set.attribute(attribute).code(row)).append(',');
    }
    return b.toString();
  }

  private static void assertSame(Outcome chunked, Outcome streaming) {
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
    assertThat(chunked.result().rejected()).isEqualTo(streaming.result().rejected());
    assertThat(chunked.result()).isEqualTo(streaming.result());
  }

  @Test
  void givesWhatTheStreamingReaderGivesAtEveryCut() {
    AtomicInteger rejecting = new AtomicInteger();
    qt().withExamples(150).forAll(CsvGenerators.rows(12, HANDLED, 30), CsvGenerators.styles(),
        integers().between(1, 2)).checkAssert((rows, style, threads) -> {
          byte[] bytes = CsvGenerators.write(rows, style).bytes();
          for (ResponseCsv csv : List.of(STRICT, SKIP)) {
            Outcome expected = streaming(csv, bytes);
            if (expected.result() != null && !expected.result().rejected().isEmpty()) {
              rejecting.incrementAndGet();
            }
            for (int chunk = 1; chunk <= bytes.length; chunk += chunk < 48 ? 1 : 17) {
              Outcome actual = chunked(csv, bytes, chunk, threads);
              assertThat(actual).as("left to the streaming reader at chunk size %d", chunk).isNotNull();
              assertSame(actual, expected);
            }
          }
        });
    assertThat(rejecting.get()).as("files with rejected rows").isGreaterThan(20);
  }

  @Test
  void givesWhatTheStreamingReaderGivesOnManyRowsAndThreads() {
    qt().withExamples(60).forAll(CsvGenerators.rows(300, HANDLED, 5), CsvGenerators.styles(),
        integers().between(64, 4096)).checkAssert((rows, style, chunk) -> {
          byte[] bytes = CsvGenerators.write(rows, style).bytes();
          for (ResponseCsv csv : List.of(STRICT, SKIP)) {
            Outcome expected = streaming(csv, bytes);
            for (int threads = 1; threads <= 4; threads++) {
              Outcome actual = chunked(csv, bytes, chunk, threads);
              assertThat(actual).isNotNull();
              assertSame(actual, expected);
            }
          }
        });
  }

  @Test
  void leavesWhatItDoesNotHandleToTheStreamingReaderAndOtherwiseAgrees() {
    AtomicInteger leftOver = new AtomicInteger();
    qt().withExamples(200).forAll(CsvGenerators.rows(12, EnumSet.allOf(Defect.class), 30),
        CsvGenerators.styles(), integers().between(1, 64)).checkAssert((rows, style, chunk) -> {
          byte[] bytes = CsvGenerators.write(rows, style).bytes();
          for (ResponseCsv csv : List.of(STRICT, SKIP)) {
            Outcome actual = chunked(csv, bytes, chunk, 2);
            if (actual == null) {
              leftOver.incrementAndGet();
            } else {
              assertSame(actual, streaming(csv, bytes));
            }
          }
        });
    assertThat(leftOver.get()).as("inputs left to the streaming reader").isGreaterThan(20);
  }

  @Test
  void quotedLineBreaksAcrossEveryCutDoNotFoolTheSplit() {
    StringBuilder b = new StringBuilder("respondent,team,site,q1,q2,q3,note\r\n");
    for (int i = 0; i < 40; i++) {
      b.append("r").append(i).append(",\"T\n").append(i % 3).append("\",S,1,2,3,\"line\r\n\"\"")
          .append(i).append("\"\"\n\nend\"\r\n");
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    Outcome expected = streaming(SKIP, bytes);
    assertThat(expected.result().responses().size()).isEqualTo(40);
    for (int chunk = 1; chunk <= bytes.length; chunk++) {
      Outcome actual = chunked(SKIP, bytes, chunk, 2);
      assertThat(actual).as("chunk size %d", chunk).isNotNull();
      assertSame(actual, expected);
    }
  }
}

package dev.belonging.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.belonging.core.model.AnswerColumn;
import dev.belonging.core.model.InvalidResponsesException;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of the responses reader: any bytes give either responses that satisfy the
 * model's invariants or an {@link InvalidResponsesException} whose problems name a line (only an empty file
 * has none), and the chunked fast path of {@link ResponseCsv#read(java.nio.file.Path)} gives exactly what the
 * streaming reader gives (or leaves the input to it). Any other exception, a hang or unbounded memory is a
 * failure.
 *
 * <p>In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/dev/belonging/core/io/ResponseCsvFuzzTestInputs/readsAnyBytes/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see CONTRIBUTING.md). The limits are small so that an iteration is
 * fast and the limits themselves are reached.
 */
class ResponseCsvFuzzTest {

  /** Small limits: a long cell, a wide header, many rows and many teams are all within reach. */
  static final CsvLimits LIMITS = CsvLimits.defaults().withMaxCellChars(64).withMaxColumns(12)
      .withMaxRows(40).withMaxDistinctValues(6);

  private static final ResponseCsv STRICT = ResponseCsv.withDefaults(TestInstruments.pulse())
      .withLimits(LIMITS);
  private static final ResponseCsv SKIP = STRICT.withMode(ImportMode.SKIP_INVALID);

  @FuzzTest(maxDuration = "10m")
  void readsAnyBytes(byte[] data) throws IOException {
    ImportResult strict = readOrNull(STRICT, data);
    ImportResult skip = readOrNull(SKIP, data);
    if (strict != null) {
      // a file without problems reads the same in both modes
      assertThat(skip).isNotNull();
      assertThat(skip.problems()).isEmpty();
      assertThat(skip.responses().size()).isEqualTo(strict.responses().size());
      checkInvariants(strict, data);
    }
    if (skip != null) {
      checkInvariants(skip, data);
    }
    // the chunked reader gives the same, or leaves the input to the streaming reader
    for (ResponseCsv csv : new ResponseCsv[] {STRICT, SKIP}) {
      ReaderOutcomes.Outcome expected = ReaderOutcomes.streaming(csv, data);
      for (int chunk : new int[] {1, 7, ChunkedCsvReader.DEFAULT_CHUNK_BYTES}) {
        ReaderOutcomes.Outcome actual = ReaderOutcomes.chunked(csv, data, chunk, 2);
        if (actual != null) {
          ReaderOutcomes.assertSame(actual, expected);
        }
      }
    }
  }

  private static ImportResult readOrNull(ResponseCsv csv, byte[] data) throws IOException {
    try {
      return csv.read(new ByteArrayInputStream(data), "fuzz.csv");
    } catch (InvalidResponsesException e) {
      assertThat(e.problems()).isNotEmpty();
      for (Problem p : e.problems()) {
        assertLocated(p);
      }
      return null;
    }
  }

  private static void assertLocated(Problem p) {
    if (p.line() == 0) {
      assertThat(p.message()).as("problem without a line: %s", p).isEqualTo("empty file");
    }
  }

  private static void checkInvariants(ImportResult result, byte[] data) {
    ResponseSet set = result.responses();
    long lines = 1;
    for (byte b : data) {
      if (b == '\n' || b == '\r') {
        lines++;
      }
    }
    assertThat((long) set.size()).isLessThanOrEqualTo(Math.min(lines, LIMITS.maxRows()));
    for (Problem p : result.problems()) {
      assertThat(p.line()).as("line of %s", p).isBetween(1L, lines);
    }
    for (int row = 0; row < set.size(); row++) {
      assertThat(set.respondentId(row).value()).isNotBlank();
    }
    for (String name : set.attributeNames()) {
      assertThat(set.attribute(name).cardinality()).isLessThanOrEqualTo(LIMITS.maxDistinctValues());
    }
    for (Question q : set.instrument().questions()) {
      if (q.isRating() && !set.absentQuestions().contains(q.id())) {
        AnswerColumn c = set.answers(q.id());
        for (int row = 0; row < set.size(); row++) {
          if (!c.isMissing(row)) {
            assertThat(c.value(row)).isBetween(c.scale().min(), c.scale().max());
          }
        }
      }
    }
  }
}

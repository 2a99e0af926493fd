package dev.belonging.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.InvalidInstrumentException;
import dev.belonging.core.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the instrument reader: any bytes give either an instrument that is written
 * and read back unchanged, or an {@link InvalidInstrumentException} whose problems each have a line or a
 * JSON path (only a problem about the whole document, such as its size, has neither). Any other
 * exception, a hang or unbounded memory is a failure.
 *
 * <p>In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/dev/belonging/core/io/InstrumentJsonFuzzTestInputs/readsAnyBytes/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see CONTRIBUTING.md). The limits are small so that an iteration is fast
 * and every limit is within reach.
 */
class InstrumentJsonFuzzTest {

  /** Small limits: deep nesting, long strings and many questions are all within reach. */
  static final InstrumentLimits LIMITS = InstrumentLimits.defaults().withMaxChars(4096)
      .withMaxNestingDepth(8).withMaxStringChars(64).withMaxQuestions(12).withMaxDimensions(6);

  /** The messages of problems about the document as a whole, which have neither line nor path. */
  private static final Set<String> WHOLE_DOCUMENT = Set.of("expected a JSON object, not null");

  @FuzzTest(maxDuration = "10m")
  void readsAnyBytes(byte[] data) throws IOException {
    Instrument instrument;
    try {
      instrument = InstrumentJson.read(new ByteArrayInputStream(data), LIMITS);
    } catch (InvalidInstrumentException e) {
      for (Problem p : e.problems()) {
        if (p.line() == 0 && p.path().isEmpty()) {
          assertThat(WHOLE_DOCUMENT.contains(p.message()) || p.message().startsWith("instrument is larger"))
              .as("problem without line or path: %s", p).isTrue();
        }
      }
      return;
    }
    assertThat(instrument.questions()).hasSizeLessThanOrEqualTo(LIMITS.maxQuestions());
    assertThat(instrument.dimensions()).hasSizeLessThanOrEqualTo(LIMITS.maxDimensions());
    assertThat(InstrumentJson.parse(InstrumentJson.toJson(instrument))).isEqualTo(instrument);
  }
}

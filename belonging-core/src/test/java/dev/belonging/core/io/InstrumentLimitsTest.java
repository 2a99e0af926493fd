package dev.belonging.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.InvalidInstrumentException;
import dev.belonging.core.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentLimitsTest {

  private static final String ONE_QUESTION = """
      {"id": "t", "version": "1", "name": "T",
       "scale": {"min": 1, "max": 5, "favorableFrom": 4},
       "dimensions": [{"id": "a", "name": "A"}],
       "questions": [{"id": "q1", "text": "%s", "dimension": "a"}]%s}
      """;

  private static String instrument(String text, String extension) {
    return ONE_QUESTION.formatted(text, extension);
  }

  private static Problem onlyProblem(String json, InstrumentLimits limits) {
    InvalidInstrumentException e =
        catchThrowableOfType(InvalidInstrumentException.class, () -> InstrumentJson.parse(json, limits));
    assertThat(e).as("an invalid instrument").isNotNull();
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  @Test
  void defaultsAreDocumentedAndSafe() {
    InstrumentLimits d = InstrumentLimits.defaults();
    assertThat(d.maxChars()).isEqualTo(16 * 1024 * 1024).isEqualTo(InstrumentJson.MAX_CHARS);
    assertThat(d.maxNestingDepth()).isEqualTo(64);
    assertThat(d.maxStringChars()).isEqualTo(65_536);
    assertThat(d.maxQuestions()).isEqualTo(2_000);
    assertThat(d.maxDimensions()).isEqualTo(500);
  }

  @Test
  void withersChangeOneLimitAndRejectLimitsBelowOne() {
    InstrumentLimits l = InstrumentLimits.defaults().withMaxChars(10).withMaxNestingDepth(11)
        .withMaxStringChars(12).withMaxQuestions(13).withMaxDimensions(14);
    assertThat(l).isEqualTo(new InstrumentLimits(10, 11, 12, 13, 14));
    assertThatThrownBy(() -> l.withMaxChars(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxChars");
    assertThatThrownBy(() -> l.withMaxNestingDepth(0)).hasMessageContaining("maxNestingDepth");
    assertThatThrownBy(() -> l.withMaxStringChars(-1)).hasMessageContaining("maxStringChars");
    assertThatThrownBy(() -> l.withMaxQuestions(0)).hasMessageContaining("maxQuestions");
    assertThatThrownBy(() -> l.withMaxDimensions(0)).hasMessageContaining("maxDimensions");
  }

  @Test
  void anInstrumentWithinTheLimitsIsRead() {
    InstrumentLimits tight = InstrumentLimits.defaults().withMaxStringChars(13).withMaxNestingDepth(4)
        .withMaxQuestions(1).withMaxDimensions(1);
    Instrument i = InstrumentJson.parse(instrument("Hello", ""), tight);
    assertThat(i.questions()).hasSize(1);
  }

  @Test
  void aStringOverTheLimitIsReportedWhereItIs() {
    Problem p = onlyProblem(instrument("x".repeat(100), ""),
        InstrumentLimits.defaults().withMaxStringChars(99));
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isNotEmpty();
    assertThat(p.path()).isEqualTo("questions[0].text");
    assertThat(p.message()).startsWith("over a reading limit (InstrumentLimits): ")
        .contains("100").contains("99").doesNotContain("StreamReadConstraints");
  }

  @Test
  void aFieldNameOverTheLimitIsReported() {
    Problem p = onlyProblem(instrument("t", ", \"x-" + "n".repeat(40) + "\": 1"),
        InstrumentLimits.defaults().withMaxStringChars(20));
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.message()).startsWith("over a reading limit");
  }

  @Test
  void aNumberLongerThanAStringMayBeIsReportedWhereItIsEvenWhenReadLate() {
    // found by fuzzing: after an unknown field the number was buffered and failed without a location
    String json = instrument("t", ", \"x-n\": 1" + "4".repeat(92)).replace("\"questions\"", "\"ques^tions\"");
    Problem p = onlyProblem(json, InstrumentLimits.defaults().withMaxStringChars(64));
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isNotEmpty();
    assertThat(p.message()).startsWith("over a reading limit").contains("64");
  }

  @Test
  void nestingOverTheLimitIsReportedWhereItIs() {
    String deep = "[".repeat(50) + "]".repeat(50);
    Problem p = onlyProblem(instrument("t", ", \"x-deep\": " + deep),
        InstrumentLimits.defaults().withMaxNestingDepth(20));
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isNotEmpty();
    assertThat(p.message()).startsWith("over a reading limit").contains("20");
  }

  @Test
  void theDefaultNestingLimitStopsAHostileDocument() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    Problem p = onlyProblem(instrument("t", ", \"x-deep\": " + deep), InstrumentLimits.defaults());
    assertThat(p.message()).contains("64");
  }

  @Test
  void tooManyQuestionsOrDimensionsAreReportedAtTheirLists() {
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      questions.add("{\"id\": \"q" + i + "\", \"text\": \"t\", \"dimension\": \"d0\"}");
    }
    List<String> dimensions = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      dimensions.add("{\"id\": \"d" + i + "\", \"name\": \"D\"}");
    }
    String json = "{\"id\": \"t\", \"version\": \"1\", \"name\": \"T\","
        + " \"scale\": {\"min\": 1, \"max\": 5, \"favorableFrom\": 4},"
        + " \"dimensions\": [" + String.join(",", dimensions) + "],"
        + " \"questions\": [" + String.join(",", questions) + "]}";
    InvalidInstrumentException e = catchThrowableOfType(InvalidInstrumentException.class,
        () -> InstrumentJson.parse(json, InstrumentLimits.defaults().withMaxQuestions(3).withMaxDimensions(2)));
    assertThat(e.problems()).extracting(Problem::path).containsExactly("questions", "dimensions");
    assertThat(e.problems()).extracting(Problem::message).containsExactly(
        "more than 3 questions (4; InstrumentLimits.maxQuestions)",
        "more than 2 dimensions (3; InstrumentLimits.maxDimensions)");
  }

  @Test
  void aDocumentOverTheCharacterLimitIsRejectedFromEverySource() throws IOException {
    String json = instrument("t", "");
    InstrumentLimits limits = InstrumentLimits.defaults().withMaxChars(json.length() - 1);
    String expected = "larger than " + (json.length() - 1) + " characters (InstrumentLimits.maxChars)";
    assertThat(onlyProblem(json, limits).message()).endsWith(expected);
    assertThat(catchThrowableOfType(InvalidInstrumentException.class, () -> InstrumentJson.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), limits)).problems().get(0).message())
        .endsWith(expected);
    assertThat(catchThrowableOfType(InvalidInstrumentException.class,
        () -> InstrumentJson.read(new StringReader(json), limits)).problems().get(0).message())
        .endsWith(expected);
    assertThat(InstrumentJson.read(new StringReader(json), limits.withMaxChars(json.length())).id())
        .isEqualTo("t");
  }
}

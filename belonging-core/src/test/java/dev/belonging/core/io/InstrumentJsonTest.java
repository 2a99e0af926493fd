package dev.belonging.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.belonging.core.SharedData;
import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.InvalidInstrumentException;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.Scale;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentJsonTest {


  /** The example of CONTRACTS.md §1. */
  private static final String CONTRACT_EXAMPLE = """
      {
        "id": "shkv", "version": "1", "name": "Seen, heard, known, valued",
        "scale": { "min": 1, "max": 5, "favorableFrom": 4 },
        "dimensions": [ { "id": "seen", "name": "Being seen" }, { "id": "recommend", "name": "Would recommend" } ],
        "questions": [
          { "id": "seen-1", "text": "…", "dimension": "seen", "reverse": false },
          { "id": "seen-2", "text": "…", "dimension": "seen", "reverse": true },
          { "id": "recommend-1", "text": "…", "dimension": "recommend",
            "scale": { "min": 0, "max": 10, "favorableFrom": 9, "unfavorableTo": 6 } },
          { "id": "comment", "text": "…", "type": "comment" }
        ]
      }
      """;

  /** A valid instrument with one dimension "a" whose questions go where {@code %s} is. */
  private static String withQuestions(String questions) {
    return """
        {"id": "t", "version": "1", "name": "T",
         "scale": {"min": 1, "max": 5, "favorableFrom": 4},
         "dimensions": [{"id": "a", "name": "A"}],
         "questions": [%s]}
        """.formatted(questions);
  }

  private static List<String> problems(String json) {
    InvalidInstrumentException e = catchThrowableOfType(InvalidInstrumentException.class, () -> InstrumentJson.parse(json));
    assertThat(e).as("an invalid instrument").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static Problem onlyProblem(String json) {
    InvalidInstrumentException e = catchThrowableOfType(InvalidInstrumentException.class, () -> InstrumentJson.parse(json));
    assertThat(e).as("an invalid instrument").isNotNull();
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  // --- valid files -----------------------------------------------------------------------------------

  @Test
  void readsTheContractExample() {
    Instrument i = InstrumentJson.parse(CONTRACT_EXAMPLE);

    assertThat(i.id()).isEqualTo("shkv");
    assertThat(i.version()).isEqualTo("1");
    assertThat(i.scale()).isEqualTo(Scale.of(1, 5, 4));
    assertThat(i.dimensions()).containsExactly(Dimension.of("seen", "Being seen"),
        Dimension.of("recommend", "Would recommend"));
    assertThat(i.questions()).containsExactly(
        Question.rating("seen-1", "…", "seen"),
        Question.rating("seen-2", "…", "seen").withReverse(true),
        Question.rating("recommend-1", "…", "recommend").withScale(Scale.of(0, 10, 9, 6)),
        Question.comment("comment", "…"));
  }

  @Test
  void readsTheSharedLq2002Instrument() throws IOException {
    Instrument i = InstrumentJson.read(SharedData.file("lq2002.instrument.json"));

    assertThat(i.id()).isEqualTo("lq2002");
    assertThat(i.questions()).hasSize(19);
    assertThat(i.dimensions()).extracting(Dimension::id).containsExactly("leadership", "significance", "civility");
    assertThat(i.questionsOf("leadership")).hasSize(11);
    assertThat(i.questionsOf("civility")).hasSize(5).allMatch(Question::isReverse);
    assertThat(i.scaleOfDimension("civility")).isEqualTo(Scale.of(0, 4, 3));
  }

  @Test
  void readsTheSharedAttritionInstrument() throws IOException {
    Instrument i = InstrumentJson.read(SharedData.file("attrition.instrument.json"));

    assertThat(i.id()).isEqualTo("attrition");
    assertThat(i.questions()).hasSize(5);
    assertThat(i.scale()).isEqualTo(Scale.of(1, 4, 3));
    assertThat(i.questionsOf("satisfaction")).extracting(Question::id)
        .containsExactly("environment", "job", "relationships");
  }

  @Test
  void readsLabels() {
    Instrument i = InstrumentJson.parse(CONTRACT_EXAMPLE.replace("\"favorableFrom\": 4 }",
        "\"favorableFrom\": 4, \"labels\": {\"Disagree\": 2, \"Agree\": 4} }"));

    assertThat(i.scale().labels()).containsExactly(Map.entry("Disagree", 2), Map.entry("Agree", 4));
  }

  @Test
  void allowsTopLevelExtensionKeys() {
    Instrument i = InstrumentJson.parse(CONTRACT_EXAMPLE.replace("\"version\": \"1\",",
        "\"version\": \"1\", \"x-editor\": {\"by\": [\"someone\", {\"nested\": null}]}, \"x-n\": 3,"));

    assertThat(i).isEqualTo(InstrumentJson.parse(CONTRACT_EXAMPLE));
  }

  @Test
  void readsFromEveryKindOfSource(@TempDir Path dir) throws IOException {
    Instrument expected = InstrumentJson.parse(CONTRACT_EXAMPLE);
    byte[] bytes = CONTRACT_EXAMPLE.getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("i.json");
    Files.write(file, bytes);

    assertThat(InstrumentJson.read(file)).isEqualTo(expected);
    assertThat(InstrumentJson.read(new ByteArrayInputStream(bytes))).isEqualTo(expected);
    assertThat(InstrumentJson.read(new StringReader(CONTRACT_EXAMPLE))).isEqualTo(expected);
    // a byte order mark is skipped
    assertThat(InstrumentJson.parse("\uFEFF" + CONTRACT_EXAMPLE)).isEqualTo(expected);
  }

  // --- every validation rule, with its path ----------------------------------------------------------

  @Test
  void reportsAQuestionNamingNoDimensionAtItsPath() {
    String json = withQuestions("""
        {"id": "q0", "text": "t", "dimension": "a"},
        {"id": "q1", "text": "t", "dimension": "a"},
        {"id": "q2", "text": "t", "dimension": "a"},
        {"id": "q3", "text": "t", "dimension": "nope"}""");

    assertThat(problems(json)).containsExactly("questions[3].dimension: no dimension \"nope\"");
  }

  @Test
  void reportsMissingAndBlankTopLevelFields() {
    assertThat(problems("{}")).containsExactly(
        "id: must not be blank",
        "version: must not be blank",
        "name: is required",
        "scale: is required",
        "dimensions: is required",
        "questions: is required");
    assertThat(problems(CONTRACT_EXAMPLE.replace("\"id\": \"shkv\"", "\"id\": \" \"")))
        .containsExactly("id: must not be blank");
  }

  @Test
  void reportsScaleRulesAtTheirFields() {
    assertThat(problems(CONTRACT_EXAMPLE.replace("\"min\": 1, \"max\": 5, \"favorableFrom\": 4",
        "\"max\": 5, \"favorableFrom\": 4")))
        .containsExactly("scale.min: is required");
    assertThat(problems(CONTRACT_EXAMPLE.replace("\"min\": 1, \"max\": 5, \"favorableFrom\": 4",
        "\"min\": 5, \"max\": 5, \"favorableFrom\": 5")))
        .containsExactly("scale.max: max 5 must be above min 5",
            "scale.favorableFrom: favorableFrom 5 must be above min and at most max of the scale 5..5");
    assertThat(problems(CONTRACT_EXAMPLE.replace("\"min\": 1, \"max\": 5, \"favorableFrom\": 4",
        "\"min\": 0, \"max\": 200, \"favorableFrom\": 100")))
        .containsExactly("scale.max: the scale 0..200 has 201 points; at most 101 are allowed");
    assertThat(problems(CONTRACT_EXAMPLE.replace("\"min\": 1, \"max\": 5, \"favorableFrom\": 4",
        "\"min\": 1, \"max\": 5, \"favorableFrom\": 6")))
        .containsExactly("scale.favorableFrom: favorableFrom 6 must be above min and at most max of the scale 1..5");
    assertThat(problems(CONTRACT_EXAMPLE.replace("\"min\": 1, \"max\": 5, \"favorableFrom\": 4",
        "\"min\": 1, \"max\": 5, \"favorableFrom\": 4, \"unfavorableTo\": 4")))
        .containsExactly("scale.unfavorableTo: unfavorableTo 4 must be at least min 1 and below favorableFrom 4");
    assertThat(problems(CONTRACT_EXAMPLE.replace("\"min\": 1, \"max\": 5, \"favorableFrom\": 4",
        "\"min\": 1, \"max\": 5, \"favorableFrom\": 4, \"unfavorableTo\": 0")))
        .containsExactly("scale.unfavorableTo: unfavorableTo 0 must be at least min 1 and below favorableFrom 4");
  }

  @Test
  void reportsLabelsOffTheScaleOrBlank() {
    assertThat(problems(CONTRACT_EXAMPLE.replace("\"favorableFrom\": 4 }",
        "\"favorableFrom\": 4, \"labels\": {\"Agree\": 4, \"Very {much}\": 9, \" \": 1, \"None\": null} }")))
        .containsExactlyInAnyOrder(
            "scale.labels: label \"Very {much}\" maps to 9, outside the scale 1..5",
            "scale.labels: a label must not be blank",
            "scale.labels: label \"None\" needs an answer on the scale 1..5");
  }

  @Test
  void reportsDimensionRules() {
    assertThat(problems(CONTRACT_EXAMPLE.replace("\"dimensions\": [", "\"dimensions\": [ null, { \"id\": \"\", \"name\": \" \" },")))
        .containsExactly("dimensions[0]: must not be null", "dimensions[1].id: must not be blank",
            "dimensions[1].name: must not be blank");
    assertThat(problems(withQuestions("{\"id\": \"q\", \"text\": \"t\", \"dimension\": \"a\"}")
        .replace("[{\"id\": \"a\", \"name\": \"A\"}]", "[{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\", \"name\": \"B\"}, {\"id\": \"b\", \"name\": \"B\"}]")))
        .containsExactly("dimensions[1].id: duplicate dimension id \"a\" (also dimensions[0])",
            "dimensions[2]: dimension \"b\" has no rating question");
    assertThat(problems(withQuestions("{\"id\": \"c\", \"text\": \"t\", \"type\": \"comment\"}")
        .replace("[{\"id\": \"a\", \"name\": \"A\"}]", "[]")))
        .containsExactly("dimensions: an instrument needs at least one dimension");
  }

  @Test
  void reportsQuestionFieldRules() {
    assertThat(problems(withQuestions("""
        {"id": "q", "text": "t", "dimension": "a"},
        {"id": " ", "dimension": "a"},
        {"id": "x", "text": "t", "type": "ratng", "dimension": "a"},
        {"id": "y", "text": "t"},
        null""")))
        .containsExactly(
            "questions[1].id: must not be blank",
            "questions[1].text: is required",
            "questions[2].type: must be \"rating\" or \"comment\"",
            "questions[3].dimension: a rating question needs a dimension",
            "questions[4]: must not be null");
  }

  @Test
  void reportsACommentWithRatingParts() {
    assertThat(problems(withQuestions("""
        {"id": "q", "text": "t", "dimension": "a"},
        {"id": "c", "text": "t", "type": "comment", "dimension": "a", "reverse": true,
         "scale": {"min": 1, "max": 5, "favorableFrom": 4}}""")))
        .containsExactly(
            "questions[1].dimension: a comment question has no dimension",
            "questions[1].reverse: a comment question is not reverse-keyed",
            "questions[1].scale: a comment question has no scale");
    // "reverse": false states the default and is no problem
    assertThat(InstrumentJson.parse(withQuestions("""
        {"id": "q", "text": "t", "dimension": "a"},
        {"id": "c", "text": "t", "type": "comment", "reverse": false}""")).questions().get(1))
        .isEqualTo(Question.comment("c", "t"));
  }

  @Test
  void reportsDuplicateQuestionIdsAndMixedScales() {
    assertThat(problems(withQuestions("""
        {"id": "q", "text": "t", "dimension": "a"},
        {"id": "q", "text": "t", "dimension": "a", "scale": {"min": 1, "max": 7, "favorableFrom": 6}}""")))
        .containsExactly(
            "questions[1].id: duplicate question id \"q\" (also questions[0])",
            "questions[1].scale: question \"q\" is on the scale 1..7 (favorable from 6, unfavorable to 2) but "
                + "question \"q\" of dimension \"a\" is on the scale 1..5 (favorable from 4, unfavorable to 2); "
                + "a dimension's questions share one scale");
  }

  @Test
  void reportsAQuestionsOwnScaleAtItsPath() {
    assertThat(problems(withQuestions("""
        {"id": "q", "text": "t", "dimension": "a", "scale": {"min": 1, "max": 5, "favorableFrom": 1}}""")))
        .containsExactly(
            "questions[0].scale.favorableFrom: favorableFrom 1 must be above min and at most max of the scale 1..5");
  }

  @Test
  void reportsEveryProblemAtOnceInDocumentOrder() {
    String json = """
        {"id": "", "version": "1", "name": "T",
         "scale": {"min": 1, "max": 5, "favorableFrom": 9},
         "dimensions": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "a", "name": "A"}],
         "questions": [
           {"id": "q1", "text": "t", "dimension": "a"},
           {"id": "q2", "text": "t", "dimension": "nope"},
           {"id": "q1", "text": "t", "type": "comment"},
           {"id": "q3", "text": "t", "dimension": "a", "scale": {"min": 0, "max": 10, "favorableFrom": 9}},
           {"id": "q4", "text": "t", "type": "essay"},
           {"id": "q5", "text": "t", "dimension": "a", "x": 1}
         ]}
        """.replace(", \"x\": 1", "");

    assertThat(problems(json)).containsExactly(
        "id: must not be blank",
        "scale.favorableFrom: favorableFrom 9 must be above min and at most max of the scale 1..5",
        "dimensions[1]: dimension \"b\" has no rating question",
        "dimensions[2].id: duplicate dimension id \"a\" (also dimensions[0])",
        "questions[1].dimension: no dimension \"nope\"",
        "questions[2].id: duplicate question id \"q1\" (also questions[0])",
        "questions[4].type: must be \"rating\" or \"comment\"");
  }

  @Test
  void invalidPartsDoNotCauseFalseReferenceProblems() {
    // the only question of "b" has no text: "b" is not reported as empty, and "a" (blank name) exists
    assertThat(problems("""
        {"id": "t", "version": "1", "name": "T",
         "scale": {"min": 1, "max": 5, "favorableFrom": 4},
         "dimensions": [{"id": "a", "name": ""}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
         "questions": [
           {"id": "q1", "text": "t", "dimension": "a"},
           {"id": "q2", "dimension": "b"},
           {"id": "q3", "text": "t", "type": "essay", "dimension": "c"}
         ]}
        """)).containsExactly(
            "dimensions[0].name: must not be blank",
            "questions[1].text: is required",
            "questions[2].type: must be \"rating\" or \"comment\"");
  }

  @Test
  void referenceProblemsAreStillFoundWhenTheDefaultScaleIsInvalid() {
    assertThat(problems("""
        {"id": "t", "version": "1", "name": "T",
         "scale": {"min": 5, "max": 1, "favorableFrom": 3},
         "dimensions": [{"id": "a", "name": "A"}],
         "questions": [
           {"id": "q1", "text": "t", "dimension": "a", "scale": {"min": 1, "max": 5, "favorableFrom": 4}},
           {"id": "q2", "text": "t", "dimension": "a"},
           {"id": "q3", "text": "t", "dimension": "b"}
         ]}
        """)).containsExactly(
            "scale.max: max 1 must be above min 5",
            "scale.favorableFrom: favorableFrom 3 must be above min and at most max of the scale 5..1",
            "questions[2].dimension: no dimension \"b\"");
  }

  // --- malformed JSON, unknown fields and wrong types: line, column and path ------------------------

  @Test
  void malformedJsonReportsLineAndColumn() {
    String json = """
        {"id": "t", "version": "1", "name": "T",
         "scale": {"min": 1, "max": 5 "favorableFrom": 4},
         "dimensions": [], "questions": []}
        """;

    Problem p = onlyProblem(json);

    // line 2: ` "scale": {"min": 1, "max": 5 "favorableFrom": 4},`; the quote after `5 ` is character 31
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo("31");
    assertThat(p.path()).isEqualTo("scale"); // the object being read
    assertThat(p.message()).contains("was expecting comma");
  }

  @Test
  void unterminatedDocumentReportsWhereItEnds() {
    Problem p = onlyProblem("{\"id\": \"t\",\n \"questions\": [");

    assertThat(p.line()).isEqualTo(2);
    assertThat(p.toString()).startsWith("line 2, column ");
    assertThat(p.message()).contains("end-of-input");
  }

  @Test
  void unknownFieldInAQuestionReportsItsLocationAndPath() {
    String json = withQuestions("""
        {"id": "q0", "text": "t", "dimension": "a"},
          {"id": "q1", "text": "t", "dimnesion": "a"}""");

    Problem p = onlyProblem(json);

    // the questions start on line 4 of the document; `"dimnesion"` is at character 29 of line 5,
    // `  {"id": "q1", "text": "t", "dimnesion": "a"}`
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.column()).isEqualTo("29");
    assertThat(p.path()).isEqualTo("questions[1].dimnesion");
    assertThat(p.message()).isEqualTo(
        "unknown field \"dimnesion\"; the fields here are id, text, type, dimension, reverse, scale");
  }

  @Test
  void unknownTopLevelFieldIsAnErrorUnlessItIsAnExtension() {
    Problem p = onlyProblem("{\"id\": \"t\",\n  \"scales\": {}}");

    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo("3");
    assertThat(p.path()).isEqualTo("scales");
    assertThat(p.message()).isEqualTo("unknown field \"scales\"; the fields here are id, version, name, scale, "
        + "dimensions, questions, and extension keys starting with \"x-\"");
  }

  @Test
  void extensionKeysAreOnlyAllowedAtTheTop() {
    Problem p = onlyProblem(CONTRACT_EXAMPLE.replace("\"favorableFrom\": 4 }", "\"favorableFrom\": 4, \"x-note\": 1 }"));

    assertThat(p.path()).isEqualTo("scale.x-note");
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.message()).startsWith("unknown field \"x-note\"; the fields here are min, max, favorableFrom,");
  }

  @Test
  void unknownFieldInANestedScaleIsAnError() {
    Problem p = onlyProblem(withQuestions(
        "{\"id\": \"q\", \"text\": \"t\", \"dimension\": \"a\", \"scale\": {\"min\": 0, \"max\": 10, \"favourableFrom\": 9}}"));

    assertThat(p.path()).isEqualTo("questions[0].scale.favourableFrom");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isNotEmpty();
  }

  @Test
  void valuesOfTheWrongTypeAreNotCoerced() {
    Problem string = onlyProblem(CONTRACT_EXAMPLE.replace("\"min\": 1, \"max\": 5", "\"min\": \"1\", \"max\": 5"));
    // line 3 is `  "scale": { "min": "1", …`: the value "1" starts at character 21
    assertThat(string.toString()).isEqualTo("line 3, column 21, scale.min: expected an integer, not a string");

    Problem decimal = onlyProblem(CONTRACT_EXAMPLE.replace("\"min\": 1, \"max\": 5", "\"min\": 1.5, \"max\": 5"));
    assertThat(decimal.path()).isEqualTo("scale.min");
    assertThat(decimal.message()).isEqualTo("expected an integer, not 1.5");

    Problem bool = onlyProblem(CONTRACT_EXAMPLE.replace("\"reverse\": true", "\"reverse\": \"yes\""));
    assertThat(bool.path()).isEqualTo("questions[1].reverse");
    assertThat(bool.message()).isEqualTo("expected true or false, not a string");

    Problem number = onlyProblem(CONTRACT_EXAMPLE.replace("\"version\": \"1\"", "\"version\": 1"));
    assertThat(number.path()).isEqualTo("version");
    assertThat(number.message()).startsWith("expected a string");

    Problem object = onlyProblem(CONTRACT_EXAMPLE.replace("\"questions\": [", "\"questions\": [ 7,"));
    assertThat(object.path()).isEqualTo("questions[0]");
    assertThat(object.message()).isEqualTo("expected an object, not an integer");
  }

  @Test
  void repeatedKeysAreAnError() {
    Problem p = onlyProblem(CONTRACT_EXAMPLE.replace("\"reverse\": true", "\"reverse\": true, \"reverse\": false"));

    // a syntax-level error: the path is the object holding the key, the column the repeated key
    assertThat(p.path()).isEqualTo("questions[1]");
    assertThat(p.line()).isEqualTo(7);
    assertThat(p.message()).contains("Duplicate Object property \"reverse\"");
  }

  @Test
  void emptyNullArrayAndTrailingContentAreErrors() {
    assertThat(onlyProblem("").message()).isEqualTo("the input is empty: expected a JSON object");
    assertThat(onlyProblem("  null ").message()).isEqualTo("expected a JSON object, not null");
    assertThat(onlyProblem("[]").toString()).isEqualTo("line 1, column 1: expected an object, not an array");
    assertThat(onlyProblem(CONTRACT_EXAMPLE + "{}").message())
        .isEqualTo("unexpected content after the end of the JSON object");
  }

  @Test
  void invalidUtf8ReportsLineAndColumn() {
    byte[] bytes = "{\"id\": \"t\",\n \"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
    // cut the two-byte é to its first byte followed by `"`: an invalid sequence on line 2 after ` "name": "caf`
    byte[] broken = new byte[bytes.length - 1];
    int at = indexOf(bytes, (byte) 0xC3);
    System.arraycopy(bytes, 0, broken, 0, at + 1);
    System.arraycopy(bytes, at + 2, broken, at + 1, bytes.length - at - 2);

    InvalidInstrumentException e = catchThrowableOfType(InvalidInstrumentException.class,
        () -> InstrumentJson.read(new ByteArrayInputStream(broken)));

    assertThat(e.problems()).extracting(Problem::toString)
        .containsExactly("line 2, column 14: invalid UTF-8 byte sequence");
  }

  @Test
  void fileProblemsNameTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{}");

    InvalidInstrumentException e = catchThrowableOfType(InvalidInstrumentException.class, () -> InstrumentJson.read(file));

    assertThat(e.getMessage()).startsWith("invalid instrument file " + file + " (6 problems):");
  }

  // --- writing ---------------------------------------------------------------------------------------

  @Test
  void writesFieldsInContractOrderLeavingOutDefaults() {
    String expected = """
        {
          "id": "shkv",
          "version": "1",
          "name": "Seen, heard, known, valued",
          "scale": {
            "min": 1,
            "max": 5,
            "favorableFrom": 4
          },
          "dimensions": [
            {
              "id": "seen",
              "name": "Being seen"
            },
            {
              "id": "recommend",
              "name": "Would recommend"
            }
          ],
          "questions": [
            {
              "id": "seen-1",
              "text": "…",
              "dimension": "seen"
            },
            {
              "id": "seen-2",
              "text": "…",
              "dimension": "seen",
              "reverse": true
            },
            {
              "id": "recommend-1",
              "text": "…",
              "dimension": "recommend",
              "scale": {
                "min": 0,
                "max": 10,
                "favorableFrom": 9,
                "unfavorableTo": 6
              }
            },
            {
              "id": "comment",
              "text": "…",
              "type": "comment"
            }
          ]
        }
        """;

    assertThat(InstrumentJson.toJson(InstrumentJson.parse(CONTRACT_EXAMPLE))).isEqualTo(expected);
  }

  @Test
  void writesLabelsAndANonDefaultUnfavorableThreshold() {
    Instrument i = InstrumentJson.parse(CONTRACT_EXAMPLE)
        .withScale(Scale.of(1, 5, 4, 1).withLabels(Map.of("Agree", 4)));

    String json = InstrumentJson.toJson(i);

    assertThat(json).contains("\"unfavorableTo\": 1,\n    \"labels\": {\n      \"Agree\": 4\n    }");
    assertThat(InstrumentJson.parse(json)).isEqualTo(i);
  }

  @Test
  void writesToEveryKindOfTarget(@TempDir Path dir) throws IOException {
    Instrument i = InstrumentJson.parse(CONTRACT_EXAMPLE);
    String text = InstrumentJson.toJson(i);
    assertThat(text).endsWith("}\n");

    Path file = dir.resolve("out.json");
    InstrumentJson.write(i, file);
    StringWriter writer = new StringWriter();
    InstrumentJson.write(i, writer);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InstrumentJson.write(i, out);

    assertThat(Files.readString(file)).isEqualTo(text);
    assertThat(writer).hasToString(text);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(InstrumentJson.read(file)).isEqualTo(i);
  }

  @Test
  void writingIsStable() throws IOException {
    Instrument lq = InstrumentJson.read(SharedData.file("lq2002.instrument.json"));

    String once = InstrumentJson.toJson(lq);

    assertThat(InstrumentJson.toJson(InstrumentJson.parse(once))).isEqualTo(once);
    assertThat(InstrumentJson.parse(once)).isEqualTo(lq);
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("no byte " + b);
  }
}

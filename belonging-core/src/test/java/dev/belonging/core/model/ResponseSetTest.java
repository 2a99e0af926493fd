package dev.belonging.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseSetTest {

  private static final Instrument INSTRUMENT = Instrument.of("t", "1", "T", Scale.of(1, 5, 4),
      List.of(Dimension.of("a", "A")),
      List.of(Question.rating("q1", "t", "a"),
          Question.rating("q2", "t", "a").withReverse(true),
          Question.comment("c", "t")));

  private static ResponseSet.Builder builder() {
    return ResponseSet.builder(INSTRUMENT).attributes(List.of("team", "site"));
  }

  private static ResponseSet.Builder add(ResponseSet.Builder b, String id, String team,
      Map<String, Integer> answers) {
    return b.add(RespondentId.of(id), Map.of("team", team), answers, Map.of());
  }

  private static ResponseSet threeRows() {
    return threeRows(Map.of("q1", 5, "q2", 1), "more pairing");
  }

  /** The three rows, with the first row's answers and comment as given. */
  private static ResponseSet threeRows(Map<String, Integer> firstAnswers, String firstComment) {
    ResponseSet.Builder b = builder();
    b.add(RespondentId.of("r1"), Map.of("team", "T1", "site", "north"), firstAnswers, Map.of("c", firstComment));
    add(b, "r2", "T2", Map.of("q1", 3));
    add(b, "r3", "T1", Map.of());
    return b.build();
  }

  @Test
  void keepsRowsInOrderAsColumns() {
    ResponseSet s = threeRows();

    assertThat(s.size()).isEqualTo(3);
    assertThat(s.isEmpty()).isFalse();
    assertThat(s.wave()).isEqualTo(Wave.DEFAULT);
    assertThat(s.instrument()).isEqualTo(INSTRUMENT);
    assertThat(s.attributeNames()).containsExactly("team", "site");
    assertThat(s.respondentId(1)).isEqualTo(RespondentId.of("r2"));
    AnswerColumn q1 = s.answers("q1");
    assertThat(q1.value(0)).isEqualTo(5);
    assertThat(q1.code(0)).isEqualTo(5); // 5 - min 1 + 1
    assertThat(q1.isMissing(2)).isTrue();
    assertThat(q1.code(2)).isEqualTo(AnswerColumn.MISSING);
    assertThat(q1.answered()).isEqualTo(2);
    assertThat(s.answers("q2").value(0)).isEqualTo(1);
    assertThat(s.answers("q2").coded(0)).isEqualTo(5); // reverse-keyed: 1 + 5 - 1
    assertThat(s.comment("c", 0)).hasValue("more pairing");
    assertThat(s.comment("c", 1)).isEmpty();
  }

  @Test
  void commentColumnReadsEachRowsCommentAndCountsThem() {
    ResponseSet s = threeRows();

    CommentColumn c = s.comments("c");
    assertThat(c.question()).isEqualTo(Question.comment("c", "t"));
    assertThat(c.size()).isEqualTo(3);
    assertThat(c.text(0)).hasValue("more pairing");
    assertThat(c.isMissing(0)).isFalse();
    assertThat(c.text(1)).isEmpty();
    assertThat(c.isMissing(2)).isTrue();
    assertThat(c.answered()).isEqualTo(1);
    assertThat(c).hasToString("CommentColumn[c, 3 rows]");
    assertThatThrownBy(() -> c.text(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> c.isMissing(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> s.comment("c", 3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> s.comments("q1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("instrument \"t\" has no comment question \"q1\"");
    assertThatThrownBy(() -> s.comments("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dictionaryEncodesAttributesInOrderOfFirstAppearance() {
    ResponseSet s = threeRows();

    AttributeColumn team = s.attribute("team");
    assertThat(team.values()).containsExactly("T1", "T2");
    assertThat(team.cardinality()).isEqualTo(2);
    assertThat(team.code(2)).isEqualTo(0);
    assertThat(team.value(1)).isEqualTo("T2");
    assertThat(team.codeOf("T2")).isEqualTo(1);
    assertThat(team.codeOf("T9")).isEqualTo(-1);
    // an attribute not given is the empty value, a value of its own
    assertThat(s.attribute("site").values()).containsExactly("north", "");
    assertThatThrownBy(() -> s.attribute("role")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no attribute \"role\"; the attributes are [team, site]");
  }

  @Test
  void copyCodesGivesEachRowsCodeWhateverTheWidthTheCodesAreStoredIn() {
    // up to 255 codes a column keeps bytes, up to 65535 shorts, beyond that ints: one column of each
    for (int values : new int[] {3, 300, 70_000}) {
      ResponseSet.Builder b = builder();
      int rows = values + 50;
      for (int r = 0; r < rows; r++) {
        add(b, "r" + r, "T" + (r * 7919 % values), Map.of());
      }
      AttributeColumn team = b.build().attribute("team");
      int[] codes = new int[rows + 4];
      codes[0] = -1;
      team.copyCodes(10, codes, 1, rows - 10);
      assertThat(codes[0]).isEqualTo(-1);
      for (int r = 10; r < rows; r++) {
        assertThat(codes[1 + r - 10]).as("row %d of %d values", r, values).isEqualTo(team.code(r));
      }
      assertThat(codes[rows - 9]).isZero();
      assertThatThrownBy(() -> team.copyCodes(rows - 1, new int[2], 0, 2))
          .isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> team.copyCodes(0, new int[2], 1, 2))
          .isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void getAndIterationCreateResponses() {
    ResponseSet s = threeRows();

    Response first = s.get(0);
    assertThat(first.respondent().id()).isEqualTo(RespondentId.of("r1"));
    assertThat(first.respondent().attributes()).containsExactly(Map.entry("team", "T1"), Map.entry("site", "north"));
    assertThat(first.answers()).containsExactly(Map.entry("q1", 5), Map.entry("q2", 1));
    assertThat(first.comments()).containsExactly(Map.entry("c", "more pairing"));
    assertThat(s.get(2).answers()).isEmpty();
    List<String> ids = new ArrayList<>();
    for (Response r : s) {
      ids.add(r.respondent().id().value());
    }
    assertThat(ids).containsExactly("r1", "r2", "r3");
    assertThat(s.stream().count()).isEqualTo(3);
    assertThat(s.asList()).hasSize(3).element(1).isEqualTo(s.get(1));
    assertThatThrownBy(() -> s.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> s.asList().remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsADuplicateIdAndKeepsTheFirst() {
    ResponseSet.Builder b = builder();
    add(b, "r1", "T1", Map.of("q1", 4));

    InvalidResponsesException e = catchThrowableOfType(InvalidResponsesException.class,
        () -> add(b, "r1", "T2", Map.of("q1", 2)));

    assertThat(e.problems()).hasSize(1);
    Problem p = e.problems().get(0);
    assertThat(p.column()).isEqualTo("respondent");
    assertThat(p.message()).isEqualTo("duplicate respondent id (row 1)");
    assertThat(p.detail()).isEqualTo("duplicate respondent id \"r1\" (row 1)");
    assertThat(b.size()).isEqualTo(1);
    assertThat(b.build().attribute("team").values()).containsExactly("T1");
  }

  @Test
  void rejectsAnswersOffTheScaleWithoutNamingThemInTheMessage() {
    ResponseSet.Builder b = builder();

    InvalidResponsesException e = catchThrowableOfType(InvalidResponsesException.class,
        () -> add(b, "r1", "T1", Map.of("q1", 0, "q2", 6)));

    assertThat(e.problems()).extracting(Problem::column).containsExactlyInAnyOrder("q1", "q2");
    assertThat(e.problems()).extracting(Problem::message)
        .containsOnly("answer outside the scale 1..5");
    assertThat(e.problems()).extracting(Problem::detail)
        .containsExactlyInAnyOrder("answer 0 is outside the scale 1..5", "answer 6 is outside the scale 1..5");
    assertThat(b.build().size()).isZero();
  }

  @Test
  void rejectsABlankId() {
    ResponseSet.Builder b = builder();

    ResponseSet.Builder cursor = b.beginRow().id("  ").answer(0, 3);
    List<Problem> problems = new ArrayList<>();
    boolean kept = cursor.endRow(7, problems);

    assertThat(kept).isFalse();
    assertThat(problems).containsExactly(Problem.ofCell(7, "respondent", "blank respondent id"));
    // the id column's name is configurable
    List<Problem> renamed = new ArrayList<>();
    ResponseSet.builder(INSTRUMENT).idColumn("person").beginRow().id("").endRow(2, renamed);
    assertThat(renamed).extracting(Problem::column).containsExactly("person");
  }

  @Test
  void cursorKeepsARowOnlyWithoutProblems() {
    ResponseSet.Builder b = builder();
    List<Problem> callerFound = new ArrayList<>(List.of(Problem.ofCell(2, "q1", "not a number")));

    assertThat(b.beginRow().id("r1").endRow(2, callerFound)).isFalse();
    assertThat(b.beginRow().id("r1").attribute(0, "T1").answer(0, 2).comment(2, " ")
        .endRow(3, new ArrayList<>())).isTrue();

    ResponseSet s = b.build();
    assertThat(s.size()).isEqualTo(1);
    assertThat(s.comment("c", 0)).isEmpty(); // a blank comment is no comment
    assertThat(s.answers("q1").value(0)).isEqualTo(2);
  }

  @Test
  void duplicateIdFoundByTheCursorNamesTheFirstLine() {
    ResponseSet.Builder b = builder();
    b.beginRow().id("r1").endRow(2, new ArrayList<>());
    List<Problem> problems = new ArrayList<>();

    b.beginRow().id("r1").endRow(5, problems);

    assertThat(problems).extracting(Problem::toString)
        .containsExactly("line 5, column respondent: duplicate respondent id \"r1\" (first on line 2)");
  }

  @Test
  void rejectsUnknownAttributesAndQuestions() {
    ResponseSet.Builder b = builder();

    InvalidResponsesException e = catchThrowableOfType(InvalidResponsesException.class,
        () -> b.add(RespondentId.of("r1"), Map.of("role", "x"), Map.of("nope", 1, "c", 1),
            Map.of("q1", "text")));

    assertThat(e.problems()).extracting(Problem::column).containsExactlyInAnyOrder("role", "nope", "c", "q1");
    assertThat(b.size()).isZero();
  }

  @Test
  void absentQuestionsAreAllMissingAndTakeNoAnswers() {
    ResponseSet.Builder b = builder().absentQuestions(List.of("q2"));
    add(b, "r1", "T1", Map.of("q1", 4));

    assertThatThrownBy(() -> add(b, "r2", "T1", Map.of("q2", 4)))
        .isInstanceOf(InvalidResponsesException.class)
        .hasMessageContaining("not a rating question of this response set");
    ResponseSet s = b.build();
    assertThat(s.absentQuestions()).containsExactly("q2");
    assertThat(s.answers("q2").isMissing(0)).isTrue();
    assertThatThrownBy(() -> builder().absentQuestions(List.of("nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("instrument \"t\" has no question \"nope\"");
  }

  @Test
  void configurationComesBeforeRows() {
    ResponseSet.Builder b = builder();
    add(b, "r1", "T1", Map.of());

    assertThatThrownBy(() -> b.attributes(List.of("x"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.absentQuestions(List.of("q1"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder().attributes(List.of("team", "team")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("attribute \"team\" is named twice");
    assertThatThrownBy(() -> builder().attributes(List.of("q1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("attribute \"q1\" is a question id");
    b.build();
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void askingForTheWrongKindOfQuestionFails() {
    ResponseSet s = threeRows();

    assertThatThrownBy(() -> s.answers("c")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("instrument \"t\" has no rating question \"c\"");
    assertThatThrownBy(() -> s.comment("q1", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.respondentId(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void equalSetsHaveTheSameResponsesInTheSameOrder() {
    ResponseSet s = threeRows();

    assertThat(s).isEqualTo(threeRows()).hasSameHashCodeAs(threeRows());
    ResponseSet.Builder reordered = builder();
    add(reordered, "r2", "T2", Map.of("q1", 3));
    assertThat(s).isNotEqualTo(reordered.build());
    assertThat(s).isNotEqualTo(threeRows(Map.of("q1", 4, "q2", 1), "more pairing"));
    assertThat(s).isNotEqualTo(threeRows(Map.of("q1", 5, "q2", 1), "less pairing"));
  }

  @Test
  void withWaveSharesTheColumnsButIsAnotherSet() {
    ResponseSet s = threeRows();
    Wave q1 = Wave.of("2026-Q1");

    ResponseSet inWave = s.withWave(q1);

    assertThat(inWave.wave()).isEqualTo(q1);
    assertThat(s.wave()).isEqualTo(Wave.DEFAULT);
    assertThat(inWave).isNotEqualTo(s);
    assertThat(inWave.asList()).isEqualTo(s.asList());
    assertThat(inWave.answers("q1")).isSameAs(s.answers("q1"));
    assertThat(inWave.withWave(Wave.DEFAULT)).isEqualTo(s);
    assertThat(ResponseSet.builder(INSTRUMENT).wave(q1).build().wave()).isEqualTo(q1);
    assertThat(inWave).hasToString("ResponseSet[t, wave 2026-Q1, 3 respondents, attributes [team, site]]");
  }

  @Test
  void emptySetHasNoRows() {
    ResponseSet s = ResponseSet.builder(INSTRUMENT).build();

    assertThat(s.isEmpty()).isTrue();
    assertThat(s.answers("q1").answered()).isZero();
    assertThat(s.iterator().hasNext()).isFalse();
  }
}

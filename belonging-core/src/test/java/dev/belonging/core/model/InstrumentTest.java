package dev.belonging.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentTest {

  private static final Scale FIVE = Scale.of(1, 5, 4);
  private static final Scale NPS = Scale.of(0, 10, 9, 6);
  private static final List<Dimension> DIMENSIONS =
      List.of(Dimension.of("seen", "Seen"), Dimension.of("recommend", "Would recommend"));
  private static final List<Question> QUESTIONS = List.of(
      Question.rating("seen-1", "a", "seen"),
      Question.rating("seen-2", "b", "seen").withReverse(true),
      Question.rating("recommend-1", "c", "recommend").withScale(NPS),
      Question.comment("comment", "d"));

  private static Instrument instrument() {
    return Instrument.of("shkv", "1", "Seen", FIVE, DIMENSIONS, QUESTIONS);
  }

  private static List<String> check(List<Dimension> dimensions, List<Question> questions) {
    return Instrument.check(FIVE, dimensions, questions).stream().map(Problem::toString).toList();
  }

  @Test
  void validInstrumentHasNoProblems() {
    assertThat(Instrument.check(FIVE, DIMENSIONS, QUESTIONS)).isEmpty();
  }

  @Test
  void needsAtLeastOneDimension() {
    assertThat(check(List.of(), List.of(Question.comment("c", "t"))))
        .containsExactly("dimensions: an instrument needs at least one dimension");
  }

  @Test
  void dimensionIdsAreUnique() {
    List<Dimension> dims = List.of(Dimension.of("a", "A"), Dimension.of("b", "B"), Dimension.of("a", "A2"));

    assertThat(check(dims, List.of(Question.rating("q1", "t", "a"), Question.rating("q2", "t", "b"))))
        .containsExactly("dimensions[2].id: duplicate dimension id \"a\" (also dimensions[0])");
  }

  @Test
  void questionIdsAreUnique() {
    assertThat(check(List.of(Dimension.of("a", "A")),
        List.of(Question.rating("q", "t", "a"), Question.comment("c", "t"), Question.comment("q", "t"))))
        .containsExactly("questions[2].id: duplicate question id \"q\" (also questions[0])");
  }

  @Test
  void everyRatingNamesAnExistingDimension() {
    assertThat(check(List.of(Dimension.of("a", "A")),
        List.of(Question.rating("q1", "t", "a"), Question.rating("q2", "t", "nope"))))
        .containsExactly("questions[1].dimension: no dimension \"nope\"");
  }

  @Test
  void everyDimensionHasARatingQuestion() {
    assertThat(check(List.of(Dimension.of("a", "A"), Dimension.of("b", "B")),
        List.of(Question.rating("q1", "t", "a"), Question.comment("c", "t"))))
        .containsExactly("dimensions[1]: dimension \"b\" has no rating question");
  }

  @Test
  void questionsOfADimensionShareOneScale() {
    List<String> problems = check(List.of(Dimension.of("a", "A")), List.of(
        Question.rating("q1", "t", "a"),
        Question.rating("q2", "t", "a").withScale(Scale.of(1, 5, 4).withLabels(java.util.Map.of("x", 1))),
        Question.rating("q3", "t", "a").withScale(Scale.of(1, 5, 5))));

    // labels do not matter; thresholds do
    assertThat(problems).containsExactly("questions[2].scale: question \"q3\" is on the scale 1..5 "
        + "(favorable from 5, unfavorable to 1) but question \"q1\" of dimension \"a\" is on the scale 1..5 "
        + "(favorable from 4, unfavorable to 2); a dimension's questions share one scale");
  }

  @Test
  void everyProblemIsReportedAtOnceInDocumentOrder() {
    InvalidInstrumentException e = catchThrowableOfType(InvalidInstrumentException.class, () ->
        Instrument.of("x", "1", "X", FIVE,
            List.of(Dimension.of("a", "A"), Dimension.of("a", "A"), Dimension.of("b", "B")),
            List.of(Question.rating("q", "t", "a"), Question.rating("q", "t", "nope"))));

    assertThat(e.problems()).extracting(Problem::path)
        .containsExactly("dimensions[1].id", "questions[1].id", "questions[1].dimension", "dimensions[2]");
    assertThat(e.getMessage()).startsWith("invalid instrument \"x\" (4 problems):");
  }

  @Test
  void rejectsBlankIdOrVersionAndNullParts() {
    assertThatThrownBy(() -> Instrument.of(" ", "1", "X", FIVE, DIMENSIONS, QUESTIONS))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("instrument id must not be blank");
    assertThatThrownBy(() -> Instrument.of("x", "", "X", FIVE, DIMENSIONS, QUESTIONS))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("instrument version must not be blank");
    assertThatThrownBy(() -> Instrument.of("x", "1", null, FIVE, DIMENSIONS, QUESTIONS))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Instrument.of("x", "1", "X", null, DIMENSIONS, QUESTIONS))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void looksUpQuestionsAndDimensions() {
    Instrument i = instrument();

    assertThat(i.question("seen-2")).hasValue(QUESTIONS.get(1));
    assertThat(i.question("nope")).isEmpty();
    assertThat(i.indexOf("recommend-1")).isEqualTo(2);
    assertThat(i.indexOf("nope")).isEqualTo(-1);
    assertThat(i.dimension("recommend")).hasValue(DIMENSIONS.get(1));
    assertThat(i.dimension("nope")).isEmpty();
    assertThat(i.questionsOf("seen")).containsExactly(QUESTIONS.get(0), QUESTIONS.get(1));
    assertThatThrownBy(() -> i.questionsOf("nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("instrument \"shkv\" has no dimension \"nope\"; it has [seen, recommend]");
  }

  @Test
  void scalesComeFromTheQuestionOrTheDefault() {
    Instrument i = instrument();

    assertThat(i.scaleOf(QUESTIONS.get(0))).isEqualTo(FIVE);
    assertThat(i.scaleOf(QUESTIONS.get(2))).isEqualTo(NPS);
    assertThat(i.scaleOfDimension("recommend")).isEqualTo(NPS);
    assertThat(i.scaleOfDimension("seen")).isEqualTo(FIVE);
    assertThatThrownBy(() -> i.scaleOf(QUESTIONS.get(3))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("comment question \"comment\" has no scale");
  }

  @Test
  void listsAreCopiedAndUnmodifiable() {
    java.util.ArrayList<Question> questions = new java.util.ArrayList<>(QUESTIONS);
    Instrument i = Instrument.of("shkv", "1", "Seen", FIVE, DIMENSIONS, questions);
    questions.clear();

    assertThat(i.questions()).hasSize(4);
    assertThatThrownBy(() -> i.questions().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> i.dimensions().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> i.questionsOf("seen").clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void withCopiesRevalidate() {
    Instrument i = instrument();

    assertThat(i.withName("Other").name()).isEqualTo("Other");
    assertThat(i.withVersion("2").version()).isEqualTo("2");
    assertThat(i.withScale(Scale.of(1, 7, 5)).scaleOfDimension("seen")).isEqualTo(Scale.of(1, 7, 5));
    assertThat(i.withContent(List.of(Dimension.of("seen", "Seen")), QUESTIONS.subList(0, 2)).questions())
        .hasSize(2);
    assertThatThrownBy(() -> i.withContent(List.of(Dimension.of("seen", "Seen")), QUESTIONS))
        .isInstanceOf(InvalidInstrumentException.class)
        .hasMessageContaining("questions[2].dimension: no dimension \"recommend\"");
    // a new default scale that a dimension's own-scale question no longer shares
    Instrument mixed = Instrument.of("m", "1", "M", FIVE, List.of(Dimension.of("a", "A")),
        List.of(Question.rating("q1", "t", "a"), Question.rating("q2", "t", "a").withScale(FIVE)));
    assertThatThrownBy(() -> mixed.withScale(Scale.of(1, 7, 5)))
        .isInstanceOf(InvalidInstrumentException.class)
        .hasMessageContaining("questions[1].scale");
  }

  @Test
  void equalityCoversEveryPart() {
    Instrument i = instrument();

    assertThat(i).isEqualTo(instrument()).hasSameHashCodeAs(instrument());
    assertThat(i).isNotEqualTo(i.withName("Other"));
    assertThat(i).isNotEqualTo(i.withVersion("2"));
    assertThat(i).isNotEqualTo(i.withScale(Scale.of(1, 5, 5)));
    assertThat(i).isNotEqualTo(Instrument.of("other", "1", "Seen", FIVE, DIMENSIONS, QUESTIONS));
    assertThat(i).hasToString("Instrument[shkv v1, 2 dimensions, 4 questions]");
  }
}

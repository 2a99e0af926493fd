package dev.belonging.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuestionTest {

  private static final Scale NPS = Scale.of(0, 10, 9, 6);

  @Test
  void ratingIsScoredInItsDimensionOnTheDefaultScale() {
    Question q = Question.rating("seen-1", "Someone mentioned my work.", "seen");

    assertThat(q.id()).isEqualTo("seen-1");
    assertThat(q.text()).isEqualTo("Someone mentioned my work.");
    assertThat(q.type()).isEqualTo(QuestionType.RATING);
    assertThat(q.isRating()).isTrue();
    assertThat(q.dimensionId()).hasValue("seen");
    assertThat(q.isReverse()).isFalse();
    assertThat(q.scale()).isEmpty();
  }

  @Test
  void commentHasNoDimensionScaleOrReverseKeying() {
    Question c = Question.comment("pulse-comment", "Anything else?");

    assertThat(c.type()).isEqualTo(QuestionType.COMMENT);
    assertThat(c.isRating()).isFalse();
    assertThat(c.dimensionId()).isEmpty();
    assertThat(c.scale()).isEmpty();
    assertThat(c.isReverse()).isFalse();
    assertThatThrownBy(() -> c.withReverse(true)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("comment question \"pulse-comment\" has no dimension, reverse keying or scale");
    assertThatThrownBy(() -> c.withScale(NPS)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.withDimension("seen")).isInstanceOf(IllegalArgumentException.class);
    assertThat(c.withReverse(false)).isEqualTo(c);
    assertThat(c.withScale(null)).isEqualTo(c);
  }

  @Test
  void rejectsBlankIdsAndMissingParts() {
    assertThatThrownBy(() -> Question.rating(" ", "t", "d")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("question id must not be blank");
    assertThatThrownBy(() -> Question.rating(null, "t", "d")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Question.rating("q", null, "d")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Question.rating("q", "t", "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dimension of question \"q\" must not be blank");
    assertThatThrownBy(() -> Question.rating("q", "t", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Question.comment("", "t")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withCopiesChangeOnePartEach() {
    Question q = Question.rating("q", "t", "d");

    Question changed = q.withReverse(true).withScale(NPS).withText("u").withDimension("e");

    assertThat(changed.isReverse()).isTrue();
    assertThat(changed.scale()).hasValue(NPS);
    assertThat(changed.text()).isEqualTo("u");
    assertThat(changed.dimensionId()).hasValue("e");
    assertThat(changed.id()).isEqualTo("q");
    assertThat(q.isReverse()).isFalse(); // the original is unchanged
    assertThat(changed.withScale(null).scale()).isEmpty();
  }

  @Test
  void equalityCoversEveryPart() {
    Question q = Question.rating("q", "t", "d").withReverse(true).withScale(NPS);

    assertThat(q).isEqualTo(Question.rating("q", "t", "d").withReverse(true).withScale(NPS))
        .hasSameHashCodeAs(Question.rating("q", "t", "d").withReverse(true).withScale(NPS));
    assertThat(q).isNotEqualTo(q.withReverse(false));
    assertThat(q).isNotEqualTo(q.withScale(null));
    assertThat(q).isNotEqualTo(q.withText("u"));
    assertThat(q).isNotEqualTo(q.withDimension("e"));
    assertThat(Question.comment("q", "t")).isNotEqualTo(Question.rating("q", "t", "d"));
    assertThat(q).isNotEqualTo(null);
  }

  @Test
  void toStringShowsTypeDimensionReverseAndScale() {
    assertThat(Question.rating("q", "t", "d").withReverse(true))
        .hasToString("Question[q, RATING, dimension=d, reverse]");
    assertThat(Question.comment("c", "t")).hasToString("Question[c, COMMENT]");
  }
}

package dev.belonging.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleTest {

  @Test
  void fivePointScaleMirrorsTheFavorableThresholdByDefault() {
    Scale s = Scale.of(1, 5, 4);

    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(5);
    assertThat(s.favorableFrom()).isEqualTo(4);
    assertThat(s.unfavorableTo()).isEqualTo(2); // 1 + 5 - 4
    assertThat(s.hasDefaultUnfavorableTo()).isTrue();
    assertThat(s.points()).isEqualTo(5);
    assertThat(s.labels()).isEmpty();
  }

  @Test
  void defaultUnfavorableThresholdIsClampedBelowTheFavorableOne() {
    // mirror 1 + 5 - 2 = 4 would not lie below favorableFrom 2, so it is lowered to 2 - 1
    assertThat(Scale.of(1, 5, 2).unfavorableTo()).isEqualTo(1);
    // mirror 1 + 5 - 3 = 3 equals favorableFrom: lowered to 2
    assertThat(Scale.of(1, 5, 3).unfavorableTo()).isEqualTo(2);
    // 0..10 from 9: mirror 1, already below
    assertThat(Scale.of(0, 10, 9).unfavorableTo()).isEqualTo(1);
    assertThat(Scale.defaultUnfavorableTo(1, 4, 3)).isEqualTo(2);
    assertThat(Scale.defaultUnfavorableTo(1, 2, 2)).isEqualTo(1);
  }

  @Test
  void explicitUnfavorableThresholdIsKept() {
    Scale nps = Scale.of(0, 10, 9, 6);

    assertThat(nps.unfavorableTo()).isEqualTo(6);
    assertThat(nps.hasDefaultUnfavorableTo()).isFalse();
    assertThat(Scale.of(1, 5, 4, 2).hasDefaultUnfavorableTo()).isTrue();
    assertThat(Scale.of(1, 5, 4).withUnfavorableTo(3).unfavorableTo()).isEqualTo(3);
  }

  @Test
  void rejectsMinNotBelowMax() {
    assertThatThrownBy(() -> Scale.of(5, 5, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scale min 5 must be below max 5");
    assertThatThrownBy(() -> Scale.of(5, 1, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allowsAtMostMaxPoints() {
    assertThat(Scale.of(0, Scale.MAX_POINTS - 1, 50).points()).isEqualTo(Scale.MAX_POINTS);
    assertThatThrownBy(() -> Scale.of(0, Scale.MAX_POINTS, 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 101 points");
    // the point count does not overflow
    assertThatThrownBy(() -> Scale.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("points");
  }

  @Test
  void favorableThresholdMustBeAboveMinAndAtMostMax() {
    assertThat(Scale.of(1, 5, 5).favorableFrom()).isEqualTo(5);
    assertThatThrownBy(() -> Scale.of(1, 5, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("favorableFrom 1");
    assertThatThrownBy(() -> Scale.of(1, 5, 6)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("favorableFrom 6");
  }

  @Test
  void unfavorableThresholdMustBeFromMinAndBelowFavorable() {
    assertThat(Scale.of(1, 5, 4, 1).unfavorableTo()).isEqualTo(1);
    assertThat(Scale.of(1, 5, 4, 3).unfavorableTo()).isEqualTo(3);
    assertThatThrownBy(() -> Scale.of(1, 5, 4, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unfavorableTo 0");
    assertThatThrownBy(() -> Scale.of(1, 5, 4, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unfavorableTo 4");
    assertThatThrownBy(() -> Scale.of(1, 5, 4).withUnfavorableTo(5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labelsKeepTheirOrderAndMapToAnswers() {
    Map<String, Integer> labels = new LinkedHashMap<>();
    labels.put("Strongly agree", 5);
    labels.put("Strongly disagree", 1);
    Scale s = Scale.of(1, 5, 4).withLabels(labels);
    labels.put("Agree", 4); // the scale holds a copy

    assertThat(s.labels()).containsExactly(Map.entry("Strongly agree", 5), Map.entry("Strongly disagree", 1));
    assertThat(s.valueOf("Strongly agree")).hasValue(5);
    assertThat(s.valueOf("strongly agree")).isEmpty();
    assertThatThrownBy(() -> s.labels().put("x", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(s.withUnfavorableTo(3).labels()).isEqualTo(s.labels());
    assertThat(s.withLabels(Map.of()).labels()).isEmpty();
  }

  @Test
  void rejectsBlankLabelsAndLabelsOffTheScale() {
    Scale s = Scale.of(1, 5, 4);

    assertThatThrownBy(() -> s.withLabels(Map.of(" ", 1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a label must not be blank");
    assertThatThrownBy(() -> s.withLabels(Map.of("Very", 6))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label \"Very\" maps to 6, outside the scale 1..5");
    Map<String, Integer> nullValue = new LinkedHashMap<>();
    nullValue.put("Agree", null);
    assertThatThrownBy(() -> s.withLabels(nullValue)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void answersAreContainedReversedAndClassified() {
    Scale s = Scale.of(1, 5, 4);

    assertThat(s.contains(1)).isTrue();
    assertThat(s.contains(5)).isTrue();
    assertThat(s.contains(0)).isFalse();
    assertThat(s.contains(6)).isFalse();
    assertThat(s.reverse(1)).isEqualTo(5);
    assertThat(s.reverse(2)).isEqualTo(4);
    assertThat(s.reverse(3)).isEqualTo(3);
    assertThat(s.isFavorable(4)).isTrue();
    assertThat(s.isFavorable(3)).isFalse();
    assertThat(s.isUnfavorable(2)).isTrue();
    assertThat(s.isUnfavorable(3)).isFalse();
  }

  @Test
  void compatibilityIgnoresLabelsButEqualityDoesNot() {
    Scale plain = Scale.of(1, 5, 4);
    Scale labelled = plain.withLabels(Map.of("Agree", 4));

    assertThat(plain.isCompatibleWith(labelled)).isTrue();
    assertThat(plain).isNotEqualTo(labelled);
    assertThat(plain).isEqualTo(Scale.of(1, 5, 4)).hasSameHashCodeAs(Scale.of(1, 5, 4));
    assertThat(labelled).isEqualTo(Scale.of(1, 5, 4).withLabels(Map.of("Agree", 4)))
        .hasSameHashCodeAs(Scale.of(1, 5, 4).withLabels(Map.of("Agree", 4)));
    assertThat(plain.isCompatibleWith(Scale.of(1, 5, 4, 1))).isFalse();
    assertThat(plain.isCompatibleWith(Scale.of(1, 5, 5))).isFalse();
    assertThat(plain.isCompatibleWith(Scale.of(0, 5, 4))).isFalse();
    assertThat(plain.isCompatibleWith(Scale.of(1, 6, 4))).isFalse();
    assertThat(plain).isNotEqualTo("1..5");
  }

  @Test
  void toStringShowsBoundsThresholdsAndLabels() {
    assertThat(Scale.of(1, 5, 4)).hasToString("Scale[1..5, favorableFrom=4, unfavorableTo=2]");
    assertThat(Scale.of(1, 2, 2).withLabels(Map.of("Yes", 2)))
        .hasToString("Scale[1..2, favorableFrom=2, unfavorableTo=1, labels={Yes=2}]");
  }
}

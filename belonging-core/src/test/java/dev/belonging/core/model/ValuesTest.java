package dev.belonging.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small value types: dimensions, respondent ids, respondents, responses and waves. */
class ValuesTest {

  @Test
  void dimensionNeedsIdAndName() {
    Dimension d = Dimension.of("seen", "Being seen");

    assertThat(d.id()).isEqualTo("seen");
    assertThat(d.withName("Seen").name()).isEqualTo("Seen");
    assertThat(d).isEqualTo(new Dimension("seen", "Being seen"))
        .hasSameHashCodeAs(new Dimension("seen", "Being seen"));
    assertThat(d).isNotEqualTo(d.withName("Seen"));
    assertThatThrownBy(() -> Dimension.of("", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dimension id must not be blank");
    assertThatThrownBy(() -> Dimension.of("seen", " ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dimension \"seen\" needs a non-blank name");
    assertThatThrownBy(() -> Dimension.of("seen", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void respondentIdIsANonBlankString() {
    assertThat(RespondentId.of("r1")).hasToString("r1").isEqualTo(new RespondentId("r1"));
    assertThat(RespondentId.of("r1").value()).isEqualTo("r1");
    assertThatThrownBy(() -> RespondentId.of("\t")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("respondent id must not be blank");
  }

  @Test
  void respondentCopiesItsAttributes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("team", "T1");
    attributes.put("site", "");
    Respondent r = Respondent.of(RespondentId.of("r1"), attributes);
    attributes.put("team", "T2");

    assertThat(r.attributes()).containsExactly(Map.entry("team", "T1"), Map.entry("site", ""));
    assertThatThrownBy(() -> r.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put("team", null);
    assertThatThrownBy(() -> Respondent.of(RespondentId.of("r1"), withNull))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void responseCopiesItsMaps() {
    Respondent r = Respondent.of(RespondentId.of("r1"), Map.of());
    Map<String, Integer> answers = new LinkedHashMap<>();
    answers.put("q1", 4);
    Response response = Response.of(r, answers, Map.of("c", "text"));
    answers.put("q2", 1);

    assertThat(response.answers()).containsExactly(Map.entry("q1", 4));
    assertThat(response.comments()).containsExactly(Map.entry("c", "text"));
    assertThat(response).isEqualTo(Response.of(r, Map.of("q1", 4), Map.of("c", "text")));
  }

  @Test
  void waveHasALabelAndMaybeADate() {
    Wave w = Wave.of("2026-Q1");
    LocalDate day = LocalDate.of(2026, 1, 12);

    assertThat(w.label()).isEqualTo("2026-Q1");
    assertThat(w.date()).isEmpty();
    assertThat(w.withDate(day).date()).hasValue(day);
    assertThat(w.withDate(day).withDate(null)).isEqualTo(w);
    assertThat(Wave.of("2026-Q1", day)).isEqualTo(w.withDate(day)).hasSameHashCodeAs(w.withDate(day))
        .hasToString("2026-Q1 (2026-01-12)");
    assertThat(w).hasToString("2026-Q1").isNotEqualTo(Wave.of("2026-Q2"));
    assertThat(Wave.DEFAULT.label()).isEqualTo("default");
    assertThatThrownBy(() -> Wave.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wave.of("x", null)).isInstanceOf(NullPointerException.class);
  }
}

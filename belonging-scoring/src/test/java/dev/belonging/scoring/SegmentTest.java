package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentTest {

  @Test
  void keepsTheAttributesInOrderAndUnmodifiable() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("team", "T2");
    given.put("tenure", "new");
    Segment s = Segment.of(given);
    given.put("site", "north"); // a copy: later changes to the caller's map do not reach it

    assertThat(s.attributes().keySet()).containsExactly("team", "tenure");
    assertThat(s.attributes().values()).containsExactly("T2", "new");
    assertThat(s.attributes().get("team")).isEqualTo("T2");
    assertThat(s.attributes().containsKey("site")).isFalse();
    assertThat(s.label()).isEqualTo("team=T2;tenure=new");
    assertThat(s.attributes()).hasToString("{team=T2, tenure=new}");
    assertThatThrownBy(() -> s.attributes().put("site", "north"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> s.attributes().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Segment.of(Map.of("team", "")).attributes().remove("team"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(Segment.of(Map.of())).isSameAs(Segment.population());
  }

  @Test
  void equalsAndHashCodeAreThoseOfTheAttributesAsAMapWhateverTheirOrder() {
    // segments key maps throughout an analysis: equal attribute maps, in any order and of any Map class,
    // make equal segments with equal hash codes, and the attributes equal any map of the same entries
    qt().forAll(integers().between(0, 4), longs().all()).checkAssert((n, seed) -> {
      Random random = new Random(seed);
      List<String> names = List.of("team", "tenure", "site", "role");
      Map<String, String> forward = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        forward.put(names.get(i), "v" + random.nextInt(3));
      }
      Map<String, String> backward = new LinkedHashMap<>();
      for (int i = n - 1; i >= 0; i--) {
        backward.put(names.get(i), forward.get(names.get(i)));
      }
      Segment a = Segment.of(forward);
      Segment b = Segment.of(backward);
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
      assertThat(a.attributes()).isEqualTo(new HashMap<>(forward)).hasSameHashCodeAs(new HashMap<>(forward));
      assertThat(new HashMap<>(forward)).isEqualTo(a.attributes());
      if (n > 0) {
        Map<String, String> other = new LinkedHashMap<>(forward);
        other.put(names.get(0), "other");
        assertThat(Segment.of(other)).isNotEqualTo(a);
        assertThat(a.attributes()).isNotEqualTo(other);
      }
    });
  }
}

package dev.belonging.scoring.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belonging.scoring.Statistic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipleComparisonTest {

  // p with ties (0.04 twice) and an NA, as R sees it:
  //   p <- c(0.01, 0.04, 0.03, NA, 0.04, 0.2, 0.5, 1e-5, 0.049, 0.9)
  private static final List<Statistic> P = pValues(0.01, 0.04, 0.03, Double.NaN, 0.04, 0.2, 0.5, 1e-5, 0.049,
      0.9);

  private static List<Statistic> pValues(double... p) {
    List<Statistic> out = new ArrayList<>();
    for (double v : p) {
      out.add(Double.isNaN(v) ? Statistic.undefined("no variance in either group") : Statistic.of(v));
    }
    return out;
  }

  private static void assertAdjusted(MultipleComparison method, double... expected) {
    List<Statistic> q = method.adjust(P);
    assertThat(q).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertThat(q.get(i).isDefined()).isFalse();
        assertThat(q.get(i).reason()).isEqualTo("p-value undefined");
      } else {
        RReferenceGapTest.assertClose(q.get(i).value(), expected[i], 1e-15, method + " " + i);
      }
    }
  }

  @Test
  void benjaminiHochbergEqualsR() {
    // R 4.2.2: sprintf("%.17g", p.adjust(p, "BH"))
    assertAdjusted(MultipleComparison.BENJAMINI_HOCHBERG, 0.044999999999999998, 0.072000000000000008,
        0.072000000000000008, Double.NaN, 0.072000000000000008, 0.25714285714285717, 0.5625,
        9.0000000000000006e-05, 0.07350000000000001, 0.90000000000000002);
  }

  @Test
  void holmEqualsR() {
    // R 4.2.2: sprintf("%.17g", p.adjust(p, "holm"))
    assertAdjusted(MultipleComparison.HOLM, 0.080000000000000002, 0.23999999999999999, 0.20999999999999999,
        Double.NaN, 0.23999999999999999, 0.60000000000000009, 1, 9.0000000000000006e-05, 0.23999999999999999,
        1);
  }

  @Test
  void bonferroniEqualsR() {
    // R 4.2.2: sprintf("%.17g", p.adjust(p, "bonferroni"))
    assertAdjusted(MultipleComparison.BONFERRONI, 0.089999999999999997, 0.35999999999999999,
        0.27000000000000002, Double.NaN, 0.35999999999999999, 1, 1, 9.0000000000000006e-05, 0.441, 1);
  }

  @Test
  void noneKeepsP() {
    assertAdjusted(MultipleComparison.NONE, 0.01, 0.04, 0.03, Double.NaN, 0.04, 0.2, 0.5, 1e-5, 0.049, 0.9);
  }

  @Test
  void namesTheRMethods() {
    assertThat(MultipleComparison.BENJAMINI_HOCHBERG.rName()).isEqualTo("BH");
    assertThat(MultipleComparison.HOLM.rName()).isEqualTo("holm");
  }

  @Test
  void nothingToAdjustIsNothing() {
    assertThat(MultipleComparison.BENJAMINI_HOCHBERG.adjust(List.of())).isEmpty();
  }

  @Test
  void rejectsAPValueOutsideTheUnitInterval() {
    assertThatThrownBy(() -> MultipleComparison.HOLM.adjust(List.of(Statistic.of(0.2), Statistic.of(1.5))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p-value 2").hasMessageContaining("1.5");
  }
}

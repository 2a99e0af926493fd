package dev.belonging.scoring.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.GapFixtures;
import org.junit.jupiter.api.Test;

class WelchGapTest extends GapDetectorContract {

  @Override
  GapDetector detector() {
    return WelchGap.withDefaults();
  }

  @Test
  void equalsTheHandCalculationAndR() {
    // scores x = 1, 2, 3 (mean 2, variance 1) and y = 3, 4, 5, 4 (mean 4, variance 2/3)
    DimensionStatistics[] g = GapFixtures.alike(new int[] {1, 2, 3}, new int[] {3, 4, 5, 4});
    GapEstimate e = detector().estimate(g[0], g[1]);
    assertThat(e.difference().value()).isEqualTo(-2.0);
    // s_pooled = sqrt((2 · 1 + 3 · 2/3) / 5) = sqrt(4/5); g = −2 / sqrt(4/5) · (1 − 3 / (4 · 7 − 9))
    assertThat(e.effectSize().value()).isCloseTo(-2 / Math.sqrt(0.8) * 16 / 19, within(1e-15));
    // R 4.2.2: t.test(c(1, 2, 3), c(3, 4, 5, 4), var.equal = FALSE): df 3.8571428571428581 (= 27/7),
    // p.value 0.049460559136628869, conf.int -3.9922547967028095 -0.0077452032971902993
    RReferenceGapTest.assertClose(e.pValue().value(), 0.049460559136628869, 1e-9, "p");
    RReferenceGapTest.assertClose(e.ciLow().value(), -3.9922547967028095, 1e-9, "ciLow");
    RReferenceGapTest.assertClose(e.ciHigh().value(), -0.0077452032971902993, 1e-9, "ciHigh");
  }

  @Test
  void aGroupWithOneScoreHasADifferenceButNoTest() {
    DimensionStatistics[] g = GapFixtures.alike(new int[] {2}, new int[] {3, 4, 5, 4});
    GapEstimate e = detector().estimate(g[0], g[1]);
    assertThat(e.difference().value()).isEqualTo(-2.0);
    assertThat(e.pValue().reason()).isEqualTo("one score in a group");
    assertThat(e.effectSize().isDefined()).isFalse();
  }

  @Test
  void theMinimumEffectIsConfigurable() {
    assertThat(WelchGap.withDefaults().minimumEffect()).isEqualTo(0.2);
    WelchGap half = WelchGap.withDefaults().withMinimumEffect(0.5);
    assertThat(half.minimumEffect()).isEqualTo(0.5);
    assertThat(half).isNotEqualTo(WelchGap.withDefaults());
    assertThatThrownBy(() -> WelchGap.withDefaults().withMinimumEffect(-0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1");
    assertThatThrownBy(() -> WelchGap.withDefaults().withMinimumEffect(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

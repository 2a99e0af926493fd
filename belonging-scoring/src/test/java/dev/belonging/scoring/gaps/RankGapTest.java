package dev.belonging.scoring.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.GapFixtures;
import org.junit.jupiter.api.Test;

class RankGapTest extends GapDetectorContract {

  @Override
  GapDetector detector() {
    return RankGap.withDefaults();
  }

  @Test
  void equalsTheHandCalculationAndR() {
    // x = 1, 2, 3 and y = 3, 4, 5, 4: ranks of 1 2 3 3 4 4 5 are 1 2 3.5 3.5 5.5 5.5 7, R1 = 6.5, U = 0.5
    DimensionStatistics[] g = GapFixtures.alike(new int[] {1, 2, 3}, new int[] {3, 4, 5, 4});
    GapEstimate e = detector().estimate(g[0], g[1]);
    // rank-biserial 2 · 0.5 / 12 − 1
    assertThat(e.effectSize().value()).isEqualTo(2 * 0.5 / 12 - 1);
    // the 12 differences −4 −3 −3 −3 −2 −2 −2 −2 −1 −1 −1 0: median −2
    assertThat(e.difference().value()).isEqualTo(-2.0);
    // R 4.2.2: wilcox.test(c(1, 2, 3), c(3, 4, 5, 4), exact = FALSE, correct = TRUE): W = 0.5,
    // p.value 0.071828156320968214
    RReferenceGapTest.assertClose(e.pValue().value(), 0.071828156320968214, 1e-9, "p");
    // σ = sqrt(12/12 · (8 − 12 / 42)) = 2.777; C = floor(6 − 1.96 · 2.777) = 0: no interval
    assertThat(e.ciLow().reason()).isEqualTo("too few scores for a rank interval");
    assertThat(e.ciHigh().isDefined()).isFalse();
  }

  @Test
  void equalScoresOfDifferentAnsweredCountsAreTies() {
    // a score of 3 from (3, 3, 3) and from (2, 4, -) are one tie group; so are (2, 3, -) = 2.5 and (2, 3, 2.5)
    DimensionStatistics[] split = GapFixtures.groups(new Integer[][] {{3, 3, 3}, {2, 3, null}},
        new Integer[][] {{2, 4, null}, {5, 5, 5}, {1, 4, null}});
    DimensionStatistics[] whole = GapFixtures.groups(new Integer[][] {{3, 3, 3}, {2, 3, null}},
        new Integer[][] {{3, 3, 3}, {5, 5, 5}, {1, 4, null}});
    assertThat(detector().estimate(split[0], split[1])).isEqualTo(detector().estimate(whole[0], whole[1]));
  }

  @Test
  void theMinimumEffectIsConfigurable() {
    assertThat(RankGap.withDefaults().minimumEffect()).isEqualTo(0.1);
    assertThat(RankGap.withDefaults().withMinimumEffect(0.3)).isEqualTo(RankGap.withDefaults()
        .withMinimumEffect(0.3));
    assertThatThrownBy(() -> RankGap.withDefaults().withMinimumEffect(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

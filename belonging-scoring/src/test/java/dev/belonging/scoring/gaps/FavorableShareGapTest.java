package dev.belonging.scoring.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.GapFixtures;
import org.junit.jupiter.api.Test;

class FavorableShareGapTest extends GapDetectorContract {

  @Override
  GapDetector detector() {
    return FavorableShareGap.withDefaults();
  }

  // Favorable is 4 or 5. Group: (5, 4, 1) f 2 of 3; (2, 2, -) f 0 of 2; (4, 4, 4) f 3 of 3: r = 5/8.
  // Other: (1, 1, 1) 0 of 3; (5, -, -) 1 of 1 (no score, but its answer counts); (4, 2, 3) 1 of 3;
  // (3, 3, 3) 0 of 3: r = 2/10.
  private static final DimensionStatistics[] CLUSTERS = GapFixtures.groups(
      new Integer[][] {{5, 4, 1}, {2, 2, null}, {4, 4, 4}},
      new Integer[][] {{1, 1, 1}, {5, null, null}, {4, 2, 3}, {3, 3, 3}});

  @Test
  void theRatioVarianceEqualsTheHandCalculationAndSvyratio() {
    // group: residuals f − r a = 0.125, −1.25, 1.125; Σ² = 2.84375; V = 3 · 2.84375 / (2 · 8²)
    assertThat(FavorableShareGap.ratioVariance(CLUSTERS[0])).isCloseTo(3 * 2.84375 / (2 * 64),
        within(1e-16));
    // other: residuals −0.6, 0.8, 0.4, −0.6; Σ² = 1.52; V = 4 · 1.52 / (3 · 10²)
    assertThat(FavorableShareGap.ratioVariance(CLUSTERS[1])).isCloseTo(4 * 1.52 / (3 * 100), within(1e-16));
    // R 4.2.2, survey 4.1-1:
    //   SE(svyratio(~f, ~a, svydesign(ids = ~1, data = data.frame(f = c(2, 0, 3), a = c(3, 2, 3)))))
    //     = 0.25816736940403601
    //   SE(svyratio(~f, ~a, svydesign(ids = ~1, data = data.frame(f = c(0, 1, 1, 0), a = c(3, 1, 3, 3)))))
    //     = 0.14236104336041749
    RReferenceGapTest.assertClose(Math.sqrt(FavorableShareGap.ratioVariance(CLUSTERS[0])),
        0.25816736940403601, 1e-12, "SE group");
    RReferenceGapTest.assertClose(Math.sqrt(FavorableShareGap.ratioVariance(CLUSTERS[1])),
        0.14236104336041749, 1e-12, "SE other");
  }

  @Test
  void theGapEqualsR() {
    GapEstimate e = detector().estimate(CLUSTERS[0], CLUSTERS[1]);
    // R: d <- coef(rg) - coef(ro); se <- sqrt(SE(rg)^2 + SE(ro)^2) with the designs above:
    //   d 0.42499999999999999, 2 * pnorm(-abs(d / se)) 0.14942307282188313,
    //   d -/+ qnorm(0.975) * se: -0.1528306814299924 1.0028306814299923,
    //   2 * asin(sqrt(coef(rg))) - 2 * asin(sqrt(coef(ro))) 0.89618136393536318
    RReferenceGapTest.assertClose(e.difference().value(), 0.42499999999999999, 1e-12, "difference");
    RReferenceGapTest.assertClose(e.pValue().value(), 0.14942307282188313, 1e-9, "p");
    RReferenceGapTest.assertClose(e.ciLow().value(), -0.1528306814299924, 1e-9, "ciLow");
    RReferenceGapTest.assertClose(e.ciHigh().value(), 1.0028306814299923, 1e-9, "ciHigh");
    RReferenceGapTest.assertClose(e.effectSize().value(), 0.89618136393536318, 1e-12, "h");
    assertThat(detector().differenceUnit()).isEqualTo(DifferenceUnit.SHARE);
  }

  @Test
  void aGroupWithOneContributorHasADifferenceButNoTest() {
    DimensionStatistics[] g = GapFixtures.groups(new Integer[][] {{5, 4, 1}},
        new Integer[][] {{1, 1, 1}, {4, 4, 4}});
    GapEstimate e = detector().estimate(g[0], g[1]);
    assertThat(e.difference().value()).isCloseTo(2.0 / 3 - 0.5, within(1e-15));
    assertThat(e.effectSize().isDefined()).isTrue();
    assertThat(e.pValue().reason()).isEqualTo("one contributor in a group");
  }

  @Test
  void theMinimumEffectIsConfigurable() {
    assertThat(FavorableShareGap.withDefaults().minimumEffect()).isEqualTo(0.2);
    assertThat(FavorableShareGap.withDefaults().withMinimumEffect(0).minimumEffect()).isZero();
    assertThatThrownBy(() -> FavorableShareGap.withDefaults().withMinimumEffect(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.belonging.scoring.gaps;

import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.Statistic;
import java.util.Objects;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * The default gap: the difference of mean scores, Welch's t-test and Hedges' g (CONTRACTS §5).
 *
 * <p>For a group with {@code n1} scores of mean {@code m1} and sample variance {@code s1²} and a comparison
 * with {@code n2}, {@code m2}, {@code s2²}:
 *
 * <ul>
 *   <li>{@code difference = m1 − m2};
 *   <li>{@code se = sqrt(s1²/n1 + s2²/n2)}, {@code t = difference / se}, Welch–Satterthwaite degrees of
 *       freedom {@code df = se⁴ / ((s1²/n1)²/(n1 − 1) + (s2²/n2)²/(n2 − 1))}, two-sided {@code pValue} from
 *       Student's t with {@code df} (Apache Commons Statistics {@link TTest});
 *   <li>the 95 % interval {@code (t ∓ q)·se} with {@code q} the 97.5 % quantile of t with {@code df};
 *   <li>{@code effectSize} = Hedges' g = {@code difference / s_pooled × (1 − 3 / (4 (n1 + n2) − 9))}, {@code
 *       s_pooled = sqrt(((n1 − 1) s1² + (n2 − 1) s2²) / (n1 + n2 − 2))}.
 * </ul>
 *
 * <p>This is R's {@code t.test(x, y, var.equal = FALSE)} (estimate, {@code p.value}, {@code conf.int}).
 * Undefined parts: everything when a group has no score; the test, interval and g when a group has one
 * score; the test, interval and g when neither group varies ({@code s1 = s2 = 0}; R stops with "data are
 * essentially constant"). Flagged from |g| ≥ 0.2 by default.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class WelchGap implements GapDetector {

  /** The default minimum |Hedges' g| of a flagged gap, a "small" effect (Cohen). */
  public static final double DEFAULT_MINIMUM_EFFECT = 0.2;

  private static final WelchGap DEFAULTS = new WelchGap(DEFAULT_MINIMUM_EFFECT);
  private static final TTest WELCH = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);

  private final double minimumEffect;

  private WelchGap(double minimumEffect) {
    this.minimumEffect = Gaps.requireMinimumEffect(minimumEffect);
  }

  /**
   * Returns the detector with the contract's minimum effect, |g| ≥ {@value #DEFAULT_MINIMUM_EFFECT}.
   *
   * @return the detector
   */
  public static WelchGap withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another minimum effect for flagging.
   *
   * @param newMinimumEffect the smallest |Hedges' g| of a flagged gap, finite and at least 0
   * @return the detector
   * @throws IllegalArgumentException if the value is negative, infinite or NaN
   */
  public WelchGap withMinimumEffect(double newMinimumEffect) {
    return new WelchGap(newMinimumEffect);
  }

  /** Returns {@code welch}. */
  @Override
  public String name() {
    return "welch";
  }

  /** Returns {@code hedges-g}. */
  @Override
  public String effectSizeType() {
    return "hedges-g";
  }

  /** Returns {@link DifferenceUnit#SCORE_POINTS}. */
  @Override
  public DifferenceUnit differenceUnit() {
    return DifferenceUnit.SCORE_POINTS;
  }

  @Override
  public double minimumEffect() {
    return minimumEffect;
  }

  @Override
  public GapEstimate estimate(DimensionStatistics group, DimensionStatistics comparison) {
    Gaps.requireSameDimension(group, comparison);
    long n1 = group.scored();
    long n2 = comparison.scored();
    if (n1 == 0 || n2 == 0) {
      return GapEstimate.undefined(n1 == 0 ? "no scores in the group" : "no scores in the comparison group");
    }
    double m1 = group.mean().value();
    double m2 = comparison.mean().value();
    Statistic difference = Statistic.of(m1 - m2);
    if (n1 < 2 || n2 < 2) {
      Statistic u = Statistic.undefined("one score in a group");
      return new GapEstimate(difference, u, u, u, u);
    }
    double v1 = group.variance().value();
    double v2 = comparison.variance().value();
    if (v1 == 0 && v2 == 0) {
      Statistic u = Statistic.undefined("no variance in either group");
      return new GapEstimate(difference, u, u, u, u);
    }
    TTest.Result test = WELCH.test(m1, v1, n1, m2, v2, n2);
    // as R's t.test: stderr = sqrt(stderrx^2 + stderry^2), cint = (tstat -/+ qt(0.975, df)) * stderr
    double stderrx = Math.sqrt(v1 / n1);
    double stderry = Math.sqrt(v2 / n2);
    double stderr = Math.sqrt(stderrx * stderrx + stderry * stderry);
    double tstat = (m1 - m2) / stderr;
    double q = Gaps.tUpperQuantile(test.getDegreesOfFreedom(), 0.025);
    double pooled = Math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2));
    double g = (m1 - m2) / pooled * (1 - 3.0 / (4 * (n1 + n2) - 9));
    return new GapEstimate(difference, Statistic.of(g), Statistic.of((tstat - q) * stderr),
        Statistic.of((tstat + q) * stderr), Statistic.of(test.getPValue()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WelchGap w && Double.compare(minimumEffect, w.minimumEffect) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(WelchGap.class, minimumEffect);
  }

  @Override
  public String toString() {
    return "WelchGap[minimumEffect=" + minimumEffect + "]";
  }
}

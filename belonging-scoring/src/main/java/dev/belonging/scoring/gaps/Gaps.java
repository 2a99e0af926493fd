package dev.belonging.scoring.gaps;

import dev.belonging.scoring.DimensionStatistics;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** Helpers shared by the detectors. */
final class Gaps {

  /** The standard normal distribution. */
  static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** The 97.5 % quantile of the standard normal distribution, R's {@code qnorm(0.975)}. */
  static final double Z_975 = STANDARD_NORMAL.inverseSurvivalProbability(0.025);

  /** Degrees of freedom from which on {@link #tUpperQuantile} refines the Cornish–Fisher expansion. */
  static final double EXPANSION_FROM = 1;

  /** Steps {@link #tUpperQuantile} takes at most before it asks the distribution's own solver. */
  private static final int NEWTON_STEPS = 60;

  private Gaps() {}

  /**
   * Returns the quantile of Student's t with {@code df} degrees of freedom whose upper tail holds {@code p},
   * R's {@code qt(p, df, lower.tail = FALSE)}: the same number as
   * {@code TDistribution.of(df).inverseSurvivalProbability(p)}, to a few units in the last place, at a
   * fraction of its cost. From {@value #EXPANSION_FROM} degree of freedom on, for an upper tail below a half,
   * it starts from the Cornish–Fisher expansion about the normal quantile z (Abramowitz and Stegun 26.7.5,
   * to the fourth power of 1/df) and refines it by Newton's method on the survival function,
   * t ← t + (S(t) − p) / f(t), kept inside the interval that the values met so far show to hold the root
   * (a step that would leave it halves it instead), until a step moves it by no more than a few units in
   * the last place: usually after two to five evaluations of the incomplete beta function where the
   * generic solver needs dozens. Otherwise, or if the steps do not settle, it asks the distribution.
   *
   * @param df the degrees of freedom, positive (Welch's are not whole numbers)
   * @param p the upper tail's probability, in (0, 1)
   * @return the quantile
   */
  static double tUpperQuantile(double df, double p) {
    TDistribution t = TDistribution.of(df);
    if (!(df >= EXPANSION_FROM) || !(p > 0 && p < 0.5)) {
      return t.inverseSurvivalProbability(p);
    }
    // S is decreasing, with S(0) = 1/2 > p: the root lies in (lo, hi)
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    double x = cornishFisher(STANDARD_NORMAL.inverseSurvivalProbability(p), df);
    if (!(x > 0) || Double.isInfinite(x)) {
      x = 1;
    }
    for (int i = 0; i < NEWTON_STEPS; i++) {
      double s = t.survivalProbability(x);
      if (s > p) {
        lo = x;
      } else {
        hi = x;
      }
      double next = x + (s - p) / t.density(x);
      if (Math.abs(next - x) <= 4 * Math.ulp(next)) {
        return next;
      }
      x = next > lo && next < hi ? next : Double.isInfinite(hi) ? 2 * x : lo + (hi - lo) / 2;
    }
    return t.inverseSurvivalProbability(p);
  }

  /** The Cornish–Fisher expansion of t's quantile about the normal quantile z (A&S 26.7.5). */
  private static double cornishFisher(double z, double df) {
    double z2 = z * z;
    double g1 = (z2 + 1) * z / 4;
    double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
    double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
    double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
    return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
  }

  /** Checks that two statistics describe the same dimension of the same instrument. */
  static void requireSameDimension(DimensionStatistics group, DimensionStatistics comparison) {
    if (!group.dimension().equals(comparison.dimension()) || !group.scale().equals(comparison.scale())
        || group.items() != comparison.items()) {
      throw new IllegalArgumentException("a gap compares one dimension of one instrument: "
          + group.dimension().id() + " and " + comparison.dimension().id() + " differ");
    }
  }

  /** Checks a minimum effect. */
  static double requireMinimumEffect(double minimumEffect) {
    if (!(minimumEffect >= 0) || Double.isInfinite(minimumEffect)) {
      throw new IllegalArgumentException("a minimum effect is a finite number of at least 0: "
          + minimumEffect);
    }
    return minimumEffect;
  }

  /** Returns the two-sided p-value of a standard normal statistic, R's {@code 2 * pnorm(-abs(z))}. */
  static double twoSidedNormal(double z) {
    return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
  }
}

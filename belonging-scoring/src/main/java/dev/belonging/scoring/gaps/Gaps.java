package dev.belonging.scoring.gaps;

import dev.belonging.scoring.DimensionStatistics;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Helpers shared by the detectors. */
final class Gaps {

  /** The standard normal distribution. */
  static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** The 97.5 % quantile of the standard normal distribution, R's {@code qnorm(0.975)}. */
  static final double Z_975 = STANDARD_NORMAL.inverseSurvivalProbability(0.025);

  private Gaps() {}

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

package dev.belonging.scoring.gaps;

import dev.belonging.scoring.DimensionStatistics;

/**
 * A way to compare one dimension's statistics of a group with those of another, disjoint group: a
 * difference, an effect size, a 95 % confidence interval and a two-sided p-value (service-provider
 * interface).
 *
 * <p>A detector works only from the mergeable {@link DimensionStatistics} (score histograms, favorable and
 * answered counts and their per-member sums), never from respondents, so the comparison with the rest of the
 * population is the population's statistics minus the segment's. Implementations must be immutable,
 * thread-safe and deterministic, must give undefined parts (with a reason) rather than NaN, and must be
 * antisymmetric: swapping the two groups negates the difference, the effect size and the interval and keeps
 * the p-value. {@code GapDetectorContract} in the tests checks these rules; every implementation's test
 * extends it.
 *
 * <p>The analysis decides which groups are compared (both with at least k scores, see {@link GapAnalysis});
 * a detector compares whatever it is given.
 */
public interface GapDetector {

  /**
   * Returns the detector's name in reports, e.g. {@code welch}.
   *
   * @return a short lowercase name
   */
  String name();

  /**
   * Returns the type of the effect size in reports, e.g. {@code hedges-g}.
   *
   * @return a short lowercase name
   */
  String effectSizeType();

  /**
   * Returns the unit of the difference.
   *
   * @return the unit
   */
  DifferenceUnit differenceUnit();

  /**
   * Returns the smallest absolute effect size that a gap needs to be flagged (CONTRACTS §5).
   *
   * @return the minimum effect, at least 0
   */
  double minimumEffect();

  /**
   * Compares a group with another on one dimension.
   *
   * @param group the statistics of the group, e.g. a segment
   * @param comparison the statistics of a disjoint group of the same dimension, e.g. the rest of the
   *     population
   * @return the estimate; parts that cannot be computed are undefined with a reason
   * @throws IllegalArgumentException if the two statistics are of different dimensions
   */
  GapEstimate estimate(DimensionStatistics group, DimensionStatistics comparison);
}

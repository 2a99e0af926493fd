package dev.belonging.scoring.gaps;

import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.Statistic;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A favorable-share gap: the difference of the shares of favorable answers (over every answer of the group's
 * members to the dimension's items, as the report's {@code favorable}), with respondents as clusters of their
 * answers (CONTRACTS §5).
 *
 * <p>A respondent's answers are correlated, so they are not independent trials and a binomial test would be
 * far too sure. For a group whose contributors {@code i = 1..n} (members with at least one answer) gave
 * {@code f_i} favorable answers out of {@code a_i}, with {@code r = Σf / Σa} and {@code ā = Σa / n}, the
 * variance of the ratio estimator is
 *
 * <pre>  V = Σ (f_i − r a_i)² / (n (n − 1) ā²)</pre>
 *
 * <p>which is R's {@code SE(svyratio(~f, ~a, svydesign(ids = ~1, data = g)))²}. It is computed exactly from
 * the mergeable sums Σf, Σa, Σf², Σa², Σfa and n: {@code Σ (f_i − r a_i)² = ((Σa)² Σf² − 2 Σa Σf Σfa + (Σf)²
 * Σa²) / (Σa)²} in integers. The gap is {@code difference = r_group − r_comparison} with a two-sided z-test
 * of {@code difference / sqrt(V_group + V_comparison)}, the 95 % interval {@code difference ∓ 1.959964 ·
 * sqrt(V_group + V_comparison)}, and {@code effectSize} = Cohen's h = {@code 2 asin √r_group − 2 asin
 * √r_comparison}.
 *
 * <p>Undefined parts: everything when a group has no answers; the test and interval when a group has one
 * contributor, or when neither group's shares vary between respondents ({@code V = 0}). Flagged from |h| ≥
 * 0.2 by default.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class FavorableShareGap implements GapDetector {

  /** The default minimum |Cohen's h| of a flagged gap, a "small" effect (Cohen). */
  public static final double DEFAULT_MINIMUM_EFFECT = 0.2;

  private static final FavorableShareGap DEFAULTS = new FavorableShareGap(DEFAULT_MINIMUM_EFFECT);

  private final double minimumEffect;

  private FavorableShareGap(double minimumEffect) {
    this.minimumEffect = Gaps.requireMinimumEffect(minimumEffect);
  }

  /**
   * Returns the detector with a minimum effect of |h| ≥ {@value #DEFAULT_MINIMUM_EFFECT}.
   *
   * @return the detector
   */
  public static FavorableShareGap withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another minimum effect for flagging.
   *
   * @param newMinimumEffect the smallest |Cohen's h| of a flagged gap, finite and at least 0
   * @return the detector
   * @throws IllegalArgumentException if the value is negative, infinite or NaN
   */
  public FavorableShareGap withMinimumEffect(double newMinimumEffect) {
    return new FavorableShareGap(newMinimumEffect);
  }

  /** Returns {@code favorable-share}. */
  @Override
  public String name() {
    return "favorable-share";
  }

  /** Returns {@code cohens-h}. */
  @Override
  public String effectSizeType() {
    return "cohens-h";
  }

  /** Returns {@link DifferenceUnit#SHARE}. */
  @Override
  public DifferenceUnit differenceUnit() {
    return DifferenceUnit.SHARE;
  }

  @Override
  public double minimumEffect() {
    return minimumEffect;
  }

  @Override
  public GapEstimate estimate(DimensionStatistics group, DimensionStatistics comparison) {
    Gaps.requireSameDimension(group, comparison);
    if (group.answers() == 0 || comparison.answers() == 0) {
      return GapEstimate.undefined(group.answers() == 0
          ? "no answers in the group" : "no answers in the comparison group");
    }
    double r1 = share(group);
    double r2 = share(comparison);
    Statistic difference = Statistic.of(r1 - r2);
    Statistic h = Statistic.of(2 * Math.asin(Math.sqrt(r1)) - 2 * Math.asin(Math.sqrt(r2)));
    if (group.answering() < 2 || comparison.answering() < 2) {
      Statistic u = Statistic.undefined("one contributor in a group");
      return new GapEstimate(difference, h, u, u, u);
    }
    double variance = ratioVariance(group) + ratioVariance(comparison);
    if (variance == 0) {
      Statistic u = Statistic.undefined("no variance in either group");
      return new GapEstimate(difference, h, u, u, u);
    }
    double se = Math.sqrt(variance);
    double diff = r1 - r2;
    return new GapEstimate(difference, h, Statistic.of(diff - Gaps.Z_975 * se),
        Statistic.of(diff + Gaps.Z_975 * se), Statistic.of(Gaps.twoSidedNormal(diff / se)));
  }

  private static double share(DimensionStatistics d) {
    return (double) d.favorableAnswers() / d.answers();
  }

  /**
   * Returns the variance of a group's ratio estimator, {@code n Σ (f_i − r a_i)² / ((n − 1) (Σa)²)}, from an
   * exact integer numerator.
   *
   * @param d the statistics, with at least two contributors
   * @return the variance
   */
  static double ratioVariance(DimensionStatistics d) {
    BigInteger f = BigInteger.valueOf(d.favorableAnswers());
    BigInteger a = BigInteger.valueOf(d.answers());
    // (Σa)² Σ (f_i − r a_i)² = (Σa)² Σf² − 2 Σa Σf Σfa + (Σf)² Σa²
    BigInteger numerator = a.multiply(a).multiply(BigInteger.valueOf(d.favorableSquares()))
        .subtract(BigInteger.TWO.multiply(a).multiply(f)
            .multiply(BigInteger.valueOf(d.favorableAnsweredProducts())))
        .add(f.multiply(f).multiply(BigInteger.valueOf(d.answeredSquares())));
    double sumA = d.answers();
    double n = d.answering();
    return numerator.doubleValue() / (sumA * sumA) / (sumA * sumA) * n / (n - 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FavorableShareGap g && Double.compare(minimumEffect, g.minimumEffect) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(FavorableShareGap.class, minimumEffect);
  }

  @Override
  public String toString() {
    return "FavorableShareGap[minimumEffect=" + minimumEffect + "]";
  }
}

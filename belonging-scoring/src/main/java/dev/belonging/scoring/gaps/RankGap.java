package dev.belonging.scoring.gaps;

import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.Statistic;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A rank gap: the Mann–Whitney U test with tie and continuity corrections, the Hodges–Lehmann shift with a
 * distribution-free 95 % interval, and the rank-biserial correlation as effect size. It asks whether a
 * group's scores tend to lie above or below the comparison's without assuming normal scores; it is computed
 * from the score histograms alone, with no second pass over respondents.
 *
 * <p>For a group of {@code n1} scores and a comparison of {@code n2} (all {@code N = n1 + n2} ranked
 * together, ties sharing their average rank):
 *
 * <ul>
 *   <li>{@code U = R1 − n1 (n1 + 1) / 2}, {@code R1} the group's rank sum;
 *   <li>{@code σ = sqrt(n1 n2 / 12 · ((N + 1) − Σ (τ³ − τ) / (N (N − 1))))}, {@code τ} the size of each tie
 *       group; {@code z = (U − n1 n2 / 2 − sign(U − n1 n2 / 2) / 2) / σ}; two-sided {@code pValue = 2 Φ(−|z|)}.
 *       This is R's {@code wilcox.test(x, y, exact = FALSE, correct = TRUE)$p.value};
 *   <li>{@code effectSize} = rank-biserial correlation {@code 2 U / (n1 n2) − 1}, in [−1, 1]: positive when
 *       the group's scores tend to be higher;
 *   <li>{@code difference} = Hodges–Lehmann estimate: the median of the {@code M = n1 n2} differences
 *       {@code x_i − y_j} (R: {@code median(outer(x, y, "-"))});
 *   <li>95 % interval: the {@code C}-th and {@code (M + 1 − C)}-th smallest of those differences with {@code
 *       C = floor(M / 2 − 1.959964 σ)} (the large-sample distribution-free interval of Hollander and Wolfe,
 *       with the tie-corrected σ of the test); undefined when {@code C < 1}.
 * </ul>
 *
 * <p>Undefined parts: everything when a group has no score; the p-value when every score is equal
 * ({@code σ = 0}). Flagged from |rank-biserial| ≥ 0.1 by default.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RankGap implements GapDetector {

  /** The default minimum |rank-biserial correlation| of a flagged gap, a "small" correlation (Cohen). */
  public static final double DEFAULT_MINIMUM_EFFECT = 0.1;

  private static final RankGap DEFAULTS = new RankGap(DEFAULT_MINIMUM_EFFECT);

  private final double minimumEffect;

  private RankGap(double minimumEffect) {
    this.minimumEffect = Gaps.requireMinimumEffect(minimumEffect);
  }

  /**
   * Returns the detector with a minimum effect of |r| ≥ {@value #DEFAULT_MINIMUM_EFFECT}.
   *
   * @return the detector
   */
  public static RankGap withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another minimum effect for flagging.
   *
   * @param newMinimumEffect the smallest |rank-biserial correlation| of a flagged gap, finite and at least 0
   * @return the detector
   * @throws IllegalArgumentException if the value is negative, infinite or NaN
   */
  public RankGap withMinimumEffect(double newMinimumEffect) {
    return new RankGap(newMinimumEffect);
  }

  /** Returns {@code rank}. */
  @Override
  public String name() {
    return "rank";
  }

  /** Returns {@code rank-biserial}. */
  @Override
  public String effectSizeType() {
    return "rank-biserial";
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
    ScoreHistogram x = ScoreHistogram.of(group);
    ScoreHistogram y = ScoreHistogram.of(comparison);
    long n1 = x.total;
    long n2 = y.total;
    if (n1 == 0 || n2 == 0) {
      return GapEstimate.undefined(n1 == 0 ? "no scores in the group" : "no scores in the comparison group");
    }
    // rank sum of the group, doubled so that average ranks stay integers; tie term Σ (τ³ − τ)
    long rankSumTwice = 0;
    double ties = 0;
    long below = 0;
    int i = 0;
    int j = 0;
    while (i < x.values.length || j < y.values.length) {
      double v = Math.min(i < x.values.length ? x.values[i] : Double.POSITIVE_INFINITY,
          j < y.values.length ? y.values[j] : Double.POSITIVE_INFINITY);
      long inX = i < x.values.length && x.values[i] == v ? x.counts[i++] : 0;
      long inY = j < y.values.length && y.values[j] == v ? y.counts[j++] : 0;
      long tau = inX + inY;
      // the tie group holds ranks below + 1 .. below + tau, average (2 below + tau + 1) / 2
      rankSumTwice = Math.addExact(rankSumTwice, Math.multiplyExact(inX, 2 * below + tau + 1));
      double t = tau;
      ties += t * t * t - t;
      below += tau;
    }
    long pairs = Math.multiplyExact(n1, n2);
    long uTwice = rankSumTwice - n1 * (n1 + 1);
    // as R's wilcox.test(exact = FALSE, correct = TRUE)
    double statistic = uTwice / 2.0;
    double nx = n1;
    double ny = n2;
    double z = statistic - nx * ny / 2;
    double sigma = Math.sqrt((nx * ny / 12) * ((nx + ny + 1) - ties / ((nx + ny) * (nx + ny - 1))));
    Statistic pValue;
    if (sigma > 0) {
      double correction = Math.signum(z) * 0.5;
      double zc = (z - correction) / sigma;
      pValue = Statistic.of(Math.min(1, 2 * Math.min(Gaps.STANDARD_NORMAL.cumulativeProbability(zc),
          Gaps.STANDARD_NORMAL.survivalProbability(zc))));
    } else {
      pValue = Statistic.undefined("all scores are equal");
    }
    Statistic effect = Statistic.of((double) (uTwice - pairs) / pairs);

    Differences d = new Differences(x, y);
    double median = pairs % 2 == 1
        ? d.smallest((pairs + 1) / 2)
        : (d.smallest(pairs / 2) + d.smallest(pairs / 2 + 1)) / 2;
    double c = Math.floor(pairs / 2.0 - Gaps.Z_975 * sigma);
    Statistic low;
    Statistic high;
    if (c >= 1) {
      low = Statistic.of(d.smallest((long) c));
      high = Statistic.of(d.smallest(pairs + 1 - (long) c));
    } else {
      low = Statistic.undefined("too few scores for a rank interval");
      high = low;
    }
    return new GapEstimate(Statistic.of(median), effect, low, high, pValue);
  }

  /**
   * The {@code n1 n2} differences {@code x_i − y_j} of two histograms, weighted by {@code n1(x) n2(y)},
   * searched without listing them: for fixed {@code i} the differences decrease in {@code j}, so counting
   * those at most {@code d} takes one binary search per distinct group score.
   */
  private static final class Differences {
    /** Below this many distinct pairs in the search interval, they are listed and sorted. */
    private static final int LIST = 4096;

    private final ScoreHistogram x;
    private final ScoreHistogram y;
    /** {@code tail[j]} = number of comparison scores at index j or above. */
    private final long[] tail;

    Differences(ScoreHistogram x, ScoreHistogram y) {
      this.x = x;
      this.y = y;
      tail = new long[y.values.length + 1];
      for (int j = y.values.length - 1; j >= 0; j--) {
        tail[j] = tail[j + 1] + y.counts[j];
      }
    }

    /** Returns the first j with {@code x_i − y_j <= d} (the length of y when there is none). */
    private int first(int i, double d) {
      int lo = 0;
      int hi = y.values.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (x.values[i] - y.values[mid] <= d) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }

    /** Returns how many of the weighted differences are at most {@code d}. */
    private long atMost(double d) {
      long count = 0;
      for (int i = 0; i < x.values.length; i++) {
        count += x.counts[i] * tail[first(i, d)];
      }
      return count;
    }

    /**
     * Returns the k-th smallest weighted difference, 1 ≤ k ≤ n1 n2: the smallest difference d with at least
     * k differences at most d. The interval (lo, hi] that holds it shrinks around pivots drawn from the
     * distinct pairs inside it (the draws only change the speed, never the result) until few enough are
     * left to sort.
     */
    double smallest(long k) {
      double lo = Double.NEGATIVE_INFINITY;
      double hi = Double.POSITIVE_INFINITY;
      int[] from = new int[x.values.length];
      int[] to = new int[x.values.length];
      SplittableRandom random = new SplittableRandom(k);
      while (true) {
        long inside = 0;
        for (int i = 0; i < x.values.length; i++) {
          from[i] = first(i, hi);
          to[i] = first(i, lo);
          inside += to[i] - from[i];
        }
        if (inside <= LIST) {
          double[] left = new double[(int) inside];
          int n = 0;
          for (int i = 0; i < x.values.length; i++) {
            for (int j = from[i]; j < to[i]; j++) {
              left[n++] = x.values[i] - y.values[j];
            }
          }
          Arrays.sort(left);
          int a = 0;
          int b = n - 1;
          while (a < b) {
            int mid = (a + b) >>> 1;
            if (atMost(left[mid]) >= k) {
              b = mid;
            } else {
              a = mid + 1;
            }
          }
          return left[a];
        }
        long r = random.nextLong(inside);
        int i = 0;
        while (r >= to[i] - from[i]) {
          r -= to[i] - from[i];
          i++;
        }
        double pivot = x.values[i] - y.values[from[i] + (int) r];
        // each step leaves out every pair equal to the pivot, so the interval always shrinks
        if (atMost(pivot) < k) {
          lo = pivot;
        } else if (atMost(Math.nextDown(pivot)) < k) {
          return pivot;
        } else {
          hi = Math.nextDown(pivot);
        }
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RankGap r && Double.compare(minimumEffect, r.minimumEffect) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(RankGap.class, minimumEffect);
  }

  @Override
  public String toString() {
    return "RankGap[minimumEffect=" + minimumEffect + "]";
  }
}

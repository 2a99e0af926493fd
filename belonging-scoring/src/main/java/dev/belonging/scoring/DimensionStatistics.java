package dev.belonging.scoring;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.internal.StatisticsLayout;

/**
 * The sufficient statistics of one dimension in one segment, and the descriptive numbers computed from
 * them.
 *
 * <p>A respondent's score is the mean of their answered (coded) items, defined when the missing policy
 * allows. Scores are kept as a histogram by (answered items {@code c}, total of coded answers), so that
 * {@link #mean()} and {@link #variance()} are computed once, here, from integers.
 *
 * <p>This class is immutable and thread-safe (a view of an immutable {@link SegmentStatistics}).
 */
public final class DimensionStatistics {

  private final StatisticsLayout layout;
  private final long[] sums;
  private final int d;

  DimensionStatistics(StatisticsLayout layout, long[] sums, int d) {
    this.layout = layout;
    this.sums = sums;
    this.d = d;
  }

  /**
   * Returns the dimension.
   *
   * @return the dimension
   */
  public Dimension dimension() {
    return layout.instrument().dimensions().get(d);
  }

  /**
   * Returns the scale the dimension's items share.
   *
   * @return the scale
   */
  public Scale scale() {
    return layout.instrument().scaleOfDimension(dimension().id());
  }

  /**
   * Returns the number of items {@code m}.
   *
   * @return the item count
   */
  public int items() {
    return layout.dimensionQuestions(d).length;
  }

  /**
   * Returns how many members have a score.
   *
   * @return the number of scores {@code n}
   */
  public long scored() {
    long n = 0;
    for (int c = layout.minAnswered(d); c <= items(); c++) {
      int base = layout.histogramSlot(d, c, 0);
      for (int t = 0; t <= c * layout.range(d); t++) {
        n += sums[base + t];
      }
    }
    return n;
  }

  /**
   * Returns how many respondents with a score answered {@code c} items and had a total of coded answers of
   * {@code c·min + t}, i.e. a score of {@code min + t / c}.
   *
   * @param c answered items
   * @param t total above the minimum, {@code 0 <= t <= c·(max − min)}
   * @return the count, 0 when {@code c} is below the missing policy's minimum
   */
  public long count(int c, int t) {
    if (c < layout.minAnswered(d) || c > items() || t < 0 || t > c * layout.range(d)) {
      return 0;
    }
    return sums[layout.histogramSlot(d, c, t)];
  }

  /**
   * Returns the number of favorable answers of all members to the dimension's items.
   *
   * @return the favorable count
   */
  public long favorableAnswers() {
    return sums[layout.extras(d) + StatisticsLayout.F];
  }

  /**
   * Returns the number of unfavorable answers of all members to the dimension's items.
   *
   * @return the unfavorable count
   */
  public long unfavorableAnswers() {
    return sums[layout.extras(d) + StatisticsLayout.U];
  }

  /**
   * Returns the number of answers of all members to the dimension's items (members without a score
   * included).
   *
   * @return the answered count
   */
  public long answers() {
    return sums[layout.extras(d) + StatisticsLayout.A];
  }

  /**
   * Returns how many members answered at least one of the dimension's items.
   *
   * @return the number of answering members
   */
  public long answering() {
    return sums[layout.extras(d) + StatisticsLayout.ANSWERING];
  }

  /**
   * Returns Σ f_i² over members, f_i being member i's favorable answers in the dimension.
   *
   * @return the sum of squares
   */
  public long favorableSquares() {
    return sums[layout.extras(d) + StatisticsLayout.FF];
  }

  /**
   * Returns Σ a_i² over members, a_i being member i's answered items in the dimension.
   *
   * @return the sum of squares
   */
  public long answeredSquares() {
    return sums[layout.extras(d) + StatisticsLayout.AA];
  }

  /**
   * Returns Σ f_i·a_i over members.
   *
   * @return the sum of products
   */
  public long favorableAnsweredProducts() {
    return sums[layout.extras(d) + StatisticsLayout.FA];
  }

  /**
   * Returns the sum of the members' scores, {@code Σ score}.
   *
   * @return the sum, 0 when nobody has a score
   */
  public double scoreSum() {
    return scored() * (double) scale().min() + sumAboveMinimum();
  }

  /** Returns {@code Σ (score − min)}: per answered-item count c, the integer total over c. */
  private double sumAboveMinimum() {
    double sum = 0;
    for (int c = layout.minAnswered(d); c <= items(); c++) {
      long total = 0;
      int base = layout.histogramSlot(d, c, 0);
      for (int t = 0; t <= c * layout.range(d); t++) {
        total += t * sums[base + t];
      }
      sum += (double) total / c;
    }
    return sum;
  }

  /**
   * Returns the mean score, {@code Σ score / n}; the score itself when every score is the same.
   *
   * @return the mean, undefined ({@code "no scores"}) when {@code n = 0}
   */
  public Statistic mean() {
    long n = scored();
    if (n == 0) {
      return Statistic.undefined("no scores");
    }
    double common = commonScoreAboveMinimum();
    return Statistic.of(scale().min() + (Double.isNaN(common) ? sumAboveMinimum() / n : common));
  }

  /**
   * Returns the sample variance of the scores, {@code Σ (score − mean)² / (n − 1)}; exactly 0 when every
   * score is the same.
   *
   * @return the variance, undefined ({@code "one score"} or {@code "no scores"}) when {@code n < 2}
   */
  public Statistic variance() {
    long n = scored();
    if (n < 2) {
      return Statistic.undefined(n == 0 ? "no scores" : "one score");
    }
    if (!Double.isNaN(commonScoreAboveMinimum())) {
      return Statistic.of(0);
    }
    double mean = sumAboveMinimum() / n;
    double ss = 0;
    for (int c = layout.minAnswered(d); c <= items(); c++) {
      int base = layout.histogramSlot(d, c, 0);
      for (int t = 0; t <= c * layout.range(d); t++) {
        long k = sums[base + t];
        if (k != 0) {
          double dev = (double) t / c - mean;
          ss += k * dev * dev;
        }
      }
    }
    return Statistic.of(ss / (n - 1));
  }

  /**
   * Returns {@code score − min} when every score is the same rational number {@code t / c}, else NaN;
   * decided on integers, so that a group without variance has a variance of exactly 0 and the same mean
   * whatever its size (rounding in the mean would otherwise leave a variance of order 1e-30, and a t-test
   * on it an absurd effect size).
   */
  private double commonScoreAboveMinimum() {
    long firstT = -1;
    long firstC = 0;
    for (int c = layout.minAnswered(d); c <= items(); c++) {
      int base = layout.histogramSlot(d, c, 0);
      for (int t = 0; t <= c * layout.range(d); t++) {
        if (sums[base + t] != 0) {
          if (firstT < 0) {
            firstT = t;
            firstC = c;
          } else if ((long) t * firstC != firstT * c) {
            return Double.NaN;
          }
        }
      }
    }
    return firstT < 0 ? Double.NaN : (double) firstT / firstC;
  }

  /**
   * Returns the sample standard deviation of the scores (n − 1).
   *
   * @return the SD, undefined when {@code n < 2}
   */
  public Statistic sd() {
    Statistic v = variance();
    return v.isDefined() ? Statistic.of(Math.sqrt(v.value())) : v;
  }

  /**
   * Calls the consumer once per distinct (answered items, total) cell with a non-zero count, in increasing
   * order of {@code c} then {@code t}: the distribution of scores, for rank-based tests.
   *
   * @param consumer receives {@code (score, count)}
   */
  public void forEachScore(ScoreConsumer consumer) {
    double min = scale().min();
    for (int c = layout.minAnswered(d); c <= items(); c++) {
      int base = layout.histogramSlot(d, c, 0);
      for (int t = 0; t <= c * layout.range(d); t++) {
        long k = sums[base + t];
        if (k != 0) {
          consumer.accept(min + (double) t / c, k);
        }
      }
    }
  }

  /** Receives one cell of the score distribution. */
  @FunctionalInterface
  public interface ScoreConsumer {
    /**
     * Accepts a score and how many respondents have it (in this cell).
     *
     * @param score the score
     * @param count the number of respondents, at least 1
     */
    void accept(double score, long count);
  }

  @Override
  public String toString() {
    return "DimensionStatistics[" + dimension().id() + ", n=" + scored() + "]";
  }
}

package dev.belonging.scoring;

import dev.belonging.core.model.Question;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.internal.StatisticsLayout;

/**
 * The answer counts of one rating question in one segment, and the numbers computed from them. The mean
 * and favorable share are over coded answers (reverse-keyed items mirrored).
 *
 * <p>This class is immutable and thread-safe (a view of an immutable {@link SegmentStatistics}).
 */
public final class QuestionStatistics {

  private final StatisticsLayout layout;
  private final long[] sums;
  private final int q;

  QuestionStatistics(StatisticsLayout layout, long[] sums, int q) {
    this.layout = layout;
    this.sums = sums;
    this.q = q;
  }

  /**
   * Returns the question.
   *
   * @return the question
   */
  public Question question() {
    return layout.instrument().questions().get(q);
  }

  /**
   * Returns the question's scale.
   *
   * @return the scale
   */
  public Scale scale() {
    return layout.instrument().scaleOf(question());
  }

  /**
   * Returns how many members answered the raw answer {@code value}.
   *
   * @param value a raw answer on the scale
   * @return the count, 0 for a value off the scale
   */
  public long count(int value) {
    Scale s = scale();
    return s.contains(value) ? sums[layout.questionOffset(q) + value - s.min()] : 0;
  }

  /**
   * Returns how many members answered.
   *
   * @return the number of answers
   */
  public long answered() {
    long n = 0;
    int base = layout.questionOffset(q);
    for (int i = 0; i < layout.points(q); i++) {
      n += sums[base + i];
    }
    return n;
  }

  /**
   * Returns the mean coded answer.
   *
   * @return the mean, undefined ({@code "no answers"}) when nobody answered
   */
  public Statistic mean() {
    long n = 0;
    long total = 0;
    int base = layout.questionOffset(q);
    for (int code = 1; code <= layout.points(q); code++) {
      long k = sums[base + code - 1];
      n += k;
      total += k * layout.codedOffset(q, code);
    }
    return n == 0 ? Statistic.undefined("no answers") : Statistic.of(scale().min() + (double) total / n);
  }

  /**
   * Returns the share of answers that are favorable after coding.
   *
   * @return the share in [0, 1], undefined ({@code "no answers"}) when nobody answered
   */
  public Statistic favorable() {
    long n = 0;
    long f = 0;
    int base = layout.questionOffset(q);
    for (int code = 1; code <= layout.points(q); code++) {
      long k = sums[base + code - 1];
      n += k;
      if (layout.isFavorable(q, code)) {
        f += k;
      }
    }
    return n == 0 ? Statistic.undefined("no answers") : Statistic.of((double) f / n);
  }

  @Override
  public String toString() {
    return "QuestionStatistics[" + question().id() + ", n=" + answered() + "]";
  }
}

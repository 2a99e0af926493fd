package dev.belonging.scoring;

import dev.belonging.core.model.Instrument;
import dev.belonging.scoring.internal.StatisticsLayout;
import java.util.Arrays;
import java.util.Objects;

/**
 * The sufficient statistics of one segment: its member count and, per dimension and question, integer
 * counts and sums from which every published number is computed at the end.
 *
 * <p>All parts are integers (histograms of respondent scores by answered-item count and total, favorable,
 * unfavorable and answered counts, answer counts per point), so {@link #plus} is exact, associative and
 * commutative with {@link #empty} as identity: statistics computed on any partition of the respondents and
 * merged equal those of one pass.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class SegmentStatistics {

  private final StatisticsLayout layout;
  private final long[] sums;

  SegmentStatistics(StatisticsLayout layout, long[] sums) {
    this.layout = layout;
    this.sums = sums;
  }

  /**
   * Returns the statistics of no respondents.
   *
   * @param instrument the instrument
   * @param policy the missing policy that decides who has a score
   * @return the empty statistics
   */
  public static SegmentStatistics empty(Instrument instrument, MissingPolicy policy) {
    StatisticsLayout layout = new StatisticsLayout(instrument, policy);
    return new SegmentStatistics(layout, new long[layout.length()]);
  }

  static SegmentStatistics wrap(StatisticsLayout layout, long[] sums) {
    if (sums.length != layout.length()) {
      throw new IllegalArgumentException("expected " + layout.length() + " sums, got " + sums.length);
    }
    return new SegmentStatistics(layout, sums);
  }

  /**
   * Returns the statistics of the union of two disjoint groups of respondents.
   *
   * @param other statistics for the same instrument and missing policy
   * @return the merged statistics
   * @throws IllegalArgumentException if the instrument or policy differ
   */
  public SegmentStatistics plus(SegmentStatistics other) {
    requireSameLayout(other);
    long[] merged = sums.clone();
    for (int i = 0; i < merged.length; i++) {
      merged[i] += other.sums[i];
    }
    return new SegmentStatistics(layout, merged);
  }

  /**
   * Returns the statistics of this group without a subgroup of it (the rest of the population is the
   * population minus a segment).
   *
   * @param subgroup statistics of a subgroup of this group, same instrument and policy
   * @return the difference
   * @throws IllegalArgumentException if the layouts differ or {@code subgroup} is not contained in this
   */
  public SegmentStatistics minus(SegmentStatistics subgroup) {
    requireSameLayout(subgroup);
    long[] diff = sums.clone();
    for (int i = 0; i < diff.length; i++) {
      diff[i] -= subgroup.sums[i];
      if (diff[i] < 0) {
        throw new IllegalArgumentException("the subtracted statistics are not part of these");
      }
    }
    return new SegmentStatistics(layout, diff);
  }

  private void requireSameLayout(SegmentStatistics other) {
    if (!layout.equals(other.layout)) {
      throw new IllegalArgumentException("statistics of different instruments or missing policies");
    }
  }

  /**
   * Returns the instrument.
   *
   * @return the instrument
   */
  public Instrument instrument() {
    return layout.instrument();
  }

  /**
   * Returns the missing policy.
   *
   * @return the policy
   */
  public MissingPolicy missingPolicy() {
    return layout.policy();
  }

  /**
   * Returns the number of members (respondents in the segment, with or without answers).
   *
   * @return the member count
   */
  public long respondents() {
    return sums[0];
  }

  /**
   * Returns the statistics of a dimension.
   *
   * @param dimensionId the dimension id
   * @return the dimension's statistics
   * @throws IllegalArgumentException if the instrument has no such dimension
   */
  public DimensionStatistics dimension(String dimensionId) {
    for (int d = 0; d < layout.instrument().dimensions().size(); d++) {
      if (layout.instrument().dimensions().get(d).id().equals(dimensionId)) {
        return new DimensionStatistics(layout, sums, d);
      }
    }
    throw new IllegalArgumentException("no dimension \"" + dimensionId + "\"");
  }

  /**
   * Returns the statistics of a rating question.
   *
   * @param questionId the question id
   * @return the question's statistics
   * @throws IllegalArgumentException if the instrument has no such rating question
   */
  public QuestionStatistics question(String questionId) {
    int q = layout.instrument().indexOf(questionId);
    if (q < 0 || !layout.instrument().questions().get(q).isRating()) {
      throw new IllegalArgumentException("no rating question \"" + questionId + "\"");
    }
    return new QuestionStatistics(layout, sums, q);
  }

  /**
   * Returns how many members wrote a comment to a comment question.
   *
   * @param questionId the comment question's id
   * @return the number of commenters
   * @throws IllegalArgumentException if the instrument has no such comment question
   */
  public long commenters(String questionId) {
    int q = layout.instrument().indexOf(questionId);
    if (q < 0 || layout.instrument().questions().get(q).isRating()) {
      throw new IllegalArgumentException("no comment question \"" + questionId + "\"");
    }
    return sums[layout.questionOffset(q)];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SegmentStatistics s && layout.equals(s.layout) && Arrays.equals(sums, s.sums);
  }

  @Override
  public int hashCode() {
    return Objects.hash(layout, Arrays.hashCode(sums));
  }

  @Override
  public String toString() {
    return "SegmentStatistics[" + respondents() + " respondents]";
  }
}

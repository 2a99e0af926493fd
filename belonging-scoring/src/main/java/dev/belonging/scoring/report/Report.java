package dev.belonging.scoring.report;

import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Wave;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.reliability.Reliability;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of an analysis: what may be published about one wave of responses, already guarded.
 *
 * <p>Every number in a report has passed the anonymity policy: segments below k are {@link
 * SuppressedSegment}s without numbers. The population comes first, then each breakdown's segments in
 * breakdown order, sorted by their attribute values in the analysis's {@link
 * dev.belonging.scoring.ValueOrder} (natural order unless values are listed). Rejected input rows are
 * listed by line and column with messages that name no respondent and no answer.
 *
 * <p>JSON: {@link ReportJson} (CONTRACTS §4, schema version {@value #SCHEMA_VERSION}); text: {@link
 * ReportText}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Report {

  /** The version of the report's JSON form. */
  public static final int SCHEMA_VERSION = 1;

  private final Instrument instrument;
  private final Wave wave;
  private final AnonymityPolicy policy;
  private final List<Breakdown> breakdowns;
  private final long respondents;
  private final List<Problem> rejected;
  private final List<Reliability> reliability;
  private final List<SegmentResult> segments;
  private final List<CommentSet> comments;
  private final List<Gap> gaps;
  private final boolean workBoundReached;
  /** Segment → its first result, made on the first {@link #segment} lookup (a race makes it twice, alike). */
  private volatile Map<Segment, SegmentResult> bySegment;

  private Report(Builder b) {
    this.instrument = Objects.requireNonNull(b.instrument, "instrument");
    this.wave = Objects.requireNonNull(b.wave, "wave");
    this.policy = Objects.requireNonNull(b.policy, "policy");
    this.breakdowns = List.copyOf(b.breakdowns);
    this.respondents = b.respondents;
    this.rejected = List.copyOf(b.rejected);
    this.reliability = List.copyOf(b.reliability);
    this.segments = List.copyOf(b.segments);
    this.comments = List.copyOf(b.comments);
    this.gaps = List.copyOf(b.gaps);
    this.workBoundReached = b.workBoundReached;
  }

  /**
   * Returns a builder, for analyses and tests; the values it is given are published as they are.
   *
   * @param instrument the instrument
   * @return the builder
   */
  public static Builder builder(Instrument instrument) {
    return new Builder(instrument);
  }

  /**
   * Returns the instrument.
   *
   * @return the instrument
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * Returns the wave.
   *
   * @return the wave
   */
  public Wave wave() {
    return wave;
  }

  /**
   * Returns the anonymity policy the report keeps.
   *
   * @return the policy
   */
  public AnonymityPolicy policy() {
    return policy;
  }

  /**
   * Returns the breakdowns, in the order asked for.
   *
   * @return the breakdowns
   */
  public List<Breakdown> breakdowns() {
    return breakdowns;
  }

  /**
   * Returns the number of respondents analysed (rejected rows excluded).
   *
   * @return the headcount
   */
  public long respondents() {
    return respondents;
  }

  /**
   * Returns the problems of the input rows that were rejected ({@code --skip-invalid}), one per problem.
   *
   * @return the problems, with publishable messages
   */
  public List<Problem> rejected() {
    return rejected;
  }

  /**
   * Returns the reliability of each dimension, in instrument order (empty when the population is not
   * shown).
   *
   * @return the reliability entries
   */
  public List<Reliability> reliability() {
    return reliability;
  }

  /**
   * Returns the segments: the population first, then each breakdown's.
   *
   * @return the segments
   */
  public List<SegmentResult> segments() {
    return segments;
  }

  /**
   * Returns the comment sets that may be shown.
   *
   * @return the comments
   */
  public List<CommentSet> comments() {
    return comments;
  }

  /**
   * Returns the gaps: shown segments compared with the rest of the population (or a reference segment) on
   * each shown dimension, sorted by q-value, then by decreasing |effect size|.
   *
   * @return the gaps
   */
  public List<Gap> gaps() {
    return gaps;
  }

  /**
   * Returns whether the guard reached its bound on the work of its exact search
   * ({@link dev.belonging.scoring.privacy.Disclosure#workBoundReached()}): some complementary suppressions
   * or omitted figures were then not proven necessary. They reveal nothing; with fewer crossed breakdowns
   * the guard may show them.
   *
   * @return whether the bound was reached
   */
  public boolean workBoundReached() {
    return workBoundReached;
  }

  /**
   * Returns a segment's result. The first lookup indexes the report's segments, so that looking up each of
   * many segments (thousands of teams) takes time in proportion to their number, not its square.
   *
   * @param segment the segment
   * @return the result, empty when the report has no such segment
   */
  public Optional<SegmentResult> segment(Segment segment) {
    Map<Segment, SegmentResult> index = bySegment;
    if (index == null) {
      Map<Segment, SegmentResult> made = new HashMap<>();
      for (SegmentResult s : segments) {
        made.putIfAbsent(s.segment(), s);
      }
      index = Collections.unmodifiableMap(made);
      bySegment = index;
    }
    return Optional.ofNullable(index.get(segment));
  }

  /**
   * Returns how many segments were suppressed for a reason.
   *
   * @param reason the reason
   * @return the count
   */
  public int suppressed(SuppressionReason reason) {
    int n = 0;
    for (SegmentResult s : segments) {
      if (s instanceof SuppressedSegment x && x.reasonCode() == reason) {
        n++;
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Report r
        && instrument.equals(r.instrument)
        && wave.equals(r.wave)
        && policy.equals(r.policy)
        && breakdowns.equals(r.breakdowns)
        && respondents == r.respondents
        && rejected.equals(r.rejected)
        && reliability.equals(r.reliability)
        && segments.equals(r.segments)
        && comments.equals(r.comments)
        && gaps.equals(r.gaps)
        && workBoundReached == r.workBoundReached;
  }

  @Override
  public int hashCode() {
    return Objects.hash(instrument, wave, policy, breakdowns, respondents, rejected, reliability, segments,
        comments, gaps, workBoundReached);
  }

  @Override
  public String toString() {
    return "Report[" + instrument.id() + ", " + respondents + " respondents, " + segments.size()
        + " segments]";
  }

  /** Collects the parts of a report. Not thread-safe. */
  public static final class Builder {
    private final Instrument instrument;
    private Wave wave = Wave.DEFAULT;
    private AnonymityPolicy policy = AnonymityPolicy.withDefaults();
    private List<Breakdown> breakdowns = List.of();
    private long respondents;
    private List<Problem> rejected = List.of();
    private List<Reliability> reliability = List.of();
    private List<SegmentResult> segments = List.of();
    private List<CommentSet> comments = List.of();
    private List<Gap> gaps = List.of();
    private boolean workBoundReached;

    private Builder(Instrument instrument) {
      this.instrument = Objects.requireNonNull(instrument, "instrument");
    }

    /**
     * Sets the wave.
     *
     * @param value the wave
     * @return this builder
     */
    public Builder wave(Wave value) {
      this.wave = value;
      return this;
    }

    /**
     * Sets the policy.
     *
     * @param value the policy
     * @return this builder
     */
    public Builder policy(AnonymityPolicy value) {
      this.policy = value;
      return this;
    }

    /**
     * Sets the breakdowns.
     *
     * @param value the breakdowns
     * @return this builder
     */
    public Builder breakdowns(List<Breakdown> value) {
      this.breakdowns = value;
      return this;
    }

    /**
     * Sets the headcount.
     *
     * @param value the number of respondents
     * @return this builder
     */
    public Builder respondents(long value) {
      this.respondents = value;
      return this;
    }

    /**
     * Sets the rejected rows' problems.
     *
     * @param value the problems
     * @return this builder
     */
    public Builder rejected(List<Problem> value) {
      this.rejected = value;
      return this;
    }

    /**
     * Sets the reliability entries.
     *
     * @param value the entries
     * @return this builder
     */
    public Builder reliability(List<Reliability> value) {
      this.reliability = value;
      return this;
    }

    /**
     * Sets the segments.
     *
     * @param value the segments
     * @return this builder
     */
    public Builder segments(List<SegmentResult> value) {
      this.segments = value;
      return this;
    }

    /**
     * Sets the comment sets.
     *
     * @param value the comments
     * @return this builder
     */
    public Builder comments(List<CommentSet> value) {
      this.comments = value;
      return this;
    }

    /**
     * Sets the gaps, in the order to publish them.
     *
     * @param value the gaps
     * @return this builder
     */
    public Builder gaps(List<Gap> value) {
      this.gaps = value;
      return this;
    }

    /**
     * Sets whether the guard reached its bound on the work of its exact search.
     *
     * @param value whether it did
     * @return this builder
     */
    public Builder workBoundReached(boolean value) {
      this.workBoundReached = value;
      return this;
    }

    /**
     * Returns the report.
     *
     * @return the report
     */
    public Report build() {
      return new Report(this);
    }
  }
}

package dev.belonging.scoring.trend;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import java.util.Objects;

/**
 * The difference-in-differences estimate for a segment that was not treated, as if it had been: one row of
 * the placebo check of an {@link InterventionEstimate}. Its control group is everyone who is neither in it
 * nor in the treated segment.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param segment the untreated segment, another value of the treated attribute
 * @param estimate its estimate, in score points
 * @param standardError the classical standard error of the estimate
 */
public record Placebo(Segment segment, Statistic estimate, Statistic standardError) {

  /**
   * Validates the components.
   *
   * @param segment the segment
   * @param estimate the estimate
   * @param standardError the standard error
   */
  public Placebo {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(estimate, "estimate");
    Objects.requireNonNull(standardError, "standardError");
  }
}

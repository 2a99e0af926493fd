package dev.belonging.scoring.gaps;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import java.util.Objects;
import java.util.Optional;

/**
 * A published gap: how one shown segment differs from its comparison group on one dimension, how large the
 * difference is in standard units, how sure the report is (p-value, and q-value over every gap of the
 * report), and whether it is flagged.
 *
 * <p>A gap is flagged when its q-value is below the analysis's α and its |effect size| is at least the
 * detector's minimum effect (CONTRACTS §5).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param segment the compared segment, never the population
 * @param dimension the dimension id
 * @param comparison what the segment is compared with
 * @param reference the reference segment when {@code comparison} is {@link Comparison#REFERENCE_SEGMENT},
 *     else empty
 * @param detector the detector's name, e.g. {@code welch}
 * @param effectSizeType the effect size's type, e.g. {@code hedges-g}
 * @param differenceUnit the unit of the difference
 * @param estimate the difference, effect size, confidence interval and p-value
 * @param qValue the p-value adjusted over every gap of the report, undefined when the p-value is
 * @param flagged whether the gap is flagged
 */
public record Gap(Segment segment, String dimension, Comparison comparison, Optional<Segment> reference,
    String detector, String effectSizeType, DifferenceUnit differenceUnit, GapEstimate estimate,
    Statistic qValue, boolean flagged) {

  /**
   * Validates the components.
   *
   * @param segment the segment
   * @param dimension the dimension id
   * @param comparison the comparison
   * @param reference the reference segment, present exactly for {@link Comparison#REFERENCE_SEGMENT}
   * @param detector the detector's name
   * @param effectSizeType the effect size's type
   * @param differenceUnit the unit of the difference
   * @param estimate the estimate
   * @param qValue the q-value
   * @param flagged whether it is flagged
   * @throws IllegalArgumentException if the segment is the population, the reference does not match the
   *     comparison, the q-value lies outside [0, 1] or a gap without a q-value is flagged
   */
  public Gap {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(effectSizeType, "effectSizeType");
    Objects.requireNonNull(differenceUnit, "differenceUnit");
    Objects.requireNonNull(estimate, "estimate");
    Objects.requireNonNull(qValue, "qValue");
    if (segment.isPopulation()) {
      throw new IllegalArgumentException("the population has no gap: it contains every group");
    }
    if (reference.isPresent() != (comparison == Comparison.REFERENCE_SEGMENT)) {
      throw new IllegalArgumentException("a reference segment is named exactly when the comparison is "
          + Comparison.REFERENCE_SEGMENT + ": " + comparison + ", " + reference);
    }
    if (qValue.isDefined() && !(qValue.value() >= 0 && qValue.value() <= 1)) {
      throw new IllegalArgumentException("a q-value lies in [0, 1]: " + qValue.value());
    }
    if (flagged && !qValue.isDefined()) {
      throw new IllegalArgumentException("a gap without a q-value cannot be flagged");
    }
  }

  /**
   * Returns the difference (segment minus comparison).
   *
   * @return the difference
   */
  public Statistic difference() {
    return estimate.difference();
  }

  /**
   * Returns the effect size.
   *
   * @return the effect size
   */
  public Statistic effectSize() {
    return estimate.effectSize();
  }

  /**
   * Returns the lower end of the 95 % confidence interval of the difference.
   *
   * @return the lower end
   */
  public Statistic ciLow() {
    return estimate.ciLow();
  }

  /**
   * Returns the upper end of the 95 % confidence interval of the difference.
   *
   * @return the upper end
   */
  public Statistic ciHigh() {
    return estimate.ciHigh();
  }

  /**
   * Returns the two-sided p-value.
   *
   * @return the p-value
   */
  public Statistic pValue() {
    return estimate.pValue();
  }
}

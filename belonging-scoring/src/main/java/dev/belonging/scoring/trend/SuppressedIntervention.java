package dev.belonging.scoring.trend;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.report.SuppressionReason;
import java.util.Objects;

/**
 * An intervention estimate that may not be published: the treated or the control group has fewer than k
 * scores in some wave ({@link SuppressionReason#BELOW_K}), or showing the treated group's cells would let a
 * smaller group be derived from what the waves' reports publish ({@link SuppressionReason#COMPLEMENTARY}).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param treated the treated segment
 * @param after the first wave after the intervention began
 * @param dimension the dimension id
 * @param reasonCode why
 * @param reason why, for people
 */
public record SuppressedIntervention(Segment treated, String after, String dimension,
    SuppressionReason reasonCode, String reason) implements InterventionResult {

  /**
   * Validates the components.
   *
   * @param treated the treated segment
   * @param after the wave label
   * @param dimension the dimension id
   * @param reasonCode the reason code
   * @param reason the reason
   */
  public SuppressedIntervention {
    Objects.requireNonNull(treated, "treated");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(reason, "reason");
  }

  /** Returns {@code true}. */
  @Override
  public boolean isSuppressed() {
    return true;
  }
}

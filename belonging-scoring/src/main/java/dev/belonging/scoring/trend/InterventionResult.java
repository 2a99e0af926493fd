package dev.belonging.scoring.trend;

import dev.belonging.scoring.Segment;

/**
 * The evaluation of an intervention for one dimension: an {@link InterventionEstimate}, or a
 * {@link SuppressedIntervention} that carries no number, so that a hidden estimate cannot be read by
 * accident.
 */
public sealed interface InterventionResult permits InterventionEstimate, SuppressedIntervention {

  /**
   * Returns the treated segment.
   *
   * @return e.g. {@code team=T3}
   */
  Segment treated();

  /**
   * Returns the label of the first wave after the intervention began.
   *
   * @return the wave label
   */
  String after();

  /**
   * Returns the dimension id.
   *
   * @return the dimension
   */
  String dimension();

  /**
   * Returns whether the estimate is suppressed.
   *
   * @return whether no number may be published
   */
  boolean isSuppressed();
}

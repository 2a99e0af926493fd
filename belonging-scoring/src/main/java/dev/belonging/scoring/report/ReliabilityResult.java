package dev.belonging.scoring.report;

import dev.belonging.scoring.Statistic;
import java.util.Objects;

/**
 * A dimension's internal consistency as published in a report: Cronbach's alpha over all respondents and
 * the number of items.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param dimension the dimension id
 * @param items the number of items
 * @param alpha Cronbach's raw alpha, undefined for one item
 */
public record ReliabilityResult(String dimension, int items, Statistic alpha) {

  /**
   * Validates the components.
   *
   * @param dimension the dimension id
   * @param items the number of items
   * @param alpha the alpha
   */
  public ReliabilityResult {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(alpha, "alpha");
  }
}

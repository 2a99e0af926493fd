package dev.belonging.scoring.report;

import dev.belonging.scoring.Statistic;
import java.util.Objects;

/**
 * A question's numbers in a shown segment, over coded answers.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param respondents members who answered, at least k
 * @param mean the mean coded answer
 * @param favorable the share of favorable answers
 */
public record QuestionResult(long respondents, Statistic mean, Statistic favorable) {

  /**
   * Validates the components.
   *
   * @param respondents the count
   * @param mean the mean
   * @param favorable the favorable share
   */
  public QuestionResult {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(favorable, "favorable");
  }
}

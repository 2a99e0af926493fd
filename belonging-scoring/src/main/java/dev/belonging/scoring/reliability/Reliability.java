package dev.belonging.scoring.reliability;

import dev.belonging.scoring.Statistic;
import java.util.List;
import java.util.Objects;

/**
 * The internal consistency of one dimension: Cronbach's raw alpha over all respondents, and per item the
 * alpha if the item is deleted and the item–rest correlation. {@link CronbachAlpha} states the formulas and
 * when each number is undefined.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param dimensionId the dimension id
 * @param items the number of items {@code m}, at least 1
 * @param respondents how many respondents answered at least one of the items
 * @param alpha Cronbach's raw alpha; undefined with a reason such as {@value CronbachAlpha#ONE_ITEM}
 * @param itemStatistics one entry per item, in instrument order
 */
public record Reliability(String dimensionId, int items, long respondents, Statistic alpha,
    List<ItemReliability> itemStatistics) {

  /**
   * Validates the components and copies the item list.
   *
   * @param dimensionId the dimension id
   * @param items the number of items
   * @param respondents the number of respondents
   * @param alpha the alpha
   * @param itemStatistics the item statistics, one per item
   * @throws IllegalArgumentException if a count is out of range or the list does not have one entry per
   *     item
   */
  public Reliability {
    Objects.requireNonNull(dimensionId, "dimensionId");
    Objects.requireNonNull(alpha, "alpha");
    itemStatistics = List.copyOf(itemStatistics);
    if (items < 1) {
      throw new IllegalArgumentException("dimension \"" + dimensionId + "\" has " + items
          + " items; it needs at least one");
    }
    if (respondents < 0) {
      throw new IllegalArgumentException("respondents must not be negative: " + respondents);
    }
    if (itemStatistics.size() != items) {
      throw new IllegalArgumentException("dimension \"" + dimensionId + "\" has " + items
          + " items but " + itemStatistics.size() + " item statistics");
    }
  }

  /**
   * Returns the statistics of one item.
   *
   * @param questionId the item's question id
   * @return the item's statistics
   * @throws IllegalArgumentException if the dimension has no such item
   */
  public ItemReliability item(String questionId) {
    for (ItemReliability item : itemStatistics) {
      if (item.questionId().equals(questionId)) {
        return item;
      }
    }
    throw new IllegalArgumentException("dimension \"" + dimensionId + "\" has no item \"" + questionId
        + "\"");
  }
}

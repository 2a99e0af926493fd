package dev.belonging.scoring;

/**
 * When a respondent who skipped some items of a dimension still gets a score for it. The score is always
 * the mean of the answered (coded) items.
 */
public enum MissingPolicy {

  /** A score when at least {@code ceil(m / 2)} of the dimension's {@code m} items are answered (default). */
  AT_LEAST_HALF,

  /** A score when at least one item is answered. */
  ANY,

  /** A score only when every item is answered. */
  ALL;

  /**
   * Returns the fewest answered items that give a score.
   *
   * @param items the number of items {@code m} of the dimension, at least 1
   * @return the minimum number of answered items, between 1 and {@code m}
   * @throws IllegalArgumentException if {@code items < 1}
   */
  public int minimumAnswered(int items) {
    if (items < 1) {
      throw new IllegalArgumentException("a dimension has at least one item: " + items);
    }
    return switch (this) {
      case AT_LEAST_HALF -> (items + 1) / 2;
      case ANY -> 1;
      case ALL -> items;
    };
  }
}

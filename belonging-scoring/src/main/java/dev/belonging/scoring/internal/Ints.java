package dev.belonging.scoring.internal;

import java.util.Arrays;

/** Operations on the first values of {@code int} arrays used as growing lists. */
final class Ints {

  private Ints() {}

  /**
   * Sorts the first {@code n} values of an array and keeps each distinct one once, ascending, at its front.
   *
   * @param values the array; its first {@code n} values are rearranged
   * @param n how many values it holds
   * @return how many distinct values there are, now at {@code 0..} of the array
   */
  static int sortDistinct(int[] values, int n) {
    Arrays.sort(values, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || values[i] != values[i - 1]) {
        values[distinct++] = values[i];
      }
    }
    return distinct;
  }
}

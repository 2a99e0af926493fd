package dev.belonging.scoring.internal;

/**
 * The stable order of indexes {@code 0..n−1} under a comparison of indexes: a merge sort on an {@code int}
 * array, so that sorting many items by keys held in primitive arrays boxes nothing and calls one comparison
 * per step (a chain of {@link java.util.Comparator}s over objects calls several, each unwrapping its key).
 *
 * <p>The methods are static and thread-safe.
 */
public final class StableOrder {

  /** Compares two indexes, as {@link java.util.Comparator#compare} compares two objects. */
  @FunctionalInterface
  public interface IndexComparator {
    /**
     * Compares two indexes.
     *
     * @param a an index
     * @param b another index
     * @return negative, zero or positive as {@code a} comes before, with or after {@code b}
     */
    int compare(int a, int b);
  }

  /** Runs this long or shorter are sorted by insertion before they are merged. */
  private static final int RUN = 16;

  private StableOrder() {}

  /**
   * Returns the indexes {@code 0..n−1} in the comparison's order; indexes that compare equal keep their
   * own order.
   *
   * @param n how many indexes
   * @param comparison the order, a total preorder
   * @return the indexes, ordered
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static int[] of(int n, IndexComparator comparison) {
    if (n < 0) {
      throw new IllegalArgumentException("negative number of indexes: " + n);
    }
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int from = 0; from < n; from += RUN) {
      int to = Math.min(n, from + RUN);
      for (int i = from + 1; i < to; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= from && comparison.compare(a[j], x) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
    }
    int[] b = new int[n];
    for (int width = RUN; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(n, lo + width);
        int hi = Math.min(n, lo + 2 * width);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          // the left run first on ties: stable
          b[k++] = comparison.compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }
}

package dev.belonging.scoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The sets of attributes to count on so that every breakdown can be added up from the finest cells that
 * hold it, with few sets: the breakdowns within no other (team is within team × location), then, while two
 * sets' joined attributes have at most a given number of combinations of values, the pair with the fewest
 * joined (the first such pair, in order, on ties) is joined, its attributes in order of first naming. A
 * row, or an atom, is then counted into one cell per set rather than one per breakdown. Deterministic.
 */
public final class CountKeys {

  private CountKeys() {}

  /**
   * Chooses the count keys.
   *
   * @param breakdowns each breakdown's attributes
   * @param cardinality each attribute's number of values (values below 1 count as 1)
   * @param joinedLimit the most combinations of values a joined key may have
   * @return the keys' attributes; none when there is no breakdown
   */
  public static List<List<String>> of(List<List<String>> breakdowns, ToLongFunction<String> cardinality,
      long joinedLimit) {
    List<List<String>> result = new ArrayList<>();
    for (int b = 0; b < breakdowns.size(); b++) {
      if (!withinAnother(breakdowns, b)) {
        result.add(List.copyOf(breakdowns.get(b)));
      }
    }
    while (true) {
      int bestI = -1;
      int bestJ = -1;
      long best = joinedLimit + 1;
      for (int i = 0; i < result.size(); i++) {
        for (int j = i + 1; j < result.size(); j++) {
          long joined = combinations(join(result.get(i), result.get(j)), cardinality);
          if (joined < best) {
            best = joined;
            bestI = i;
            bestJ = j;
          }
        }
      }
      if (bestI < 0) {
        return result;
      }
      List<String> joined = join(result.get(bestI), result.get(bestJ));
      result.remove(bestJ);
      result.set(bestI, joined);
    }
  }

  /** Whether another breakdown has every attribute of breakdown {@code b} and more. */
  private static boolean withinAnother(List<List<String>> breakdowns, int b) {
    List<String> mine = breakdowns.get(b);
    for (int o = 0; o < breakdowns.size(); o++) {
      List<String> other = breakdowns.get(o);
      if (o != b && other.size() > mine.size() && other.containsAll(mine)) {
        return true;
      }
    }
    return false;
  }

  /** The product of the attributes' numbers of values, {@link Long#MAX_VALUE} when it overflows. */
  private static long combinations(List<String> names, ToLongFunction<String> cardinality) {
    long product = 1;
    for (String name : names) {
      try {
        product = Math.multiplyExact(product, Math.max(1, cardinality.applyAsLong(name)));
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
    return product;
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> joined = new ArrayList<>(a);
    for (String name : b) {
      if (!joined.contains(name)) {
        joined.add(name);
      }
    }
    return List.copyOf(joined);
  }
}

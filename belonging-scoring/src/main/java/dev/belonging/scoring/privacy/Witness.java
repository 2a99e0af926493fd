package dev.belonging.scoring.privacy;

import dev.belonging.scoring.internal.ExactRow;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the linear combination of shown rows that equals a target vector, with an inclusion-minimal set of
 * rows: no row of the combination can be left out. Exact and fraction-free; made for the few leaks an
 * audit reports, not for a hot path.
 */
final class Witness {

  /** Up to this many rows, the search for a short witness starts from all of them. */
  private static final int SHRINK_ALL = 64;

  private Witness() {}

  /**
   * A combination: {@code target = Σ coefficients[r] · rows[r] / denominator}.
   *
   * @param coefficients row index → non-zero coefficient, in row order
   * @param denominator the positive common denominator
   */
  record Combination(Map<Integer, BigInteger> coefficients, BigInteger denominator) {}

  /** A vector with its provenance: {@code values = Σ prov[r] · rows[r] + prov[m] · target}. */
  private record Tracked(ExactRow values, ExactRow prov) {}

  /**
   * Returns a combination of the rows with an inclusion-minimal support that equals the target.
   *
   * @param rows the rows
   * @param target the target
   * @return the combination, or null when the target is not in the rows' span
   */
  static Combination minimal(List<ExactRow> rows, ExactRow target) {
    List<Integer> all = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      all.add(r);
    }
    Combination first = solve(rows, all, target);
    if (first == null) {
      return null;
    }
    // drop rows greedily, trying the rows in both orders, and keep the shorter combination; start from
    // every row when there are few (a row outside the first solution may give a shorter one)
    List<Integer> support = rows.size() <= SHRINK_ALL ? all : new ArrayList<>(first.coefficients().keySet());
    List<Integer> forward = shrink(rows, support, target, false);
    List<Integer> backward = shrink(rows, support, target, true);
    return solve(rows, backward.size() < forward.size() ? backward : forward, target);
  }

  private static List<Integer> shrink(List<ExactRow> rows, List<Integer> support, ExactRow target,
      boolean fromLast) {
    List<Integer> kept = new ArrayList<>(support);
    for (int n = 0; n < support.size(); n++) {
      Integer candidate = support.get(fromLast ? support.size() - 1 - n : n);
      List<Integer> without = new ArrayList<>(kept);
      without.remove(candidate);
      if (solve(rows, without, target) != null) {
        kept = without;
      }
    }
    return kept;
  }

  private static Combination solve(List<ExactRow> rows, List<Integer> use, ExactRow target) {
    int m = rows.size();
    TreeMap<Integer, Tracked> basis = new TreeMap<>();
    for (int r : use) {
      Tracked t = reduce(new Tracked(rows.get(r), ExactRow.ones(new int[] {r})), basis);
      if (!t.values().isZero()) {
        basis.put(t.values().firstColumn(), t);
      }
    }
    Tracked t = reduce(new Tracked(target, ExactRow.ones(new int[] {m})), basis);
    if (!t.values().isZero()) {
      return null;
    }
    // 0 = Σ prov[r] rows[r] + prov[m] target, so target = Σ (−prov[r] / prov[m]) rows[r]
    ExactRow prov = t.prov();
    int last = prov.find(m);
    BigInteger alpha = prov.value(last);
    BigInteger sign = BigInteger.valueOf(-alpha.signum());
    Map<Integer, BigInteger> coefficients = new TreeMap<>();
    BigInteger g = alpha.abs();
    for (int i = 0; i < prov.size(); i++) {
      if (i != last) {
        g = g.gcd(prov.value(i));
      }
    }
    for (int i = 0; i < prov.size(); i++) {
      if (i != last) {
        coefficients.put(prov.column(i), prov.value(i).multiply(sign).divide(g));
      }
    }
    return new Combination(coefficients, alpha.abs().divide(g));
  }

  private static Tracked reduce(Tracked t, TreeMap<Integer, Tracked> basis) {
    Tracked x = t;
    while (!x.values().isZero()) {
      Integer pivot = null;
      for (int i = 0; i < x.values().size(); i++) {
        if (basis.containsKey(x.values().column(i))) {
          pivot = x.values().column(i);
          break;
        }
      }
      if (pivot == null) {
        break;
      }
      Tracked y = basis.get(pivot);
      BigInteger a = y.values().value(y.values().find(pivot));
      BigInteger b = x.values().value(x.values().find(pivot));
      BigInteger g = a.gcd(b);
      a = a.divide(g);
      b = b.divide(g);
      ExactRow values = ExactRow.combine(a, x.values(), b, y.values());
      ExactRow prov = ExactRow.combine(a, x.prov(), b, y.prov());
      BigInteger common = values.content().gcd(prov.content());
      x = new Tracked(values.divideExactly(common), prov.divideExactly(common));
    }
    return x;
  }
}

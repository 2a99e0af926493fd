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
    List<Integer> support = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      support.add(r);
    }
    Combination first = solve(rows, support, target);
    if (first == null) {
      return null;
    }
    support = new ArrayList<>(first.coefficients().keySet());
    for (int i = support.size() - 1; i >= 0; i--) {
      List<Integer> without = new ArrayList<>(support);
      without.remove(i);
      if (solve(rows, without, target) != null) {
        support = without;
      }
    }
    return solve(rows, support, target);
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

package dev.belonging.scoring.gaps;

import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.internal.StableOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the p-values of a report's gaps are adjusted for testing many gaps at once: the q-values. Each method
 * is R's {@code p.adjust(p, method)}; undefined p-values are left out (their q-value is undefined) and
 * {@code n} is the number of defined ones, as R does with {@code NA}.
 *
 * <p>With the {@code n} defined p-values sorted, {@code p_(1) ≤ … ≤ p_(n)}:
 *
 * <ul>
 *   <li>{@link #BENJAMINI_HOCHBERG} (the default): {@code q_(i) = min(1, min_{j ≥ i} n / j · p_(j))}, which
 *       controls the false discovery rate;
 *   <li>{@link #HOLM}: {@code q_(i) = min(1, max_{j ≤ i} (n − j + 1) · p_(j))}, which controls the
 *       family-wise error rate;
 *   <li>{@link #BONFERRONI}: {@code q = min(1, n · p)};
 *   <li>{@link #NONE}: {@code q = p}.
 * </ul>
 *
 * <p>Every q-value is at least its p-value and at most 1; Benjamini–Hochberg ≤ Holm ≤ Bonferroni.
 */
public enum MultipleComparison {

  /** Benjamini–Hochberg false discovery rate, R's {@code p.adjust(p, "BH")}. */
  BENJAMINI_HOCHBERG("BH"),

  /** Holm's step-down family-wise error rate, R's {@code p.adjust(p, "holm")}. */
  HOLM("holm"),

  /** Bonferroni, R's {@code p.adjust(p, "bonferroni")}. */
  BONFERRONI("bonferroni"),

  /** No adjustment: q equals p, R's {@code p.adjust(p, "none")}. */
  NONE("none");

  private final String rName;

  MultipleComparison(String rName) {
    this.rName = rName;
  }

  /**
   * Returns the method's name in R's {@code p.adjust}.
   *
   * @return e.g. {@code BH}
   */
  public String rName() {
    return rName;
  }

  /**
   * Adjusts p-values.
   *
   * @param pValues the p-values, in any order; undefined ones are skipped
   * @return the q-values in the same order, undefined ({@code "p-value undefined"}) where the p-value is
   * @throws IllegalArgumentException if a defined p-value lies outside [0, 1]
   */
  public List<Statistic> adjust(List<Statistic> pValues) {
    Objects.requireNonNull(pValues, "pValues");
    int[] defined = new int[pValues.size()];
    int n = 0;
    for (int i = 0; i < pValues.size(); i++) {
      Statistic p = Objects.requireNonNull(pValues.get(i), "p-value");
      if (p.isDefined()) {
        if (!(p.value() >= 0 && p.value() <= 1)) {
          throw new IllegalArgumentException("p-value " + (i + 1) + " lies outside [0, 1]: " + p.value());
        }
        defined[n++] = i;
      }
    }
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = pValues.get(defined[i]).value();
    }
    double[] q = adjust(p);
    List<Statistic> out = new ArrayList<>(pValues.size());
    Statistic undefined = Statistic.undefined("p-value undefined");
    for (int i = 0; i < pValues.size(); i++) {
      out.add(undefined);
    }
    for (int i = 0; i < n; i++) {
      out.set(defined[i], Statistic.of(q[i]));
    }
    return List.copyOf(out);
  }

  /** Adjusts n defined p-values as R's p.adjust, step by step in R's order of operations. */
  private double[] adjust(double[] p) {
    int n = p.length;
    double[] q = new double[n];
    switch (this) {
      case NONE -> System.arraycopy(p, 0, q, 0, n);
      case BONFERRONI -> {
        for (int i = 0; i < n; i++) {
          q[i] = Math.min(1, n * p[i]);
        }
      }
      case HOLM -> {
        // i <- seq_len(lp); o <- order(p); pmin(1, cummax((n - i + 1L) * p[o]))[ro]
        int[] o = order(p, false);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 1; i <= n; i++) {
          max = Math.max(max, (n - i + 1) * p[o[i - 1]]);
          q[o[i - 1]] = Math.min(1, max);
        }
      }
      case BENJAMINI_HOCHBERG -> {
        // i <- lp:1L; o <- order(p, decreasing = TRUE); pmin(1, cummin(n/i * p[o]))[ro]
        int[] o = order(p, true);
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
          int i = n - k;
          min = Math.min(min, (double) n / i * p[o[k]]);
          q[o[k]] = Math.min(1, min);
        }
      }
      default -> throw new IllegalStateException(name());
    }
    return q;
  }

  /** Returns the indices that sort p, stable as R's order(). */
  private static int[] order(double[] p, boolean decreasing) {
    return StableOrder.of(p.length,
        (a, b) -> decreasing ? Double.compare(p[b], p[a]) : Double.compare(p[a], p[b]));
  }

}

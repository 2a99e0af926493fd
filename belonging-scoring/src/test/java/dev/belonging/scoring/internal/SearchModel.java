package dev.belonging.scoring.internal;

import dev.belonging.scoring.internal.BruteForce.Fraction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The exact search of {@link LeakSearch#anyLeak(int[])} as its documentation states it, written plainly for
 * the tests: the combination as a map of exact fractions, each test of a row by reading the rows at a
 * column, no counters kept between nodes, one thread. It gives the answer and the work the library's search
 * must count, node by node: a node adds {@code 1 +} the entries of the combination {@code +} those of the
 * row it adds, and choosing where to branch adds the rows read, at up to the first 64 columns that are
 * neither 0 nor 1, each count stopping at the fewest found so far. Without a node limit.
 */
final class SearchModel {

  private static final int COUNTED_COLUMNS = 64;

  private final Echelon echelon;
  private final long[] weight;
  private final boolean[] small;
  private final long limit;
  private final boolean wholeKnown;
  private final int relevantColumns;
  private final boolean[] taken;
  private final boolean[] excluded;
  private long work;
  private long nodes;
  private long rowsRead;

  SearchModel(Echelon echelon, long[] weight, boolean[] small, long limit, boolean wholeKnown) {
    this.echelon = echelon;
    this.weight = weight;
    this.small = small;
    this.limit = limit;
    this.wholeKnown = wholeKnown;
    int relevant = 0;
    for (long w : weight) {
      relevant += w > 0 ? 1 : 0;
    }
    this.relevantColumns = relevant;
    this.taken = new boolean[echelon.rank()];
    this.excluded = new boolean[echelon.rank()];
  }

  /** Whether a leak takes one of the rows with a small pivot, searched from every row. */
  boolean anyLeak() {
    work = 0;
    nodes = 0;
    rowsRead = 0;
    List<Integer> roots = new ArrayList<>();
    for (int r = 0; r < echelon.rank(); r++) {
      if (small[echelon.pivot(r)]) {
        roots.add(r);
      }
    }
    return branch(roots, new TreeMap<>(), 0);
  }

  /** The work of the last search. */
  long work() {
    return work;
  }

  /** The nodes of the last search: the rows it added to a combination. */
  long nodes() {
    return nodes;
  }

  /** The rows the last search read to choose where to branch. */
  long rowsRead() {
    return rowsRead;
  }

  private boolean branch(List<Integer> candidates, TreeMap<Integer, Fraction> n, long pivotWeight) {
    List<Integer> excludedHere = new ArrayList<>();
    boolean stop = false;
    for (int c : candidates) {
      if (excluded[c] || taken[c]) {
        continue;
      }
      long pw = pivotWeight + weight[echelon.pivot(c)];
      if (pw <= limit && take(c, n, pw)) {
        stop = true;
        break;
      }
      excluded[c] = true;
      excludedHere.add(c);
    }
    for (int c : excludedHere) {
      excluded[c] = false;
    }
    return stop;
  }

  private boolean take(int c, TreeMap<Integer, Fraction> n, long pivotWeight) {
    taken[c] = true;
    ExactRow row = echelon.row(c);
    work += 1 + n.size() + row.size();
    nodes++;
    Fraction pivotValue = fraction(row.value(row.find(echelon.pivot(c))));
    TreeMap<Integer, Fraction> next = new TreeMap<>(n);
    for (int i = 0; i < row.size(); i++) {
      Fraction add = fraction(row.value(i)).times(pivotValue.inverse());
      Fraction sum = next.getOrDefault(row.column(i), Fraction.ZERO).plus(add);
      if (sum.isZero()) {
        next.remove(row.column(i));
      } else {
        next.put(row.column(i), sum);
      }
    }
    boolean stop = visit(next, pivotWeight);
    taken[c] = false;
    return stop;
  }

  private boolean visit(TreeMap<Integer, Fraction> n, long pivotWeight) {
    boolean grows = pivotWeight < limit;
    int bad = -1;
    int badCount = Integer.MAX_VALUE;
    int counted = 0;
    long w = 0;
    long fixed = 0;
    int relevant = 0;
    for (Map.Entry<Integer, Fraction> e : n.entrySet()) {
      int col = e.getKey();
      if (weight[col] == 0) {
        continue;
      }
      relevant++;
      if (e.getValue().equals(Fraction.ONE)) {
        w = Math.min(w + weight[col], limit + 1);
        if (!grows || !mayChange(col)) {
          fixed += weight[col];
          if (fixed > limit) {
            return false;
          }
        }
      } else if (!grows || !mayChange(col)) {
        return false;
      } else if (counted < COUNTED_COLUMNS) {
        counted++;
        int count = 0;
        int read = 0;
        for (; read < echelon.rowsAt(col) && count < badCount; read++) {
          if (eligible(echelon.rowAt(col, read), pivotWeight)) {
            count++;
          }
        }
        work += read;
        rowsRead += read;
        if (count == 0) {
          return false;
        }
        if (count < badCount) {
          bad = col;
          badCount = count;
        }
      }
    }
    if (bad >= 0) {
      return branch(eligibleAt(List.of(bad), pivotWeight), n, pivotWeight);
    }
    if (w <= limit && !(wholeKnown && relevant == relevantColumns)) {
      return true;
    }
    List<Integer> columns = new ArrayList<>();
    for (int col : n.keySet()) {
      if (weight[col] > 0) {
        columns.add(col);
      }
    }
    return branch(eligibleAt(columns, pivotWeight), n, pivotWeight);
  }

  /** Whether a row with a small pivot, neither taken nor excluded, is non-zero at the column. */
  private boolean mayChange(int col) {
    for (int i = 0; i < echelon.rowsAt(col); i++) {
      int r = echelon.rowAt(col, i);
      if (small[echelon.pivot(r)] && !taken[r] && !excluded[r]) {
        return true;
      }
    }
    return false;
  }

  private boolean eligible(int r, long pivotWeight) {
    int p = echelon.pivot(r);
    return small[p] && !taken[r] && !excluded[r] && pivotWeight + weight[p] <= limit;
  }

  private List<Integer> eligibleAt(List<Integer> columns, long pivotWeight) {
    TreeSet<Integer> rows = new TreeSet<>();
    for (int col : columns) {
      for (int i = 0; i < echelon.rowsAt(col); i++) {
        int r = echelon.rowAt(col, i);
        if (eligible(r, pivotWeight)) {
          rows.add(r);
        }
      }
    }
    return new ArrayList<>(rows);
  }

  private static Fraction fraction(BigInteger v) {
    return Fraction.of(v, BigInteger.ONE);
  }
}

package dev.belonging.scoring.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * A row echelon form, not reduced, of a growing set of integer rows, kept exact and fraction-free.
 *
 * <p>Invariants: every row is {@linkplain ExactRow#primitive() primitive} with a positive entry at its
 * <em>pivot</em>, its first non-zero column; no two rows share a pivot; and every row is zero at the pivots
 * of the rows added before it. Adding a row changes no other row, so taking the last one back is removing
 * it. Where only whether a vector lies in the span and each new row's reduced form are needed, this is
 * cheaper to grow than {@link Echelon}, which also clears each new pivot from every other row.
 *
 * <p>Why reducing is exact: a row is zero before its pivot, so eliminating a vector's entry at a pivot
 * column changes only later columns; reading the vector's columns in increasing order leaves it zero at
 * every pivot. A non-zero vector of the span is not zero at every pivot (at the smallest pivot of the rows
 * that make it, only that row is non-zero), so the remainder is zero exactly when the vector lies in the
 * span, and it is the same remainder as {@link Echelon#reduce} gives for the same rows added in the same
 * order (zero at the same pivots, and unique).
 *
 * <p>Not thread-safe.
 */
public final class ForwardEchelon {

  private final int[] rowOfPivot;
  private ExactRow[] rows = new ExactRow[16];
  private int[] pivots = new int[16];
  private int rank;
  private ExactRow.DenseVector dense; // reduce's working vector, made on first use

  /**
   * Returns an empty echelon form over a number of columns.
   *
   * @param columns the number of columns
   */
  public ForwardEchelon(int columns) {
    if (columns < 0) {
      throw new IllegalArgumentException("negative number of columns: " + columns);
    }
    rowOfPivot = new int[columns];
    Arrays.fill(rowOfPivot, -1);
  }

  /**
   * Returns the number of rows, the rank of everything added.
   *
   * @return the rank
   */
  public int rank() {
    return rank;
  }

  /**
   * Returns a row, in the order added.
   *
   * @param r the row index, {@code 0 <= r < rank()}
   * @return the row
   */
  public ExactRow row(int r) {
    return rows[Objects.checkIndex(r, rank)];
  }

  /**
   * Returns a row's pivot column.
   *
   * @param r the row index, {@code 0 <= r < rank()}
   * @return the pivot column
   */
  public int pivot(int r) {
    return pivots[Objects.checkIndex(r, rank)];
  }

  /**
   * Reduces a vector against the rows: the result is zero at every pivot column and differs from the
   * vector by a combination of rows (and a non-zero factor).
   *
   * @param v the vector, with columns below the number of columns
   * @return the primitive remainder, zero when {@code v} lies in the row space
   * @throws IllegalArgumentException if the vector has a column outside the form
   */
  public ExactRow reduce(ExactRow v) {
    if (v.size() > 0 && v.column(v.size() - 1) >= rowOfPivot.length) {
      throw new IllegalArgumentException("column " + v.column(v.size() - 1) + " outside 0.."
          + (rowOfPivot.length - 1));
    }
    // in a dense vector, so that a long vector that meets many pivots is not copied at each: the remainder
    // is the same up to a factor (each step's vector is a multiple of the exact rows' one, and the pivots met
    // are the same), and the same once primitive
    if (dense == null) {
      dense = new ExactRow.DenseVector(rowOfPivot.length);
    }
    try {
      if (dense.load(v)) {
        boolean small = true;
        for (int c = dense.next(0); c >= 0 && small; c = dense.next(c + 1)) {
          int row = rowOfPivot[c];
          small = row < 0 || dense.eliminate(c, rows[row]);
        }
        if (small) {
          return dense.toRow().primitive();
        }
      }
    } catch (ArithmeticException overflow) {
      // the exact rows below
    } finally {
      dense.clear();
    }
    return reduceExactly(v);
  }

  /** {@link #reduce} on the exact rows, one elimination after another. */
  private ExactRow reduceExactly(ExactRow v) {
    ExactRow r = v;
    int i = 0;
    while (i < r.size()) {
      int c = r.column(i); // within the form: reduce checked v, and the rows are
      int row = rowOfPivot[c];
      if (row < 0) {
        i++;
        continue;
      }
      // the row is zero before c: the entries before c stay as they are and c becomes zero
      r = ExactRow.eliminate(r, rows[row], c);
      i = nextAfter(r, c);
    }
    return r.primitive();
  }

  /** The index of the first entry of {@code r} at a column after {@code c}. */
  private static int nextAfter(ExactRow r, int c) {
    int at = r.find(c);
    return at >= 0 ? at + 1 : -at - 1;
  }

  /**
   * Adds a vector's remainder as a row, unless the vector already lies in the row space.
   *
   * @param v the vector
   * @return whether a row was added (the last, {@code rank() - 1})
   */
  public boolean add(ExactRow v) {
    ExactRow r = reduce(v);
    if (r.isZero()) {
      return false;
    }
    int pivot = r.firstColumn();
    if (r.signum(0) < 0) {
      r = r.negate();
    }
    if (rank == rows.length) {
      rows = Arrays.copyOf(rows, 2 * rank);
      pivots = Arrays.copyOf(pivots, 2 * rank);
    }
    rows[rank] = r;
    pivots[rank] = pivot;
    rowOfPivot[pivot] = rank;
    rank++;
    return true;
  }

  /**
   * Takes the last row added back.
   *
   * @throws IllegalStateException if there is none
   */
  public void removeLast() {
    if (rank == 0) {
      throw new IllegalStateException("no row to take back");
    }
    rank--;
    rowOfPivot[pivots[rank]] = -1;
    rows[rank] = null;
  }
}

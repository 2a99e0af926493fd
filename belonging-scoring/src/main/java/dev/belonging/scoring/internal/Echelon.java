package dev.belonging.scoring.internal;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;

/**
 * The reduced row echelon form of a growing set of integer rows, kept exact and fraction-free.
 *
 * <p>Invariants: every row is {@linkplain ExactRow#primitive() primitive} up to its sign; its entry at its
 * <em>pivot</em> column is positive; no two rows share a pivot; and every pivot column is zero in every other
 * row. So a vector {@code x} of the row space is {@code Σ x[p_i] / d_i · row_i} over the rows {@code i},
 * with {@code p_i} the pivot and {@code d_i} its value. Columns are ordered by the caller; {@link #add} takes
 * a new row's first non-zero column as its pivot, so, until an {@link #exchange}, rows whose pivots lie
 * after a column {@code c} are zero on every column up to {@code c}.
 *
 * <p>{@link #add} reduces a new row against the pivots, takes its first non-zero column as pivot and
 * eliminates that column from the other rows (only the rows that have it, found through a column index);
 * {@link #undo} takes the last addition back.
 *
 * <p><b>Split forms.</b> A form {@linkplain #Echelon(int, int) split} at a column {@code s} calls the rows
 * whose pivot lies before {@code s} <em>leading</em> and the others <em>trailing</em>. A trailing row is zero
 * before {@code s}, so a leading pivot is eliminated from leading rows alone, as always; but a trailing pivot
 * is eliminated from trailing rows alone too, and leading rows keep their entries there. The trailing rows
 * are then exactly those of the reduced form, and they alone span the vectors of the row space that are zero
 * before {@code s} (a leading row cannot take part in one: the leading rows are independent before {@code s}),
 * which is all a search over columns from {@code s} on needs; the leading rows, typically long (coarse
 * segments) while new pivots are typically trailing, are not rewritten at every addition. {@link #reduce}
 * eliminates leading pivots, then trailing ones; {@link #reduced()} finishes the form when all of it is
 * needed. A split form also defers the elimination of a new leading pivot from the earlier leading rows
 * until a batch of such rows is waiting ({@value #PENDING}, then an eighth of the rank: a long row is
 * rewritten a number of times logarithmic in the rows), then all at once ({@link ExactRow#eliminateAll});
 * until then a leading row may be non-zero at a waiting row's pivot, and {@link #reduce} eliminates the
 * waiting pivots in the order they came, after the others. The rows a user reads do not depend on the
 * batches: the trailing rows are those of the reduced form, and so is every row of {@link #reduced()}.
 *
 * <p>Not thread-safe, except that {@link #reduce}, {@link #copy}, {@link #reduced()} and the accessors may run
 * on several threads at once while nothing changes the form.
 */
public final class Echelon {

  private static final int[] NONE = new int[0];

  /**
   * Leading rows a split form adds, at first, before it eliminates their pivots from the earlier leading
   * rows, all at once: a long leading row (a coarse segment's) is then rewritten once per batch, not once per
   * addition. Later batches are an eighth of the rank, when that is more.
   */
  static final int PENDING = 32;

  private final int columns;
  private final int split;
  private final int[] pivotRowOfColumn;
  private ExactRow[] rows = new ExactRow[16];
  private int[] pivots = new int[16];
  private int rank;
  private final int[][] columnRows;
  private final int[] columnCount;
  // a split form's leading rows added since the last flush, in order: not yet eliminated from the earlier
  // leading rows (see the class comment)
  private int[] pending = new int[PENDING];
  private int pendingCount;
  /** Per row, its place among the waiting rows plus one; 0 for a row that is not waiting. */
  private int[] waitingAt = new int[16];
  /** Waiting rows that make a flush: grows with the rank, so that a long row is rewritten a few times in all. */
  private int batch = PENDING;
  /** The entries of every row written so far ({@link #written()}). */
  private long written;

  /**
   * Returns an empty echelon form over a number of columns.
   *
   * @param columns the number of columns
   */
  public Echelon(int columns) {
    this(columns, Math.max(0, columns));
  }

  /**
   * Returns an empty echelon form over a number of columns, split at a column (see the class comment):
   * a pivot from {@code split} on is not eliminated from rows whose pivot lies before it.
   *
   * @param columns the number of columns
   * @param split the first column of the trailing rows' pivots, {@code 0 <= split <= columns}; {@code
   *     columns} (or 0) gives the reduced form throughout
   */
  public Echelon(int columns, int split) {
    if (columns < 0) {
      throw new IllegalArgumentException("negative number of columns: " + columns);
    }
    if (split < 0 || split > columns) {
      throw new IllegalArgumentException("split " + split + " outside 0.." + columns);
    }
    this.columns = columns;
    this.split = split == 0 ? columns : split; // every row trailing is no split at all
    this.pivotRowOfColumn = new int[columns];
    Arrays.fill(pivotRowOfColumn, -1);
    this.columnRows = new int[columns][];
    this.columnCount = new int[columns];
  }

  /** One addition, for {@link #undo}: the new row and the previous values of the rows it changed. */
  public static final class Change {
    private final int row;
    private final int[] changed;
    private final ExactRow[] previous;
    private final ExactRow added; // the reduced new row: the changed rows differ from before only at its columns
    private final Flush flush; // the waiting leading rows' elimination this addition began with, or null

    private Change(int row, int[] changed, ExactRow[] previous, ExactRow added, Flush flush) {
      this.row = row;
      this.changed = changed;
      this.previous = previous;
      this.added = added;
      this.flush = flush;
    }

    /**
     * Returns the index of the added row.
     *
     * @return the row index
     */
    public int row() {
      return row;
    }

    /**
     * Returns the indexes of the earlier rows that the addition changed.
     *
     * @return the changed rows (not to be modified)
     */
    public int[] changed() {
      if (flush == null) {
        return changed;
      }
      int[] all = Arrays.copyOf(changed, changed.length + flush.rows.length);
      System.arraycopy(flush.rows, 0, all, changed.length, flush.rows.length);
      return all;
    }
  }

  /** The rows a flush of the waiting leading rows rewrote, as they were, and the rows that were waiting. */
  private record Flush(int[] rows, ExactRow[] previous, int[] waiting) {}

  /**
   * Returns the number of columns.
   *
   * @return the number of columns
   */
  public int columns() {
    return columns;
  }

  /**
   * Returns the column where the form is split (see the class comment).
   *
   * @return the first column of the trailing rows' pivots; {@link #columns()} when the form is not split
   */
  public int split() {
    return split;
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
   * Returns the entries of the rows written so far, each row counted whenever it is written (added, rewritten
   * by an elimination, or put back by an undo): a measure of the work that grows with the fill of the rows,
   * and does not depend on the machine.
   *
   * @return the entries written
   */
  public long written() {
    return written;
  }

  /**
   * Returns a row.
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
   * @param r the row index
   * @return the pivot column
   */
  public int pivot(int r) {
    return pivots[Objects.checkIndex(r, rank)];
  }

  /**
   * Returns the row whose pivot is a column.
   *
   * @param column the column
   * @return the row index, or -1 when the column is not a pivot
   */
  public int pivotRow(int column) {
    return pivotRowOfColumn[column];
  }

  /**
   * Returns how many rows are non-zero at a column; in a split form, at a column from the split on, how
   * many trailing rows are.
   *
   * @param column the column
   * @return the number of rows
   */
  public int rowsAt(int column) {
    return columnCount[column];
  }

  /**
   * Returns the rows non-zero at a column as {@link #rowAt} gives them, in the first {@link #rowsAt} places
   * of the form's own array, for a caller in this package that reads them without a call per row. Valid
   * until the form changes, and never changed by the caller.
   *
   * @param column the column
   * @return the array whose first {@code rowsAt(column)} entries are the rows
   */
  int[] rowsAtArray(int column) {
    return columnRows[column];
  }

  /**
   * Returns each row's pivot column as {@link #pivot} gives it, in the first {@link #rank} places of the
   * form's own array, as {@link #rowsAtArray}.
   *
   * @return the array whose first {@code rank()} entries are the pivots
   */
  int[] pivotArray() {
    return pivots;
  }

  /**
   * Returns the {@code i}-th row that is non-zero at a column (in no particular order), of those
   * {@link #rowsAt} counts.
   *
   * @param column the column
   * @param i the index, {@code 0 <= i < rowsAt(column)}
   * @return the row index
   */
  public int rowAt(int column, int i) {
    return columnRows[column][Objects.checkIndex(i, columnCount[column])];
  }

  /**
   * Reduces a vector against the rows: the result is zero at every pivot column and differs from the
   * vector by a combination of rows (and a non-zero factor).
   *
   * @param v the vector, with columns below {@link #columns()}
   * @return the primitive remainder, zero when {@code v} lies in the row space
   */
  public ExactRow reduce(ExactRow v) {
    if (!v.isZero() && v.column(v.size() - 1) >= columns) {
      throw new IllegalArgumentException("column " + v.column(v.size() - 1) + " outside 0.." + (columns - 1));
    }
    int[] hits = pivotsIn(v, 0);
    // rows are zero at other pivots of their kind, so eliminating one pivot column never touches another of
    // the same kind: leading pivots first, then the trailing pivots that the leading rows may have brought,
    // each kind at once (ExactRow.eliminateAll), so that a long vector is merged once, not once per pivot
    ExactRow r = eliminateAll(v, hits, true);
    boolean leading = r != v;
    // a waiting row is zero at the other leading rows' pivots and at the pivots of the rows that waited
    // before it, but may be non-zero at those of the rows after it: in the order they came, the waiting
    // pivots the vector has, and those an elimination brings, found from the rows' own columns
    if (pendingCount > 0) {
      BitSet places = waitingPlaces(r, new BitSet());
      // two or more in a dense vector, which reads a long remainder once; one alone, or all of them when a
      // value leaves a long, by a merge each
      ExactRow dense = places.cardinality() > 1 ? eliminateWaitingInDense(r, places) : null;
      if (dense != null) {
        r = dense;
        leading = true;
      } else {
        for (int j = places.nextSetBit(0); j >= 0; j = places.nextSetBit(j + 1)) {
          int c = pivots[pending[j]];
          if (r.find(c) >= 0) {
            ExactRow y = rows[pending[j]];
            r = ExactRow.eliminate(r, y, c);
            waitingPlaces(y, places); // places after j only: y is zero at the pivots of the rows before it
            leading = true;
          }
        }
      }
    }
    if (leading && split < columns) {
      hits = pivotsIn(r, split);
    }
    return eliminateAll(r, hits, false).primitive();
  }

  /** A working vector per thread, for {@link #eliminateWaitingInDense}: {@link #reduce} may run on several. */
  private static final ThreadLocal<ExactRow.DenseVector> WAITING = new ThreadLocal<>();

  /**
   * The waiting pivots' elimination of {@link #reduce}, in the same order, in a dense working vector: the
   * vector is read once and each waiting row added to it, rather than merged with it into a new row at each
   * pivot. The vector after each step is a multiple of the row after the same step one by one, so the
   * primitive result is the same. Null, with the places and the vector as they were, when a value would
   * leave a {@code long}.
   */
  private ExactRow eliminateWaitingInDense(ExactRow r, BitSet places) {
    ExactRow.DenseVector acc = WAITING.get();
    if (acc == null || acc.columns() < columns) {
      acc = new ExactRow.DenseVector(columns);
      WAITING.set(acc);
    }
    if (!acc.load(r)) {
      return null;
    }
    BitSet todo = (BitSet) places.clone();
    try {
      for (int j = todo.nextSetBit(0); j >= 0; j = todo.nextSetBit(j + 1)) {
        int c = pivots[pending[j]];
        if (acc.isNonZero(c)) {
          ExactRow y = rows[pending[j]];
          if (!acc.eliminate(c, y)) {
            acc.clear();
            return null;
          }
          waitingPlaces(y, todo);
        }
      }
    } catch (ArithmeticException overflow) {
      acc.clear();
      return null;
    }
    return acc.toRow().primitive();
  }

  /** Marks the places, among the waiting rows, of the waiting rows whose pivots are among a vector's columns. */
  private BitSet waitingPlaces(ExactRow v, BitSet places) {
    for (int i = 0; i < v.size(); i++) {
      int p = pivotRowOfColumn[v.column(i)];
      if (p >= 0 && waitingAt[p] != 0) {
        places.set(waitingAt[p] - 1);
      }
    }
    return places;
  }

  /** The pivot columns where a vector is non-zero, from a column on, ascending. */
  private int[] pivotsIn(ExactRow v, int from) {
    int start = v.find(from);
    int[] hits = NONE;
    int n = 0;
    for (int i = start >= 0 ? start : -start - 1; i < v.size(); i++) {
      int c = v.column(i);
      if (pivotRowOfColumn[c] >= 0) {
        if (n == hits.length) {
          hits = Arrays.copyOf(hits, Math.max(8, 2 * n));
        }
        hits[n++] = c;
      }
    }
    return n == hits.length ? hits : Arrays.copyOf(hits, n);
  }

  /**
   * Eliminates from a vector the pivot columns among {@code hits} of one kind: the leading ones but those of
   * waiting rows, or the trailing ones. Rows of one kind are zero at each other's pivots.
   *
   * @return the vector itself when none of the hits is of the kind
   */
  private ExactRow eliminateAll(ExactRow v, int[] hits, boolean leading) {
    int n = hits.length;
    ExactRow[] with = null;
    int[] at = null;
    int k = 0;
    for (int i = 0; i < n; i++) {
      int c = hits[i];
      int row = pivotRowOfColumn[c];
      if (leading ? c < split && (pendingCount == 0 || waitingAt[row] == 0) : c >= split) {
        if (with == null) {
          with = new ExactRow[n - i];
          at = new int[n - i];
        }
        with[k] = rows[row];
        at[k++] = c;
      }
    }
    return k == 0 ? v : ExactRow.eliminateAll(v, with, at, k);
  }

  /**
   * Adds a vector to the row set.
   *
   * @param v the vector
   * @return the change made, or {@code null} when {@code v} already lies in the row space (nothing changes)
   */
  public Change add(ExactRow v) {
    ExactRow r = reduce(v);
    if (r.isZero()) {
      return null;
    }
    int pivot = r.firstColumn();
    if (pivot < split && split < columns) {
      return addLeading(r, pivot);
    }
    // the rows indexed at the new pivot's column: all that are non-zero there, but at a trailing column only
    // the trailing ones (the leading rows keep their entries there, unindexed); each loses the column, so
    // the column's index is emptied at once
    int count = columnCount[pivot];
    int[] changed = count == 0 ? NONE : Arrays.copyOf(columnRows[pivot], count);
    Arrays.sort(changed);
    ExactRow[] previous = new ExactRow[changed.length];
    columnCount[pivot] = 0;
    for (int i = 0; i < changed.length; i++) {
      int row = changed[i];
      previous[i] = rows[row];
      replaceAlong(row, positiveAt(ExactRow.eliminate(rows[row], r, pivot), pivots[row]), r, pivot);
    }
    return new Change(append(r, pivot), changed, previous, r, null);
  }

  /** Adds a reduced row with a leading pivot to a split form: it waits, after a flush when the batch is full. */
  private Change addLeading(ExactRow r, int pivot) {
    Flush flush = pendingCount >= batch ? flush() : null;
    int index = append(r, pivot);
    if (pendingCount == pending.length) {
      pending = Arrays.copyOf(pending, 2 * pendingCount);
    }
    pending[pendingCount++] = index;
    waitingAt[index] = pendingCount;
    return new Change(index, NONE, new ExactRow[0], r, flush);
  }

  /** Appends a reduced row as the last one, with its pivot. */
  private int append(ExactRow r, int pivot) {
    if (rank == rows.length) {
      rows = Arrays.copyOf(rows, 2 * rank);
      pivots = Arrays.copyOf(pivots, 2 * rank);
      waitingAt = Arrays.copyOf(waitingAt, 2 * rank);
    }
    int index = rank++;
    pivots[index] = pivot;
    pivotRowOfColumn[pivot] = index;
    rows[index] = ExactRow.zero();
    replace(index, r);
    return index;
  }

  /**
   * Eliminates the waiting rows' pivots from every other leading row: first among the waiting rows, the last
   * first (each is zero at the pivots of those before it), then from the earlier leading rows, each at once.
   * No row's pivot changes, nor the span.
   */
  private Flush flush() {
    int[] waiting = Arrays.copyOf(pending, pendingCount);
    Rewrites log = new Rewrites();
    for (int i = pendingCount - 2; i >= 0; i--) {
      eliminateWaiting(pending[i], i + 1, log);
    }
    // the earlier leading rows non-zero at some waiting pivot, with the waiting pivots each has, found
    // through the index (leading columns are indexed for every row): a long row's own columns are not read
    long[] pairs = new long[16];
    int n = 0;
    for (int j = 0; j < pendingCount; j++) {
      int c = pivots[pending[j]];
      for (int i = 0; i < columnCount[c]; i++) {
        int row = columnRows[c][i];
        if (waitingAt[row] == 0) {
          if (n == pairs.length) {
            pairs = Arrays.copyOf(pairs, 2 * n);
          }
          pairs[n++] = (long) row << 32 | c;
        }
      }
    }
    Arrays.sort(pairs, 0, n);
    ExactRow[] with = new ExactRow[pendingCount];
    int[] at = new int[pendingCount];
    for (int i = 0; i < n; ) {
      int row = (int) (pairs[i] >>> 32);
      int count = 0;
      for (; i < n && (int) (pairs[i] >>> 32) == row; i++) {
        int c = (int) pairs[i];
        at[count] = c;
        with[count++] = rows[pivotRowOfColumn[c]];
      }
      log.add(row, rows[row]);
      replaceAlongAll(row, positiveAt(ExactRow.eliminateAll(rows[row], with, at, count), pivots[row]), with,
          count);
    }
    for (int j = 0; j < pendingCount; j++) {
      waitingAt[pending[j]] = 0;
    }
    pendingCount = 0;
    // the next batch in proportion to the rows: a long row is then rewritten a number of times that grows
    // with the logarithm of the rows, not with the rows themselves
    batch = Math.max(PENDING, rank / 8);
    return new Flush(Arrays.copyOf(log.rows, log.count), Arrays.copyOf(log.previous, log.count), waiting);
  }

  /**
   * Eliminates from a row, at once, the pivots of the waiting rows from {@code pending[from]} on, which are
   * zero at each other's pivots by then; logs the row as it was.
   */
  private void eliminateWaiting(int row, int from, Rewrites log) {
    // the waiting pivots the row has, read from its own columns
    ExactRow r = eliminateAt(rows[row], c -> {
      int p = pivotRowOfColumn[c];
      return p >= 0 && waitingAt[p] > from;
    });
    if (r != null) {
      log.add(row, rows[row]);
      replace(row, positiveAt(r, pivots[row]));
    }
  }

  /**
   * Eliminates from a vector, at once, the columns of it that {@code at} accepts, each a pivot, with the rows
   * whose pivots they are (which must be zero at each other's pivots among them; the order does not matter).
   *
   * @return the reduced vector, primitive up to its sign, or null when {@code at} accepts none of its columns
   */
  private ExactRow eliminateAt(ExactRow x, IntPredicate at) {
    ExactRow[] with = null;
    int[] columns = null;
    int n = 0;
    for (int i = 0; i < x.size(); i++) {
      int c = x.column(i);
      if (at.test(c)) {
        if (with == null) {
          with = new ExactRow[x.size() - i];
          columns = new int[x.size() - i];
        }
        with[n] = rows[pivotRowOfColumn[c]];
        columns[n++] = c;
      }
    }
    return n == 0 ? null : ExactRow.eliminateAll(x, with, columns, n);
  }

  /** The rows a flush rewrote and what they were, in order. */
  private static final class Rewrites {
    int[] rows = new int[8];
    ExactRow[] previous = new ExactRow[8];
    int count;

    void add(int row, ExactRow before) {
      if (count == rows.length) {
        rows = Arrays.copyOf(rows, 2 * count);
        previous = Arrays.copyOf(previous, 2 * count);
      }
      rows[count] = row;
      previous[count++] = before;
    }
  }

  /** A form split at a column holding these rows and pivots, without a column index or waiting rows. */
  private Echelon rowsSplitAt(int at) {
    Echelon c = new Echelon(columns, at);
    System.arraycopy(pivotRowOfColumn, 0, c.pivotRowOfColumn, 0, columns);
    c.rows = rows.clone();
    c.pivots = pivots.clone();
    c.waitingAt = new int[rows.length];
    c.rank = rank;
    return c;
  }

  /**
   * Returns an independent copy (later changes to either leave the other as it is).
   *
   * @return the copy
   */
  public Echelon copy() {
    return copySplitAt(split);
  }

  private Echelon copySplitAt(int at) {
    Echelon c = rowsSplitAt(at);
    if (at == split) {
      c.pending = pending.clone();
      c.pendingCount = pendingCount;
      c.waitingAt = waitingAt.clone();
      c.batch = batch;
    }
    for (int col = 0; col < columns; col++) {
      c.columnCount[col] = columnCount[col];
      c.columnRows[col] = columnRows[col] == null ? null : columnRows[col].clone();
    }
    return c;
  }

  /**
   * Returns a copy in reduced form throughout, not split: in each leading row, every trailing pivot is
   * eliminated, all at once ({@link ExactRow#eliminateAll}). The rows are those the same additions would
   * have given an unsplit form. A form that is not split is copied as it is.
   *
   * @return the reduced copy
   */
  public Echelon reduced() {
    if (split == columns) {
      return copySplitAt(columns);
    }
    Echelon source = this;
    if (pendingCount > 0) {
      source = copy();
      source.flush();
    }
    Echelon c = source.rowsSplitAt(columns);
    for (int row = 0; row < rank; row++) {
      if (source.pivots[row] < split) {
        ExactRow x = source.rows[row];
        ExactRow y = source.eliminateAll(x, source.pivotsIn(x, split), false);
        if (y != x) {
          c.rows[row] = positiveAt(y, source.pivots[row]);
        }
      }
    }
    // the column index afresh: cheaper than updating it row by row, as most entries of a long row go
    for (int row = 0; row < rank; row++) {
      ExactRow r = c.rows[row];
      for (int i = 0; i < r.size(); i++) {
        c.addToColumn(r.column(i), row);
      }
    }
    return c;
  }

  /**
   * Makes another column a row's pivot: the row is scaled to be positive there and that column is eliminated
   * from every other row, so the span and the invariants stay as they were, but the row need no longer be
   * zero before its pivot. Changes made after an exchange cannot be {@linkplain #undo undone} past it.
   *
   * @param row the row
   * @param column a column that is no row's pivot and where the row is non-zero
   * @throws IllegalArgumentException if the column is a pivot or the row is zero there
   * @throws IllegalStateException if the form is split
   */
  public void exchange(int row, int column) {
    int pivot = pivots[Objects.checkIndex(row, rank)];
    exchangeAll(p -> p == pivot, r -> column);
  }

  /**
   * {@linkplain #exchange Exchanges} pivots row by row: each row, in order, whose pivot column {@code moves}
   * accepts takes the column {@code choose} gives for it (read after the exchanges before it), or keeps its
   * pivot when that is negative. The result is that of the exchanges one by one, but the rows whose pivots
   * stay, often long (coarse segments), are rewritten once at the end, each at once at all the new pivots it
   * has ({@link ExactRow#eliminateAll}): the rows of a reduced form are determined, up to their sign and
   * scale, by the span and the pivots.
   *
   * @param moves whether a row's pivot column should move, asked once per row, before any exchange
   * @param choose the new pivot of a row whose pivot moves, a column where it is non-zero and that is no
   *     row's pivot, or a negative number to keep its pivot
   * @throws IllegalArgumentException if a chosen column is a pivot or the row is zero there
   * @throws IllegalStateException if the form is split
   */
  public void exchangeAll(IntPredicate moves, ToIntFunction<ExactRow> choose) {
    if (split < columns) {
      throw new IllegalStateException("a split form has no exchanges; exchange in its reduced() copy");
    }
    // the rows whose pivots stay are read by no choice, so their eliminations wait for the end; the others
    // are kept exact as they go, as each is read when its turn comes and serves in later eliminations
    boolean[] stays = new boolean[rank];
    for (int r = 0; r < rank; r++) {
      stays[r] = !moves.test(pivots[r]);
    }
    boolean[] moved = new boolean[columns];
    boolean any = false;
    for (int row = 0; row < rank; row++) {
      if (stays[row]) {
        continue;
      }
      int column = choose.applyAsInt(rows[row]);
      if (column < 0) {
        continue;
      }
      if (pivotRowOfColumn[column] >= 0) {
        throw new IllegalArgumentException("column " + column + " is already a pivot");
      }
      if (rows[row].find(column) < 0) {
        throw new IllegalArgumentException("row " + row + " is zero at column " + column);
      }
      ExactRow r = positiveAt(rows[row], column);
      int[] others = Arrays.copyOf(columnRows[column], columnCount[column]);
      Arrays.sort(others);
      for (int o : others) {
        if (o != row && !stays[o]) {
          replaceAlong(o, positiveAt(ExactRow.eliminate(rows[o], r, column), pivots[o]), r, -1);
        }
      }
      pivotRowOfColumn[pivots[row]] = -1;
      pivots[row] = column;
      pivotRowOfColumn[column] = row;
      replace(row, r);
      moved[column] = true;
      any = true;
    }
    if (!any) {
      return;
    }
    // each staying row less its new pivots, with the moved rows as they are now: zero at each other's new
    // pivots and at every staying pivot, so the result is the row the exchanges one by one would have made
    for (int o = 0; o < rank; o++) {
      if (stays[o]) {
        ExactRow r = eliminateAt(rows[o], c -> moved[c]);
        if (r != null) {
          replace(o, positiveAt(r, pivots[o]));
        }
      }
    }
  }

  /** The row, negated if its entry at the column is negative. */
  private static ExactRow positiveAt(ExactRow row, int column) {
    int i = row.find(column);
    return i >= 0 && row.signum(i) < 0 ? row.negate() : row;
  }

  /**
   * Takes back the last change.
   *
   * @param change the change that {@link #add} returned last
   * @throws IllegalArgumentException if it is not the last change
   */
  public void undo(Change change) {
    if (change.row != rank - 1) {
      throw new IllegalArgumentException("only the last change can be undone");
    }
    replace(change.row, ExactRow.zero());
    pivotRowOfColumn[pivots[change.row]] = -1;
    rows[change.row] = null;
    rank--;
    if (pendingCount > 0 && waitingAt[change.row] != 0) {
      waitingAt[change.row] = 0;
      pendingCount--; // the last waiting row
    }
    for (int i = change.changed.length - 1; i >= 0; i--) {
      replaceAlong(change.changed[i], change.previous[i], change.added, -1);
    }
    if (change.flush != null) {
      Flush f = change.flush;
      for (int i = f.rows.length - 1; i >= 0; i--) {
        replace(f.rows[i], f.previous[i]);
      }
      System.arraycopy(f.waiting, 0, pending, 0, f.waiting.length);
      pendingCount = f.waiting.length;
      for (int j = 0; j < pendingCount; j++) {
        waitingAt[pending[j]] = j + 1;
      }
    }
  }

  private void replace(int row, ExactRow next) {
    replace(row, next, -1);
  }

  /** Replaces a row, updating the column index except at a column whose index the caller has emptied. */
  private void replace(int row, ExactRow next, int emptied) {
    ExactRow old = rows[row];
    int i = 0;
    int j = 0;
    while (i < old.size() || j < next.size()) {
      int a = i < old.size() ? old.column(i) : Integer.MAX_VALUE;
      int b = j < next.size() ? next.column(j) : Integer.MAX_VALUE;
      if (a == b) {
        i++;
        j++;
      } else if (a < b) {
        if (a != emptied && indexed(row, a)) {
          removeFromColumn(a, row);
        }
        i++;
      } else {
        if (indexed(row, b)) {
          addToColumn(b, row);
        }
        j++;
      }
    }
    rows[row] = next;
    written += next.size();
  }

  /**
   * Replaces a row by one that differs from it in which columns are non-zero only at the columns of
   * {@code along} (an elimination with {@code along}, or taking one back: every other entry is the old one
   * times a non-zero factor), updating the column index at those columns alone, except at a column whose
   * index the caller has emptied. The work follows {@code along}'s length, not the row's.
   */
  private void replaceAlong(int row, ExactRow next, ExactRow along, int emptied) {
    ExactRow old = rows[row];
    if ((long) along.size() * ALONG_FACTOR >= old.size() + next.size()) {
      replace(row, next, emptied); // a long row along: the merge of old and new is cheaper than lookups
      return;
    }
    for (int i = 0; i < along.size(); i++) {
      int c = along.column(i);
      if (c == emptied || !indexed(row, c)) {
        continue;
      }
      reindex(row, old, next, c);
    }
    rows[row] = next;
    written += next.size();
  }

  /**
   * {@link #replaceAlong} for a row that differs from the old one in which columns are non-zero only at the
   * columns of the first {@code count} rows {@code along} (an elimination with all of them at once).
   */
  private void replaceAlongAll(int row, ExactRow next, ExactRow[] along, int count) {
    if (count == 1) {
      replaceAlong(row, next, along[0], -1);
      return;
    }
    ExactRow old = rows[row];
    long total = 0;
    for (int q = 0; q < count; q++) {
      total += along[q].size();
    }
    if (total * ALONG_FACTOR >= old.size() + next.size()) {
      replace(row, next);
      return;
    }
    int[] columns = new int[(int) total];
    int k = 0;
    for (int q = 0; q < count; q++) {
      for (int i = 0; i < along[q].size(); i++) {
        columns[k++] = along[q].column(i);
      }
    }
    int distinct = Ints.sortDistinct(columns, k);
    for (int i = 0; i < distinct; i++) {
      if (indexed(row, columns[i])) {
        reindex(row, old, next, columns[i]);
      }
    }
    rows[row] = next;
    written += next.size();
  }

  /** Lists a row at a column, or takes it off, as it changes from {@code old} to {@code next} there. */
  private void reindex(int row, ExactRow old, ExactRow next, int column) {
    boolean was = old.find(column) >= 0;
    boolean is = next.find(column) >= 0;
    if (was && !is) {
      removeFromColumn(column, row);
    } else if (is && !was) {
      addToColumn(column, row);
    }
  }

  /** A lookup of a column in a row, against a step of the merge of two rows: a few steps of a binary search. */
  private static final int ALONG_FACTOR = 8;

  /**
   * Whether the column index lists a row at a column where it is non-zero: always, except a leading row of a
   * split form at a trailing column, where no one looks for it (a trailing pivot is eliminated from the
   * trailing rows alone, and a search over trailing columns reads the trailing rows alone).
   */
  private boolean indexed(int row, int column) {
    return column < split || pivots[row] >= split;
  }

  private void addToColumn(int column, int row) {
    int[] list = columnRows[column];
    int n = columnCount[column];
    if (list == null) {
      list = new int[2];
    } else if (n == list.length) {
      list = Arrays.copyOf(list, 2 * n);
    }
    list[n] = row;
    columnRows[column] = list;
    columnCount[column] = n + 1;
  }

  private void removeFromColumn(int column, int row) {
    // from the end: the rows taken out are mostly the ones put in last (an undo), which are found there at
    // once; a long column's list is not read through for them
    int[] list = columnRows[column];
    int n = columnCount[column];
    for (int i = n - 1; i >= 0; i--) {
      if (list[i] == row) {
        list[i] = list[n - 1];
        columnCount[column] = n - 1;
        return;
      }
    }
    throw new IllegalStateException("row " + row + " is not indexed at column " + column);
  }
}

package dev.belonging.scoring.internal;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A sparse vector of integers: the columns of its non-zero entries in increasing order and their values.
 *
 * <p>Values are kept in {@code long}s while they fit; every operation checks for overflow
 * ({@link Math#multiplyExact}, {@link Math#addExact}) and redoes the work with {@link BigInteger} when it
 * would overflow, so that results are always exact. A result whose values fit in {@code long} again goes
 * back to the fast form.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ExactRow {

  private static final ExactRow ZERO = new ExactRow(new int[0], new long[0], null);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  private final int[] cols;
  private final long[] small;
  private final BigInteger[] big;
  /**
   * The bits of the largest absolute value of {@link #small}, −1 until first asked: computed again, to the
   * same value, by a thread that does not see it yet, as {@link String#hashCode} is.
   */
  private int magnitudeBits = -1;

  private ExactRow(int[] cols, long[] small, BigInteger[] big) {
    this.cols = cols;
    this.small = small;
    this.big = big;
  }

  /**
   * Returns the zero vector.
   *
   * @return the vector without entries
   */
  public static ExactRow zero() {
    return ZERO;
  }

  /**
   * Returns the vector with value 1 at the given columns.
   *
   * @param columns distinct column indexes in increasing order
   * @return the 0/1 vector
   * @throws IllegalArgumentException if the columns are not strictly increasing and non-negative
   */
  public static ExactRow ones(int[] columns) {
    return ones(columns, 0, columns.length);
  }

  /**
   * Returns the vector with value 1 at the columns of a range of an array.
   *
   * @param columns an array that holds, from {@code from} to {@code to − 1}, distinct column indexes in
   *     increasing order
   * @param from the first
   * @param to after the last
   * @return the 0/1 vector
   * @throws IllegalArgumentException if the columns are not strictly increasing and non-negative
   */
  public static ExactRow ones(int[] columns, int from, int to) {
    int[] range = Arrays.copyOfRange(columns, from, to);
    requireIncreasing(range);
    return new ExactRow(range, filledWithOnes(range.length), null);
  }

  private static void requireIncreasing(int[] columns) {
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] < 0 || (i > 0 && columns[i] <= columns[i - 1])) {
        throw new IllegalArgumentException("columns must be strictly increasing and non-negative: "
            + Arrays.toString(columns));
      }
    }
  }

  /**
   * Returns the vector of the given values at the given columns, the zero values left out: a row made
   * without any arithmetic of this class.
   *
   * @param columns distinct column indexes in increasing order
   * @param values the values, one per column
   * @return the vector
   * @throws IllegalArgumentException if the columns are not strictly increasing and non-negative, or the
   *     lengths differ
   */
  static ExactRow of(int[] columns, long[] values) {
    if (columns.length != values.length) {
      throw new IllegalArgumentException(columns.length + " columns, " + values.length + " values");
    }
    requireIncreasing(columns);
    int k = 0;
    int[] cols = new int[columns.length];
    long[] small = new long[columns.length];
    for (int i = 0; i < columns.length; i++) {
      if (values[i] != 0) {
        cols[k] = columns[i];
        small[k++] = values[i];
      }
    }
    return k == 0 ? ZERO : new ExactRow(Arrays.copyOf(cols, k), Arrays.copyOf(small, k), null);
  }

  /**
   * Returns the vector with value 1 at the columns a map gives some items, each column once.
   *
   * @param items the items, indexes into {@code columnOf}
   * @param columnOf per item, its column, or a negative number when it has none
   * @return the 0/1 vector
   */
  public static ExactRow onesAt(int[] items, int[] columnOf) {
    int[] columns = new int[items.length];
    int k = 0;
    int last = -1;
    for (int item : items) {
      int c = columnOf[item];
      if (c >= 0) {
        columns[k++] = c;
        last = Math.max(last, c);
      }
    }
    if (k >= DENSE_FROM && (long) k * DENSE_FROM > last) {
      // a long row (a coarse segment's) over most of the columns up to its last: marked and read back in
      // order, rather than sorted
      BitSet marked = new BitSet(last + 1);
      for (int i = 0; i < k; i++) {
        marked.set(columns[i]);
      }
      int[] sorted = marked.stream().toArray();
      return new ExactRow(sorted, filledWithOnes(sorted.length), null);
    }
    int distinct = Ints.sortDistinct(columns, k);
    return new ExactRow(Arrays.copyOf(columns, distinct), filledWithOnes(distinct), null);
  }

  /**
   * Rows of at least this many columns, that many times as dense as the columns up to their last, are
   * made by marking the columns rather than sorting them.
   */
  static final int DENSE_FROM = 16;

  private static long[] filledWithOnes(int n) {
    long[] values = new long[n];
    Arrays.fill(values, 1L);
    return values;
  }

  /**
   * Returns the number of non-zero entries.
   *
   * @return the number of entries
   */
  public int size() {
    return cols.length;
  }

  /**
   * Returns whether every entry is zero.
   *
   * @return whether the vector is zero
   */
  public boolean isZero() {
    return cols.length == 0;
  }

  /**
   * Returns the column of the {@code i}-th non-zero entry.
   *
   * @param i the entry, {@code 0 <= i < size()}
   * @return its column
   */
  public int column(int i) {
    return cols[i];
  }

  /**
   * Returns the value of the {@code i}-th non-zero entry.
   *
   * @param i the entry, {@code 0 <= i < size()}
   * @return its value
   */
  public BigInteger value(int i) {
    return big != null ? big[i] : BigInteger.valueOf(small[i]);
  }

  /**
   * Returns the sign of the {@code i}-th entry's value.
   *
   * @param i the entry, {@code 0 <= i < size()}
   * @return -1, 0 or 1
   */
  public int signum(int i) {
    return big != null ? big[i].signum() : Long.signum(small[i]);
  }

  /**
   * Returns whether the {@code i}-th entry equals a value.
   *
   * @param i the entry
   * @param v the value
   * @return whether they are equal
   */
  public boolean valueEquals(int i, BigInteger v) {
    if (big != null) {
      return big[i].equals(v);
    }
    return v.bitLength() < 64 && small[i] == v.longValue();
  }

  /**
   * Returns whether the {@code i}-th entry equals a value.
   *
   * @param i the entry, {@code 0 <= i < size()}
   * @param v the value
   * @return whether they are equal
   */
  public boolean valueEquals(int i, long v) {
    return big == null ? small[i] == v : big[i].equals(BigInteger.valueOf(v));
  }

  /**
   * Returns whether every entry's value fits a {@code long}, so that {@link #longValue} can read it.
   *
   * @return whether the values are held as {@code long}s
   */
  public boolean fitsLongs() {
    return big == null;
  }

  /**
   * Returns the {@code i}-th entry's value, of a vector whose values {@linkplain #fitsLongs() fit longs}.
   *
   * @param i the entry, {@code 0 <= i < size()}
   * @return its value
   * @throws IllegalStateException if the values do not all fit a {@code long}
   */
  public long longValue(int i) {
    if (big != null) {
      throw new IllegalStateException("the values do not all fit a long");
    }
    return small[i];
  }

  /**
   * Returns the index of the entry at a column, or a negative number when the entry there is zero.
   *
   * @param column the column
   * @return the entry's index, or {@code -(insertion point) - 1}
   */
  public int find(int column) {
    return Arrays.binarySearch(cols, column);
  }

  /**
   * Returns the column of the first non-zero entry.
   *
   * @return the smallest column with a non-zero value
   * @throws IllegalStateException if the vector is zero
   */
  public int firstColumn() {
    if (cols.length == 0) {
      throw new IllegalStateException("the zero vector has no first column");
    }
    return cols[0];
  }

  /**
   * Eliminates a column from {@code x} with {@code y}: returns the primitive form of
   * {@code (y[c]/g)·x − (x[c]/g)·y}, {@code g = gcd(x[c], y[c])}, which is zero at column {@code c}.
   * Fraction-free: no division other than by common factors.
   *
   * @param x the vector to reduce, non-zero at {@code column}
   * @param y the pivot vector, non-zero at {@code column}
   * @param column the column to eliminate
   * @return the reduced vector, {@linkplain #primitive() primitive}
   * @throws IllegalArgumentException if either vector is zero at the column
   */
  public static ExactRow eliminate(ExactRow x, ExactRow y, int column) {
    int i = x.find(column);
    int j = y.find(column);
    if (i < 0 || j < 0) {
      throw new IllegalArgumentException("both vectors must be non-zero at column " + column);
    }
    if (x.big == null && y.big == null) {
      long a = y.small[j];
      long b = x.small[i];
      if (a != Long.MIN_VALUE && b != Long.MIN_VALUE) {
        long g = gcd(a, b);
        try {
          return combinePrimitive(a / g, x, b / g, y);
        } catch (ArithmeticException overflow) {
          // fall through to the exact BigInteger path
        }
      }
    }
    BigInteger a = y.value(j);
    BigInteger b = x.value(i);
    BigInteger g = a.gcd(b);
    return combineBig(a.divide(g), x, b.divide(g), y).primitive();
  }

  /**
   * Eliminates several columns from {@code x} at once, each with its own row: returns the primitive form of
   * {@code D·x − Σ_q (D·x[c_q]/y_q[c_q])·y_q}, {@code D} the least common multiple of the {@code y_q[c_q]},
   * which is zero at every {@code c_q}. Each {@code y_q} must be zero at the other columns {@code c_q'}
   * (as the rows of a reduced echelon form are at each other's pivots), so the result equals eliminating
   * the columns one by one, up to its sign; but a long {@code x} is read once, not once per column.
   *
   * @param x the vector to reduce
   * @param ys the rows, {@code ys[q]} non-zero at {@code columns[q]}
   * @param columns the columns to eliminate, each non-zero in {@code x}
   * @param count how many of {@code ys} and {@code columns} to use
   * @return the reduced vector, {@linkplain #primitive() primitive}
   */
  public static ExactRow eliminateAll(ExactRow x, ExactRow[] ys, int[] columns, int count) {
    if (count == 0) {
      return x.primitive();
    }
    if (count > 1 && x.big == null) {
      try {
        ExactRow done = eliminateAllSmall(x, ys, columns, count);
        if (done != null) {
          return done;
        }
      } catch (ArithmeticException overflow) {
        // one column at a time, each with the exact fallback of its own
      }
    }
    ExactRow r = x;
    for (int q = 0; q < count; q++) {
      r = eliminate(r, ys[q], columns[q]);
    }
    return r;
  }

  /** {@link #eliminateAll} in {@code long}s through a dense accumulator; null when a row is not in longs. */
  private static ExactRow eliminateAllSmall(ExactRow x, ExactRow[] ys, int[] columns, int count) {
    long lcm = 1;
    long brought = 0;
    int size = x.cols.length == 0 ? 0 : x.cols[x.cols.length - 1] + 1;
    for (int q = 0; q < count; q++) {
      ExactRow y = ys[q];
      if (y.big != null) {
        return null;
      }
      long d = Math.abs(y.small[y.find(columns[q])]);
      lcm = Math.multiplyExact(lcm / gcd(lcm, d), d);
      size = Math.max(size, y.cols[y.cols.length - 1] + 1);
      brought += y.cols.length;
    }
    if (lcm == 1 && x.cols.length >= SPARSE_FROM * brought) {
      return eliminateAllInRuns(x, ys, columns, count, (int) brought);
    }
    Dense dense = DENSE.get();
    dense.ensure(size);
    long[] acc = dense.values;
    int[] seen = dense.seen;
    int stamp = dense.nextStamp();
    int[] touched = dense.touched(x.cols.length);
    // the arrays in locals, as the quick JIT compiler would read each field again for every entry
    int[] xc = x.cols;
    long[] xs = x.small;
    long[] factors = dense.factors(count);
    // every value made is at most |lcm|·max|x| + Σ |factor|·max|y| in size: when that bound is below 2^62,
    // no product or sum can overflow, and the entries are combined without a check each
    long bound = bitsBound(0, lcm, x.magnitudeBits());
    for (int q = 0; q < count; q++) {
      ExactRow y = ys[q];
      int at = columns[q];
      factors[q] = Math.multiplyExact(lcm / y.small[y.find(at)], xs[x.find(at)]);
      bound = bitsBound(bound, factors[q], y.magnitudeBits());
    }
    // two copies of the loops, with checks and without: a check of which inside them cost the quick
    // compiler's code a tenth more at 100,000 respondents by 21 breakdowns
    int t = 0;
    if (bound >= 0) {
      for (int i = 0; i < xc.length; i++) {
        int c = xc[i];
        acc[c] = lcm * xs[i];
        seen[c] = stamp;
        touched[t++] = c;
      }
      for (int q = 0; q < count; q++) {
        int[] yc = ys[q].cols;
        long[] yv = ys[q].small;
        long factor = factors[q];
        touched = dense.touched(t + yc.length);
        for (int j = 0; j < yc.length; j++) {
          int c = yc[j];
          long v = factor * yv[j];
          if (seen[c] == stamp) {
            acc[c] -= v;
          } else {
            seen[c] = stamp;
            acc[c] = -v;
            touched[t++] = c;
          }
        }
      }
    } else {
      try {
        for (int i = 0; i < xc.length; i++) {
          int c = xc[i];
          acc[c] = times(lcm, xs[i]);
          seen[c] = stamp;
          touched[t++] = c;
        }
        for (int q = 0; q < count; q++) {
          int[] yc = ys[q].cols;
          long[] yv = ys[q].small;
          long factor = factors[q];
          touched = dense.touched(t + yc.length);
          for (int j = 0; j < yc.length; j++) {
            int c = yc[j];
            long v = Math.negateExact(times(factor, yv[j]));
            if (seen[c] == stamp) {
              acc[c] = Math.addExact(acc[c], v);
            } else {
              seen[c] = stamp;
              acc[c] = v;
              touched[t++] = c;
            }
          }
        }
      } catch (ArithmeticException overflow) {
        dense.clear(t);
        throw overflow;
      }
    }
    // x's columns lead the touched ones in order; only the columns the rows brought need sorting, and the
    // two runs are merged (a long row rewritten at a few pivots costs a copy, not a sort of all its columns)
    int fromX = x.cols.length;
    Arrays.sort(touched, fromX, t);
    Scratch scratch = SCRATCH.get();
    scratch.ensure(t);
    int k = 0;
    int i = 0;
    int j = fromX;
    while (i < fromX || j < t) {
      int c = j == t || (i < fromX && touched[i] < touched[j]) ? touched[i++] : touched[j++];
      long v = acc[c];
      acc[c] = 0;
      if (v != 0) {
        scratch.cols[k] = c;
        scratch.values[k] = v;
        k++;
      }
    }
    return primitiveOf(scratch, k);
  }

  /**
   * Adds {@code 2^(bits of |factor| + bits)}, a bound on the size of {@code factor} times a value of
   * {@code bits} bits, to a bound of the same form.
   *
   * @param bound the bound so far, or −1 when there is none below 2^62
   * @return the new bound, or −1 when it reaches 2^62
   */
  private static long bitsBound(long bound, long factor, int bits) {
    if (bound < 0 || factor == Long.MIN_VALUE) {
      return -1;
    }
    int e = 64 - Long.numberOfLeadingZeros(Math.abs(factor)) + bits;
    if (e > 61) {
      return -1;
    }
    long sum = bound + (1L << e);
    return sum > 1L << 62 ? -1 : sum;
  }

  /**
   * Returns whether {@code a·x − b·y} can be made in {@code long}s with no check for overflow: both rows hold
   * {@code long}s and a bound on every product and difference is below 2^62.
   *
   * @param a the factor of {@code x}
   * @param x a vector
   * @param b the factor of {@code y}
   * @param y a vector
   * @return whether no entry of the combination can overflow
   */
  static boolean combinesUnchecked(long a, ExactRow x, long b, ExactRow y) {
    return x.big == null && y.big == null
        && bitsBound(bitsBound(0, a, x.magnitudeBits()), b, y.magnitudeBits()) >= 0;
  }

  /**
   * {@link #combinesUnchecked(long, ExactRow, long, ExactRow)} for an {@code x} held elsewhere in
   * {@code long}s, known by the bitwise or of its values' absolute values.
   *
   * @param a the factor of {@code x}
   * @param xMagnitudes the bitwise or of the absolute values of {@code x}
   * @param b the factor of {@code y}
   * @param y a vector
   * @return whether no entry of the combination can overflow
   */
  static boolean combinesUnchecked(long a, long xMagnitudes, long b, ExactRow y) {
    return xMagnitudes >= 0 && y.big == null
        && bitsBound(bitsBound(0, a, 64 - Long.numberOfLeadingZeros(xMagnitudes)), b, y.magnitudeBits()) >= 0;
  }

  /**
   * Returns the columns of the non-zero entries, increasing: the row's own array, for a caller in this
   * package that reads it entry by entry without a call per entry, and never changes it.
   *
   * @return the columns, not to be changed
   */
  int[] columnArray() {
    return cols;
  }

  /**
   * Returns the values of the non-zero entries when they {@linkplain #fitsLongs() fit longs}: the row's own
   * array, as {@link #columnArray()}.
   *
   * @return the values, not to be changed, or null when some value needs a {@code BigInteger}
   */
  long[] longArray() {
    return small;
  }

  /**
   * Returns the row of the first {@code k} entries of two working arrays, copied: the arrays stay the
   * caller's.
   *
   * @param columns increasing columns
   * @param values non-zero values
   * @param k the number of entries
   * @param magnitudes the bitwise or of the values' absolute values, which gives the size of the values
   *     without a pass of their own
   * @return the row
   */
  static ExactRow ofFirst(int[] columns, long[] values, int k, long magnitudes) {
    if (k == 0) {
      return ZERO;
    }
    ExactRow row = new ExactRow(Arrays.copyOf(columns, k), Arrays.copyOf(values, k), null);
    row.magnitudeBits = 64 - Long.numberOfLeadingZeros(magnitudes);
    return row;
  }

  /**
   * Returns the bits of the largest absolute value of a vector held in {@code long}s: every value is below
   * {@code 2^bits} in size; 64 for a value of {@link Long#MIN_VALUE} or values beyond a {@code long}.
   */
  private int magnitudeBits() {
    int bits = magnitudeBits;
    if (bits < 0) {
      if (big != null) {
        bits = 64;
      } else {
        long or = 0;
        for (long v : small) {
          or |= v == Long.MIN_VALUE ? v : Math.abs(v);
        }
        bits = 64 - Long.numberOfLeadingZeros(or);
      }
      magnitudeBits = bits;
    }
    return bits;
  }

  /**
   * {@link #eliminateAllSmall} for a row many times longer than the rows it is reduced with, all of them
   * ±1 at their columns (so that the row needs no scaling): the rows' entries, times their factors, are
   * sorted by column and summed, and the long row is copied in runs between those columns
   * ({@link #subtractInRuns}). The work beyond copying follows the short rows, not the long one.
   *
   * @throws ArithmeticException if a product or sum overflows a {@code long}
   */
  private static ExactRow eliminateAllInRuns(ExactRow x, ExactRow[] ys, int[] columns, int count,
      int brought) {
    // each entry's column in the high half, its place in the low half: sorted, equal columns are adjacent
    long[] keys = new long[brought];
    long[] values = new long[brought];
    int m = 0;
    for (int q = 0; q < count; q++) {
      ExactRow y = ys[q];
      long factor = Math.multiplyExact(y.small[y.find(columns[q])], x.small[x.find(columns[q])]);
      for (int j = 0; j < y.cols.length; j++) {
        keys[m] = (long) y.cols[j] << 32 | m;
        values[m++] = times(factor, y.small[j]);
      }
    }
    Arrays.sort(keys);
    int[] at = new int[m];
    long[] sums = new long[m];
    int distinct = 0;
    for (int s = 0; s < m; s++) {
      int c = (int) (keys[s] >>> 32);
      long v = values[(int) keys[s]];
      if (distinct > 0 && at[distinct - 1] == c) {
        sums[distinct - 1] = Math.addExact(sums[distinct - 1], v);
      } else {
        at[distinct] = c;
        sums[distinct++] = v;
      }
    }
    Scratch scratch = SCRATCH.get();
    return primitiveOf(scratch, subtractInRuns(x, 1, at, sums, distinct, scratch));
  }

  /** One thread's dense accumulator for {@link #eliminateAll}: values by column, and which are in use. */
  private static final class Dense {
    long[] values = new long[0];
    int[] seen = new int[0];
    int[] touched = new int[64];
    long[] factors = new long[16];
    int stamp;

    void ensure(int columns) {
      if (values.length < columns) {
        values = new long[Math.max(columns, 2 * values.length)];
        seen = new int[values.length];
        stamp = 0;
      }
    }

    int nextStamp() {
      if (++stamp == Integer.MAX_VALUE) {
        Arrays.fill(seen, 0);
        stamp = 1;
      }
      return stamp;
    }

    long[] factors(int size) {
      if (factors.length < size) {
        factors = new long[Math.max(size, 2 * factors.length)];
      }
      return factors;
    }

    int[] touched(int size) {
      if (touched.length < size) {
        touched = Arrays.copyOf(touched, Math.max(size, 2 * touched.length));
      }
      return touched;
    }

    /** Zeroes the first {@code t} touched values after an overflow. */
    void clear(int t) {
      for (int i = 0; i < t; i++) {
        values[touched[i]] = 0;
      }
    }
  }

  private static final ThreadLocal<Dense> DENSE = ThreadLocal.withInitial(Dense::new);

  /**
   * Returns {@code a·x − b·y} exactly, without normalisation.
   *
   * @param a the factor of {@code x}
   * @param x a vector
   * @param b the factor of {@code y}
   * @param y a vector
   * @return the combination
   */
  public static ExactRow combine(BigInteger a, ExactRow x, BigInteger b, ExactRow y) {
    if (x.big == null && y.big == null && a.bitLength() < 64 && b.bitLength() < 64) {
      try {
        return combineSmall(a.longValue(), x, b.longValue(), y);
      } catch (ArithmeticException overflow) {
        // fall through
      }
    }
    return combineBig(a, x, b, y).compact();
  }

  /**
   * Returns {@code a·x − b·y} exactly, without normalisation, as {@link #combine(BigInteger, ExactRow,
   * BigInteger, ExactRow)} does for factors that fit a {@code long}, without making {@code BigInteger}s
   * while the values fit too.
   *
   * @param a the factor of {@code x}
   * @param x a vector
   * @param b the factor of {@code y}
   * @param y a vector
   * @return the combination
   */
  public static ExactRow combine(long a, ExactRow x, long b, ExactRow y) {
    if (x.big == null && y.big == null) {
      try {
        return combineSmall(a, x, b, y);
      } catch (ArithmeticException overflow) {
        // fall through
      }
    }
    return combineBig(BigInteger.valueOf(a), x, BigInteger.valueOf(b), y).compact();
  }

  /**
   * Returns the vector divided by the greatest common divisor of its values, with a positive first entry.
   *
   * @return the primitive vector (zero stays zero)
   */
  public ExactRow primitive() {
    if (cols.length == 0) {
      return this;
    }
    if (big == null) {
      long g = longContent();
      boolean overflow = g < 0;
      if (!overflow) {
        long sign = small[0] < 0 ? -1 : 1;
        long d = g * sign;
        if (d == 1) {
          return this;
        }
        long[] out = new long[small.length];
        for (int i = 0; i < small.length && !overflow; i++) {
          overflow = small[i] == Long.MIN_VALUE; // not divisible by -1 in a long (only reached when g is 1)
          out[i] = small[i] / d;
        }
        if (!overflow) {
          return new ExactRow(cols, out, null);
        }
      }
    }
    BigInteger[] values = bigValues();
    BigInteger g = BigInteger.ZERO;
    for (BigInteger v : values) {
      g = g.gcd(v);
    }
    if (values[0].signum() < 0) {
      g = g.negate();
    }
    BigInteger[] out = new BigInteger[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].divide(g);
    }
    return new ExactRow(cols, null, out).compact();
  }

  /**
   * Returns the vector with every value negated.
   *
   * @return {@code −this}
   */
  public ExactRow negate() {
    if (big == null) {
      boolean fits = true;
      for (long v : small) {
        fits &= v != Long.MIN_VALUE;
      }
      if (fits) {
        long[] out = new long[small.length];
        for (int i = 0; i < out.length; i++) {
          out[i] = -small[i];
        }
        return new ExactRow(cols, out, null);
      }
    }
    BigInteger[] values = bigValues();
    BigInteger[] out = new BigInteger[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i].negate();
    }
    return new ExactRow(cols, null, out).compact();
  }

  /**
   * Returns the greatest common divisor of the values (0 for the zero vector), always non-negative.
   *
   * @return the content
   */
  public BigInteger content() {
    long g = longContent();
    if (g >= 0) {
      return BigInteger.valueOf(g);
    }
    return bigContent();
  }

  /**
   * Returns the greatest common divisor of the values, as {@link #content()} does, when the values fit a
   * {@code long} and none is {@link Long#MIN_VALUE}; else -1.
   *
   * @return the content, or -1
   */
  public long longContent() {
    if (big != null) {
      return -1;
    }
    long g = 0;
    for (long v : small) {
      if (v == Long.MIN_VALUE) {
        return -1;
      }
      g = gcd(g, Math.abs(v));
      if (g == 1) {
        break;
      }
    }
    return g;
  }

  private BigInteger bigContent() {
    BigInteger g = BigInteger.ZERO;
    for (int i = 0; i < cols.length; i++) {
      g = g.gcd(value(i));
      if (g.equals(BigInteger.ONE)) {
        break;
      }
    }
    return g;
  }

  /**
   * Returns this vector with every value divided exactly by {@code d}.
   *
   * @param d a divisor of every value, non-zero
   * @return the quotient
   * @throws ArithmeticException if {@code d} does not divide a value
   */
  public ExactRow divideExactly(BigInteger d) {
    if (d.equals(BigInteger.ONE)) {
      return this;
    }
    if (big == null && d.signum() > 0 && d.bitLength() < 64) {
      long dl = d.longValue();
      long[] out = new long[small.length];
      for (int i = 0; i < small.length; i++) {
        if (small[i] % dl != 0) {
          throw new ArithmeticException(d + " does not divide " + small[i]);
        }
        out[i] = small[i] / dl;
      }
      return new ExactRow(cols, out, null);
    }
    BigInteger[] values = bigValues();
    BigInteger[] out = new BigInteger[values.length];
    for (int i = 0; i < values.length; i++) {
      BigInteger[] qr = values[i].divideAndRemainder(d);
      if (qr[1].signum() != 0) {
        throw new ArithmeticException(d + " does not divide " + values[i]);
      }
      out[i] = qr[0];
    }
    return new ExactRow(cols, null, out).compact();
  }

  private BigInteger[] bigValues() {
    if (big != null) {
      return big;
    }
    BigInteger[] out = new BigInteger[small.length];
    for (int i = 0; i < small.length; i++) {
      out[i] = BigInteger.valueOf(small[i]);
    }
    return out;
  }

  private ExactRow compact() {
    if (big == null) {
      return this;
    }
    long[] out = new long[big.length];
    for (int i = 0; i < big.length; i++) {
      if (big[i].bitLength() >= 64 || big[i].equals(LONG_MIN)) {
        return this;
      }
      out[i] = big[i].longValue();
    }
    return new ExactRow(cols, out, null);
  }

  /** Working arrays of one thread's combinations, grown as needed. */
  private static final class Scratch {
    int[] cols = new int[64];
    long[] values = new long[64];

    /** Grows the arrays to hold at least {@code size} entries. */
    void ensure(int size) {
      if (cols.length < size) {
        cols = new int[Math.max(size, 2 * cols.length)];
        values = new long[cols.length];
      }
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /**
   * Returns {@code primitive(a·x − b·y)}, as {@code combineSmall(a, x, b, y).primitive()} does, with the
   * combination made in per-thread working arrays and only the primitive result allocated.
   */
  private static ExactRow combinePrimitive(long a, ExactRow x, long b, ExactRow y) {
    Scratch scratch = SCRATCH.get();
    return primitiveOf(scratch, combineInto(a, x, b, y, scratch));
  }

  /**
   * How many times longer than {@code y} a row {@code x} must be for {@code x − b·y} to copy {@code x} in
   * runs between {@code y}'s columns, found by binary search, rather than merge the two entry by entry.
   */
  static final int SPARSE_FROM = 8;

  /**
   * Writes the non-zero entries of {@code a·x − b·y} into the working arrays and returns how many there are.
   * With {@code a = 1} and a long {@code x} beside {@code y}, the combination changes {@code x} only at
   * {@code y}'s columns: {@code x} is then copied in runs, so the work beyond copying follows {@code y}'s
   * length; else the two are merged entry by entry.
   *
   * @throws ArithmeticException if a product or difference overflows a {@code long}
   */
  private static int combineInto(long a, ExactRow x, long b, ExactRow y, Scratch scratch) {
    return a == 1 && x.cols.length >= SPARSE_FROM * y.cols.length ? subtractInRuns(x, b, y, scratch)
        : merge(a, x, b, y, scratch);
  }

  /**
   * Writes the non-zero entries of {@code x − b·y} into the working arrays and returns how many there are:
   * the entries of {@code x} between two columns of {@code y} (found by binary search) are copied as runs.
   *
   * @throws ArithmeticException if a product or difference overflows a {@code long}
   */
  private static int subtractInRuns(ExactRow x, long b, ExactRow y, Scratch scratch) {
    return subtractInRuns(x, b, y.cols, y.small, y.cols.length, scratch);
  }

  /**
   * Writes the non-zero entries of {@code x − b·v}, {@code v} the vector of {@code values[t]} at the columns
   * {@code at[t]} (increasing), into the working arrays and returns how many there are: the entries of
   * {@code x} between two of those columns (found by binary search) are copied as runs.
   *
   * @throws ArithmeticException if a product or difference overflows a {@code long}
   */
  private static int subtractInRuns(ExactRow x, long b, int[] at, long[] values, int m, Scratch scratch) {
    int n = x.cols.length;
    scratch.ensure(n + m);
    int[] oc = scratch.cols;
    long[] ov = scratch.values;
    int i = 0;
    int k = 0;
    for (int t = 0; t < m; t++) {
      int c = at[t];
      int found = Arrays.binarySearch(x.cols, i, n, c);
      int end = found >= 0 ? found : -found - 1;
      System.arraycopy(x.cols, i, oc, k, end - i);
      System.arraycopy(x.small, i, ov, k, end - i);
      k += end - i;
      i = end;
      long v = Math.negateExact(times(b, values[t]));
      if (found >= 0) {
        v = Math.addExact(x.small[i], v);
        i++;
      }
      if (v != 0) {
        oc[k] = c;
        ov[k] = v;
        k++;
      }
    }
    System.arraycopy(x.cols, i, oc, k, n - i);
    System.arraycopy(x.small, i, ov, k, n - i);
    return k + n - i;
  }

  /** The primitive row of the first {@code k} entries of the working arrays (allocating only the result). */
  private static ExactRow primitiveOf(Scratch scratch, int k) {
    if (k == 0) {
      return ZERO;
    }
    long[] ov = scratch.values;
    long g = 0;
    for (int t = 0; t < k && g != 1; t++) {
      if (ov[t] == Long.MIN_VALUE) {
        // the general path copes with a value whose absolute value a long cannot hold
        return new ExactRow(Arrays.copyOf(scratch.cols, k), Arrays.copyOf(ov, k), null).primitive();
      }
      g = gcd(g, Math.abs(ov[t]));
    }
    long d = ov[0] < 0 ? -g : g;
    long[] values;
    if (d == 1) {
      values = Arrays.copyOf(ov, k);
    } else {
      values = new long[k];
      for (int t = 0; t < k; t++) {
        if (ov[t] == Long.MIN_VALUE && d == -1) {
          // a content of 1 found before it, then a sign change a long cannot hold: the general path
          return new ExactRow(Arrays.copyOf(scratch.cols, k), Arrays.copyOf(ov, k), null).primitive();
        }
        values[t] = ov[t] / d;
      }
    }
    return new ExactRow(Arrays.copyOf(scratch.cols, k), values, null);
  }

  /** Returns {@code a·x − b·y} exactly, without normalisation. */
  private static ExactRow combineSmall(long a, ExactRow x, long b, ExactRow y) {
    Scratch scratch = SCRATCH.get();
    int k = combineInto(a, x, b, y, scratch);
    return k == 0 ? ZERO
        : new ExactRow(Arrays.copyOf(scratch.cols, k), Arrays.copyOf(scratch.values, k), null);
  }

  /**
   * Writes the non-zero entries of {@code a·x − b·y} (rows of {@code long} values) into the working arrays
   * and returns how many there are.
   *
   * @throws ArithmeticException if a product or difference overflows a {@code long}
   */
  private static int merge(long a, ExactRow x, long b, ExactRow y, Scratch scratch) {
    // the arrays in locals, as the quick JIT compiler would read each field again for every entry
    int[] xc = x.cols;
    long[] xs = x.small;
    int[] yc = y.cols;
    long[] ys = y.small;
    int n = xc.length;
    int m = yc.length;
    scratch.ensure(n + m);
    int[] oc = scratch.cols;
    long[] ov = scratch.values;
    if (a == 1 && b == -1) {
      return sum(xc, xs, yc, ys, oc, ov);
    }
    // below a bound of 2^62 on every product and difference, none needs a check for overflow
    boolean checked = !combinesUnchecked(a, x, b, y);
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < n || j < m) {
      int cx = i < n ? xc[i] : Integer.MAX_VALUE;
      int cy = j < m ? yc[j] : Integer.MAX_VALUE;
      long v;
      int c;
      if (cx == cy) {
        v = checked ? Math.subtractExact(times(a, xs[i]), times(b, ys[j])) : a * xs[i] - b * ys[j];
        c = cx;
        i++;
        j++;
      } else if (cx < cy) {
        v = checked ? times(a, xs[i]) : a * xs[i];
        c = cx;
        i++;
      } else {
        v = checked ? Math.negateExact(times(b, ys[j])) : -b * ys[j];
        c = cy;
        j++;
      }
      if (v != 0) {
        oc[k] = c;
        ov[k] = v;
        k++;
      }
    }
    return k;
  }

  /**
   * Writes the non-zero entries of {@code x + y} into {@code oc} and {@code ov} and returns how many there
   * are: the combination the exact search makes at most of its nodes, where rows of 0s and 1s have
   * denominators of 1. An entry of one row alone is copied as it is (a row's entries are non-zero), and
   * what is left of one row after the other ends is copied whole.
   *
   * @throws ArithmeticException if a sum overflows a {@code long}
   */
  private static int sum(int[] xc, long[] xs, int[] yc, long[] ys, int[] oc, long[] ov) {
    int n = xc.length;
    int m = yc.length;
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < n && j < m) {
      int cx = xc[i];
      int cy = yc[j];
      if (cx < cy) {
        oc[k] = cx;
        ov[k++] = xs[i++];
      } else if (cx > cy) {
        oc[k] = cy;
        ov[k++] = ys[j++];
      } else {
        long v = Math.addExact(xs[i++], ys[j++]);
        if (v != 0) {
          oc[k] = cx;
          ov[k++] = v;
        }
      }
    }
    System.arraycopy(xc, i, oc, k, n - i);
    System.arraycopy(xs, i, ov, k, n - i);
    k += n - i;
    System.arraycopy(yc, j, oc, k, m - j);
    System.arraycopy(ys, j, ov, k, m - j);
    return k + m - j;
  }

  /**
   * Returns {@code a·v}, exactly: the factors of eliminations among 0/1 rows are mostly 1 or −1, which need
   * no multiplication.
   *
   * @throws ArithmeticException if the product overflows a {@code long}
   */
  private static long times(long a, long v) {
    return a == 1 ? v : a == -1 ? Math.negateExact(v) : Math.multiplyExact(a, v);
  }

  private static ExactRow combineBig(BigInteger a, ExactRow x, BigInteger b, ExactRow y) {
    int n = x.cols.length;
    int m = y.cols.length;
    int[] oc = new int[n + m];
    BigInteger[] ov = new BigInteger[n + m];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < n || j < m) {
      int cx = i < n ? x.cols[i] : Integer.MAX_VALUE;
      int cy = j < m ? y.cols[j] : Integer.MAX_VALUE;
      BigInteger v;
      int c;
      if (cx == cy) {
        v = a.multiply(x.value(i)).subtract(b.multiply(y.value(j)));
        c = cx;
        i++;
        j++;
      } else if (cx < cy) {
        v = a.multiply(x.value(i));
        c = cx;
        i++;
      } else {
        v = b.multiply(y.value(j)).negate();
        c = cy;
        j++;
      }
      if (v.signum() != 0) {
        oc[k] = c;
        ov[k] = v;
        k++;
      }
    }
    return k == 0 ? ZERO : new ExactRow(Arrays.copyOf(oc, k), null, Arrays.copyOf(ov, k));
  }

  /**
   * A vector held densely, one {@code long} per column with a bit per non-zero one, for eliminating many
   * columns from one vector in turn without making a row at each step: each step touches only the
   * eliminating row's columns (and, when the vector must be scaled, its non-zero entries). Any step that
   * would overflow a {@code long} throws, and the caller starts again on the exact rows. Not thread-safe;
   * reused from one vector to the next.
   */
  static final class DenseVector {
    private final long[] values;
    private final long[] nonZero;
    // the words of nonZero that may be non-zero, [lo, hi): a vector over many columns whose rows touch few
    // of them is read, counted and cleared over those words alone
    private int lo = Integer.MAX_VALUE;
    private int hi;

    /**
     * Returns an empty vector over a number of columns.
     *
     * @param columns the number of columns
     */
    DenseVector(int columns) {
      values = new long[columns];
      nonZero = new long[(columns + 63) >>> 6];
    }

    /**
     * Sets this vector, zero before, to a row.
     *
     * @param row the row, with columns below this vector's number of columns
     * @return false, leaving this vector zero, if the row has values beyond {@code long}
     */
    boolean load(ExactRow row) {
      if (row.big != null) {
        return false;
      }
      for (int i = 0; i < row.cols.length; i++) {
        values[row.cols[i]] = row.small[i];
        set(row.cols[i]);
      }
      return true;
    }

    /**
     * Returns whether this vector is non-zero at a column.
     *
     * @param column the column, below this vector's number of columns
     * @return whether it is
     */
    boolean isNonZero(int column) {
      return values[column] != 0;
    }

    /**
     * Returns the number of columns this vector has room for.
     *
     * @return the columns
     */
    int columns() {
      return values.length;
    }

    /** Marks a column non-zero. */
    private void set(int column) {
      int w = column >>> 6;
      nonZero[w] |= 1L << column;
      lo = Math.min(lo, w);
      hi = Math.max(hi, w + 1);
    }

    /**
     * Returns the first column from {@code from} on where this vector is not zero.
     *
     * @param from the column to start at
     * @return the column, or -1
     */
    int next(int from) {
      int first = from >>> 6;
      int w = Math.max(first, lo);
      if (w >= hi) {
        return -1;
      }
      long word = w == first ? nonZero[w] & (-1L << from) : nonZero[w];
      while (word == 0) {
        if (++w >= hi) {
          return -1;
        }
        word = nonZero[w];
      }
      return (w << 6) + trailingZeros(word);
    }

    /**
     * Eliminates a column with a row, as {@link ExactRow#eliminate} does but without the division by the
     * content: this vector becomes {@code (y[c]/g)·this − (this[c]/g)·y}, {@code g = gcd(this[c], y[c])}.
     *
     * @param column the column, where both are non-zero
     * @param y the row
     * @return false, leaving this vector as it was, if the row has values beyond {@code long}
     * @throws ArithmeticException if a value would overflow a {@code long} (this vector is then spoilt:
     *     {@linkplain #clear clear} it)
     */
    boolean eliminate(int column, ExactRow y) {
      if (y.big != null) {
        return false;
      }
      // the arrays in locals, and the words that may become non-zero widened once for the whole row: the
      // quick JIT compiler would read the fields again, and widen the range, for every entry
      int[] cols = y.cols;
      long[] ys = y.small;
      long[] vs = values;
      long[] words = nonZero;
      long p = ys[cols[0] == column ? 0 : y.find(column)]; // the column is mostly the row's pivot, its first
      long b = vs[column];
      if (p == Long.MIN_VALUE || b == Long.MIN_VALUE) {
        throw new ArithmeticException("a value a long cannot negate");
      }
      long g = gcd(p, b);
      long scale = p / g;
      long factor = b / g;
      if (scale != 1) {
        for (int c = next(0); c >= 0; c = next(c + 1)) {
          vs[c] = times(scale, vs[c]);
        }
      }
      lo = Math.min(lo, cols[0] >>> 6);
      hi = Math.max(hi, (cols[cols.length - 1] >>> 6) + 1);
      for (int t = 0; t < cols.length; t++) {
        int c = cols[t];
        long v = Math.subtractExact(vs[c], times(factor, ys[t]));
        vs[c] = v;
        if (v == 0) {
          words[c >>> 6] &= ~(1L << c);
        } else {
          words[c >>> 6] |= 1L << c;
        }
      }
      return true;
    }

    /**
     * Returns this vector as a row, and leaves it zero.
     *
     * @return the row
     */
    ExactRow toRow() {
      long[] words = nonZero;
      long[] vs = values;
      int k = 0;
      for (int w = lo; w < hi; w++) {
        k += Long.bitCount(words[w]);
      }
      if (k == 0) {
        clear();
        return ZERO;
      }
      int[] cols = new int[k];
      long[] out = new long[k];
      // read and cleared in one pass over the words, each non-zero entry found from its word's lowest one
      int i = 0;
      for (int w = lo; w < hi; w++) {
        for (long word = words[w]; word != 0; word &= word - 1) {
          int c = (w << 6) + trailingZeros(word);
          cols[i] = c;
          out[i++] = vs[c];
          vs[c] = 0;
        }
        words[w] = 0;
      }
      lo = Integer.MAX_VALUE;
      hi = 0;
      return new ExactRow(cols, out, null);
    }

    /** Makes this vector zero. */
    void clear() {
      for (int w = lo; w < hi; w++) {
        for (long word = nonZero[w]; word != 0; word &= word - 1) {
          values[(w << 6) + trailingZeros(word)] = 0;
        }
        nonZero[w] = 0;
      }
      lo = Integer.MAX_VALUE;
      hi = 0;
    }
  }

  /**
   * {@link Long#numberOfTrailingZeros} of a non-zero word, counted as the bits below its lowest one.
   * The quick JIT compiler, which the command line runs with, has no intrinsic for either method, and
   * {@code bitCount}'s arithmetic without branches costs it about a quarter of the other's; the optimising
   * compiler makes both one instruction.
   */
  private static int trailingZeros(long word) {
    return Long.bitCount(~word & (word - 1));
  }

  /** The greatest common divisor of the absolute values of two longs (neither {@link Long#MIN_VALUE}). */
  static long gcd(long a, long b) {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ExactRow r) || !Arrays.equals(cols, r.cols)) {
      return false;
    }
    for (int i = 0; i < cols.length; i++) {
      if (!value(i).equals(r.value(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(cols);
    for (int i = 0; i < cols.length; i++) {
      h = 31 * h + value(i).hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < cols.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(cols[i]).append(": ").append(value(i));
    }
    return b.append('}').toString();
  }
}

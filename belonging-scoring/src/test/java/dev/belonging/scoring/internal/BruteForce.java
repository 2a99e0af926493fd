package dev.belonging.scoring.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The exhaustive attacker of the tests, written independently of the library's search: it enumerates every
 * group of columns with 1 to {@code limit} contributors and asks exact rational linear algebra whether the
 * group's indicator lies in the row space. Membership is decided through the kernel: {@code x} is in the row
 * space of {@code M} exactly when it is orthogonal to every vector {@code n} with {@code M n = 0}; a basis
 * of the kernel is read off the reduced row echelon form computed with {@link BigInteger} fractions.
 */
public final class BruteForce {

  private BruteForce() {}

  /**
   * Returns every minimal leak: a set of columns with total weight between 1 and {@code limit} whose
   * indicator is a rational combination of the rows, and no non-empty proper subset of which is one.
   *
   * @param columns the number of columns
   * @param rows the rows, each the set of columns where it is 1
   * @param weight the contributors of each column, each at least 1
   * @param limit the largest protected weight
   * @param wholeKnown whether the set of every column is not a leak (the known headcount)
   * @return the minimal leaks
   */
  public static Set<Set<Integer>> minimalLeaks(int columns, List<Set<Integer>> rows, long[] weight,
      long limit, boolean wholeKnown) {
    return leaksOfKernel(columns, kernel(columns, rows), weight, limit, wholeKnown);
  }

  /**
   * Returns every minimal leak of rows of any integer values, as {@link #minimalLeaks(int, List, long[],
   * long, boolean)} does for rows of 0s and 1s.
   *
   * @param rows the rows, each its value at every column
   * @param weight the contributors of each column, each at least 1
   * @param limit the largest protected weight
   * @param wholeKnown whether the set of every column is not a leak
   * @return the minimal leaks
   */
  public static Set<Set<Integer>> minimalLeaks(long[][] rows, int columns, long[] weight, long limit,
      boolean wholeKnown) {
    Fraction[][] a = new Fraction[rows.length][columns];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < columns; j++) {
        a[i][j] = Fraction.of(BigInteger.valueOf(rows[i][j]), BigInteger.ONE);
      }
    }
    return leaksOfKernel(columns, kernel(a, columns), weight, limit, wholeKnown);
  }

  private static Set<Set<Integer>> leaksOfKernel(int columns, List<BigInteger[]> kernel, long[] weight,
      long limit, boolean wholeKnown) {
    List<Set<Integer>> leaks = new ArrayList<>();
    enumerate(0, new ArrayList<>(), 0, columns, weight, limit, kernel, wholeKnown, leaks);
    Set<Set<Integer>> minimal = new HashSet<>();
    for (Set<Integer> s : leaks) {
      boolean isMinimal = true;
      for (Set<Integer> t : leaks) {
        if (t.size() < s.size() && s.containsAll(t)) {
          isMinimal = false;
          break;
        }
      }
      if (isMinimal) {
        minimal.add(s);
      }
    }
    return minimal;
  }

  private static void enumerate(int from, List<Integer> chosen, long w, int columns, long[] weight, long limit,
      List<BigInteger[]> kernel, boolean wholeKnown, List<Set<Integer>> out) {
    if (!chosen.isEmpty() && !(wholeKnown && chosen.size() == columns) && inRowSpace(chosen, kernel)) {
      out.add(new TreeSet<>(chosen));
    }
    for (int c = from; c < columns; c++) {
      if (w + weight[c] <= limit) {
        chosen.add(c);
        enumerate(c + 1, chosen, w + weight[c], columns, weight, limit, kernel, wholeKnown, out);
        chosen.remove(chosen.size() - 1);
      }
    }
  }

  private static boolean inRowSpace(List<Integer> set, List<BigInteger[]> kernel) {
    for (BigInteger[] n : kernel) {
      BigInteger sum = BigInteger.ZERO;
      for (int c : set) {
        sum = sum.add(n[c]);
      }
      if (sum.signum() != 0) {
        return false;
      }
    }
    return true;
  }

  /** A basis of {n : M n = 0}, as integer vectors. */
  static List<BigInteger[]> kernel(int columns, List<Set<Integer>> rows) {
    Fraction[][] a = new Fraction[rows.size()][columns];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < columns; j++) {
        a[i][j] = rows.get(i).contains(j) ? Fraction.ONE : Fraction.ZERO;
      }
    }
    return kernel(a, columns);
  }

  /** A basis of {n : A n = 0}, as integer vectors; {@code a} is reduced in place. */
  private static List<BigInteger[]> kernel(Fraction[][] a, int columns) {
    int m = a.length;
    int[] pivotOfRow = new int[m];
    boolean[] isPivot = new boolean[columns];
    int r = 0;
    for (int c = 0; c < columns && r < m; c++) {
      int p = -1;
      for (int i = r; i < m; i++) {
        if (!a[i][c].isZero()) {
          p = i;
          break;
        }
      }
      if (p < 0) {
        continue;
      }
      Fraction[] t = a[p];
      a[p] = a[r];
      a[r] = t;
      Fraction inv = a[r][c].inverse();
      for (int j = 0; j < columns; j++) {
        a[r][j] = a[r][j].times(inv);
      }
      for (int i = 0; i < m; i++) {
        if (i != r && !a[i][c].isZero()) {
          Fraction f = a[i][c];
          for (int j = 0; j < columns; j++) {
            a[i][j] = a[i][j].minus(f.times(a[r][j]));
          }
        }
      }
      pivotOfRow[r] = c;
      isPivot[c] = true;
      r++;
    }
    List<BigInteger[]> basis = new ArrayList<>();
    for (int f = 0; f < columns; f++) {
      if (isPivot[f]) {
        continue;
      }
      Fraction[] n = new Fraction[columns];
      java.util.Arrays.fill(n, Fraction.ZERO);
      n[f] = Fraction.ONE;
      for (int i = 0; i < r; i++) {
        n[pivotOfRow[i]] = a[i][f].negate();
      }
      BigInteger lcm = BigInteger.ONE;
      for (Fraction x : n) {
        lcm = lcm.divide(lcm.gcd(x.den())).multiply(x.den());
      }
      BigInteger[] v = new BigInteger[columns];
      for (int j = 0; j < columns; j++) {
        v[j] = n[j].num().multiply(lcm.divide(n[j].den()));
      }
      basis.add(v);
    }
    return basis;
  }

  /** An exact rational number in lowest terms with a positive denominator. */
  record Fraction(BigInteger num, BigInteger den) {
    static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    static Fraction of(BigInteger num, BigInteger den) {
      if (den.signum() == 0) {
        throw new ArithmeticException("zero denominator");
      }
      BigInteger g = num.gcd(den);
      if (den.signum() < 0) {
        g = g.negate();
      }
      return new Fraction(num.divide(g), den.divide(g));
    }

    boolean isZero() {
      return num.signum() == 0;
    }

    Fraction times(Fraction o) {
      return of(num.multiply(o.num), den.multiply(o.den));
    }

    Fraction minus(Fraction o) {
      return of(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den));
    }

    Fraction plus(Fraction o) {
      return minus(o.negate());
    }

    Fraction negate() {
      return new Fraction(num.negate(), den);
    }

    Fraction inverse() {
      return of(den, num);
    }
  }
}

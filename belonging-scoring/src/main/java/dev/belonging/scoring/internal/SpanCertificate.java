package dev.belonging.scoring.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A second sound certificate, exact: whether every atom that could be part of a derivable group lies, as a
 * column of the cells' incidence matrix, in the span of columns that cannot.
 *
 * <p>Take the candidate cells as coordinates; an atom's column is the 0/1 vector of the cells that hold it.
 * A published vector is {@code x = y·A} for coefficients {@code y} on the shown cells, so
 * {@code x_c = y·A_c}. If an atom's column is a rational combination {@code A_c = Σ α_i A_{s_i}} of columns
 * of <em>safe</em> atoms (at least the threshold of contributors, or protected by {@link Contrasts}), then
 * every vector of the row space that is zero on the safe atoms is zero at {@code c} too. When that holds for
 * every atom below the threshold, the only such vector is zero, so no group below the threshold is
 * derivable — for the candidate cells and for any subset of them (a subset's columns are projections of
 * these, and projection keeps the combination). The elimination runs on columns of about a dozen non-zero
 * entries in a space of as many dimensions as cells, so it is cheap when the cells are few and the atoms
 * many, the opposite of the row elimination of the exact search.
 *
 * <p>Exact (fraction-free {@link Echelon}); not thread-safe (it may use the common fork-join pool itself).
 */
public final class SpanCertificate {

  /**
   * Safe columns in a row that leave the span as it was, after which the rest are left out when the span is
   * within {@link #GAP} of the bound.
   */
  private static final int STALL_COLUMNS = 16_384;

  /**
   * Entries a scrambled build may write ({@link Echelon#written()}) while more than {@link #GAP} dimensions
   * short of the bound; beyond, it starts again in atom order. Columns met in a scrambled order share few
   * cells, so their eliminations may fill the rows in, with integers that outgrow a {@code long}: the
   * side-by-side file by every pair of its six attributes wrote 5 million entries by rank 1,500 and 31
   * million by rank 2,000 (20 s), where atom order, whose columns meet their neighbours' cells, built the
   * same span in a quarter of a second. The benchmark's reports write at most about 110,000.
   */
  private static final long SCRAMBLED_FILL = 1_000_000;

  /** How far short of the bound on the rank the span may be for a first try at completing it. */
  private static final int GAP = 8;

  /** Atoms that are not safe tried, at most, for one outside a span one dimension short of the bound. */
  private static final int WITNESS_TRIES = 2_048;

  /** Extra columns that try, at most, to complete the span before any atom is checked. */
  private static final int GAP_COLUMNS = 1_024;

  /** Extra columns added between two checks of the atoms still open. */
  private static final int BATCH = 128;

  /** Atoms from which on the span checks of one list run in parallel. */
  private static final int PARALLEL_CHECKS = 2_048;

  private Echelon echelon;
  private final int fullRank;
  private final int[] basis;
  private final int[] cellStart; // per atom, where its cells start in cellList (and, last, their number)
  private final int[] cellList; // each atom's cells, ascending, atom after atom
  private final boolean[] widened; // per atom, whether its column once widened the span for a figure
  private final byte[] spannedAtBase; // per atom, UNKNOWN, SPANNED or NOT_SPANNED by the safe atoms alone
  private static final byte UNKNOWN = 0;
  private static final byte SPANNED = 1;
  private static final byte NOT_SPANNED = 2;
  /** Changes of {@link #markSpanned} applied now: 0 when the echelon form is the safe atoms' span. */
  private int applied;
  /**
   * Found when the safe atoms' span is one dimension short of the bound, from an atom outside it: the
   * functional that is zero exactly on that span; null until then.
   */
  private volatile Witness witness;

  /**
   * Builds the span of the safe atoms' columns.
   *
   * @param atoms the number of atoms
   * @param cells the candidate cells, each as its sorted atoms
   * @param safe per atom, whether it is safe in every figure the certificate will be asked about
   */
  public SpanCertificate(int atoms, List<int[]> cells, boolean[] safe) {
    this(atoms, cells, safe, cells.size());
  }

  /**
   * Builds the span of the safe atoms' columns, knowing a bound on the rank of all the atoms' columns
   * together (for cells of breakdowns, the dimension of the sums of functions of each breakdown's
   * attributes). Once the safe columns reach it they span every column, and nothing more is added or
   * reduced: every atom is spanned.
   *
   * @param atoms the number of atoms
   * @param cells the candidate cells, each as its sorted atoms
   * @param safe per atom, whether it is safe in every figure the certificate will be asked about
   * @param maxRank at least the rank of the columns of all atoms
   */
  public SpanCertificate(int atoms, List<int[]> cells, boolean[] safe, long maxRank) {
    this(atoms, cells, safe, maxRank, true);
  }

  /**
   * Builds the span of the safe atoms' columns, meeting the atoms in a scrambled order (the span grows
   * fastest, for the certificate; a build that fills its rows in starts again in atom order, see
   * {@link #SCRAMBLED_FILL}) or in atom order (the basis stays among neighbouring atoms, which keeps an
   * elimination over the basis' columns sparse, for {@link #basis()}).
   *
   * @param atoms the number of atoms
   * @param cells the candidate cells, each as its sorted atoms
   * @param safe per atom, whether it is safe in every figure the certificate will be asked about
   * @param maxRank at least the rank of the columns of all atoms
   * @param scrambled whether to meet the atoms in a scrambled order
   */
  public SpanCertificate(int atoms, List<int[]> cells, boolean[] safe, long maxRank, boolean scrambled) {
    this(atoms, cells, safe, maxRank, scrambled, SCRAMBLED_FILL);
  }

  /**
   * Builds the span like {@link #SpanCertificate(int, List, boolean[], long, boolean)}, with another bound on
   * the entries a scrambled build may write before it starts again in atom order (see
   * {@link #SCRAMBLED_FILL}); the span, and so every answer, is the same either way but for how early a
   * build close to the bound stops.
   *
   * @param atoms the number of atoms
   * @param cells the candidate cells, each as its sorted atoms
   * @param safe per atom, whether it is safe in every figure the certificate will be asked about
   * @param maxRank at least the rank of the columns of all atoms
   * @param scrambled whether to meet the atoms in a scrambled order
   * @param scrambledFill the entries a scrambled build may write while far from the bound
   */
  public SpanCertificate(int atoms, List<int[]> cells, boolean[] safe, long maxRank, boolean scrambled,
      long scrambledFill) {
    Objects.requireNonNull(cells, "cells");
    fullRank = (int) Math.min(maxRank, cells.size());
    cellStart = new int[atoms + 1];
    cellList = cellsOfAtoms(atoms, cells, cellStart);
    widened = new boolean[atoms];
    spannedAtBase = new byte[atoms];
    echelon = new Echelon(cells.size());
    int[] built = build(safe, scrambled, scrambledFill);
    if (built == null) {
      // the scrambled order filled the rows in: start again in atom order, which meets every safe atom
      echelon = new Echelon(cells.size());
      witness = null;
      built = build(safe, false, Long.MAX_VALUE);
    }
    basis = built;
  }

  /**
   * Each atom's cells, ascending, one atom after the other; {@code start} is set to where each atom's cells
   * start (each loop in a method of its own, which the JIT compiles apart).
   */
  private static int[] cellsOfAtoms(int atoms, List<int[]> cells, int[] start) {
    for (int[] cell : cells) {
      for (int a : cell) {
        start[a + 1]++;
      }
    }
    for (int a = 0; a < atoms; a++) {
      start[a + 1] += start[a];
    }
    int[] out = new int[start[atoms]];
    int[] next = Arrays.copyOf(start, atoms);
    // coordinates: the cells from the fewest atoms to the most, so that an atom's first coordinate, where a
    // column that widens the span takes its pivot, is its most local cell (an intersection of one team,
    // say, rather than the population); eliminations then stay among the columns of neighbouring atoms
    // rather than spreading through every cell a large one touches. The span does not depend on the order
    // of the coordinates, nor does anything the certificate answers
    Integer[] order = new Integer[cells.size()];
    for (int c = 0; c < order.length; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (x, y) -> Integer.compare(cells.get(x).length, cells.get(y).length));
    for (int coordinate = 0; coordinate < order.length; coordinate++) {
      for (int a : cells.get(order[coordinate])) {
        out[next[a]++] = coordinate; // ascending, as coordinates are visited in order
      }
    }
    return out;
  }

  /** Whether an atom lies in no cell. */
  private boolean inNoCell(int atom) {
    return cellStart[atom] == cellStart[atom + 1];
  }

  /** An atom's column: ones at its cells. */
  private ExactRow column(int atom) {
    return ExactRow.ones(cellList, cellStart[atom], cellStart[atom + 1]);
  }

  /**
   * Adds safe atoms' columns to the echelon form and returns the atoms that widened it, ascending; null
   * when a scrambled build wrote more than {@code fill} entries while still more than
   * {@link #GAP} dimensions short of the bound (the form is then to be dropped).
   */
  private int[] build(boolean[] safe, boolean scrambled, long fill) {
    int atoms = cellStart.length - 1;
    int[] chosen = new int[Math.min(atoms, echelon.columns())];
    int n = 0;
    // atoms in a scrambled but fixed order, so that every part of the cross-classification is met early
    // and the span grows fast; once it is a few dimensions short of the bound and has not grown for a long
    // stretch, the rest is left out (the extra columns of a figure usually close such a gap), which only
    // makes the certificate weaker: an atom spanned by some safe atoms is spanned by all of them
    long step = scrambled ? scrambler(atoms) : 1;
    int stall = 0;
    boolean sought = false;
    for (long i = 0; i < atoms && echelon.rank() < fullRank
        && (stall < STALL_COLUMNS || fullRank - echelon.rank() > GAP); i++) {
      if (scrambled && echelon.written() > fill && fullRank - echelon.rank() > GAP) {
        return null;
      }
      int a = (int) (i * step % atoms);
      if (safe[a] && !inNoCell(a)) {
        if (echelon.rank() == fullRank - 1) {
          // one dimension short: an unsafe atom outside the span tells, by one column of its remainder,
          // which safe columns would complete it, without eliminating them
          if (!sought) {
            sought = true;
            seekWitness(safe, step);
            if (witness != null && witness.weights != null) {
              // and every safe atom is then checked by a sum over its cells: all of them, in atom order
              int outside = firstOutside(safe);
              if (outside >= 0) {
                chosen[n++] = outside;
              }
              break;
            }
          }
          if (inSpanByWitness(a) == 1) {
            stall++;
            continue;
          }
        }
        if (echelon.add(column(a)) != null) {
          chosen[n++] = a;
          stall = 0;
        } else {
          stall++;
        }
      }
    }
    int[] widening = Arrays.copyOf(chosen, n);
    Arrays.sort(widening);
    return widening;
  }

  /**
   * Looks, among at most {@link #WITNESS_TRIES} atoms that are not safe, for one whose column the span does
   * not hold, and keeps a column where its remainder is not zero.
   */
  private void seekWitness(boolean[] safe, long step) {
    int atoms = cellStart.length - 1;
    int tries = 0;
    for (long i = 0; i < atoms && tries < WITNESS_TRIES; i++) {
      int a = (int) (i * step % atoms);
      if (!safe[a] && !inNoCell(a)) {
        tries++;
        ExactRow remainder = echelon.reduce(column(a));
        if (!remainder.isZero()) {
          witness = Witness.of(echelon, remainder.firstColumn());
          return;
        }
      }
    }
  }

  /**
   * Adds the column of the first safe atom, in atom order, that lies outside the span one dimension short of
   * the bound, and returns it; -1 when every safe atom's column lies in the span.
   */
  private int firstOutside(boolean[] safe) {
    for (int a = 0; a < safe.length; a++) {
      if (safe[a] && !inNoCell(a) && inSpanByWitness(a) != 1
          && echelon.add(column(a)) != null) {
        return a;
      }
    }
    return -1;
  }

  /** A step coprime to {@code n} near its golden section: {@code i·step mod n} visits every index once. */
  private static long scrambler(int n) {
    long step = Math.max(1, Math.round(n * 0.6180339887498949));
    while (gcd(step, n) != 1) {
      step++;
    }
    return step;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /**
   * Returns the safe atoms whose columns form a basis of the span the certificate uses: of the safe atoms'
   * span, or of a part of it when the span stopped growing for long (every atom it spans is spanned by the
   * safe atoms, so the certificate stays sound).
   *
   * @return the atoms, ascending
   */
  public int[] basis() {
    return basis.clone();
  }

  /**
   * Returns the atoms of a list whose columns the safe atoms' columns do not span.
   *
   * @param atoms the atoms to check
   * @return those not spanned, in the list's order
   */
  public int[] unspannedOf(int[] atoms) {
    return unspanned(atoms, new boolean[cellStart.length - 1]);
  }

  /**
   * Returns whether an atom's column lies in the span of the safe atoms' columns.
   *
   * @param atom the atom
   * @return whether no vector of the row space that is zero on the safe atoms is non-zero at it
   */
  public boolean spanned(int atom) {
    if (inNoCell(atom) || echelon.rank() >= fullRank) {
      return true;
    }
    int known = inSpanByWitness(atom);
    if (known >= 0) {
      return known == 1;
    }
    ExactRow remainder = echelon.reduce(column(atom));
    if (!remainder.isZero() && witness == null && applied == 0 && echelon.rank() == fullRank - 1) {
      // outside the safe atoms' span, one dimension short: a witness (any serves, whichever thread sets it)
      witness = Witness.of(echelon, remainder.firstColumn());
    }
    return remainder.isZero();
  }

  /**
   * Whether an atom's column lies in the safe atoms' span, told by the witness: 1 if it
   * does, 0 if not, -1 when the witness cannot tell (the span is not the safe atoms' alone, is not one
   * dimension short of the bound, no witness is known yet, or its weights or their sum would not fit a
   * {@code long}: an elimination tells then).
   *
   * <p>One dimension short of the bound, once an atom outside the span is known, the columns of all the
   * atoms span exactly one more dimension, the direction of that atom's remainder. A column is then in the
   * span when its remainder is zero at one column where that atom's is not: a sum of the witness' weights
   * over the column's own cells rather than an elimination.
   */
  private int inSpanByWitness(int atom) {
    Witness w = witness;
    if (applied != 0 || w == null || w.weights == null || echelon.rank() != fullRank - 1) {
      return -1;
    }
    long sum = 0;
    for (int i = cellStart[atom]; i < cellStart[atom + 1]; i++) {
      long x = w.weights[cellList[i]];
      long t = sum + x;
      if (((sum ^ t) & (x ^ t)) < 0) {
        return -1; // overflow
      }
      sum = t;
    }
    return sum == 0 ? 1 : 0;
  }

  /**
   * Marks the atoms of a list that the safe atoms' columns, together with the columns of some more atoms
   * that are safe for one figure only, span; the span is as before afterwards.
   *
   * @param moreSafe atoms safe for the figure at hand
   * @param open the atoms to check
   * @param spanned set to {@code true} at every open atom found spanned
   * @return whether every open atom is spanned
   */
  public boolean markSpanned(int[] moreSafe, int[] open, boolean[] spanned) {
    // the extra columns that widened the span for an earlier figure go first, as figures of one report
    // tend to need the same few
    int[] order = new int[moreSafe.length];
    int front = 0;
    int back = moreSafe.length;
    for (int i = moreSafe.length - 1; i >= 0; i--) {
      if (widened[moreSafe[i]]) {
        order[front++] = moreSafe[i];
      } else {
        order[--back] = moreSafe[i];
      }
    }
    Echelon.Change[] changes = new Echelon.Change[order.length];
    int n = 0;
    int next = 0;
    int[] rest = open;
    // a span a few dimensions short of the bound may be completed by a few extra columns, and then spans
    // every column: try that first, within a bounded number of columns
    if (fullRank - echelon.rank() <= GAP) {
      for (int end = Math.min(order.length, GAP_COLUMNS); next < end && echelon.rank() < fullRank; next++) {
        n = widen(order[next], changes, n);
      }
    }
    if (echelon.rank() >= fullRank) {
      for (int a : open) {
        spanned[a] = true;
      }
      undo(changes, n);
      return true;
    }
    // otherwise most atoms are spanned by the safe atoms alone, which is checked on their span and
    // remembered for the figures to come; the extra columns join again, in batches, only while some atom
    // is not
    undo(changes, n);
    n = 0;
    next = 0;
    rest = unspannedAtBase(rest, spanned);
    // batches that double, so that at most twice the columns needed join; after each, the atoms still open
    // are checked only up to the first that is not spanned (one suffices to go on), and all of them once at
    // the end: a figure that the extra columns do not settle, often with most of its atoms open, costs one
    // pass over them rather than one per batch. The atoms marked are those the last span holds, as when
    // every batch checked them all, and the same batches join
    for (int batch = BATCH; rest.length > 0 && next < order.length && echelon.rank() < fullRank;
        batch = (int) Math.min(Integer.MAX_VALUE, 2L * batch)) {
      for (int end = (int) Math.min(order.length, (long) next + batch); next < end && echelon.rank() < fullRank;
          next++) {
        n = widen(order[next], changes, n);
      }
      rest = fromFirstUnspanned(rest, spanned);
    }
    rest = unspanned(rest, spanned);
    undo(changes, n);
    return rest.length == 0;
  }

  private void undo(Echelon.Change[] changes, int n) {
    for (int i = n - 1; i >= 0; i--) {
      echelon.undo(changes[i]);
    }
    applied -= n;
  }

  /** Adds an atom's column; records the change if it widened the span. */
  private int widen(int atom, Echelon.Change[] changes, int n) {
    if (inSpanByWitness(atom) == 1) {
      return n; // in the span already: adding it would change nothing
    }
    if (!inNoCell(atom)) {
      Echelon.Change change = echelon.add(column(atom));
      if (change != null) {
        applied++;
        changes[n++] = change;
        widened[atom] = true;
      }
    }
    return n;
  }


  /**
   * Marks the spanned atoms of a list and returns the others. The checks only read the echelon form: long
   * lists are checked in parallel on the common fork-join pool.
   */
  private int[] unspanned(int[] atoms, boolean[] spanned) {
    IntStream stream = Arrays.stream(atoms);
    return (atoms.length >= PARALLEL_CHECKS ? stream.parallel() : stream).filter(a -> {
      boolean s = spanned(a);
      spanned[a] |= s;
      return !s;
    }).toArray();
  }

  /** Marks the spanned atoms of a list up to the first that is not, and returns the list from that one on. */
  private int[] fromFirstUnspanned(int[] atoms, boolean[] spanned) {
    int i = 0;
    while (i < atoms.length && spanned(atoms[i])) {
      spanned[atoms[i++]] = true;
    }
    return i == 0 ? atoms : Arrays.copyOfRange(atoms, i, atoms.length);
  }

  /**
   * As {@link #unspanned}, on the safe atoms' span alone (no extra column joined), remembering each atom's
   * answer: that span never changes, so a figure meets an atom another one checked at no cost.
   */
  private int[] unspannedAtBase(int[] atoms, boolean[] spanned) {
    IntStream stream = Arrays.stream(atoms);
    return (atoms.length >= PARALLEL_CHECKS ? stream.parallel() : stream).filter(a -> {
      if (spannedAtBase[a] == UNKNOWN) {
        spannedAtBase[a] = spanned(a) ? SPANNED : NOT_SPANNED;
      }
      boolean s = spannedAtBase[a] == SPANNED;
      spanned[a] |= s;
      return !s;
    }).toArray();
  }

  /**
   * The remainder at a column where the echelon form has no pivot, as a functional of the reduced column: in
   * reduced echelon form each row is zero at the other rows' pivots, so the remainder of {@code x} at
   * {@code column} is {@code x[column] − Σ x[p_i] · row_i[column] / row_i[p_i]} over the rows, a sum of
   * weights over the coordinates where {@code x} is one. The weights are kept times a common denominator,
   * or not at all when they do not fit {@code long}s. The functional is zero on the span whatever rows
   * represent it, and not zero at the atom it was found from. Immutable.
   */
  private static final class Witness {
    final long[] weights;

    private Witness(long[] weights) {
      this.weights = weights;
    }

    /** The functional of the remainder at {@code column}, a column of no pivot. */
    static Witness of(Echelon echelon, int column) {
      long[] weights;
      try {
        int rows = echelon.rowsAt(column);
        long[] num = new long[rows];
        long[] den = new long[rows];
        long common = 1;
        for (int i = 0; i < rows; i++) {
          ExactRow row = echelon.row(echelon.rowAt(column, i));
          if (!row.fitsLongs()) {
            return new Witness(null);
          }
          long a = row.longValue(row.find(column));
          long d = row.longValue(row.find(echelon.pivot(echelon.rowAt(column, i))));
          long g = gcd(Math.absExact(a), Math.absExact(d));
          num[i] = Math.negateExact(a / g) * Long.signum(d);
          den[i] = Math.abs(d / g);
          common = Math.multiplyExact(common / gcd(common, den[i]), den[i]);
        }
        weights = new long[echelon.columns()];
        weights[column] = common;
        for (int i = 0; i < rows; i++) {
          weights[echelon.pivot(echelon.rowAt(column, i))] = Math.multiplyExact(num[i], common / den[i]);
        }
      } catch (ArithmeticException overflow) {
        weights = null;
      }
      return new Witness(weights);
    }
  }

  /**
   * Returns whether every atom of a list is spanned.
   *
   * @param atoms the atoms
   * @return whether all are
   */
  public boolean spansAll(int[] atoms) {
    return Arrays.stream(atoms).allMatch(this::spanned);
  }
}

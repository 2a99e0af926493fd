package dev.belonging.scoring.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
 * <p>Exact (fraction-free {@link Echelon}); not thread-safe.
 */
public final class SpanCertificate {

  private final Echelon echelon;
  private final int[][] cellsOfAtom;

  /**
   * Builds the span of the safe atoms' columns.
   *
   * @param atoms the number of atoms
   * @param cells the candidate cells, each as its sorted atoms
   * @param safe per atom, whether it is safe in every figure the certificate will be asked about
   */
  public SpanCertificate(int atoms, List<int[]> cells, boolean[] safe) {
    Objects.requireNonNull(cells, "cells");
    int[] count = new int[atoms];
    for (int[] cell : cells) {
      for (int a : cell) {
        count[a]++;
      }
    }
    cellsOfAtom = new int[atoms][];
    for (int a = 0; a < atoms; a++) {
      cellsOfAtom[a] = new int[count[a]];
      count[a] = 0;
    }
    for (int c = 0; c < cells.size(); c++) {
      for (int a : cells.get(c)) {
        cellsOfAtom[a][count[a]++] = c; // ascending, as cells are visited in order
      }
    }
    echelon = new Echelon(cells.size());
    for (int a = 0; a < atoms; a++) {
      if (safe[a] && cellsOfAtom[a].length > 0 && echelon.rank() < cells.size()) {
        echelon.add(ExactRow.ones(cellsOfAtom[a]));
      }
    }
  }

  /**
   * Returns whether an atom's column lies in the span of the safe atoms' columns.
   *
   * @param atom the atom
   * @return whether no vector of the row space that is zero on the safe atoms is non-zero at it
   */
  public boolean spanned(int atom) {
    int[] cells = cellsOfAtom[atom];
    return cells.length == 0 || echelon.reduce(ExactRow.ones(cells)).isZero();
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

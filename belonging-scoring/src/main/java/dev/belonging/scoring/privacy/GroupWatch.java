package dev.belonging.scoring.privacy;

import dev.belonging.scoring.internal.ForwardEchelon;
import dev.belonging.scoring.internal.ExactRow;
import java.util.List;

/**
 * Decides, for one figure, which of a superset's rows may be shown by the groups that superset reveals:
 * a row is refused exactly when, with it, the rows kept reveal one of the groups.
 *
 * <p>Why that is exact. The groups are every group of the figure that the headcount's shown rows reveal
 * (the disjoint unions of the minimal ones). The figure's candidates are among those rows, so whatever a set
 * of them reveals, the shown rows reveal too, and it is one of the groups. Whether a group lies in the span
 * of some rows is read on fewer columns: the pivot columns of an echelon form of the shown rows (restricted
 * to the figure's columns) determine every vector of their span, so a vector of the span that agrees with a
 * group there is the group. The elimination runs over those few columns, and each group is kept reduced
 * against it, so that a new row costs one elimination per group it touches.
 *
 * <p>Not thread-safe.
 */
final class GroupWatch implements GroupTesting.RowTest {

  /** Per atom, the column read that its column of the shown rows is, or -1. */
  private final int[] readOfAtom;
  private final ExactRow[] groups;
  private final ForwardEchelon echelon;
  private ExactRow[] remainders;
  /** The remainders before the last {@link #tryAddAll}, while it may be taken back; null when unchanged. */
  private ExactRow[] before;
  /** The rows the last {@link #tryAddAll} added to the echelon form, while it may be taken back. */
  private int added;

  /**
   * Watches groups.
   *
   * @param columnOfAtom per atom, its column of the headcount's shown rows, or -1
   * @param projected per column of the shown rows, its index among the columns read, or -1
   * @param columns how many columns are read
   * @param groups the groups, each as its columns of the shown rows, sorted
   */
  GroupWatch(int[] columnOfAtom, int[] projected, int columns, List<int[]> groups) {
    // a cell's row is read straight from its atoms: the columns read of the shown rows' columns it holds
    readOfAtom = new int[columnOfAtom.length];
    for (int a = 0; a < readOfAtom.length; a++) {
      readOfAtom[a] = columnOfAtom[a] < 0 ? -1 : projected[columnOfAtom[a]];
    }
    this.groups = groups.stream().map(g -> ExactRow.onesAt(g, projected)).toArray(ExactRow[]::new);
    this.echelon = new ForwardEchelon(columns);
    this.remainders = this.groups.clone();
  }

  /**
   * Adds candidates' rows unless, with them, the rows kept reveal a group: all of them or none.
   *
   * @param cells the candidates' atoms, each sorted
   * @return whether they were kept
   */
  @Override
  public boolean tryAddAll(List<int[]> cells) {
    added = 0;
    before = null;
    for (int[] cell : cells) {
      if (!echelon.add(ExactRow.onesAt(cell, readOfAtom))) {
        continue; // in the span already: nothing new is revealed
      }
      added++;
      if (before == null) {
        before = remainders.clone();
      }
      ExactRow row = echelon.row(echelon.rank() - 1);
      int pivot = echelon.pivot(echelon.rank() - 1);
      boolean leak = false;
      for (int i = 0; i < remainders.length; i++) {
        if (remainders[i].find(pivot) >= 0) {
          remainders[i] = ExactRow.eliminate(remainders[i], row, pivot);
          leak |= remainders[i].isZero();
        }
      }
      if (leak) {
        undoLast();
        return false;
      }
    }
    return true;
  }

  /** Takes back the rows the last successful {@link #tryAddAll} kept, if they changed anything. */
  @Override
  public void undoLast() {
    for (; added > 0; added--) {
      echelon.removeLast();
    }
    if (before != null) {
      remainders = before;
      before = null;
    }
  }

  /**
   * Returns whether no group is watched: then no candidate is ever refused, as the rows they are among
   * reveal no group of the figure.
   *
   * @return whether there is no group
   */
  boolean isEmpty() {
    return groups.length == 0;
  }

  /**
   * Checks again that the kept rows reveal none of the groups: each group is reduced afresh against their
   * echelon form, rather than read from the remainders kept along the way.
   *
   * <p>The form holds exactly the kept rows, in order, as a fresh elimination of them would: a row refused
   * here, or kept here but refused by another figure, was taken back ({@link ForwardEchelon#removeLast}
   * restores the form as it was, which its properties check).
   *
   * @param figure the figure, for the message
   * @throws IllegalStateException if they do (a defect; nothing may be published)
   */
  void verify(Figure figure) {
    for (ExactRow group : groups) {
      if (echelon.reduce(group).isZero()) {
        throw new IllegalStateException("the final audit found a derivable group in " + figure
            + "; the report is not published");
      }
    }
  }
}

package dev.belonging.scoring.privacy;

import dev.belonging.scoring.internal.StableOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guard's order of the candidates of a figure: level, then the figure's contributors, the headcount's
 * and every other figure's (larger first), then breakdown, then the order of the cells (by values). All but
 * the figure's own contributors are the same for every figure, so the cells are ranked on them once, and
 * each figure's candidates are sorted on level, its contributors and that rank.
 *
 * <p>Immutable once made; {@link #sort} may run on several threads at once.
 */
final class CandidateOrder {

  private final Map<Cells.Cell, Integer> rank = new IdentityHashMap<>();
  private final Cells.Cell[] byRank;

  /**
   * Ranks cells, every later candidate among them.
   *
   * @param cells the cells, in the order ties keep
   */
  CandidateOrder(List<Cells.Cell> cells) {
    List<Cells.Cell> ranked = new ArrayList<>(cells);
    // stable: ties keep the cells' order
    ranked.sort(Comparator.comparingInt(Cells.Cell::level)
        .thenComparing((x, y) -> Arrays.compare(y.counts(), x.counts()))
        .thenComparingInt(Cells.Cell::breakdown));
    byRank = ranked.toArray(new Cells.Cell[0]);
    for (int i = 0; i < byRank.length; i++) {
      rank.put(byRank[i], i);
    }
  }

  /**
   * Returns the candidates in the guard's order for a figure. Each candidate's level, contributors and
   * rank are packed into one {@code long} whose natural order is the guard's, when they fit in 63 bits (a
   * cell's contributors would need to pass tens of billions not to); else they are sorted by comparison.
   *
   * @param candidates the candidates, among the ranked cells
   * @param figure the figure
   * @return the candidates, ordered
   */
  List<Cells.Cell> sort(List<Cells.Cell> candidates, int figure) {
    int n = candidates.size();
    int[] level = new int[n];
    long[] contributors = new long[n];
    int[] ranks = new int[n];
    for (int i = 0; i < n; i++) {
      Cells.Cell c = candidates.get(i);
      level[i] = c.level();
      contributors[i] = c.contributors(figure);
      ranks[i] = rank.get(c);
    }
    int[] order = order(level, contributors, ranks, byRank.length);
    List<Cells.Cell> sorted = new ArrayList<>(n);
    for (int r : order) {
      sorted.add(byRank[r]);
    }
    return sorted;
  }

  /**
   * Returns the ranks in the guard's order: by level, then contributors (larger first), then rank.
   *
   * @param level per candidate, its level (non-negative)
   * @param contributors per candidate, its contributors to the figure (non-negative)
   * @param ranks per candidate, its rank, distinct, below {@code cells}
   * @param cells the number of ranked cells
   * @return the ranks, ordered
   */
  static int[] order(int[] level, long[] contributors, int[] ranks, int cells) {
    int n = ranks.length;
    int maxLevel = 0;
    long most = 0;
    for (int i = 0; i < n; i++) {
      maxLevel = Math.max(maxLevel, level[i]);
      most = Math.max(most, contributors[i]);
    }
    int rankBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, cells - 1));
    int levelBits = 32 - Integer.numberOfLeadingZeros(maxLevel);
    int contributorBits = 64 - Long.numberOfLeadingZeros(most);
    int[] out = new int[n];
    if (levelBits + contributorBits + rankBits <= 63) {
      // level, then the contributors' complement (larger first), then the rank: one long sort
      long fewest = (1L << contributorBits) - 1;
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = ((long) level[i] << contributorBits | (fewest - contributors[i])) << rankBits | ranks[i];
      }
      Arrays.sort(keys);
      long mask = (1L << rankBits) - 1;
      for (int i = 0; i < n; i++) {
        out[i] = (int) (keys[i] & mask);
      }
      return out;
    }
    int[] byOrder = StableOrder.of(n, (a, b) -> level[a] != level[b] ? Integer.compare(level[a], level[b])
        : contributors[a] != contributors[b] ? Long.compare(contributors[b], contributors[a])
        : Integer.compare(ranks[a], ranks[b]));
    for (int i = 0; i < n; i++) {
      out[i] = ranks[byOrder[i]];
    }
    return out;
  }
}

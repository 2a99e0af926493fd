package dev.belonging.scoring.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps candidates in order, each one unless, with the candidates kept before it, some figure's test refuses
 * it: the greedy rule of the guard's elimination, decided a batch of candidates at a time.
 *
 * <p>Why a batch decides what one candidate at a time would. The tests are monotone: a set of rows that
 * reveals a small group still reveals it with more rows (the row space only grows), so if the rows kept
 * with a whole batch reveal nothing, the rows kept with each first part of it reveal nothing either, and
 * the greedy rule keeps every candidate of the batch. A batch refused is split in two halves, decided in
 * turn; a single candidate is decided as the greedy rule says. The batch grows while batches are kept and
 * shrinks when they are not, so that few refusals cost few splits; most searches of a sparse report are
 * then of a batch, and each search reads the rows every row of the batch changed once instead of once per
 * row.
 *
 * <p>Not thread-safe: the tests hold state.
 */
final class GroupTesting {

  /** The largest batch; a refused batch of it takes about twice its logarithm, 12, more tests. */
  static final int LARGEST_BATCH = 64;

  private GroupTesting() {}

  /**
   * One figure's test of candidates' rows, which it keeps while they pass; it must be monotone (see the
   * class description).
   */
  interface RowTest {
    /**
     * Adds the rows of the cells, all of them or none: all when, with them, the rows kept reveal no group
     * this test protects.
     *
     * @param cells the cells' atoms, each sorted
     * @return whether the rows were added
     */
    boolean tryAddAll(List<int[]> cells);

    /** Takes back the rows the last {@link #tryAddAll} added, when it added them. */
    void undoLast();
  }

  /**
   * Returns the candidates the greedy rule keeps: in order, each one that every test passes together with
   * the rows kept before it. The tests end up holding exactly the kept candidates' rows.
   *
   * @param <T> the candidates' type
   * @param candidates the candidates, in the order they are decided
   * @param cellOf a candidate's atoms, sorted
   * @param tests the figures' tests, asked in order; a candidate one refuses is taken back from those before
   * @param largestBatch the most candidates tested at once, at least 1 (1: one at a time)
   * @return the kept candidates, in order
   */
  static <T> List<T> keep(List<T> candidates, Function<T, int[]> cellOf, List<RowTest> tests,
      int largestBatch) {
    if (largestBatch < 1) {
      throw new IllegalArgumentException("a batch needs at least one candidate, not " + largestBatch);
    }
    List<T> kept = new ArrayList<>();
    int size = 1;
    for (int from = 0; from < candidates.size(); ) {
      int to = Math.min(candidates.size(), from + size);
      boolean whole = keep(candidates.subList(from, to), cellOf, tests, kept);
      size = whole ? Math.min(largestBatch, 2 * size) : Math.max(1, size / 2);
      from = to;
    }
    return kept;
  }

  /** Keeps what the greedy rule keeps of a part, and returns whether it kept all of it. */
  private static <T> boolean keep(List<T> part, Function<T, int[]> cellOf, List<RowTest> tests, List<T> kept) {
    List<int[]> cells = new ArrayList<>(part.size());
    for (T candidate : part) {
      cells.add(cellOf.apply(candidate));
    }
    if (passes(cells, tests)) {
      kept.addAll(part);
      return true;
    }
    if (part.size() > 1) {
      int half = part.size() / 2;
      keep(part.subList(0, half), cellOf, tests, kept);
      keep(part.subList(half, part.size()), cellOf, tests, kept);
    }
    return false;
  }

  /** Adds the cells' rows to every test, or to none when one refuses them. */
  private static boolean passes(List<int[]> cells, List<RowTest> tests) {
    for (int t = 0; t < tests.size(); t++) {
      if (!tests.get(t).tryAddAll(cells)) {
        for (int u = t - 1; u >= 0; u--) {
          tests.get(u).undoLast();
        }
        return false;
      }
    }
    return true;
  }
}

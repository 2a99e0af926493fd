package dev.belonging.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.internal.Atoms;
import dev.belonging.scoring.internal.Echelon;
import dev.belonging.scoring.internal.ExactRow;
import dev.belonging.scoring.internal.LeakSearch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A row set's order of columns changes its work, never its decisions; nor does deciding a batch of rows at
 * a time, in a row set or a watch of the groups a row set reveals. A row set whose work is spent refuses
 * every row and has kept only clean ones.
 */
class RowSetProperties {

  private static final List<List<Breakdown>> BREAKDOWN_SETS = List.of(
      Organisations.BREAKDOWNS,
      List.of(Breakdown.of("team"), Breakdown.of("remote"), Breakdown.of("tenure")),
      List.of(Breakdown.of("team", "remote"), Breakdown.of("team", "tenure"), Breakdown.of("remote", "tenure")));

  /** The breakdowns' cells, coarse rows first, as the guard adds them, but in any order otherwise. */
  private static List<int[]> cells(Atoms atoms, List<Breakdown> breakdowns, Random random) {
    List<int[]> cells = new ArrayList<>();
    for (int b = 0; b < breakdowns.size(); b++) {
      Cells.of(atoms, breakdowns.get(b).attributes(), b).forEach(c -> cells.add(c.atoms()));
    }
    Collections.shuffle(cells, random);
    cells.sort((x, y) -> Boolean.compare(y.length > atoms.size() / 3, x.length > atoms.size() / 3));
    return cells;
  }

  /**
   * An organisation's atoms and cells, no safe atoms, and a figure and whether the whole is known drawn
   * from a seed, whose generator the test may go on drawing from.
   */
  private record Setup(Atoms atoms, Random random, List<int[]> cells, boolean[] safe, LeakSearch.Whole whole,
      int figure) {

    static Setup of(List<Organisations.Team> teams, int which, long seed) {
      Atoms atoms = Organisations.atoms(Organisations.responses(teams));
      Random random = new Random(seed);
      List<int[]> cells = RowSetProperties.cells(atoms, BREAKDOWN_SETS.get(which), random);
      LeakSearch.Whole whole = random.nextBoolean() ? LeakSearch.Whole.KNOWN : LeakSearch.Whole.PROTECTED;
      return new Setup(atoms, random, cells, new boolean[atoms.size()], whole, random.nextInt(atoms.figures()));
    }
  }

  @Test
  void theColumnsOfTheShortRowsAddedLastFirstDecideEveryRowAsTheAtomsOrder() {
    AtomicInteger refused = new AtomicInteger();
    qt().withExamples(300).forAll(Organisations.organisations(), integers().between(0, BREAKDOWN_SETS.size() - 1),
        longs().all()).checkAssert((teams, which, seed) -> {
          Atoms atoms = Organisations.atoms(Organisations.responses(teams));
          Random random = new Random(seed);
          List<int[]> cells = cells(atoms, BREAKDOWN_SETS.get(which), random);
          int figure = random.nextInt(atoms.figures());
          boolean[] safe = new boolean[atoms.size()];
          for (int a = 0; a < safe.length; a++) {
            safe[a] = random.nextInt(4) == 0;
          }
          LeakSearch.Whole whole = random.nextBoolean() ? LeakSearch.Whole.KNOWN : LeakSearch.Whole.PROTECTED;
          RowSet inAtomOrder = new RowSet(Figure.headcount(), atoms, figure, cells, 3, whole, safe, null, false);
          RowSet shortRowsLast = new RowSet(Figure.headcount(), atoms, figure, cells, 3, whole, safe, null, true);
          for (int[] cell : cells) {
            boolean kept = inAtomOrder.tryAdd(cell);
            assertThat(shortRowsLast.tryAdd(cell)).isEqualTo(kept);
            refused.addAndGet(kept ? 0 : 1);
          }
          assertThat(shortRowsLast.bounded()).isFalse();
          assertThat(inAtomOrder.bounded()).isFalse();
        });
    assertThat(refused.get()).as("rows refused").isGreaterThan(50);
  }

  @Test
  void aRowSetWhoseWorkIsSpentRefusesEveryRowAndKeepsOnlyCleanOnes() {
    AtomicInteger spentSets = new AtomicInteger();
    AtomicInteger inSpanRefused = new AtomicInteger();
    qt().withExamples(200).forAll(Organisations.organisations(), integers().between(0, BREAKDOWN_SETS.size() - 1),
        integers().between(1, 120), longs().all()).checkAssert((teams, which, work, seed) -> {
          Setup setup = Setup.of(teams, which, seed);
          Atoms atoms = setup.atoms();
          List<int[]> cells = setup.cells();
          boolean[] safe = setup.safe();
          LeakSearch.Whole whole = setup.whole();
          int figure = setup.figure();
          RowSet bounded = new RowSet(Figure.headcount(), atoms, figure, cells, 3, whole, safe, null, true);
          bounded.limitWork(work);
          List<int[]> kept = new ArrayList<>();
          for (int[] cell : cells) {
            boolean spent = bounded.spent();
            boolean keeps = bounded.tryAdd(cell);
            if (spent) {
              assertThat(keeps).as("a row after the work is spent").isFalse();
              assertThat(bounded.bounded()).isTrue();
              if (inSpan(atoms, figure, whole, safe, cells, kept, cell)) {
                inSpanRefused.incrementAndGet();
              }
            }
            if (keeps) {
              kept.add(cell);
            }
          }
          spentSets.addAndGet(bounded.spent() ? 1 : 0);
          // what it kept is clean: the same rows, added one by one to a row set without a bound, are all kept
          // and its whole row space has no leak
          RowSet again = new RowSet(Figure.headcount(), atoms, figure, cells, 3, whole, safe, null, true);
          for (int[] cell : kept) {
            assertThat(again.tryAdd(cell)).isTrue();
          }
          assertThat(again.search().anyLeak()).isFalse();
        });
    assertThat(spentSets.get()).as("row sets whose work ran out").isGreaterThan(40);
    assertThat(inSpanRefused.get()).as("rows refused though the kept rows span them").isGreaterThan(20);
  }

  /** Whether a cell's row lies in the span of the kept cells' rows (and the whole, when it is known). */
  private static boolean inSpan(Atoms atoms, int figure, LeakSearch.Whole whole, boolean[] safe, List<int[]> cells,
      List<int[]> kept, int[] cell) {
    RowSet columns = new RowSet(Figure.headcount(), atoms, figure, cells, 3, whole, safe, null, true);
    Echelon echelon = new Echelon(columns.columns());
    if (whole == LeakSearch.Whole.KNOWN && columns.columns() > 0) {
      echelon.add(ExactRow.ones(IntStream.range(0, columns.columns()).toArray()));
    }
    kept.forEach(c -> echelon.add(columns.row(c)));
    return echelon.reduce(columns.row(cell)).isZero();
  }

  @Test
  void batchesOfRowsDecideEveryRowAsOneAtATime() {
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger watched = new AtomicInteger();
    qt().withExamples(200).forAll(Organisations.organisations(), integers().between(0, BREAKDOWN_SETS.size() - 1),
        integers().between(2, 80), longs().all()).checkAssert((teams, which, largestBatch, seed) -> {
          Setup setup = Setup.of(teams, which, seed);
          Atoms atoms = setup.atoms();
          Random random = setup.random();
          List<int[]> cells = setup.cells();
          boolean[] safe = setup.safe();
          LeakSearch.Whole whole = setup.whole();
          int figure = setup.figure();
          List<RowSet> sets = new ArrayList<>();
          List<List<int[]>> kept = new ArrayList<>();
          for (int batch : new int[] {1, largestBatch}) {
            RowSet set = new RowSet(Figure.headcount(), atoms, figure, cells, 3, whole, safe, null, true);
            kept.add(GroupTesting.keep(cells, c -> c, List.of(set), batch));
            assertThat(set.bounded()).isFalse();
            sets.add(set);
          }
          assertThat(kept.get(1)).containsExactlyElementsOf(kept.get(0));
          refused.addAndGet(cells.size() - kept.get(0).size());
          // the groups the headcount's shown rows reveal of another figure decide its candidates, the shown
          // rows, alike one at a time and in batches
          RowSet shown = new RowSet(Figure.headcount(), atoms, 0, kept.get(0), 3, LeakSearch.Whole.KNOWN, safe,
              null, false);
          kept.get(0).forEach(shown::tryAdd);
          int other = random.nextInt(atoms.figures());
          List<int[]> candidates = new ArrayList<>(kept.get(0));
          Collections.shuffle(candidates, random);
          List<List<int[]>> watchedKept = new ArrayList<>();
          for (int batch : new int[] {1, largestBatch}) {
            shown.checkFor(atoms, other, 3, safe).watch(256, RowSet.NODES_PER_CHECK).ifPresent(watch -> {
              watchedKept.add(GroupTesting.keep(candidates, c -> c, List.of(watch), batch));
              watch.verify(Figure.headcount());
            });
          }
          if (!watchedKept.isEmpty()) {
            assertThat(watchedKept.get(1)).containsExactlyElementsOf(watchedKept.get(0));
            watched.addAndGet(candidates.size() - watchedKept.get(0).size());
          }
        });
    assertThat(refused.get()).as("rows refused").isGreaterThan(50);
    assertThat(watched.get()).as("rows a watch refused").isGreaterThan(20);
  }
}

package dev.belonging.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.internal.Atoms;
import dev.belonging.scoring.internal.LeakSearch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A row set's order of columns changes its work, never its decisions. */
class RowSetProperties {

  private static final List<List<Breakdown>> BREAKDOWN_SETS = List.of(
      Organisations.BREAKDOWNS,
      List.of(Breakdown.of("team"), Breakdown.of("remote"), Breakdown.of("tenure")),
      List.of(Breakdown.of("team", "remote"), Breakdown.of("team", "tenure"), Breakdown.of("remote", "tenure")));

  @Test
  void theColumnsOfTheShortRowsAddedLastFirstDecideEveryRowAsTheAtomsOrder() {
    AtomicInteger refused = new AtomicInteger();
    qt().withExamples(300).forAll(Organisations.organisations(), integers().between(0, BREAKDOWN_SETS.size() - 1),
        longs().all()).checkAssert((teams, which, seed) -> {
          Atoms atoms = Organisations.atoms(Organisations.responses(teams));
          Random random = new Random(seed);
          List<int[]> cells = new ArrayList<>();
          List<Breakdown> breakdowns = BREAKDOWN_SETS.get(which);
          for (int b = 0; b < breakdowns.size(); b++) {
            Cells.of(atoms, breakdowns.get(b).attributes(), b).forEach(c -> cells.add(c.atoms()));
          }
          // coarse rows first, as the guard adds them, but in any order otherwise
          Collections.shuffle(cells, random);
          cells.sort((x, y) -> Boolean.compare(y.length > atoms.size() / 3, x.length > atoms.size() / 3));
          int figure = random.nextInt(atoms.figures());
          boolean[] safe = new boolean[atoms.size()];
          for (int a = 0; a < safe.length; a++) {
            safe[a] = random.nextInt(4) == 0;
          }
          LeakSearch.Whole whole = random.nextBoolean() ? LeakSearch.Whole.KNOWN : LeakSearch.Whole.PROTECTED;
          RowSet inAtomOrder = new RowSet(Figure.headcount(), atoms, figure, cells, 3, whole, safe, null, false);
          RowSet shortRowsLast = new RowSet(Figure.headcount(), atoms, figure, cells, 3, whole, safe, null, true);
          for (int[] cell : cells) {
            boolean kept = inAtomOrder.tryAdd(inAtomOrder.row(cell));
            assertThat(shortRowsLast.tryAdd(shortRowsLast.row(cell))).isEqualTo(kept);
            refused.addAndGet(kept ? 0 : 1);
          }
          assertThat(shortRowsLast.bounded()).isFalse();
          assertThat(inAtomOrder.bounded()).isFalse();
        });
    assertThat(refused.get()).as("rows refused").isGreaterThan(50);
  }
}

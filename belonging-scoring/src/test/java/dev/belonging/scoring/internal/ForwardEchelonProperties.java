package dev.belonging.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The row echelon form agrees with the reduced one on everything read from it: whether a vector lies in
 * the span, its remainder, and each new row, whatever rows were added and taken back.
 */
class ForwardEchelonProperties {

  @Test
  void itAgreesWithTheReducedFormOnSpansRemaindersAndNewRows() {
    qt().withExamples(400).forAll(integers().between(1, 12), integers().between(0, 40), longs().all())
        .checkAssert((columns, steps, seed) -> {
          Random random = new Random(seed);
          ForwardEchelon forward = new ForwardEchelon(columns);
          Echelon reduced = new Echelon(columns);
          List<Echelon.Change> changes = new ArrayList<>();
          for (int step = 0; step < steps; step++) {
            ExactRow v = RandomRows.vector(random, columns);
            if (random.nextInt(5) == 0 && forward.rank() > 0) {
              // take the last row back from both
              forward.removeLast();
              reduced.undo(changes.remove(changes.size() - 1));
            } else {
              Echelon.Change change = reduced.add(v);
              boolean added = forward.add(v);
              assertThat(added).isEqualTo(change != null);
              if (added) {
                changes.add(change);
                assertThat(forward.row(forward.rank() - 1)).isEqualTo(reduced.row(change.row()));
                assertThat(forward.pivot(forward.rank() - 1)).isEqualTo(reduced.pivot(change.row()));
              }
            }
            assertThat(forward.rank()).isEqualTo(reduced.rank());
            ExactRow w = RandomRows.vector(random, columns);
            assertThat(forward.reduce(w)).isEqualTo(reduced.reduce(w));
          }
        });
  }

  @Test
  void overManyColumnsItAgreesWithTheReducedFormWhereEliminationsReachFarColumns() {
    // rows of a few neighbouring columns and, now and then, a far one, over several 64-column words: the
    // working vector starts in one word and the eliminations bring entries into others
    qt().withExamples(150).forAll(integers().between(65, 600), integers().between(20, 200), longs().all())
        .checkAssert((columns, steps, seed) -> {
          Random random = new Random(seed);
          ForwardEchelon forward = new ForwardEchelon(columns);
          Echelon reduced = new Echelon(columns);
          for (int step = 0; step < steps; step++) {
            ExactRow v = RandomRows.clustered(random, columns);
            Echelon.Change change = reduced.add(v);
            assertThat(forward.add(v)).isEqualTo(change != null);
            if (change != null) {
              assertThat(forward.row(forward.rank() - 1)).isEqualTo(reduced.row(change.row()));
            }
            ExactRow w = RandomRows.clustered(random, columns);
            assertThat(forward.reduce(w)).isEqualTo(reduced.reduce(w));
          }
        });
  }

  @Test
  void reductionsOnSeveralThreadsAtOnceEqualOneThreads() {
    // the span certificate reduces many columns in parallel against one form
    Random random = new Random(42);
    int columns = 200;
    Echelon form = new Echelon(columns);
    for (int i = 0; i < 120; i++) {
      // 0/1 rows, as the guard's: their reduced form stays small
      form.add(RandomRows.incidences(random, columns));
    }
    List<ExactRow> vectors = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      vectors.add(RandomRows.incidences(random, columns));
    }
    List<ExactRow> alone = vectors.stream().map(form::reduce).toList();
    for (int round = 0; round < 5; round++) {
      assertThat(vectors.parallelStream().map(form::reduce).toList()).isEqualTo(alone);
    }
  }

  @Test
  void aColumnOutsideTheFormOrNothingToTakeBackIsRefused() {
    ForwardEchelon form = new ForwardEchelon(2);
    form.add(ExactRow.ones(new int[] {0}));
    assertThatThrownBy(() -> form.reduce(ExactRow.ones(new int[] {0, 2}))).hasMessageContaining("column 2");
    form.removeLast();
    assertThatThrownBy(form::removeLast).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new ForwardEchelon(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}

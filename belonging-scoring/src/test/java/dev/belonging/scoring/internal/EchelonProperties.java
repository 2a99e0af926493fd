package dev.belonging.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A split echelon form agrees with the reduced form on everything its users read: rank, pivots, the
 * trailing rows, remainders, and, once {@linkplain Echelon#reduced() finished}, every row and the column
 * index; and eliminating several columns at once equals eliminating them one by one.
 */
class EchelonProperties {

  /**
   * By hand: adding (1, 1, 0) writes its 2 entries; adding (0, 1, 1) writes its own 2 and rewrites the first
   * row, which had an entry at the new pivot, as (1, 0, −1): 2 more; taking the second back writes the first
   * row as it was (2) and empties the second (0): 8 in all.
   */
  @Test
  void writtenCountsTheEntriesOfEveryRowWritten() {
    Echelon e = new Echelon(3);
    e.add(ExactRow.ones(new int[] {0, 1}));
    assertThat(e.written()).isEqualTo(2);
    Echelon.Change change = e.add(ExactRow.ones(new int[] {1, 2}));
    assertThat(e.row(0)).isEqualTo(ExactRow.of(new int[] {0, 2}, new long[] {1, -1}));
    assertThat(e.written()).isEqualTo(6);
    e.undo(change);
    assertThat(e.written()).isEqualTo(8);
    assertThat(e.add(ExactRow.ones(new int[] {0, 1}))).as("already in the span").isNull();
    assertThat(e.written()).isEqualTo(8);
  }

  @Test
  void aSplitFormAgreesWithTheReducedFormWhateverIsAddedAndTakenBack() {
    qt().withExamples(600)
        .forAll(integers().between(1, 14), integers().between(0, 40), longs().all())
        .checkAssert((columns, steps, seed) -> {
          Random random = new Random(seed);
          int split = random.nextInt(columns + 1);
          Echelon whole = new Echelon(columns);
          Echelon parted = new Echelon(columns, split);
          assertThat(parted.split()).isEqualTo(split == 0 ? columns : split);
          List<Echelon.Change[]> changes = new ArrayList<>();
          for (int step = 0; step < steps; step++) {
            step(random, 5, RandomRows.either(random, columns), whole, parted, changes);
            assertThat(parted.rank()).isEqualTo(whole.rank());
            for (int r = 0; r < whole.rank(); r++) {
              assertThat(parted.pivot(r)).isEqualTo(whole.pivot(r));
              if (whole.pivot(r) >= split) {
                assertThat(parted.row(r)).as("trailing row %d", r).isEqualTo(whole.row(r));
              }
            }
            ExactRow w = RandomRows.either(random, columns);
            assertThat(parted.reduce(w)).isEqualTo(whole.reduce(w));
            assertIndexed(parted, columns);
            Echelon finished = parted.reduced();
            assertThat(finished.split()).isEqualTo(columns);
            for (int r = 0; r < whole.rank(); r++) {
              assertThat(finished.row(r)).isEqualTo(whole.row(r));
              assertThat(finished.pivot(r)).isEqualTo(whole.pivot(r));
            }
            assertIndexed(finished, columns);
          }
        });
  }

  @Test
  void aSplitFormWithManyLeadingRowsAgreesWithTheReducedForm() {
    // enough leading rows for several batches of waiting rows to be eliminated, and for the arrays to grow
    qt().withExamples(60).forAll(integers().between(40, 160), longs().all()).checkAssert(
        EchelonProperties::manyLeadingRows);
  }

  @Test
  void aSplitFormWhoseBatchesGrowAgreesWithTheReducedForm() {
    // beyond 8 × 32 rows a batch of waiting rows grows with the rank: several such batches, taken back too
    qt().withExamples(5).forAll(integers().between(300, 500), longs().all()).checkAssert(
        EchelonProperties::manyLeadingRows);
  }

  private static void manyLeadingRows(int columns, long seed) {
    Random random = new Random(seed);
    int split = columns / 2 + random.nextInt(columns / 2);
    Echelon whole = new Echelon(columns);
    Echelon parted = new Echelon(columns, split);
    List<Echelon.Change[]> changes = new ArrayList<>();
    for (int step = 0; step < 3 * columns; step++) {
      step(random, 6, RandomRows.incidences(random, columns), whole, parted, changes);
      if (step % 7 == 0) {
        ExactRow w = RandomRows.incidences(random, columns);
        assertThat(parted.reduce(w)).isEqualTo(whole.reduce(w));
      }
    }
    assertThat(parted.rank()).isEqualTo(whole.rank());
    Echelon finished = parted.reduced();
    for (int r = 0; r < whole.rank(); r++) {
      assertThat(parted.pivot(r)).isEqualTo(whole.pivot(r));
      if (whole.pivot(r) >= split) {
        assertThat(parted.row(r)).isEqualTo(whole.row(r));
      }
      assertThat(finished.row(r)).isEqualTo(whole.row(r));
    }
    assertIndexed(parted, columns);
    assertIndexed(finished, columns);
    ExactRow w = RandomRows.incidences(random, columns);
    assertThat(finished.reduce(w)).isEqualTo(whole.reduce(w));
  }

  @Test
  void aSplitFormWithWaitingRowsBeyondALongAgreesWithTheReducedForm() {
    // the waiting rows' pivots are eliminated from a remainder in a dense vector of longs: rows and
    // remainders with values beyond a long, and products that overflow one, take the one-by-one path, with
    // the same remainders
    AtomicInteger big = new AtomicInteger();
    qt().withExamples(300).forAll(integers().between(8, 24), longs().all()).checkAssert((columns, seed) -> {
      Random random = new Random(seed);
      int split = columns / 2 + random.nextInt(columns / 2);
      Echelon whole = new Echelon(columns);
      Echelon parted = new Echelon(columns, split);
      List<Echelon.Change[]> changes = new ArrayList<>();
      for (int step = 0; step < 2 * columns; step++) {
        step(random, 8, beyondALong(random, columns), whole, parted, changes);
        ExactRow w = beyondALong(random, columns);
        big.addAndGet(w.fitsLongs() ? 0 : 1);
        assertThat(parted.reduce(w)).isEqualTo(whole.reduce(w));
      }
      Echelon finished = parted.reduced();
      for (int r = 0; r < whole.rank(); r++) {
        assertThat(finished.row(r)).isEqualTo(whole.row(r));
      }
    });
    assertThat(big.get()).as("remainders of rows beyond a long").isGreaterThan(1000);
  }

  /** A 0/1 row, a random vector, or, one time in three, a combination of two with a factor beyond a long. */
  private static ExactRow beyondALong(Random random, int columns) {
    ExactRow row = RandomRows.either(random, columns);
    if (random.nextInt(3) == 0) {
      BigInteger factor = BigInteger.ONE.shiftLeft(62 + random.nextInt(40))
          .add(BigInteger.valueOf(1 + random.nextInt(9)));
      row = ExactRow.combine(factor, row, BigInteger.valueOf(-1 - random.nextInt(5)),
          RandomRows.either(random, columns));
    }
    return row;
  }

  @Test
  void eliminatingSeveralColumnsAtOnceEqualsOneByOne() {
    qt().withExamples(600).forAll(integers().between(1, 14), integers().between(0, 14), longs().all())
        .checkAssert((columns, rows, seed) -> {
          Random random = new Random(seed);
          Echelon form = new Echelon(columns);
          for (int i = 0; i < rows; i++) {
            form.add(RandomRows.either(random, columns));
          }
          assertAtOnceIsOneByOne(random, form, RandomRows.either(random, columns), columns);
        });
  }

  @Test
  void eliminatingAFewShortRowsFromALongOneEqualsOneByOne() {
    // a long row (a coarse segment's) against a few short ones: the row is copied in runs between their
    // columns; the long row's values are sometimes near a long's range, so that the sums overflow
    qt().withExamples(300).forAll(integers().between(64, 600), integers().between(1, 40), longs().all())
        .checkAssert((columns, rows, seed) -> {
          Random random = new Random(seed);
          Echelon form = new Echelon(columns);
          for (int i = 0; i < rows; i++) {
            form.add(RandomRows.clustered(random, columns));
          }
          ExactRow x = random.nextBoolean() ? RandomRows.vector(random, columns) : ones(random, columns);
          assertAtOnceIsOneByOne(random, form, x, 1 + random.nextInt(4));
        });
  }

  /** A 0/1 row of about half the columns. */
  private static ExactRow ones(Random random, int columns) {
    return ExactRow.ones(IntStream.range(0, columns).filter(c -> random.nextBoolean()).toArray());
  }

  /**
   * Eliminating up to {@code most} of the form's pivots that {@code x} has, at once and one by one, with
   * some of the rows negated.
   */
  private static void assertAtOnceIsOneByOne(Random random, Echelon form, ExactRow x, int most) {
    // the rows of a reduced form are zero at each other's pivots, as eliminateAll needs
    List<Integer> hits = new ArrayList<>();
    for (int i = 0; i < x.size() && hits.size() < most; i++) {
      if (form.pivotRow(x.column(i)) >= 0) {
        hits.add(x.column(i));
      }
    }
    ExactRow[] ys = new ExactRow[hits.size()];
    int[] at = new int[hits.size()];
    ExactRow oneByOne = x;
    for (int q = 0; q < ys.length; q++) {
      at[q] = hits.get(q);
      ys[q] = form.row(form.pivotRow(at[q]));
      ys[q] = random.nextBoolean() ? ys[q] : ys[q].negate();
      oneByOne = ExactRow.eliminate(oneByOne, ys[q], at[q]);
    }
    assertThat(ExactRow.eliminateAll(x, ys, at, ys.length)).isEqualTo(oneByOne.primitive());
  }

  @Test
  void exchangingManyPivotsAtOnceEqualsExchangingThemOneByOne() {
    qt().withExamples(600)
        .forAll(integers().between(1, 16), integers().between(0, 30), longs().all())
        .checkAssert((columns, rows, seed) -> {
          Random random = new Random(seed);
          Echelon atOnce = new Echelon(columns);
          for (int i = 0; i < rows; i++) {
            atOnce.add(i % 3 == 0 ? RandomRows.vector(random, columns) : RandomRows.incidences(random, columns));
          }
          Echelon oneByOne = atOnce.copy();
          Echelon before = atOnce.copy();
          boolean[] moves = new boolean[columns];
          for (int c = 0; c < columns; c++) {
            moves[c] = random.nextBoolean();
          }
          long pick = random.nextLong();
          // the choice reads the row it is given: a row read before the exchanges ahead of it had been made
          // would offer a column that is now a pivot, or zero in the row, which exchange refuses
          List<Integer> chosen = new ArrayList<>();
          atOnce.exchangeAll(p -> moves[p], row -> {
            int c = choose(atOnce, row, pick);
            chosen.add(c);
            return c;
          });
          int next = 0;
          for (int r = 0; r < oneByOne.rank(); r++) {
            if (moves[before.pivot(r)]) {
              int c = choose(oneByOne, oneByOne.row(r), pick);
              assertThat(c).isEqualTo(chosen.get(next++));
              if (c >= 0) {
                oneByOne.exchange(r, c);
              }
            }
          }
          assertThat(next).isEqualTo(chosen.size());
          for (int r = 0; r < atOnce.rank(); r++) {
            assertThat(atOnce.pivot(r)).isEqualTo(oneByOne.pivot(r));
            assertThat(atOnce.row(r)).as("row %d", r).isEqualTo(oneByOne.row(r));
            assertThat(atOnce.row(r).primitive()).isIn(atOnce.row(r), atOnce.row(r).negate());
            assertThat(atOnce.row(r).signum(atOnce.row(r).find(atOnce.pivot(r)))).isPositive();
            for (int o = 0; o < atOnce.rank(); o++) {
              if (o != r) {
                assertThat(atOnce.row(o).find(atOnce.pivot(r))).as("row %d at pivot %d", o, r).isNegative();
              }
            }
            // the same span: each row before lies in it
            assertThat(atOnce.reduce(before.row(r)).isZero()).isTrue();
          }
          assertIndexed(atOnce, columns);
        });
  }

  /** A column of the row that is no pivot, picked by {@code pick}, or -1 for one row in four or none. */
  private static int choose(Echelon form, ExactRow row, long pick) {
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      if (form.pivotRow(row.column(i)) < 0) {
        free.add(row.column(i));
      }
    }
    long h = pick ^ row.hashCode();
    return free.isEmpty() || Math.floorMod(h, 4) == 0 ? -1 : free.get((int) Math.floorMod(h >>> 2, free.size()));
  }

  @Test
  void aSplitFormRefusesAnExchangeAndABadSplit() {
    Echelon parted = new Echelon(3, 1);
    parted.add(ExactRow.ones(new int[] {0, 2}));
    assertThatThrownBy(() -> parted.exchange(0, 2)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("reduced()");
    Echelon finished = parted.reduced();
    finished.exchange(0, 2);
    assertThat(finished.pivot(0)).isEqualTo(2);
    Echelon unsplit = new Echelon(3, 0); // every row trailing: the reduced form
    unsplit.add(ExactRow.ones(new int[] {0, 2}));
    unsplit.exchange(0, 2);
    assertThat(unsplit.split()).isEqualTo(3);
    assertThatThrownBy(() -> new Echelon(3, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Echelon(3, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * One step of both forms: one time in {@code undoOneIn} the last addition is taken back from both, else
   * the vector is added to both, which must agree on whether it adds a row and which.
   */
  private static void step(Random random, int undoOneIn, ExactRow v, Echelon whole, Echelon parted,
      List<Echelon.Change[]> changes) {
    if (random.nextInt(undoOneIn) == 0 && !changes.isEmpty()) {
      Echelon.Change[] last = changes.remove(changes.size() - 1);
      whole.undo(last[0]);
      parted.undo(last[1]);
      return;
    }
    Echelon.Change a = whole.add(v);
    Echelon.Change b = parted.add(v);
    assertThat(b == null).isEqualTo(a == null);
    if (a != null) {
      assertThat(b.row()).isEqualTo(a.row());
      changes.add(new Echelon.Change[] {a, b});
    }
  }

  /**
   * The column index lists exactly the rows non-zero at each column, but, from the split on, the trailing
   * ones only.
   */
  private static void assertIndexed(Echelon form, int columns) {
    for (int c = 0; c < columns; c++) {
      Set<Integer> indexed = new TreeSet<>();
      for (int i = 0; i < form.rowsAt(c); i++) {
        indexed.add(form.rowAt(c, i));
      }
      Set<Integer> nonZero = new TreeSet<>();
      for (int r = 0; r < form.rank(); r++) {
        if (form.row(r).find(c) >= 0 && (c < form.split() || form.pivot(r) >= form.split())) {
          nonZero.add(r);
        }
      }
      assertThat(indexed).as("rows at column %d", c).isEqualTo(nonZero);
      assertThat(form.rowsAt(c)).isEqualTo(nonZero.size());
    }
  }
}

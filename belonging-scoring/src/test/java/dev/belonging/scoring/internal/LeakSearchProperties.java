package dev.belonging.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The exact search against the exhaustive attacker, on random small row sets. */
class LeakSearchProperties {

  /** A random problem: weights (large columns first) and rows that nest and overlap like segments. */
  record Problem(int columns, long[] weight, int firstSmall, long limit, List<Set<Integer>> rows,
      LeakSearch.Whole whole) {}

  static Problem problem(int columns, int rowCount, long seed) {
    Random random = new Random(seed);
    long limit = 1 + random.nextInt(5);
    long[] raw = new long[columns];
    for (int c = 0; c < columns; c++) {
      // mostly small columns, some large ones
      raw[c] = random.nextInt(4) == 0 ? limit + 1 + random.nextInt(3) : 1 + random.nextInt((int) limit);
    }
    long[] weight = new long[columns];
    int k = 0;
    for (long w : raw) {
      if (w > limit) {
        weight[k++] = w;
      }
    }
    int firstSmall = k;
    for (long w : raw) {
      if (w <= limit) {
        weight[k++] = w;
      }
    }
    List<Set<Integer>> rows = new ArrayList<>();
    for (int r = 0; r < rowCount; r++) {
      Set<Integer> row = new TreeSet<>();
      int kind = random.nextInt(4);
      if (kind == 0 && !rows.isEmpty()) {
        // a part of an earlier row (an intersection cell)
        for (int c : rows.get(random.nextInt(rows.size()))) {
          if (random.nextBoolean()) {
            row.add(c);
          }
        }
      } else if (kind == 1 && rows.size() >= 2) {
        // a union of two earlier rows
        row.addAll(rows.get(random.nextInt(rows.size())));
        row.addAll(rows.get(random.nextInt(rows.size())));
      } else {
        double density = random.nextDouble();
        for (int c = 0; c < columns; c++) {
          if (random.nextDouble() < density) {
            row.add(c);
          }
        }
      }
      rows.add(row);
    }
    LeakSearch.Whole whole = random.nextBoolean() ? LeakSearch.Whole.KNOWN : LeakSearch.Whole.PROTECTED;
    return new Problem(columns, weight, firstSmall, limit, rows, whole);
  }

  /** The problem's empty form: split where its small columns begin for every other seed, as the guard's. */
  static Echelon echelon(Problem p, long seed) {
    return (seed & 1) == 0 ? new Echelon(p.columns()) : new Echelon(p.columns(), p.firstSmall());
  }

    static ExactRow row(Set<Integer> columns) {
    return ExactRow.ones(columns.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void theSearchFindsExactlyTheMinimalLeaksOfTheAttacker() {
    AtomicInteger withLeaks = new AtomicInteger();
    qt().withExamples(1500).forAll(integers().between(1, 10), integers().between(0, 8), longs().all())
        .checkAssert((columns, rowCount, seed) -> {
          Problem p = problem(columns, rowCount, seed);
          Echelon e = echelon(p, seed);
          p.rows().forEach(r -> e.add(row(r)));
          LeakSearch search = new LeakSearch(e, p.weight(), p.firstSmall(), p.limit(), p.whole());
          Set<Set<Integer>> expected = BruteForce.minimalLeaks(columns, p.rows(), p.weight(), p.limit(),
              p.whole() == LeakSearch.Whole.KNOWN);
          assertThat(minimalLeaks(search, 10_000)).isEqualTo(expected);
          assertThat(search.anyLeak()).isEqualTo(!expected.isEmpty());
          if (!expected.isEmpty()) {
            withLeaks.incrementAndGet();
          }
        });
    assertThat(withLeaks.get()).as("cases with leaks").isGreaterThan(200);
  }

  /**
   * As above with more rows than a branch reads off its candidates one by one: a search over a score of
   * small columns' rows, dense over a few more columns, branches on more than 16 rows at a time, close
   * together, which it takes in order from their marks.
   */
  @Test
  void overManyRowsTheSearchFindsExactlyTheMinimalLeaksOfTheAttacker() {
    qt().withExamples(60).forAll(integers().between(24, 30), integers().between(18, 24), longs().all())
        .checkAssert((columns, rowCount, seed) -> {
          Random random = new Random(seed);
          long limit = 4;
          long[] weight = new long[columns];
          for (int c = 0; c < columns; c++) {
            weight[c] = 1 + random.nextInt(2);
          }
          List<Set<Integer>> rows = new ArrayList<>();
          for (int r = 0; r < rowCount; r++) {
            double density = 0.3 + 0.4 * random.nextDouble();
            Set<Integer> row = new TreeSet<>();
            for (int c = 0; c < columns; c++) {
              if (random.nextDouble() < density) {
                row.add(c);
              }
            }
            rows.add(row);
          }
          LeakSearch.Whole whole = random.nextBoolean() ? LeakSearch.Whole.KNOWN : LeakSearch.Whole.PROTECTED;
          Echelon e = new Echelon(columns);
          rows.forEach(r -> e.add(row(r)));
          LeakSearch search = new LeakSearch(e, weight, 0, limit, whole);
          Set<Set<Integer>> expected = BruteForce.minimalLeaks(columns, rows, weight, limit,
              whole == LeakSearch.Whole.KNOWN);
          assertThat(minimalLeaks(search, 100_000)).isEqualTo(expected);
        });
  }

  @Test
  void addingRowsOneByOneKeepsExactlyTheSafeOnes() {
    qt().withExamples(1000).forAll(integers().between(1, 10), integers().between(0, 10), longs().all())
        .checkAssert((columns, rowCount, seed) -> {
          Problem p = problem(columns, rowCount, seed);
          boolean known = p.whole() == LeakSearch.Whole.KNOWN;
          Echelon e = echelon(p, seed);
          LeakSearch search = new LeakSearch(e, p.weight(), p.firstSmall(), p.limit(), p.whole());
          List<Set<Integer>> kept = new ArrayList<>();
          List<Set<Integer>> refused = new ArrayList<>();
          for (Set<Integer> r : p.rows()) {
            List<ExactRow> before = rows(e);
            Echelon.Change change = e.add(row(r));
            if (change == null) {
              kept.add(r);
              continue;
            }
            int[] roots = java.util.Arrays.copyOf(change.changed(), change.changed().length + 1);
            roots[change.changed().length] = change.row();
            if (search.anyLeak(roots)) {
              e.undo(change);
              assertThat(rows(e)).as("undo restores the rows").isEqualTo(before);
              refused.add(r);
            } else {
              kept.add(r);
            }
          }
          assertThat(BruteForce.minimalLeaks(columns, kept, p.weight(), p.limit(), known)).isEmpty();
          for (Set<Integer> r : refused) {
            List<Set<Integer>> more = new ArrayList<>(kept);
            more.add(r);
            assertThat(BruteForce.minimalLeaks(columns, more, p.weight(), p.limit(), known))
                .as("a refused row leaks against the kept ones").isNotEmpty();
          }
        });
  }

  @Test
  void withIrrelevantColumnsTheSearchAnswersLikeTheAttackerOnTheOtherColumns() {
    // a column without contributors is known to be nothing: the attacker sees the rows without it
    AtomicInteger withLeaks = new AtomicInteger();
    AtomicInteger exchanged = new AtomicInteger();
    qt().withExamples(1500).forAll(integers().between(1, 10), integers().between(0, 8), longs().all())
        .checkAssert((columns, rowCount, seed) -> {
          Problem p = problem(columns, rowCount, seed);
          Random random = new Random(~seed);
          long[] weight = p.weight().clone();
          boolean[] small = new boolean[columns];
          List<Integer> relevant = new ArrayList<>();
          for (int c = 0; c < columns; c++) {
            if (random.nextInt(3) == 0) {
              weight[c] = 0;
            } else {
              relevant.add(c);
              small[c] = c >= p.firstSmall();
            }
          }
          Echelon e = new Echelon(columns);
          p.rows().forEach(r -> e.add(row(r)));
          List<ExactRow> before = rows(e);
          boolean irrelevantPivot = false;
          for (int r = 0; r < e.rank(); r++) {
            irrelevantPivot |= weight[e.pivot(r)] == 0;
          }
          LeakSearch search = LeakSearch.overRelevant(e, weight, small, p.limit(), p.whole());
          assertThat(rows(e)).as("the given echelon form is left as it was").isEqualTo(before);

          List<Set<Integer>> projected = new ArrayList<>();
          for (Set<Integer> r : p.rows()) {
            Set<Integer> q = new TreeSet<>();
            for (int c : r) {
              if (weight[c] > 0) {
                q.add(relevant.indexOf(c));
              }
            }
            projected.add(q);
          }
          long[] relevantWeight = relevant.stream().mapToLong(c -> p.weight()[c]).toArray();
          Set<Set<Integer>> expected = BruteForce.minimalLeaks(relevant.size(), projected, relevantWeight,
              p.limit(), p.whole() == LeakSearch.Whole.KNOWN);
          assertThat(search.anyLeak()).isEqualTo(!expected.isEmpty());
          Set<Set<Integer>> listed = new HashSet<>();
          for (int[] leak : search.minimalLeaksWithin(10_000, Long.MAX_VALUE).orElseThrow()) {
            Set<Integer> projectedLeak = new TreeSet<>();
            for (int c : leak) {
              projectedLeak.add(relevant.indexOf(c));
            }
            listed.add(projectedLeak);
          }
          assertThat(listed).as("the minimal leaks, on the relevant columns").isEqualTo(expected);
          withLeaks.addAndGet(expected.isEmpty() ? 0 : 1);
          exchanged.addAndGet(irrelevantPivot ? 1 : 0);
        });
    assertThat(withLeaks.get()).as("cases with leaks").isGreaterThan(200);
    assertThat(exchanged.get()).as("cases with a pivot to move").isGreaterThan(200);
  }

  @Test
  void anExchangeKeepsTheSpanAndTheInvariants() {
    qt().withExamples(1000).forAll(integers().between(1, 10), integers().between(1, 8), longs().all())
        .checkAssert((columns, rowCount, seed) -> {
          Problem p = problem(columns, rowCount, seed);
          Random random = new Random(seed);
          Echelon e = new Echelon(columns);
          p.rows().forEach(r -> e.add(row(r)));
          Echelon copy = e.copy();
          for (int round = 0; round < 3 && copy.rank() > 0; round++) {
            int r = random.nextInt(copy.rank());
            ExactRow row = copy.row(r);
            List<Integer> free = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
              if (copy.pivotRow(row.column(i)) < 0) {
                free.add(row.column(i));
              }
            }
            if (!free.isEmpty()) {
              copy.exchange(r, free.get(random.nextInt(free.size())));
            }
          }
          assertThat(copy.rank()).isEqualTo(e.rank());
          for (int r = 0; r < e.rank(); r++) {
            assertThat(copy.reduce(e.row(r)).isZero()).as("an original row stays in the span").isTrue();
            assertThat(e.reduce(copy.row(r)).isZero()).as("no new row leaves the span").isTrue();
            int pivot = copy.pivot(r);
            ExactRow row = copy.row(r);
            assertThat(row.signum(row.find(pivot))).as("pivot entry positive").isEqualTo(1);
            assertThat(copy.pivotRow(pivot)).isEqualTo(r);
            for (int o = 0; o < copy.rank(); o++) {
              if (o != r) {
                assertThat(copy.row(o).find(pivot)).as("pivot column zero elsewhere").isNegative();
              }
            }
          }
        });
  }

  @Test
  void aSearchCutShortLeavesNothingBehindForTheNext() {
    // one search instance serves every search of a row set, keeping its working arrays: a search stopped
    // by its node limit must leave none of its state to the searches after it
    AtomicInteger cutShort = new AtomicInteger();
    qt().withExamples(600).forAll(integers().between(1, 10), integers().between(1, 10), longs().all())
        .checkAssert((columns, rowCount, seed) -> {
          Problem p = problem(columns, rowCount, seed);
          Echelon e = echelon(p, seed);
          LeakSearch reused = new LeakSearch(e, p.weight(), p.firstSmall(), p.limit(), p.whole());
          for (Set<Integer> r : p.rows()) {
            e.add(row(r));
            reused.limitNodes(1 + Math.floorMod(seed, 4));
            reused.anyLeak();
            if (reused.exhausted()) {
              cutShort.incrementAndGet();
            }
            reused.limitNodes(Long.MAX_VALUE);
            LeakSearch fresh = new LeakSearch(e, p.weight(), p.firstSmall(), p.limit(), p.whole());
            assertThat(reused.anyLeak()).isEqualTo(fresh.anyLeak());
            assertThat(reused.exhausted()).isFalse();
            assertThat(reused.nodes()).as("the same search, node for node").isEqualTo(fresh.nodes());
          }
        });
    assertThat(cutShort.get()).as("searches cut short").isGreaterThan(500);
  }

  @Test
  void aSearchSplitInTwoPartsAnswersAndCountsAsOnePart() {
    // the same instances serve every search, cut short or not, so that state one search leaves behind
    // would show in the next
    AtomicInteger split = new AtomicInteger();
    AtomicInteger cutShort = new AtomicInteger();
    AtomicInteger leaks = new AtomicInteger();
    qt().withExamples(600).forAll(integers().between(1, 14), integers().between(1, 14), longs().all())
        .checkAssert((columns, rowCount, seed) -> {
          Problem p = problem(columns, rowCount, seed);
          Random random = new Random(seed);
          Echelon e = echelon(p, seed);
          LeakSearch oneThread = new LeakSearch(e, p.weight(), p.firstSmall(), p.limit(), p.whole());
          LeakSearch twoThreads = new LeakSearch(e, p.weight(), p.firstSmall(), p.limit(), p.whole());
          LeakSearch inTurn = new LeakSearch(e, p.weight(), p.firstSmall(), p.limit(), p.whole());
          for (Set<Integer> r : p.rows()) {
            e.add(row(r));
            for (int attempt = 0; attempt < 3 && e.rank() > 0; attempt++) {
              int[] roots = random.ints(1 + random.nextInt(e.rank()), 0, e.rank()).toArray();
              long limit = random.nextBoolean() ? Long.MAX_VALUE : 1 + random.nextInt(30);
              oneThread.limitNodes(limit);
              twoThreads.limitNodes(limit);
              inTurn.limitNodes(limit);
              boolean expected = oneThread.anyLeak(roots, LeakSearch.Split.NONE);
              assertThat(twoThreads.anyLeak(roots, LeakSearch.Split.THREADS)).isEqualTo(expected);
              assertThat(twoThreads.exhausted()).isEqualTo(oneThread.exhausted());
              assertThat(twoThreads.nodes()).as("nodes").isEqualTo(oneThread.nodes());
              assertThat(inTurn.anyLeak(roots, LeakSearch.Split.IN_TURN)).isEqualTo(expected);
              assertThat(inTurn.exhausted()).isEqualTo(oneThread.exhausted());
              assertThat(inTurn.nodes()).as("nodes").isEqualTo(oneThread.nodes());
              split.addAndGet(roots.length > 1 ? 1 : 0);
              cutShort.addAndGet(oneThread.exhausted() ? 1 : 0);
              leaks.addAndGet(expected && !oneThread.exhausted() ? 1 : 0);
            }
          }
        });
    assertThat(split.get()).as("searches split").isGreaterThan(3000);
    assertThat(cutShort.get()).as("searches cut short").isGreaterThan(300);
    assertThat(leaks.get()).as("leaks found").isGreaterThan(300);
  }

  /**
   * Rows longer than a bound are counted once when a branch takes or excludes them, and the pruning test
   * then reads a column's rows when they could decide it: with every row counted once, or those above a
   * random length, the same searches (reused, cut short, split) give the same answers and count the same
   * nodes as with every row counted at its columns, and the leaks listed are the attacker's.
   */
  @Test
  void rowsCountedOnceChangeNeitherTheAnswersNorTheNodes() {
    AtomicInteger cutShort = new AtomicInteger();
    AtomicInteger leaks = new AtomicInteger();
    qt().withExamples(600).forAll(integers().between(1, 14), integers().between(1, 14), longs().all())
        .checkAssert((columns, rowCount, seed) -> {
          Problem p = problem(columns, rowCount, seed);
          Random random = new Random(seed);
          Echelon e = echelon(p, seed);
          LeakSearch atColumns = new LeakSearch(e, p.weight(), p.firstSmall(), p.limit(), p.whole());
          LeakSearch once = new LeakSearch(e, p.weight(), p.firstSmall(), p.limit(), p.whole());
          once.countRowsLongerThanOnce(0);
          LeakSearch mixed = new LeakSearch(e, p.weight(), p.firstSmall(), p.limit(), p.whole());
          mixed.countRowsLongerThanOnce(1 + random.nextInt(columns));
          LeakSearch.Split[] splits = LeakSearch.Split.values();
          for (Set<Integer> r : p.rows()) {
            e.add(row(r));
            for (int attempt = 0; attempt < 3 && e.rank() > 0; attempt++) {
              int[] roots = random.ints(1 + random.nextInt(e.rank()), 0, e.rank()).toArray();
              long limit = random.nextBoolean() ? Long.MAX_VALUE : 1 + random.nextInt(30);
              LeakSearch.Split split = splits[random.nextInt(splits.length)];
              atColumns.limitNodes(limit);
              once.limitNodes(limit);
              mixed.limitNodes(limit);
              boolean expected = atColumns.anyLeak(roots, split);
              for (LeakSearch search : List.of(once, mixed)) {
                assertThat(search.anyLeak(roots, split)).isEqualTo(expected);
                assertThat(search.exhausted()).isEqualTo(atColumns.exhausted());
                assertThat(search.nodes()).as("nodes").isEqualTo(atColumns.nodes());
              }
              cutShort.addAndGet(atColumns.exhausted() ? 1 : 0);
              leaks.addAndGet(expected && !atColumns.exhausted() ? 1 : 0);
            }
          }
          once.limitNodes(Long.MAX_VALUE);
          assertThat(minimalLeaks(once, 10_000)).isEqualTo(BruteForce.minimalLeaks(columns, p.rows(),
              p.weight(), p.limit(), p.whole() == LeakSearch.Whole.KNOWN));
        });
    assertThat(cutShort.get()).as("searches cut short").isGreaterThan(300);
    assertThat(leaks.get()).as("leaks found").isGreaterThan(300);
  }

  @Test
  void aBoundedListingSaysWhenItRunsOut() {
    Problem p = problem(10, 8, 7);
    Echelon e = new Echelon(10);
    p.rows().forEach(r -> e.add(row(r)));
    LeakSearch search = new LeakSearch(e, p.weight(), p.firstSmall(), p.limit(), p.whole());
    assertThat(search.minimalLeaksWithin(100, 1)).isEmpty();
    assertThat(search.exhausted()).isTrue();
    List<int[]> within = search.minimalLeaksWithin(100, Long.MAX_VALUE).orElseThrow();
    List<int[]> unbounded = search.minimalLeaks(100);
    assertThat(within).hasSameSizeAs(unbounded).isNotEmpty();
    for (int i = 0; i < within.size(); i++) {
      assertThat(within.get(i)).containsExactly(unbounded.get(i));
    }
  }

  /**
   * A node counts the entries it combines, and the rows read to choose where to branch, so that the work
   * bound follows the time. By hand, with rows A = (1, 0, 2) and B = (0, 1, 1), every column of one
   * contributor and groups of up to 4 protected: taking A combines the empty combination with A's 2 entries
   * (1 + 0 + 2 = 3); A's 2 at column 2 must change, and the rows there are read to count those that can (A
   * and B: 2), only B; so A + B follows (1 + 2 + 2 = 5), whose 3 no row left can change; then B alone
   * (1 + 0 + 2 = 3) is a leak of columns 1 and 2: 13 in all. Counting each combination's entries alone gives
   * 3 + 4 + 3 = 10, and without the rows read 11.
   */
  @Test
  void aNodeCountsTheEntriesItCombinesAndTheRowsItReads() {
    Echelon e = new Echelon(3);
    e.add(ExactRow.of(new int[] {0, 2}, new long[] {1, 2}));
    e.add(ExactRow.of(new int[] {1, 2}, new long[] {1, 1}));
    LeakSearch search = new LeakSearch(e, new long[] {1, 1, 1}, 0, 4, LeakSearch.Whole.PROTECTED);
    assertThat(search.anyLeak(new int[] {0, 1}, LeakSearch.Split.NONE)).isTrue();
    assertThat(search.nodes()).isEqualTo(13);
    search.limitNodes(12);
    assertThat(search.anyLeak(new int[] {0, 1}, LeakSearch.Split.NONE)).as("a leak may exist").isTrue();
    assertThat(search.exhausted()).isTrue();
    assertThat(search.minimalLeaks(10)).containsExactly(new int[] {1, 2});
  }

  /**
   * As the first property with rows some of whose values are near the bound of a long: a row plus a large
   * multiple (2^20 to 2^61) of another or of a single column. Their combinations are made in longs as the
   * search reads them when a bound shows that none can overflow, else in longs checked for overflow, else
   * as {@code BigInteger}s, all within one search; each finds exactly the attacker's minimal leaks.
   */
  @Test
  void withValuesNearTheBoundOfALongTheSearchFindsExactlyTheMinimalLeaksOfTheAttacker() {
    AtomicInteger withLeaks = new AtomicInteger();
    AtomicInteger withLargeRows = new AtomicInteger();
    qt().withExamples(800).forAll(integers().between(1, 8), integers().between(2, 7), longs().all())
        .checkAssert((columns, rowCount, seed) -> {
          Problem p = problem(columns, rowCount, seed);
          Random random = new Random(~seed);
          long[][] values = new long[rowCount][columns];
          for (int r = 0; r < rowCount; r++) {
            long multiple = random.nextBoolean() ? 0 : (1L << (20 + random.nextInt(42))) + random.nextInt(1000);
            // the multiple of a single column stays in the echelon form, of another row it may be eliminated
            Set<Integer> other = random.nextBoolean() ? Set.of(random.nextInt(columns))
                : p.rows().get(random.nextInt(rowCount));
            for (int c = 0; c < columns; c++) {
              values[r][c] = (p.rows().get(r).contains(c) ? 1 : 0) + (other.contains(c) ? multiple : 0);
            }
          }
          Echelon e = echelon(p, seed);
          int[] all = new int[columns];
          Arrays.setAll(all, c -> c);
          for (long[] row : values) {
            e.add(ExactRow.of(all, row));
          }
          LeakSearch search = new LeakSearch(e, p.weight(), p.firstSmall(), p.limit(), p.whole());
          Set<Set<Integer>> expected = BruteForce.minimalLeaks(values, columns, p.weight(), p.limit(),
              p.whole() == LeakSearch.Whole.KNOWN);
          assertThat(minimalLeaks(search, 10_000)).isEqualTo(expected);
          assertThat(search.anyLeak()).isEqualTo(!expected.isEmpty());
          withLeaks.addAndGet(expected.isEmpty() ? 0 : 1);
          withLargeRows.addAndGet(rows(e).stream().anyMatch(r -> !r.fitsLongs() || largest(r) > 1L << 40) ? 1 : 0);
        });
    assertThat(withLeaks.get()).as("cases with leaks").isGreaterThan(100);
    assertThat(withLargeRows.get()).as("cases with values beyond 2^40 in the rows searched").isGreaterThan(60);
  }

  private static long largest(ExactRow row) {
    long largest = 0;
    for (int i = 0; i < row.size(); i++) {
      largest = Math.max(largest, Math.abs(row.longValue(i)));
    }
    return largest;
  }

  /**
   * The search answers and counts its work node by node as {@link SearchModel}, the search written plainly
   * from its documentation, does: every row the search reads to choose where to branch, and the entries of
   * every node, whatever it keeps between nodes to go faster (the columns' counts of rows taken or
   * excluded, the combination made only as far as it is read). Rows of 0s and 1s, and rows with values
   * near the bound of a long.
   */
  @Test
  void theSearchCountsTheWorkOfTheSearchAsDocumented() {
    AtomicInteger withBranching = new AtomicInteger();
    AtomicInteger withRowsRead = new AtomicInteger();
    qt().withExamples(400).forAll(integers().between(4, 30), integers().between(2, 24), longs().all())
        .checkAssert((columns, rowCount, seed) -> {
          Random random = new Random(seed);
          // rows as overManyRowsTheSearchFindsExactlyTheMinimalLeaksOfTheAttacker draws them, whose searches
          // branch deep, a quarter with a large multiple of one column
          long limit = 2 + random.nextInt(4);
          long[] weight = new long[columns];
          boolean[] small = new boolean[columns];
          for (int c = 0; c < columns; c++) {
            weight[c] = 1 + random.nextInt(2);
            small[c] = true;
          }
          Echelon e = new Echelon(columns);
          int[] all = new int[columns];
          Arrays.setAll(all, c -> c);
          for (int r = 0; r < rowCount; r++) {
            double density = 0.3 + 0.4 * random.nextDouble();
            long multiple = random.nextInt(4) == 0 ? (1L << (20 + random.nextInt(42))) : 0;
            int other = random.nextInt(columns);
            long[] values = new long[columns];
            for (int c = 0; c < columns; c++) {
              values[c] = (random.nextDouble() < density ? 1 : 0) + (c == other ? multiple : 0);
            }
            e.add(ExactRow.of(all, values));
          }
          LeakSearch.Whole whole = random.nextBoolean() ? LeakSearch.Whole.KNOWN : LeakSearch.Whole.PROTECTED;
          LeakSearch search = new LeakSearch(e, weight, 0, limit, whole);
          SearchModel model = new SearchModel(e, weight, small, limit, whole == LeakSearch.Whole.KNOWN);
          int[] roots = new int[e.rank()];
          Arrays.setAll(roots, r -> r);
          assertThat(search.anyLeak(roots, LeakSearch.Split.NONE)).isEqualTo(model.anyLeak());
          assertThat(search.nodes()).isEqualTo(model.work());
          withBranching.addAndGet(model.nodes() > e.rank() ? 1 : 0);
          withRowsRead.addAndGet(model.rowsRead() > 0 ? 1 : 0);
        });
    assertThat(withBranching.get()).as("searches that take more rows than their first").isGreaterThan(100);
    assertThat(withRowsRead.get()).as("searches that read rows to choose where to branch").isGreaterThan(100);
  }

  /** The search's minimal leaks, each as a set of columns. */
  private static Set<Set<Integer>> minimalLeaks(LeakSearch search, int max) {
    Set<Set<Integer>> leaks = new HashSet<>();
    for (int[] leak : search.minimalLeaks(max)) {
      Set<Integer> s = new TreeSet<>();
      for (int c : leak) {
        s.add(c);
      }
      leaks.add(s);
    }
    return leaks;
  }

  private static List<ExactRow> rows(Echelon e) {
    List<ExactRow> out = new ArrayList<>();
    for (int r = 0; r < e.rank(); r++) {
      out.add(e.row(r));
    }
    return out;
  }
}

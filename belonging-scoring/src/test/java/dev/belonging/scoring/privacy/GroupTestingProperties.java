package dev.belonging.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Deciding candidates a batch at a time keeps exactly what deciding them one at a time keeps, and leaves
 * every test holding exactly the kept rows.
 */
class GroupTestingProperties {

  /**
   * A monotone test: candidates are numbers, and a set of them is refused when it holds every member of some
   * forbidden set. It records its calls and checks that it is used as the interface says.
   */
  private static final class ForbiddenSets implements GroupTesting.RowTest {
    private final List<BitSet> forbidden;
    private final BitSet held = new BitSet();
    private BitSet before;
    int calls;

    ForbiddenSets(List<BitSet> forbidden) {
      this.forbidden = forbidden;
    }

    @Override
    public boolean tryAddAll(List<int[]> cells) {
      assertThat(cells).isNotEmpty();
      calls++;
      BitSet with = (BitSet) held.clone();
      for (int[] cell : cells) {
        with.set(cell[0]);
      }
      for (BitSet f : forbidden) {
        BitSet missing = (BitSet) f.clone();
        missing.andNot(with);
        if (missing.isEmpty()) {
          before = null;
          return false;
        }
      }
      before = (BitSet) held.clone();
      held.or(with);
      return true;
    }

    @Override
    public void undoLast() {
      assertThat(before).as("taken back only after rows were added").isNotNull();
      held.clear();
      held.or(before);
      before = null;
    }

    boolean refuses(BitSet rows) {
      for (BitSet f : forbidden) {
        BitSet missing = (BitSet) f.clone();
        missing.andNot(rows);
        if (missing.isEmpty()) {
          return true;
        }
      }
      return false;
    }
  }

  private static List<ForbiddenSets> tests(Random random, int candidates) {
    List<ForbiddenSets> tests = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int t = 0; t < n; t++) {
      List<BitSet> forbidden = new ArrayList<>();
      int sets = random.nextInt(1 + candidates / 3);
      for (int s = 0; s < sets; s++) {
        BitSet f = new BitSet();
        int size = 1 + random.nextInt(3);
        for (int i = 0; i < size; i++) {
          f.set(random.nextInt(candidates));
        }
        forbidden.add(f);
      }
      tests.add(new ForbiddenSets(forbidden));
    }
    return tests;
  }

  @Test
  void batchesKeepWhatTheGreedyRuleKeepsOneCandidateAtATime() {
    AtomicInteger refusedSomewhere = new AtomicInteger();
    qt().withExamples(500).forAll(integers().between(0, 200), integers().between(1, 100), longs().all())
        .checkAssert((candidates, largestBatch, seed) -> {
          List<ForbiddenSets> tests = tests(new Random(seed), Math.max(1, candidates));
          List<Integer> order = new ArrayList<>();
          for (int i = 0; i < candidates; i++) {
            order.add(i);
          }
          java.util.Collections.shuffle(order, new Random(seed + 1));
          // the greedy rule, written out
          List<Integer> expected = new ArrayList<>();
          BitSet keptRows = new BitSet();
          for (int c : order) {
            BitSet with = (BitSet) keptRows.clone();
            with.set(c);
            if (tests.stream().noneMatch(t -> t.refuses(with))) {
              expected.add(c);
              keptRows.set(c);
            }
          }
          List<Integer> kept = GroupTesting.keep(order, c -> new int[] {c},
              List.copyOf(tests), largestBatch);
          assertThat(kept).containsExactlyElementsOf(expected);
          for (ForbiddenSets t : tests) {
            assertThat(t.held).isEqualTo(keptRows);
          }
          refusedSomewhere.addAndGet(candidates - kept.size());
        });
    assertThat(refusedSomewhere.get()).as("candidates refused").isGreaterThan(1000);
  }

  @Test
  void batchesOfCandidatesTheTestsPassTakeFewerTests() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      order.add(i);
    }
    BitSet forbidden = new BitSet();
    forbidden.set(500);
    ForbiddenSets one = new ForbiddenSets(List.of(forbidden));
    assertThat(GroupTesting.keep(order, c -> new int[] {c}, List.of(one), 1)).hasSize(999);
    assertThat(one.calls).isEqualTo(1000);
    ForbiddenSets batched = new ForbiddenSets(List.of(forbidden));
    assertThat(GroupTesting.keep(order, c -> new int[] {c}, List.of(batched), GroupTesting.LARGEST_BATCH))
        .hasSize(999);
    // 1, 2, 4, 8, 16, 32 and then batches of 64, one of them refused and split down to the candidate
    assertThat(batched.calls).isLessThan(40);
  }

  @Test
  void aBatchNeedsACandidate() {
    assertThatThrownBy(() -> GroupTesting.keep(List.of(1), c -> new int[] {c}, List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

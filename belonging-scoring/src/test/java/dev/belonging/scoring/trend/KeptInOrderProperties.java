package dev.belonging.scoring.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The intervention's candidates (the treated group, then the placebos) kept a batch at a time are those kept
 * one at a time: for any monotone test of what may be published together, here "no forbidden set among
 * them", and any candidates published already.
 */
class KeptInOrderProperties {

  /** The rule written out: each candidate in order, tested with the unpublished ones kept before it. */
  private static List<Integer> oneAtATime(List<Integer> candidates, Predicate<Integer> published,
      Predicate<List<Integer>> clean) {
    List<Integer> kept = new ArrayList<>();
    List<Integer> keptOpen = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Integer c = candidates.get(i);
      if (published.test(c)) {
        kept.add(c);
        continue;
      }
      List<Integer> trial = new ArrayList<>(keptOpen);
      trial.add(c);
      if (clean.test(trial)) {
        kept.add(c);
        keptOpen.add(c);
      } else if (i == 0) {
        return List.of();
      }
    }
    return kept;
  }

  @Test
  void batchesKeepWhatOneAtATimeKeeps() {
    AtomicInteger refusedFirst = new AtomicInteger();
    AtomicInteger someRefused = new AtomicInteger();
    AtomicInteger fewerTests = new AtomicInteger();
    qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      int n = random.nextInt(60);
      List<Integer> candidates = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        candidates.add(i);
      }
      Set<Integer> published = new HashSet<>();
      for (int i = 0; i < n; i++) {
        if (random.nextInt(3) == 0) {
          published.add(i);
        }
      }
      // forbidden sets of one to three candidates: a list is clean when it holds none of them whole
      List<Set<Integer>> forbidden = new ArrayList<>();
      int sets = n == 0 ? 0 : random.nextInt(1 + n / 4);
      for (int s = 0; s < sets; s++) {
        Set<Integer> f = new HashSet<>();
        int size = 1 + random.nextInt(3);
        for (int j = 0; j < size; j++) {
          f.add(random.nextInt(n));
        }
        forbidden.add(f);
      }
      AtomicInteger tests = new AtomicInteger();
      Predicate<List<Integer>> clean = list -> {
        tests.incrementAndGet();
        assertThat(list).noneMatch(published::contains).doesNotHaveDuplicates();
        Set<Integer> in = new HashSet<>(list);
        return forbidden.stream().noneMatch(in::containsAll);
      };
      List<Integer> expected = oneAtATime(candidates, published::contains, clean);
      int oneByOne = tests.getAndSet(0);
      List<Integer> kept = TrendAnalysis.keptInOrder(candidates, published::contains, clean);
      assertThat(kept).isEqualTo(expected);
      refusedFirst.addAndGet(n > 0 && expected.isEmpty() ? 1 : 0);
      someRefused.addAndGet(!expected.isEmpty() && expected.size() < n ? 1 : 0);
      fewerTests.addAndGet(tests.get() < oneByOne ? 1 : 0);
    });
    // not vacuous: the first candidate refused, later ones refused, and work saved
    assertThat(refusedFirst.get()).isGreaterThan(10);
    assertThat(someRefused.get()).isGreaterThan(100);
    assertThat(fewerTests.get()).isGreaterThan(100);
  }
}

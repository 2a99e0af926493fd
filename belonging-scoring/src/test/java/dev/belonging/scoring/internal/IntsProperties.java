package dev.belonging.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The distinct values of an array's prefix, ascending, are those of a sorted set of them. */
class IntsProperties {

  @Test
  void sortDistinctKeepsEachValueOfThePrefixOnceInOrder() {
    qt().forAll(integers().between(0, 60), integers().between(1, 20), longs().all()).checkAssert((n, range, seed) -> {
      Random random = new Random(seed);
      int[] values = new int[n + 5];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextInt(range) - range / 2;
      }
      TreeSet<Integer> expected = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        expected.add(values[i]);
      }
      int[] after = values.clone();
      int distinct = Ints.sortDistinct(after, n);
      assertThat(Arrays.copyOf(after, distinct))
          .containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
      // values past the prefix are not touched
      assertThat(Arrays.copyOfRange(after, n, after.length)).containsExactly(Arrays.copyOfRange(values, n,
          values.length));
    });
  }
}

package dev.belonging.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The stable order of indexes is the JDK's stable sort of the same indexes under the same comparison. */
class StableOrderProperties {

  @Test
  void itIsTheJdksStableSort() {
    // few distinct keys, so that most comparisons tie and the order of ties shows; lengths across the
    // insertion runs and several merge passes
    qt().withExamples(300).forAll(integers().between(0, 700), integers().between(1, 50), longs().all())
        .checkAssert((n, distinct, seed) -> {
          Random random = new Random(seed);
          int[] key = new int[n];
          for (int i = 0; i < n; i++) {
            key[i] = random.nextInt(distinct);
          }
          List<Integer> expected = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            expected.add(i);
          }
          expected.sort(Comparator.comparingInt(i -> key[i])); // List.sort is stable

          int[] order = StableOrder.of(n, (a, b) -> Integer.compare(key[a], key[b]));

          assertThat(order).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        });
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(() -> StableOrder.of(-1, (a, b) -> 0)).isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.belonging.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The guard's order of candidates: level, contributors (larger first), rank, however large the numbers. */
class CandidateOrderProperties {

  @Test
  void packedKeysAndTheComparatorGiveTheSameOrder() {
    // contributors from a handful to beyond what 63 bits hold with the level and rank, where the comparator
    // takes over; many ties, so that the rank decides
    qt().withExamples(500).forAll(integers().between(0, 300), integers().between(0, 62), longs().all())
        .checkAssert((n, contributorBits, seed) -> {
          Random random = new Random(seed);
          int cells = n + random.nextInt(1 << random.nextInt(24));
          List<Integer> pool = new ArrayList<>();
          for (int r = 0; r < Math.min(cells, n + 1000); r++) {
            pool.add(r);
          }
          Collections.shuffle(pool, random);
          int[] level = new int[n];
          long[] contributors = new long[n];
          int[] ranks = new int[n];
          for (int i = 0; i < n; i++) {
            level[i] = random.nextInt(4);
            long spread = contributorBits == 0 ? 1 : 1L << contributorBits;
            contributors[i] = random.nextInt(3) == 0 ? random.nextInt(3) : Math.floorMod(random.nextLong(), spread);
            ranks[i] = pool.get(i) < cells ? pool.get(i) : i;
          }
          List<Integer> expected = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            expected.add(i);
          }
          expected.sort(Comparator.<Integer>comparingInt(i -> level[i])
              .thenComparing(Comparator.<Integer>comparingLong(i -> contributors[i]).reversed())
              .thenComparingInt(i -> ranks[i]));

          int[] order = CandidateOrder.order(level, contributors, ranks, cells);

          assertThat(order).containsExactly(expected.stream().mapToInt(i -> ranks[i]).toArray());
        });
  }
}

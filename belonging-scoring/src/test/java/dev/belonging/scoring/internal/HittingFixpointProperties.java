package dev.belonging.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contrasts' hitting fixpoint, one sweep and then checks of the atoms whose petals changed, is the least
 * fixpoint that whole sweeps repeated until nothing changes reach, for any monotone check.
 */
class HittingFixpointProperties {

  @Test
  void itIsTheFixpointOfRepeatedSweeps() {
    AtomicInteger chains = new AtomicInteger();
    qt().withExamples(500).forAll(integers().between(1, 80), integers().between(1, 4), longs().all())
        .checkAssert((n, petalsPerAtom, seed) -> {
          Random random = new Random(seed);
          // each atom's petals: a few groups of other atoms; an atom can be hit while at least `need` of its
          // petals' atoms are not protected (monotone: protecting atoms never makes it hittable). Petals
          // often point to higher atoms, so that protection runs against the sweep's order and needs rounds
          int[][] petals = new int[n][];
          int[] need = new int[n];
          for (int a = 0; a < n; a++) {
            int[] flat = new int[0];
            for (int p = 0; p < petalsPerAtom; p++) {
              int size = 1 + random.nextInt(3);
              int[] group = new int[size + 1];
              group[0] = size;
              for (int j = 1; j <= size; j++) {
                int b = random.nextBoolean() && a + 1 < n ? a + 1 + random.nextInt(n - a - 1) : random.nextInt(n);
                group[j] = b == a ? (a + 1) % n : b;
              }
              flat = IntStream.concat(Arrays.stream(flat), Arrays.stream(group)).toArray();
            }
            petals[a] = flat;
            need[a] = 1 + random.nextInt(3);
          }
          boolean[] start = new boolean[n];
          for (int a = 0; a < n; a++) {
            start[a] = random.nextInt(4) == 0;
          }
          int[] open = IntStream.range(0, n).filter(a -> !start[a] && random.nextInt(5) > 0).toArray();
          Contrasts.Hitting check = (a, safe) -> {
            int unprotected = 0;
            for (int i = 0; i < petals[a].length; i += petals[a][i] + 1) {
              for (int j = 1; j <= petals[a][i]; j++) {
                unprotected += safe[petals[a][i + j]] ? 0 : 1;
              }
            }
            return unprotected >= need[a];
          };

          boolean[] expected = start.clone();
          int sweeps = 0;
          boolean changed = true;
          while (changed) {
            changed = false;
            sweeps++;
            for (int a : open) {
              if (!expected[a] && !check.hittable(a, expected)) {
                expected[a] = true;
                changed = true;
              }
            }
          }
          chains.addAndGet(sweeps > 2 ? 1 : 0);
          boolean[] actual = start.clone();
          Contrasts.leastFixpoint(open, petals, actual, check);

          assertThat(actual).containsExactly(expected);
        });
    // the checks after the first sweep had work to do
    assertThat(chains.get()).as("examples that needed more than two whole sweeps").isGreaterThan(20);
  }
}

package dev.belonging.scoring.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.GapFixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The intervention fit on groups without variation inside their waves. */
class DifferenceInDifferencesProperties {

  /** Rows of {@link GapFixtures#THREE_ITEMS} answers: {@code size} respondents answering alike. */
  private static Integer[][] alike(Integer[] answers, int size) {
    Integer[][] rows = new Integer[size][];
    Arrays.fill(rows, answers);
    return rows;
  }

  @Test
  void groupsWhoseScoresMoveTogetherAndNeverVaryWithinAWaveHaveNoResidualVariance() {
    qt().forAll(integers().between(2, 6), longs().all()).checkAssert((waves, seed) -> {
      Random random = new Random(seed);
      // each group answers one pattern in every wave, moved by the same points in both groups (parallel
      // trends without noise, which the model fits exactly); unmoved, the scores never change at all
      boolean moving = random.nextBoolean();
      boolean same = random.nextInt(4) == 0; // both groups give the same answers
      int[] base = {1 + random.nextInt(2), 1 + random.nextInt(2)}; // at most 2 + 1 + 2 = 5
      Integer[][] pattern = new Integer[2][];
      if (same) {
        base[1] = base[0];
      }
      for (int g = 0; g < 2; g++) {
        pattern[g] = same && g == 1 ? pattern[0]
            : new Integer[] {base[g], base[g] + random.nextInt(2), random.nextInt(3) == 0 ? null : base[g]};
      }
      List<DimensionStatistics> treated = new ArrayList<>();
      List<DimensionStatistics> control = new ArrayList<>();
      for (int w = 0; w < waves; w++) {
        int move = moving ? random.nextInt(3) : 0;
        Integer[][] rows = new Integer[2][];
        for (int g = 0; g < 2; g++) {
          rows[g] = Arrays.stream(pattern[g]).map(x -> x == null ? null : x + move).toArray(Integer[]::new);
        }
        DimensionStatistics[] s = GapFixtures.groups(alike(rows[0], 2 + random.nextInt(8)),
            alike(rows[1], 2 + random.nextInt(8)));
        treated.add(s[0]);
        control.add(s[1]);
      }
      int after = 1 + random.nextInt(waves - 1);
      DifferenceInDifferences.Fit fit = DifferenceInDifferences.fit(treated, control, after);
      if (same && !moving) {
        assertThat(fit.estimate().value()).as("one score for everyone").isZero();
      }
      assertThat(fit.estimate().value()).isCloseTo(0, within(1e-12));
      assertThat(fit.pValue().isDefined()).as("p of %s", fit).isFalse();
      assertThat(fit.pValue().reason()).isEqualTo("no residual variance");
      assertThat(fit.ciLow().isDefined()).isFalse();
    });
  }
}

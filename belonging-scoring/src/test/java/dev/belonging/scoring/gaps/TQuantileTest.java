package dev.belonging.scoring.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** {@link Gaps#tUpperQuantile}: R's {@code qt(p, df, lower.tail = FALSE)} by expansion and Newton steps. */
class TQuantileTest {

  /**
   * The 97.5 % quantile to 20 digits, from mpmath 1.3.0 with {@code mp.dps = 40}:
   * {@code findroot(lambda x: betainc(df/2, 0.5, 0, df/(df + x*x), regularized=True)/2 - mpf('0.025'), x0)}
   * (the root's absolute value); SciPy 1.17.1's {@code stats.t.isf(0.025, df)} agrees to 1e-15.
   */
  private static final double[][] QT_975 = {
      {10, 2.2281388519862747484},
      {12.5, 2.1691859427125411075},
      {47.3, 2.0114037532826707136},
      {100, 1.9839715185235522866},
      {1234.5678, 1.96188737759477597},
      {99999.5, 1.9599877076532266157},
      {1e7, 1.9599642217672054904},
  };

  @Test
  void itIsTheQuantileToTheLastDigits() {
    for (double[] row : QT_975) {
      assertThat(Gaps.tUpperQuantile(row[0], 0.025)).as("df %s", row[0])
          .isCloseTo(row[1], within(4 * Math.ulp(row[1])));
    }
  }

  @Test
  void whereAClosedFormExistsItIsThatNumber() {
    // one degree of freedom (Cauchy): t = tan(π(1/2 − p)) = 1 / tan(πp), the latter well conditioned in
    // doubles; two: t = (1 − 2p) / sqrt(2p(1 − p))
    for (double p : new double[] {0.4, 0.2, 0.025, 0.005, 1e-6, 1e-12}) {
      double one = 1 / Math.tan(Math.PI * p);
      double two = (1 - 2 * p) / Math.sqrt(2 * p * (1 - p));
      assertThat(Gaps.tUpperQuantile(1, p)).as("df 1, p %s", p).isCloseTo(one, within(1e-13 * one));
      assertThat(Gaps.tUpperQuantile(2, p)).as("df 2, p %s", p).isCloseTo(two, within(1e-13 * two));
    }
    // R: qt(0.975, 2) = 4.302652729749464
    assertThat(Gaps.tUpperQuantile(2, 0.025)).isCloseTo(4.302652729749464, within(1e-14));
  }

  @Test
  void belowOneDegreeOfFreedomOrFromAHalfOnItIsTheDistributionsOwnAnswer() {
    for (double[] dfP : new double[][] {{0.5, 0.025}, {0.999, 0.1}, {5, 0.5}, {50, 0.7}}) {
      assertThat(Gaps.tUpperQuantile(dfP[0], dfP[1])).as("df %s, p %s", dfP[0], dfP[1])
          .isEqualTo(TDistribution.of(dfP[0]).inverseSurvivalProbability(dfP[1]));
    }
  }

  @Test
  void itAgreesWithTheGenericSolverOverDegreesOfFreedomAndTails() {
    // df log-uniform from 1 to 10^8, p from 10^-12 to 0.5
    qt().withExamples(3000).forAll(doubles().between(0, 8), integers().between(1, 12),
        doubles().between(0.05, 0.999_999)).checkAssert((logDf, tailDigits, mantissa) -> {
          double df = Math.pow(10, logDf);
          double p = Math.min(0.5, mantissa * Math.pow(10, -tailDigits + 1) / 2);
          double generic = TDistribution.of(df).inverseSurvivalProbability(p);
          double fast = Gaps.tUpperQuantile(df, p);
          assertThat(fast).as("df %s, p %s", df, p)
              .isCloseTo(generic, within(1e-13 * Math.max(1, Math.abs(generic))));
          assertThat(TDistribution.of(df).survivalProbability(fast)).as("S(t) for df %s", df)
              .isCloseTo(p, within(1e-13 * p));
        });
  }
}

package dev.belonging.examples.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void writesATrueMinusAndNoNegativeZero() {
    assertThat(Numbers.fixed(-3.25, 1)).isEqualTo("\u22123.3");
    assertThat(Numbers.fixed(-0.004, 2)).isEqualTo("0.00");
    assertThat(Numbers.signed(8.4, 0)).isEqualTo("+8");
    assertThat(Numbers.signed(-8.6, 0)).isEqualTo("\u22129");
    assertThat(Numbers.signed(0.2, 0)).isEqualTo("0");
    assertThat(Numbers.percent(0.456)).isEqualTo("46%");
  }

  @Test
  void wholePercentagesAddUpToOneHundred() {
    // 1/3 each: 33.3 + 33.3 + 33.3 rounds to 99; the largest remainder (the first, on a tie) gets the 1
    assertThat(Numbers.wholePercents(1.0 / 3, 1.0 / 3, 1.0 / 3)).containsExactly(34, 33, 33);
    // 0.205, 0.437, 0.358 → 20, 43, 35 (98): remainders .5, .7, .8 → 20, 44, 36
    assertThat(Numbers.wholePercents(0.205, 0.437, 0.358)).containsExactly(20, 44, 36);
    qt().forAll(doubles().between(0, 1), doubles().between(0, 1)).checkAssert((a, b) -> {
      double u = Math.min(a, b);
      double f = 1 - Math.max(a, b);
      double n = 1 - u - f;
      int[] p = Numbers.wholePercents(u, n, f);
      assertThat(Arrays.stream(p).sum()).isEqualTo(100);
      assertThat(Math.abs(p[0] - u * 100)).isLessThan(1.0);
      assertThat(Math.abs(p[2] - f * 100)).isLessThan(1.0);
    });
  }

  @Test
  void writesCoordinatesWithAtMostOneDecimal() {
    assertThat(Numbers.coordinate(12)).isEqualTo("12");
    assertThat(Numbers.coordinate(12.25)).isEqualTo("12.3");
    assertThat(Numbers.coordinate(0.04)).isEqualTo("0");
  }
}

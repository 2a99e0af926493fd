package dev.belonging.scoring.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ExactTest {

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void ratioOfSmallIntegersIsTheCorrectlyRoundedQuotient() {
    assertThat(Exact.ratio(big(1), big(3))).isEqualTo(1.0 / 3);
    assertThat(Exact.ratio(big(-2), big(3))).isEqualTo(-2.0 / 3);
    assertThat(Exact.ratio(big(2), big(-3))).isEqualTo(-2.0 / 3);
    assertThat(Exact.ratio(big(-14), big(-15))).isEqualTo(14.0 / 15);
    assertThat(Exact.ratio(big(0), big(-7))).isEqualTo(0.0);
  }

  @Test
  void ratioOfHugeIntegers() {
    BigInteger tenTo500 = BigInteger.TEN.pow(500);
    assertThat(Exact.ratio(tenTo500, BigInteger.TEN.pow(499))).isEqualTo(10.0);
    assertThat(Exact.ratio(tenTo500.add(BigInteger.ONE), tenTo500.multiply(big(3)))).isEqualTo(1.0 / 3);
  }

  @Test
  void aRemainderBreaksATieUpwards() {
    BigInteger p = BigInteger.TWO.pow(53).add(BigInteger.ONE); // halfway between two doubles
    assertThat(Exact.ratio(p, BigInteger.ONE)).isEqualTo(0x1p53); // a tie rounds to even
    // (2^53 + 1 + 1/3) lies above the tie: the nearest double is 2^53 + 2
    assertThat(Exact.ratio(p.multiply(big(3)).add(BigInteger.ONE), big(3))).isEqualTo(0x1p53 + 2);
  }

  @Test
  void divisionByZeroIsRejected() {
    assertThatThrownBy(() -> Exact.ratio(big(1), BigInteger.ZERO)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void centredProductsAreExactBeyondLongRange() {
    // n Σxy − Σx Σy with n = 3·10^9, Σxy = 10^13, Σx = Σy = 10^11: 3·10^22 − 10^22 = 2·10^22
    assertThat(Exact.centredProducts(3_000_000_000L, 100_000_000_000L, 100_000_000_000L, 10_000_000_000_000L))
        .isEqualTo(BigInteger.TEN.pow(22).multiply(big(2)));
    assertThat(Exact.covarianceDivisor(3_000_000_000L))
        .isEqualTo(big(3_000_000_000L).multiply(big(2_999_999_999L)));
  }
}

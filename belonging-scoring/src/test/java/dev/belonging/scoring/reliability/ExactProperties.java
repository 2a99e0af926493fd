package dev.belonging.scoring.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class ExactProperties {

  @Test
  void ratioIsWithinHalfAnUlpOfTheExactQuotient() {
    qt().forAll(SourceDSL.longs().all(), SourceDSL.longs().all(), SourceDSL.integers().between(0, 200))
        .assuming((a, b, scale) -> b != 0)
        .checkAssert((a, b, scale) -> {
          // scale the numerator up so that quotients far from 1 occur too
          BigInteger num = BigInteger.valueOf(a).shiftLeft(scale);
          BigInteger den = BigInteger.valueOf(b);
          double r = Exact.ratio(num, den);
          // |r − num/den| <= ulp(r)/2  ⇔  |r·den − num| <= ulp(r)/2 · |den|, checked exactly
          BigDecimal error = new BigDecimal(r).multiply(new BigDecimal(den)).subtract(new BigDecimal(num)).abs();
          BigDecimal bound = new BigDecimal(Math.ulp(r)).multiply(new BigDecimal(den.abs()))
              .divide(BigDecimal.valueOf(2));
          assertThat(error).isLessThanOrEqualTo(bound);
        });
  }
}

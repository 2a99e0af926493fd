package dev.belonging.scoring.reliability;

import java.math.BigInteger;

/** Exact integer arithmetic on the sums of {@link ItemMoments}, rounded to {@code double} once. */
final class Exact {

  private Exact() {}

  /**
   * Returns {@code n·Σxy − Σx·Σy}, which is {@code n (n − 1)} times the sample covariance, exactly.
   *
   * @param n the number of observations
   * @param sumX Σx
   * @param sumY Σy
   * @param sumXy Σxy
   * @return the centred cross-product sum times {@code n}
   */
  static BigInteger centredProducts(long n, long sumX, long sumY, long sumXy) {
    return BigInteger.valueOf(n).multiply(BigInteger.valueOf(sumXy))
        .subtract(BigInteger.valueOf(sumX).multiply(BigInteger.valueOf(sumY)));
  }

  /**
   * Returns {@code n (n − 1)}, the divisor that turns {@link #centredProducts} into a covariance.
   *
   * @param n the number of observations
   * @return the divisor
   */
  static BigInteger covarianceDivisor(long n) {
    return BigInteger.valueOf(n).multiply(BigInteger.valueOf(n - 1));
  }

  /**
   * Returns {@code num / den} correctly rounded to the nearest {@code double}.
   *
   * <p>The quotient is computed to at least 64 significant bits with a sticky bit for a non-zero
   * remainder, so that the single rounding by {@link BigInteger#doubleValue()} is the correct one.
   *
   * @param num the numerator
   * @param den the denominator, non-zero
   * @return the nearest double
   * @throws ArithmeticException if the denominator is zero
   */
  static double ratio(BigInteger num, BigInteger den) {
    if (den.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (num.signum() == 0) {
      return 0.0;
    }
    BigInteger a = num.abs();
    BigInteger b = den.abs();
    int shift = 66 - (a.bitLength() - b.bitLength());
    BigInteger[] qr = shift >= 0
        ? a.shiftLeft(shift).divideAndRemainder(b)
        : a.divideAndRemainder(b.shiftLeft(-shift));
    BigInteger q = qr[1].signum() == 0 ? qr[0] : qr[0].setBit(0);
    double r = Math.scalb(q.doubleValue(), -shift);
    return num.signum() == den.signum() ? r : -r;
  }
}

package dev.belonging.examples.html;

import java.util.Locale;

/**
 * Number formatting for people: fixed decimals, whole percentages that add up to 100, signed differences
 * with a true minus sign. Locale-independent.
 *
 * <p>This class is immutable and thread-safe.
 */
final class Numbers {

  private Numbers() {}

  /**
   * Formats a number with a fixed number of decimals.
   *
   * @param value the value
   * @param decimals the decimals
   * @return the text, with a minus sign (U+2212) when negative
   */
  static String fixed(double value, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
    if (s.startsWith("-")) {
      s = isZero(s) ? s.substring(1) : "\u2212" + s.substring(1);
    }
    return s;
  }

  /**
   * Formats a signed difference, e.g. {@code +8} or {@code −3}, and {@code 0} without a sign.
   *
   * @param value the difference
   * @param decimals the decimals
   * @return the text
   */
  static String signed(double value, int decimals) {
    String s = fixed(value, decimals);
    return s.startsWith("\u2212") || isZero(s) ? s : "+" + s;
  }

  /**
   * Formats a share as a whole percentage, e.g. {@code 46%}.
   *
   * @param share the share, 0 to 1
   * @return the text
   */
  static String percent(double share) {
    return fixed(share * 100, 0) + "%";
  }

  /**
   * Rounds shares that add up to 1 to whole percentages that add up to 100 (largest remainder).
   *
   * @param shares the shares, each 0 to 1
   * @return the percentages
   */
  static int[] wholePercents(double... shares) {
    int[] whole = new int[shares.length];
    double[] rest = new double[shares.length];
    int total = 0;
    for (int i = 0; i < shares.length; i++) {
      double p = Math.max(0, shares[i]) * 100;
      whole[i] = (int) Math.floor(p);
      rest[i] = p - whole[i];
      total += whole[i];
    }
    for (int missing = 100 - total; missing > 0; missing--) {
      int best = -1;
      for (int i = 0; i < shares.length; i++) {
        if (best < 0 || rest[i] > rest[best]) {
          best = i;
        }
      }
      if (best < 0 || rest[best] <= 0) {
        break;
      }
      whole[best]++;
      rest[best] = -1;
    }
    return whole;
  }

  /**
   * Formats an SVG coordinate with at most one decimal.
   *
   * @param value the coordinate
   * @return the text
   */
  static String coordinate(double value) {
    long tenths = Math.round(value * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }

  private static boolean isZero(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '1' && c <= '9') {
        return false;
      }
    }
    return true;
  }
}

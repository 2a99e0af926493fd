package dev.belonging.scoring.internal;

import dev.belonging.core.model.AttributeColumn;
import java.util.Arrays;

/**
 * The mixed-radix numbers of rows' attribute values, {@code key = (…(v₀·r₁ + v₁)·r₂ + …) + vₙ}, computed a
 * block of rows at a time and column by column: the scoring pass keys its count keys' cells by them, the
 * atoms their cells.
 */
final class MixedRadix {

  private MixedRadix() {}

  /**
   * Sets {@code keys[0..length-1]} to the numbers of rows {@code from..from+length-1}.
   *
   * @param columns the attributes, most significant first
   * @param valueOf per attribute, the digit of each code, or null when the digits are the codes themselves
   * @param radix per attribute, its radix (more than any of its digits)
   * @param from the first row
   * @param length how many rows
   * @param keys where the numbers go
   * @param codes a working array of at least {@code length} codes
   */
  static void keys(AttributeColumn[] columns, int[][] valueOf, long[] radix, int from, int length,
      long[] keys, int[] codes) {
    Arrays.fill(keys, 0, length, 0L);
    for (int a = 0; a < columns.length; a++) {
      columns[a].copyCodes(from, codes, 0, length);
      long r = radix[a];
      int[] digit = valueOf == null ? null : valueOf[a];
      if (digit == null) {
        for (int i = 0; i < length; i++) {
          keys[i] = keys[i] * r + codes[i];
        }
      } else {
        for (int i = 0; i < length; i++) {
          keys[i] = keys[i] * r + digit[codes[i]];
        }
      }
    }
  }
}

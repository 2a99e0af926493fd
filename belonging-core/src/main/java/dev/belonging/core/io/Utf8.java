package dev.belonging.core.io;

/**
 * Checks bytes for well-formed UTF-8 as RFC 3629 defines it, which is what the JDK's strict decoder accepts:
 * no overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no stray or missing
 * continuation bytes. Stateless and thread-safe.
 */
final class Utf8 {

  private Utf8() {}

  /** Returns whether {@code b[from..to)} is well-formed UTF-8. */
  static boolean isValid(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        if (c == 0xE0) {
          lo = 0xA0; // no overlong forms
        } else if (c == 0xED) {
          hi = 0x9F; // no surrogates
        }
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        if (c == 0xF0) {
          lo = 0x90; // no overlong forms
        } else if (c == 0xF4) {
          hi = 0x8F; // nothing above U+10FFFF
        }
      } else {
        return false;
      }
      if (i + n >= to) {
        return false; // cut short
      }
      int second = b[i + 1] & 0xFF;
      if (second < lo || second > hi) {
        return false;
      }
      for (int k = 2; k <= n; k++) {
        int next = b[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return false;
        }
      }
      i += n + 1;
    }
    return true;
  }
}

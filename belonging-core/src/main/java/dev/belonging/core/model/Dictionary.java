package dev.belonging.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dictionary encoding of the values of one attribute: value → dense code in first-seen order. Looks up a
 * slice of a character buffer without creating a string unless the value is new.
 */
final class Dictionary {

  private final List<String> values = new ArrayList<>();
  private char[][] chars = new char[16][]; // the values' characters, by code, for comparing with a buffer
  private int[] table = new int[16]; // code + 1, 0 = empty
  private int mask = 15;

  int code(char[] buf, int off, int len) {
    int h = hash(buf, off, len);
    int i = h & mask;
    while (true) {
      int slot = table[i];
      if (slot == 0) {
        return add(new String(buf, off, len), i);
      }
      char[] v = chars[slot - 1];
      if (v.length == len && Arrays.equals(v, 0, len, buf, off, off + len)) {
        return slot - 1;
      }
      i = (i + 1) & mask;
    }
  }

  int code(String value) {
    int h = value.hashCode();
    int i = mix(h) & mask;
    while (true) {
      int slot = table[i];
      if (slot == 0) {
        return add(value, i);
      }
      if (values.get(slot - 1).equals(value)) {
        return slot - 1;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return values.size();
  }

  List<String> values() {
    return values;
  }

  private int add(String value, int slot) {
    if (values.size() == chars.length) {
      chars = Arrays.copyOf(chars, chars.length * 2);
    }
    chars[values.size()] = value.toCharArray();
    values.add(value);
    table[slot] = values.size();
    if (values.size() * 2 > table.length) {
      rehash();
    }
    return values.size() - 1;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int m = bigger.length - 1;
    for (int code = 0; code < values.size(); code++) {
      int i = mix(values.get(code).hashCode()) & m;
      while (bigger[i] != 0) {
        i = (i + 1) & m;
      }
      bigger[i] = code + 1;
    }
    table = bigger;
    mask = m;
  }

  /** The same hash as {@link String#hashCode()} of the slice, mixed. */
  private static int hash(char[] buf, int off, int len) {
    int h = 0;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + buf[i];
    }
    return mix(h);
  }

  private static int mix(int h) {
    return (h ^ (h >>> 16)) * 0x45d9f3b;
  }
}

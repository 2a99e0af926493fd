package dev.belonging.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Respondent ids stored compactly: their UTF-8 bytes one after another, with an offset per row. While
 * building it also keeps an open-addressing hash table of rows to find duplicates; {@link #freeze} drops it.
 */
final class IdStore {

  private byte[] bytes;
  private int[] offsets; // offsets[i]..offsets[i+1] are row i's bytes
  private int size;
  private int[] table; // row + 1, 0 = empty; null once frozen
  private int mask;

  IdStore(int capacity) {
    bytes = new byte[Math.max(capacity * 8, 64)];
    offsets = new int[Math.max(capacity, 16) + 1];
    table = new int[64];
    mask = 63;
  }

  private IdStore(byte[] bytes, int[] offsets, int size) {
    this.bytes = bytes;
    this.offsets = offsets;
    this.size = size;
  }

  /** Takes over finished ids: row {@code i} is {@code bytes[offsets[i]..offsets[i+1]]}. */
  static IdStore of(byte[] bytes, int[] offsets, int size) {
    return new IdStore(bytes, offsets, size);
  }

  /** Encodes an id into the scratch area after the last row; returns its length in bytes. */
  int stage(char[] buf, int off, int len) {
    int start = offsets[size];
    int max = start + len * 3;
    if (max > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8L,
          Math.max((long) bytes.length * 3 / 2, max)));
    }
    int p = start;
    for (int i = off; i < off + len; i++) {
      char c = buf[i];
      if (c < 0x80) {
        bytes[p++] = (byte) c;
      } else {
        byte[] enc = new String(buf, i, off + len - i).getBytes(StandardCharsets.UTF_8);
        if (p + enc.length > bytes.length) {
          bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8L,
              Math.max((long) bytes.length * 3 / 2, (long) p + enc.length)));
        }
        System.arraycopy(enc, 0, bytes, p, enc.length);
        p += enc.length;
        break;
      }
    }
    return p - start;
  }

  /** Returns the row that already has the staged id, or -1. */
  int findStaged(int len) {
    int start = offsets[size];
    int i = hash(bytes, start, len) & mask;
    while (true) {
      int slot = table[i];
      if (slot == 0) {
        return -1;
      }
      int row = slot - 1;
      if (Arrays.equals(bytes, offsets[row], offsets[row + 1], bytes, start, start + len)) {
        return row;
      }
      i = (i + 1) & mask;
    }
  }

  /** Keeps the staged id as the next row. */
  void commitStaged(int len) {
    if (size + 2 > offsets.length) {
      offsets = Arrays.copyOf(offsets, CodeColumn.grow(offsets.length, size + 2));
    }
    offsets[size + 1] = offsets[size] + len;
    size++;
    insert(size - 1, mask, table);
    if (size * 2 > table.length) {
      int[] bigger = new int[table.length * 2];
      for (int row = 0; row < size; row++) {
        insert(row, bigger.length - 1, bigger);
      }
      table = bigger;
      mask = bigger.length - 1;
    }
  }

  private void insert(int row, int m, int[] t) {
    int i = hash(bytes, offsets[row], offsets[row + 1] - offsets[row]) & m;
    while (t[i] != 0) {
      i = (i + 1) & m;
    }
    t[i] = row + 1;
  }

  String get(int row) {
    return new String(bytes, offsets[row], offsets[row + 1] - offsets[row], StandardCharsets.UTF_8);
  }

  boolean sameAs(int row, IdStore other, int otherRow) {
    return Arrays.equals(bytes, offsets[row], offsets[row + 1],
        other.bytes, other.offsets[otherRow], other.offsets[otherRow + 1]);
  }

  int hash(int row) {
    return hash(bytes, offsets[row], offsets[row + 1] - offsets[row]);
  }

  int size() {
    return size;
  }

  IdStore freeze() {
    return new IdStore(Arrays.copyOf(bytes, offsets[size]), Arrays.copyOf(offsets, size + 1), size);
  }

  private static int hash(byte[] b, int off, int len) {
    int h = 1;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + b[i];
    }
    return (h ^ (h >>> 16)) * 0x45d9f3b;
  }
}

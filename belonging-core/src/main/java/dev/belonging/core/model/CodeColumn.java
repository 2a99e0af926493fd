package dev.belonging.core.model;

import java.util.Arrays;

/**
 * A growable column of non-negative dictionary codes stored in the narrowest width that holds them: one
 * byte per row while the codes fit in 0..255, two bytes up to 65535, four bytes beyond.
 */
final class CodeColumn {

  private byte[] bytes;
  private short[] shorts;
  private int[] ints;
  private int size;

  CodeColumn(int capacity) {
    bytes = new byte[Math.max(capacity, 16)];
  }

  private CodeColumn(byte[] bytes, short[] shorts, int[] ints, int size) {
    this.bytes = bytes;
    this.shorts = shorts;
    this.ints = ints;
    this.size = size;
  }

  /**
   * Takes over the first {@code size} codes of an array in the width {@code cardinality} gives: a {@code
   * byte[]} for at most 256 values, a {@code short[]} for at most 65536, an {@code int[]} beyond, each read
   * unsigned. The array may be longer than {@code size}; its rows past it are never read.
   *
   * @param codes the codes, each below {@code cardinality}
   * @param size the number of rows
   * @param cardinality the number of values
   * @throws IllegalStateException if the array is not of the narrowest width that holds {@code cardinality
   *     - 1}, is shorter than {@code size}, or (in four bytes) holds a negative code
   */
  static CodeColumn of(Object codes, int size, int cardinality) {
    if (codes instanceof byte[] b && cardinality <= 0x100 && b.length >= size) {
      return new CodeColumn(b, null, null, size);
    }
    if (codes instanceof short[] s && cardinality > 0x100 && cardinality <= 0x10000 && s.length >= size) {
      return new CodeColumn(null, s, null, size);
    }
    if (codes instanceof int[] i && cardinality > 0x10000 && i.length >= size) {
      for (int row = 0; row < size; row++) {
        if (i[row] < 0) {
          throw new IllegalStateException("a negative code at row " + row);
        }
      }
      return new CodeColumn(null, null, i, size);
    }
    throw new IllegalStateException("not " + size + " codes in the width of " + cardinality + " values: "
        + (codes == null ? "null" : codes.getClass().getSimpleName()));
  }

  void set(int row, int code) {
    if (ints != null) {
      ints = ensure(ints, row);
      ints[row] = code;
    } else if (shorts != null) {
      if (code > 0xFFFF) {
        widenToInts();
        set(row, code);
        return;
      }
      shorts = ensure(shorts, row);
      shorts[row] = (short) code;
    } else {
      if (code > 0xFF) {
        widenToShorts();
        set(row, code);
        return;
      }
      bytes = ensure(bytes, row);
      bytes[row] = (byte) code;
    }
    size = Math.max(size, row + 1);
  }

  int get(int row) {
    if (bytes != null) {
      return bytes[row] & 0xFF;
    }
    if (shorts != null) {
      return shorts[row] & 0xFFFF;
    }
    return ints[row];
  }

  /** Copies the codes of rows {@code from..from+length-1} to {@code dest} from {@code destOffset}; unchecked. */
  void copy(int from, int[] dest, int destOffset, int length) {
    if (bytes != null) {
      byte[] b = bytes;
      for (int i = 0; i < length; i++) {
        dest[destOffset + i] = b[from + i] & 0xFF;
      }
    } else if (shorts != null) {
      short[] s = shorts;
      for (int i = 0; i < length; i++) {
        dest[destOffset + i] = s[from + i] & 0xFFFF;
      }
    } else {
      System.arraycopy(ints, from, dest, destOffset, length);
    }
  }

  /** Returns a trimmed copy holding rows {@code 0..rows-1}. */
  CodeColumn freeze(int rows) {
    return new CodeColumn(
        bytes == null ? null : Arrays.copyOf(bytes, rows),
        shorts == null ? null : Arrays.copyOf(shorts, rows),
        ints == null ? null : Arrays.copyOf(ints, rows),
        rows);
  }

  int size() {
    return size;
  }

  private void widenToShorts() {
    shorts = new short[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      shorts[i] = (short) (bytes[i] & 0xFF);
    }
    bytes = null;
  }

  private void widenToInts() {
    ints = new int[shorts.length];
    for (int i = 0; i < shorts.length; i++) {
      ints[i] = shorts[i] & 0xFFFF;
    }
    shorts = null;
  }

  private static byte[] ensure(byte[] a, int row) {
    return row < a.length ? a : Arrays.copyOf(a, grow(a.length, row));
  }

  private static short[] ensure(short[] a, int row) {
    return row < a.length ? a : Arrays.copyOf(a, grow(a.length, row));
  }

  private static int[] ensure(int[] a, int row) {
    return row < a.length ? a : Arrays.copyOf(a, grow(a.length, row));
  }

  static int grow(int length, int row) {
    long n = Math.max((long) length + (length >> 1) + 16, (long) row + 1);
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("a response set holds at most " + (Integer.MAX_VALUE - 8) + " rows");
    }
    return (int) n;
  }
}

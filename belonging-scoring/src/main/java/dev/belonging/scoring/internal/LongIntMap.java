package dev.belonging.scoring.internal;

import java.util.Arrays;

/**
 * A map from non-negative {@code long} keys to dense {@code int} ids in insertion order: open addressing,
 * or, for keys known to lie below a bound of at most {@value #DIRECT_LIMIT}, an array indexed by the key.
 * Not thread-safe.
 */
public final class LongIntMap {

  /** The largest bound on the keys for which they index an array (16 MiB of ids) instead of a table. */
  public static final int DIRECT_LIMIT = 1 << 22;

  private long[] keys;
  private int[] ids;
  private final int[] direct;
  private int size;

  /** Returns an empty map for any non-negative keys. */
  public LongIntMap() {
    keys = new long[64];
    ids = new int[64];
    direct = null;
    Arrays.fill(keys, -1L);
  }

  /**
   * Returns an empty map for keys below a bound: through an array when the bound is at most {@link
   * #DIRECT_LIMIT}, else as {@link #LongIntMap()}.
   *
   * @param bound every key given to {@link #idOf} is below it
   */
  public LongIntMap(long bound) {
    if (bound <= DIRECT_LIMIT) {
      direct = new int[(int) Math.max(0, bound)];
      Arrays.fill(direct, -1);
    } else {
      direct = null;
      keys = new long[64];
      ids = new int[64];
      Arrays.fill(keys, -1L);
    }
  }

  /**
   * Returns the id of a key, giving it the next id if new.
   *
   * @param key the key, non-negative (and below the bound, for a map made with one)
   * @return its id
   * @throws ArrayIndexOutOfBoundsException if the map has a bound and the key is not below it
   */
  public int idOf(long key) {
    if (direct != null) {
      int id = direct[(int) key];
      if (id < 0) {
        id = direct[(int) key] = size++;
      }
      return id;
    }
    int i = slot(key);
    if (keys[i] == key) {
      return ids[i];
    }
    keys[i] = key;
    ids[i] = size++;
    if (size * 2 > keys.length) {
      grow();
    }
    return size - 1;
  }

  /**
   * Returns the id of a key.
   *
   * @param key the key
   * @return its id, or -1 when it has none (a negative key never has one)
   */
  public int get(long key) {
    if (key < 0) {
      return -1;
    }
    if (direct != null) {
      return key < direct.length ? direct[(int) key] : -1;
    }
    int i = slot(key);
    return keys[i] == key ? ids[i] : -1;
  }

  /** The slot that holds a key, or the empty slot where it would go. */
  private int slot(long key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != key && keys[i] != -1L) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /**
   * Returns the number of keys.
   *
   * @return the number of keys, one more than the last id
   */
  public int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new long[oldKeys.length * 2];
    ids = new int[oldKeys.length * 2];
    Arrays.fill(keys, -1L);
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != -1L) {
        int i = mix(oldKeys[j]) & mask;
        while (keys[i] != -1L) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        ids[i] = oldIds[j];
      }
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}

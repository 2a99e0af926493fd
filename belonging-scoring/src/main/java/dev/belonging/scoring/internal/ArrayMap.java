package dev.belonging.scoring.internal;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An immutable map from names to values that iterates in the order its entries were given, kept in two
 * arrays: the names ({@link Keys}, which maps with the same names share) and the values. It is what the
 * report's records hold in place of an unmodifiable {@link java.util.LinkedHashMap}, which costs a table
 * and an entry object per name: a report of many small teams holds millions of these maps, and with the
 * linked maps most of its heap was their entries.
 *
 * <p>A lookup scans the names when there are at most {@value #SCAN_UP_TO} of them and uses a hash table
 * of the names otherwise. The hash code is computed once, when first asked for, so that maps used as keys
 * (segments' attributes) are found quickly. Neither names nor values may be null. Every method that would
 * change the map throws {@link UnsupportedOperationException}, whether or not it would have changed
 * anything.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param <V> the values' type
 */
public final class ArrayMap<V> extends AbstractMap<String, V> {

  /** Maps with this many names or fewer find a name by scanning; larger ones through a hash table. */
  static final int SCAN_UP_TO = 8;

  private static final ArrayMap<?> EMPTY = new ArrayMap<>(Keys.of(List.of()), new Object[0]);

  private final Keys keys;
  private final Object[] values;
  /** The hash code once computed, as {@link String} caches its own: 0 before, or when it is 0. */
  private int hash;
  private boolean hashIsZero;

  private ArrayMap(Keys keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /**
   * The names of a map, in order, with a hash table when there are more than {@value #SCAN_UP_TO}: made
   * once and shared by every map with the same names.
   *
   * <p>This class is immutable and thread-safe.
   */
  public static final class Keys {
    private final String[] names;
    /** Open addressing, linear probing: position + 1 of the name whose hash lands there, 0 for none. */
    private final int[] table;

    private Keys(String[] names) {
      this.names = names;
      if (names.length <= SCAN_UP_TO) {
        table = null;
      } else {
        table = new int[Integer.highestOneBit(names.length * 2 - 1) << 1];
        int mask = table.length - 1;
        for (int i = 0; i < names.length; i++) {
          int slot = spread(names[i].hashCode()) & mask;
          while (table[slot] != 0) {
            if (names[table[slot] - 1].equals(names[i])) {
              throw new IllegalArgumentException("the name \"" + names[i] + "\" is given twice");
            }
            slot = (slot + 1) & mask;
          }
          table[slot] = i + 1;
        }
      }
    }

    /**
     * Returns the names, in order.
     *
     * @param names distinct names
     * @return the keys
     * @throws NullPointerException if a name is null
     * @throws IllegalArgumentException if a name is given twice
     */
    public static Keys of(Collection<String> names) {
      String[] array = names.toArray(String[]::new);
      for (int i = 0; i < array.length; i++) {
        Objects.requireNonNull(array[i], "name");
        if (array.length <= SCAN_UP_TO) {
          for (int j = 0; j < i; j++) {
            if (array[j].equals(array[i])) {
              throw new IllegalArgumentException("the name \"" + array[i] + "\" is given twice");
            }
          }
        }
      }
      return new Keys(array);
    }

    /**
     * Returns how many names there are.
     *
     * @return the number of names
     */
    public int size() {
      return names.length;
    }

    /**
     * Returns whether these are the given names in the collection's iteration order.
     *
     * @param other names
     * @return whether they are these, in order
     */
    public boolean matches(Collection<String> other) {
      if (other.size() != names.length) {
        return false;
      }
      int i = 0;
      for (String name : other) {
        if (!names[i++].equals(name)) {
          return false;
        }
      }
      return true;
    }

    /** The position of a name, or −1. */
    int indexOf(Object name) {
      if (table == null) {
        for (int i = 0; i < names.length; i++) {
          if (names[i].equals(name)) {
            return i;
          }
        }
        return -1;
      }
      if (name == null) {
        return -1;
      }
      int mask = table.length - 1;
      for (int slot = spread(name.hashCode()) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
        int i = table[slot] - 1;
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    private static int spread(int h) {
      return h ^ (h >>> 16);
    }
  }

  /**
   * Returns the empty map.
   *
   * @param <V> the values' type
   * @return the empty map
   */
  @SuppressWarnings("unchecked")
  public static <V> ArrayMap<V> empty() {
    return (ArrayMap<V>) EMPTY;
  }

  /**
   * Returns a map of these names to these values, the i-th name to the i-th value.
   *
   * @param <V> the values' type
   * @param keys the names
   * @param values one value per name, in the names' order; copied
   * @return the map
   * @throws NullPointerException if a value is null
   * @throws IllegalArgumentException if there are not as many values as names
   */
  public static <V> ArrayMap<V> of(Keys keys, List<? extends V> values) {
    if (values.size() != keys.size()) {
      throw new IllegalArgumentException(values.size() + " values for " + keys.size() + " names");
    }
    Object[] copy = values.toArray();
    for (Object v : copy) {
      Objects.requireNonNull(v, "value");
    }
    return new ArrayMap<>(keys, copy);
  }

  /**
   * Returns an immutable copy of a map, in its iteration order: the map itself when it is an
   * {@code ArrayMap}.
   *
   * @param <V> the values' type
   * @param map the map
   * @return the copy
   * @throws NullPointerException if a name or a value is null
   */
  @SuppressWarnings("unchecked")
  public static <V> ArrayMap<V> copyOf(Map<String, ? extends V> map) {
    if (map instanceof ArrayMap<?> m) {
      return (ArrayMap<V>) m;
    }
    if (map.isEmpty()) {
      return empty();
    }
    String[] names = new String[map.size()];
    Object[] values = new Object[names.length];
    int i = 0;
    for (Map.Entry<String, ? extends V> e : map.entrySet()) {
      names[i] = Objects.requireNonNull(e.getKey(), "name");
      values[i] = Objects.requireNonNull(e.getValue(), () -> "the value of \"" + e.getKey() + "\"");
      i++;
    }
    return new ArrayMap<>(Keys.of(Arrays.asList(names)), values);
  }

  /**
   * Returns the names, shared with every map made with them.
   *
   * @return the names
   */
  public Keys keys() {
    return keys;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isEmpty() {
    return values.length == 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = keys.indexOf(key);
    return i < 0 ? null : (V) values[i];
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    V v = get(key);
    return v == null ? defaultValue : v;
  }

  @Override
  public boolean containsKey(Object key) {
    return keys.indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super String, ? super V> action) {
    for (int i = 0; i < values.length; i++) {
      action.accept(keys.names[i], (V) values[i]);
    }
  }

  @Override
  public Set<String> keySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<String> iterator() {
        return Arrays.asList(keys.names).iterator(); // its remove throws
      }

      @Override
      public int size() {
        return values.length;
      }

      @Override
      public boolean contains(Object o) {
        return keys.indexOf(o) >= 0;
      }
    };
  }

  @Override
  public Collection<V> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<V> iterator() {
        return new Cursor<>(values.length) {
          @Override
          @SuppressWarnings("unchecked")
          V at(int i) {
            return (V) values[i];
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, V>> iterator() {
        return new Cursor<>(values.length) {
          @Override
          @SuppressWarnings("unchecked")
          Map.Entry<String, V> at(int i) {
            return Map.entry(keys.names[i], (V) values[i]);
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }

  /** An iterator over positions 0..n−1 that cannot remove. */
  private abstract static class Cursor<T> implements Iterator<T> {
    private final int n;
    private int next;

    Cursor(int n) {
      this.n = n;
    }

    abstract T at(int i);

    @Override
    public boolean hasNext() {
      return next < n;
    }

    @Override
    public T next() {
      if (next >= n) {
        throw new NoSuchElementException();
      }
      return at(next++);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof ArrayMap<?> other && other.keys == keys) {
      return other.hashCode() == hashCode() && Arrays.equals(other.values, values);
    }
    return o instanceof Map<?, ?> m && m.hashCode() == hashCode() && super.equals(o);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0 && !hashIsZero) {
      for (int i = 0; i < values.length; i++) {
        h += keys.names[i].hashCode() ^ values[i].hashCode();
      }
      if (h == 0) {
        hashIsZero = true;
      } else {
        hash = h;
      }
    }
    return h;
  }

  private static UnsupportedOperationException immutable() {
    return new UnsupportedOperationException("the map is immutable");
  }

  @Override
  public V put(String key, V value) {
    throw immutable();
  }

  @Override
  public V remove(Object key) {
    throw immutable();
  }

  @Override
  public void putAll(Map<? extends String, ? extends V> m) {
    throw immutable();
  }

  @Override
  public void clear() {
    throw immutable();
  }

  @Override
  public void replaceAll(BiFunction<? super String, ? super V, ? extends V> function) {
    throw immutable();
  }

  @Override
  public V putIfAbsent(String key, V value) {
    throw immutable();
  }

  @Override
  public boolean remove(Object key, Object value) {
    throw immutable();
  }

  @Override
  public boolean replace(String key, V oldValue, V newValue) {
    throw immutable();
  }

  @Override
  public V replace(String key, V value) {
    throw immutable();
  }

  @Override
  public V computeIfAbsent(String key, Function<? super String, ? extends V> mappingFunction) {
    throw immutable();
  }

  @Override
  public V computeIfPresent(String key, BiFunction<? super String, ? super V, ? extends V> remapping) {
    throw immutable();
  }

  @Override
  public V compute(String key, BiFunction<? super String, ? super V, ? extends V> remapping) {
    throw immutable();
  }

  @Override
  public V merge(String key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
    throw immutable();
  }
}

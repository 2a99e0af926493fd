package dev.belonging.scoring;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A group of respondents described by attribute values: the whole population ({@code {}}), one value of an
 * attribute ({@code team=T2}) or a combination ({@code team=T2;tenure=new}).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param attributes attribute name → value, in breakdown order; empty for the population
 */
public record Segment(Map<String, String> attributes) {

  private static final Segment POPULATION = new Segment(Map.of());

  /**
   * Validates and copies the attributes.
   *
   * @param attributes the attributes
   */
  public Segment {
    Map<String, String> copy = new LinkedHashMap<>();
    attributes.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
    attributes = new Attributes(Collections.unmodifiableMap(copy));
  }

  /**
   * The attributes as an unmodifiable map whose hash code is computed once: segments are map keys
   * throughout an analysis (hundreds of thousands of them, with many small teams), and a map's hash code
   * is otherwise the sum over its entries at every lookup.
   */
  private static final class Attributes extends AbstractMap<String, String> {
    private final Map<String, String> map;
    private final int hash;

    Attributes(Map<String, String> map) {
      this.map = map;
      this.hash = map.hashCode();
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return map.entrySet();
    }

    @Override
    public Set<String> keySet() {
      return map.keySet();
    }

    @Override
    public Collection<String> values() {
      return map.values();
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public String get(Object key) {
      return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return map.containsKey(key);
    }

    @Override
    public boolean equals(Object o) {
      return o == this || (o instanceof Attributes other ? hash == other.hash && map.equals(other.map)
          : map.equals(o));
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * Returns the whole population.
   *
   * @return the population segment
   */
  public static Segment population() {
    return POPULATION;
  }

  /**
   * Returns the segment with these attribute values.
   *
   * @param attributes attribute name → value, in breakdown order
   * @return the segment
   */
  public static Segment of(Map<String, String> attributes) {
    return attributes.isEmpty() ? POPULATION : new Segment(attributes);
  }

  /**
   * Returns whether this is the whole population.
   *
   * @return whether it has no attributes
   */
  public boolean isPopulation() {
    return attributes.isEmpty();
  }

  /**
   * Returns the label used in tidy exports: {@code all} for the population, else {@code team=T2;tenure=new}.
   *
   * @return the label
   */
  public String label() {
    return isPopulation()
        ? "all"
        : attributes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(";"));
  }

  @Override
  public String toString() {
    return label();
  }
}

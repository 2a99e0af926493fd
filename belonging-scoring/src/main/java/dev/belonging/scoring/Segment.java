package dev.belonging.scoring;

import dev.belonging.scoring.internal.ArrayMap;
import java.util.Map;
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
   * @throws NullPointerException if a name or value is null
   */
  public Segment {
    // an immutable map in the given order whose hash code is computed once: segments are map keys
    // throughout an analysis (hundreds of thousands of them, with many small teams), and a map's hash code
    // is otherwise the sum over its entries at every lookup
    attributes = ArrayMap.copyOf(attributes);
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

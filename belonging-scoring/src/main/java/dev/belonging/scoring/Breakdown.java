package dev.belonging.scoring;

import dev.belonging.core.model.ResponseSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A way to split respondents into segments: by one attribute ({@code team}) or by the intersection of
 * several ({@code team*tenure}), one segment per combination of values present.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param attributes the attribute names, at least one, distinct
 */
public record Breakdown(List<String> attributes) {

  /**
   * Validates and copies the attribute names.
   *
   * @param attributes the attribute names
   */
  public Breakdown {
    attributes = List.copyOf(attributes);
    if (attributes.isEmpty()) {
      throw new IllegalArgumentException("a breakdown names at least one attribute");
    }
    Set<String> seen = new HashSet<>();
    for (String a : attributes) {
      if (a.isBlank() || a.contains("*") || a.contains(",")) {
        throw new IllegalArgumentException("invalid attribute name in breakdown: \"" + a + "\"");
      }
      if (!seen.add(a)) {
        throw new IllegalArgumentException("attribute \"" + a + "\" appears twice in a breakdown");
      }
    }
  }

  /**
   * Returns a breakdown by one attribute, or the intersection of several.
   *
   * @param first the first attribute
   * @param more further attributes to intersect with
   * @return the breakdown
   */
  public static Breakdown of(String first, String... more) {
    Objects.requireNonNull(first, "first");
    String[] all = new String[more.length + 1];
    all[0] = first;
    System.arraycopy(more, 0, all, 1, more.length);
    return new Breakdown(List.of(all));
  }

  /**
   * Parses the command-line form: attribute names joined by {@code *} ({@code team*tenure}).
   *
   * @param text the text
   * @return the breakdown
   * @throws IllegalArgumentException if a name is blank or repeated
   */
  public static Breakdown parse(String text) {
    String[] parts = text.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].strip();
    }
    return new Breakdown(List.of(parts));
  }

  /**
   * Returns whether this breakdown intersects two or more attributes.
   *
   * @return whether it is an intersection
   */
  public boolean isIntersection() {
    return attributes.size() > 1;
  }

  /**
   * Checks that a response set has every attribute of this breakdown.
   *
   * @param set the response set
   * @throws IllegalArgumentException naming the unknown attribute and listing the known ones
   */
  public void requireAttributesOf(ResponseSet set) {
    for (String a : attributes) {
      if (!set.attributeNames().contains(a)) {
        throw new IllegalArgumentException("breakdown " + this + " names the attribute \"" + a
            + "\", which the responses do not have; their attributes are " + set.attributeNames());
      }
    }
  }

  /** Returns the command-line form, {@code team*tenure}. */
  @Override
  public String toString() {
    return String.join("*", attributes);
  }
}

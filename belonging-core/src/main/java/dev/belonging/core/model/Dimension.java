package dev.belonging.core.model;

import java.util.Objects;

/**
 * A dimension of an instrument (being seen, psychological safety…): the questions that name it are scored
 * together.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param id the identifier, non-blank, unique in its instrument
 * @param name the human-readable name, non-blank
 */
public record Dimension(String id, String name) {

  /**
   * Validates the components.
   *
   * @param id the identifier
   * @param name the name
   */
  public Dimension {
    Ids.requireId(id, "dimension id");
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("dimension \"" + id + "\" needs a non-blank name");
    }
  }

  /**
   * Returns a dimension.
   *
   * @param id the identifier, non-blank
   * @param name the human-readable name, non-blank
   * @return the dimension
   */
  public static Dimension of(String id, String name) {
    return new Dimension(id, name);
  }

  /**
   * Returns a copy with another name.
   *
   * @param newName the name
   * @return the dimension
   */
  public Dimension withName(String newName) {
    return new Dimension(id, newName);
  }
}

package dev.belonging.core.internal.json;

import dev.belonging.core.model.Dimension;
import jakarta.validation.constraints.NotBlank;

/**
 * The JSON form of a {@link Dimension}: {@code {"id": "seen", "name": "Being seen"}}.
 *
 * @param id the identifier
 * @param name the human-readable name
 */
public record DimensionDefinition(
    @NotBlank(message = Messages.NOT_BLANK) String id,
    @NotBlank(message = Messages.NOT_BLANK) String name) {

  /**
   * Returns the definition of a dimension.
   *
   * @param dimension the dimension
   * @return its definition
   */
  public static DimensionDefinition of(Dimension dimension) {
    return new DimensionDefinition(dimension.id(), dimension.name());
  }

  /**
   * Returns the dimension defined.
   *
   * @return the dimension
   * @throws IllegalArgumentException or {@link NullPointerException} if the definition is invalid
   */
  public Dimension toModel() {
    return Dimension.of(id, name);
  }
}

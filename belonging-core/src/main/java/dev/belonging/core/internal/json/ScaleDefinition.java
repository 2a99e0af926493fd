package dev.belonging.core.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.belonging.core.model.Scale;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of a {@link Scale}: {@code {"min": 1, "max": 5, "favorableFrom": 4}} with optional
 * {@code unfavorableTo} and {@code labels}.
 *
 * <p>Written without {@code unfavorableTo} when it is the default, and without {@code labels} when there
 * are none. The field constraints catch missing bounds; {@link ValidScale} checks the bounds against each
 * other.
 *
 * @param min the lowest answer
 * @param max the highest answer
 * @param favorableFrom the lowest favorable coded answer
 * @param unfavorableTo the highest unfavorable coded answer, {@code null} for the default
 * @param labels label → answer, {@code null} or empty for none
 */
@ValidScale
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaleDefinition(
    @NotNull(message = Messages.REQUIRED) Integer min,
    @NotNull(message = Messages.REQUIRED) Integer max,
    @NotNull(message = Messages.REQUIRED) Integer favorableFrom,
    Integer unfavorableTo,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> labels) {

  /**
   * Returns the definition of a scale.
   *
   * @param scale the scale
   * @return its definition, leaving out what is default
   */
  public static ScaleDefinition of(Scale scale) {
    return new ScaleDefinition(scale.min(), scale.max(), scale.favorableFrom(),
        scale.hasDefaultUnfavorableTo() ? null : scale.unfavorableTo(),
        scale.labels().isEmpty() ? null : new LinkedHashMap<>(scale.labels()));
  }

  /**
   * Returns the scale defined.
   *
   * @return the scale
   * @throws IllegalArgumentException or {@link NullPointerException} if the definition is invalid
   */
  public Scale toModel() {
    Scale scale = unfavorableTo == null
        ? Scale.of(min, max, favorableFrom)
        : Scale.of(min, max, favorableFrom, unfavorableTo);
    return labels == null || labels.isEmpty() ? scale : scale.withLabels(labels);
  }
}

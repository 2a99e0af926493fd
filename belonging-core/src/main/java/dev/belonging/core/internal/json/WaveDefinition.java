package dev.belonging.core.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.belonging.core.model.Wave;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;

/**
 * The JSON form of a {@link Wave}: {@code {"label": "2026-Q1", "date": "2026-01-12"}}, the date ISO-8601
 * and optional.
 *
 * @param label the label
 * @param date the date, {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaveDefinition(@NotBlank(message = Messages.NOT_BLANK) String label, LocalDate date) {

  /**
   * Returns the definition of a wave.
   *
   * @param wave the wave
   * @return its definition
   */
  public static WaveDefinition of(Wave wave) {
    return new WaveDefinition(wave.label(), wave.date().orElse(null));
  }

  /**
   * Returns the wave defined.
   *
   * @return the wave
   * @throws IllegalArgumentException or {@link NullPointerException} if the definition is invalid
   */
  public Wave toModel() {
    return date == null ? Wave.of(label) : Wave.of(label, date);
  }
}

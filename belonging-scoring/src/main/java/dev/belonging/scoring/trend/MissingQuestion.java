package dev.belonging.scoring.trend;

import dev.belonging.core.model.Wave;
import java.util.Objects;

/**
 * A question of the instrument whose column was absent from one wave's responses: its answers in that wave
 * are all missing, and every change or estimate of its dimension that involves the wave is computed from the
 * questions the waves share, with a note.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param wave the wave whose file lacks the question
 * @param question the question id
 */
public record MissingQuestion(Wave wave, String question) {

  /**
   * Validates the components.
   *
   * @param wave the wave
   * @param question the question id
   */
  public MissingQuestion {
    Objects.requireNonNull(wave, "wave");
    Objects.requireNonNull(question, "question");
  }
}

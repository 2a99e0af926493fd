package dev.belonging.scoring.trend;

import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Wave;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Several waves of the same instrument, oldest first: each wave is a {@link ResponseSet} that carries its
 * {@link Wave}, with the problems of the rows its import rejected. Questions are matched by id; a question
 * absent from a wave's file ({@link ResponseSet#absentQuestions()}) is listed by {@link #missingQuestions()}.
 *
 * <p>Answers are anonymous, so the waves are independent samples: nothing links a respondent of one wave to
 * one of another, even when the ids look alike.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Survey {

  private final Instrument instrument;
  private final List<ResponseSet> waves;
  private final Map<String, List<Problem>> rejected;

  private Survey(List<ResponseSet> waves, Map<String, List<Problem>> rejected) {
    this.waves = List.copyOf(waves);
    if (this.waves.size() < 2) {
      throw new IllegalArgumentException("a survey over time needs at least two waves, not "
          + this.waves.size());
    }
    this.instrument = this.waves.get(0).instrument();
    Set<String> labels = new HashSet<>();
    for (ResponseSet set : this.waves) {
      if (!set.instrument().equals(instrument)) {
        throw new IllegalArgumentException("wave " + set.wave().label() + " is of instrument \""
            + set.instrument().id() + "\" version " + set.instrument().version() + ", the first wave of \""
            + instrument.id() + "\" version " + instrument.version());
      }
      if (!labels.add(set.wave().label())) {
        throw new IllegalArgumentException("the wave label " + set.wave().label() + " is used twice");
      }
    }
    Map<String, List<Problem>> copy = new LinkedHashMap<>();
    rejected.forEach((label, problems) -> {
      if (!labels.contains(label)) {
        throw new IllegalArgumentException("no wave " + label + "; the waves are " + labels());
      }
      copy.put(label, List.copyOf(problems));
    });
    this.rejected = Map.copyOf(copy);
  }

  /**
   * Returns a survey of these waves, oldest first.
   *
   * @param waves the waves' responses, at least two, to one instrument, with distinct wave labels
   * @return the survey
   * @throws IllegalArgumentException if there are fewer than two waves, the instruments differ or a wave
   *     label repeats
   */
  public static Survey of(List<ResponseSet> waves) {
    return new Survey(waves, Map.of());
  }

  /**
   * Returns a survey of these waves, oldest first.
   *
   * @param waves the waves' responses
   * @return the survey
   * @throws IllegalArgumentException as {@link #of(List)}
   */
  public static Survey of(ResponseSet... waves) {
    return of(List.of(waves));
  }

  /**
   * Returns a copy that lists the problems of the rows a wave's import rejected ({@code --skip-invalid}).
   *
   * @param waveLabel the wave's label
   * @param problems the problems, one per problem of a rejected row
   * @return the survey
   * @throws IllegalArgumentException if no wave has the label
   */
  public Survey withRejected(String waveLabel, List<Problem> problems) {
    Map<String, List<Problem>> copy = new LinkedHashMap<>(rejected);
    copy.put(Objects.requireNonNull(waveLabel, "waveLabel"), List.copyOf(problems));
    return new Survey(waves, copy);
  }

  /**
   * Returns the instrument.
   *
   * @return the instrument of every wave
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * Returns the waves' responses, oldest first.
   *
   * @return the response sets
   */
  public List<ResponseSet> responses() {
    return waves;
  }

  /**
   * Returns the waves, oldest first.
   *
   * @return the waves
   */
  public List<Wave> waves() {
    return waves.stream().map(ResponseSet::wave).toList();
  }

  /**
   * Returns the wave labels, oldest first.
   *
   * @return the labels
   */
  public List<String> labels() {
    return waves.stream().map(s -> s.wave().label()).toList();
  }

  /**
   * Returns the position of a wave.
   *
   * @param label a wave label
   * @return its index, oldest 0, or empty when no wave has the label
   */
  public Optional<Integer> indexOf(String label) {
    for (int i = 0; i < waves.size(); i++) {
      if (waves.get(i).wave().label().equals(label)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the problems of the rows a wave's import rejected.
   *
   * @param waveLabel the wave's label
   * @return the problems, empty when none were given
   */
  public List<Problem> rejected(String waveLabel) {
    return rejected.getOrDefault(waveLabel, List.of());
  }

  /**
   * Returns every question absent from a wave's file, by wave, then in instrument order.
   *
   * @return the missing questions, empty when every wave has every question
   */
  public List<MissingQuestion> missingQuestions() {
    List<MissingQuestion> out = new ArrayList<>();
    for (ResponseSet set : waves) {
      for (Question q : instrument.questions()) {
        if (set.absentQuestions().contains(q.id())) {
          out.add(new MissingQuestion(set.wave(), q.id()));
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "Survey[" + instrument.id() + ", waves " + labels() + "]";
  }
}

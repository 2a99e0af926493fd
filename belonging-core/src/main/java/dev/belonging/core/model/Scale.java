package dev.belonging.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The answer scale of a rating question: integer answers from {@code min} to {@code max}, which of them
 * count as favorable and unfavorable, and optional text labels for the answers.
 *
 * <p>{@code favorableFrom} is inclusive and applies to coded answers (after reverse coding); so is
 * {@code unfavorableTo}. Answers strictly between the two are neutral. When {@code unfavorableTo} is not
 * given it is the mirror of {@code favorableFrom}, {@code min + max − favorableFrom}, lowered to
 * {@code favorableFrom − 1} when the mirror would not lie below {@code favorableFrom}. A 0–10 "would you
 * recommend" item with {@code favorableFrom} 9 and {@code unfavorableTo} 6 gives the usual net promoter
 * score.
 *
 * <p>Rules: {@code min < max}, at most {@value #MAX_POINTS} points, {@code min < favorableFrom <= max},
 * {@code min <= unfavorableTo < favorableFrom}; labels are non-blank and map to answers on the scale.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Scale {

  /** The most answer points a scale may have ({@code max − min + 1}). */
  public static final int MAX_POINTS = 101;

  private final int min;
  private final int max;
  private final int favorableFrom;
  private final int unfavorableTo;
  private final Map<String, Integer> labels;

  private Scale(int min, int max, int favorableFrom, int unfavorableTo, Map<String, Integer> labels) {
    if (min >= max) {
      throw new IllegalArgumentException("scale min " + min + " must be below max " + max);
    }
    if ((long) max - min + 1 > MAX_POINTS) {
      throw new IllegalArgumentException(
          "scale " + min + ".." + max + " has more than " + MAX_POINTS + " points");
    }
    if (favorableFrom <= min || favorableFrom > max) {
      throw new IllegalArgumentException("favorableFrom " + favorableFrom
          + " must be above min and at most max of the scale " + min + ".." + max);
    }
    if (unfavorableTo < min || unfavorableTo >= favorableFrom) {
      throw new IllegalArgumentException("unfavorableTo " + unfavorableTo
          + " must be at least min " + min + " and below favorableFrom " + favorableFrom);
    }
    Map<String, Integer> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : labels.entrySet()) {
      String label = Objects.requireNonNull(e.getKey(), "label");
      Integer value = Objects.requireNonNull(e.getValue(), "label value");
      if (label.isBlank()) {
        throw new IllegalArgumentException("a label must not be blank");
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            "label \"" + label + "\" maps to " + value + ", outside the scale " + min + ".." + max);
      }
      copy.put(label, value);
    }
    this.min = min;
    this.max = max;
    this.favorableFrom = favorableFrom;
    this.unfavorableTo = unfavorableTo;
    this.labels = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns a scale whose unfavorable threshold is the mirror of the favorable one.
   *
   * @param min the lowest answer
   * @param max the highest answer
   * @param favorableFrom the lowest favorable (coded) answer
   * @return the scale
   * @throws IllegalArgumentException if the rules in the class description are broken
   */
  public static Scale of(int min, int max, int favorableFrom) {
    return new Scale(min, max, favorableFrom, defaultUnfavorableTo(min, max, favorableFrom), Map.of());
  }

  /**
   * Returns a scale with explicit favorable and unfavorable thresholds.
   *
   * @param min the lowest answer
   * @param max the highest answer
   * @param favorableFrom the lowest favorable (coded) answer
   * @param unfavorableTo the highest unfavorable (coded) answer
   * @return the scale
   * @throws IllegalArgumentException if the rules in the class description are broken
   */
  public static Scale of(int min, int max, int favorableFrom, int unfavorableTo) {
    return new Scale(min, max, favorableFrom, unfavorableTo, Map.of());
  }

  /**
   * Returns the default unfavorable threshold: {@code min + max − favorableFrom}, at most {@code
   * favorableFrom − 1}.
   *
   * @param min the lowest answer
   * @param max the highest answer
   * @param favorableFrom the lowest favorable answer
   * @return the highest unfavorable answer
   */
  public static int defaultUnfavorableTo(int min, int max, int favorableFrom) {
    return Math.min(min + max - favorableFrom, favorableFrom - 1);
  }

  /**
   * Returns a copy with these answer labels (label → answer), replacing any labels it had.
   *
   * @param newLabels the labels in the order to keep, each mapping to an answer on the scale
   * @return the scale with those labels
   * @throws IllegalArgumentException if a label is blank or maps outside the scale
   */
  public Scale withLabels(Map<String, Integer> newLabels) {
    return new Scale(min, max, favorableFrom, unfavorableTo, Objects.requireNonNull(newLabels, "labels"));
  }

  /**
   * Returns a copy with another unfavorable threshold.
   *
   * @param newUnfavorableTo the highest unfavorable (coded) answer
   * @return the scale
   * @throws IllegalArgumentException if the threshold is not in {@code min..favorableFrom − 1}
   */
  public Scale withUnfavorableTo(int newUnfavorableTo) {
    return new Scale(min, max, favorableFrom, newUnfavorableTo, labels);
  }

  /**
   * Returns the lowest answer.
   *
   * @return the minimum
   */
  public int min() {
    return min;
  }

  /**
   * Returns the highest answer.
   *
   * @return the maximum
   */
  public int max() {
    return max;
  }

  /**
   * Returns the lowest coded answer that counts as favorable.
   *
   * @return the favorable threshold, inclusive
   */
  public int favorableFrom() {
    return favorableFrom;
  }

  /**
   * Returns the highest coded answer that counts as unfavorable.
   *
   * @return the unfavorable threshold, inclusive
   */
  public int unfavorableTo() {
    return unfavorableTo;
  }

  /**
   * Returns whether the unfavorable threshold is the default one for the other bounds.
   *
   * @return true when {@link #unfavorableTo()} equals {@link #defaultUnfavorableTo(int, int, int)}
   */
  public boolean hasDefaultUnfavorableTo() {
    return unfavorableTo == defaultUnfavorableTo(min, max, favorableFrom);
  }

  /**
   * Returns the answer labels, label → answer, in the order given.
   *
   * @return the labels, unmodifiable, empty when the scale has none
   */
  public Map<String, Integer> labels() {
    return labels;
  }

  /**
   * Returns the number of answer points, {@code max − min + 1}.
   *
   * @return the number of points
   */
  public int points() {
    return max - min + 1;
  }

  /**
   * Returns whether an answer lies on this scale.
   *
   * @param answer the answer
   * @return true when {@code min <= answer <= max}
   */
  public boolean contains(int answer) {
    return answer >= min && answer <= max;
  }

  /**
   * Returns the reverse-coded answer, {@code min + max − answer}.
   *
   * @param answer an answer on the scale
   * @return the mirrored answer
   */
  public int reverse(int answer) {
    return min + max - answer;
  }

  /**
   * Returns whether a coded answer is favorable ({@code >= favorableFrom}).
   *
   * @param coded the coded answer
   * @return whether it is favorable
   */
  public boolean isFavorable(int coded) {
    return coded >= favorableFrom;
  }

  /**
   * Returns whether a coded answer is unfavorable ({@code <= unfavorableTo}).
   *
   * @param coded the coded answer
   * @return whether it is unfavorable
   */
  public boolean isUnfavorable(int coded) {
    return coded <= unfavorableTo;
  }

  /**
   * Returns the answer a label stands for.
   *
   * @param label the label, compared exactly
   * @return the answer, or empty when the scale has no such label
   */
  public OptionalInt valueOf(String label) {
    Integer v = labels.get(label);
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }

  /**
   * Returns whether another scale has the same bounds and thresholds, ignoring labels: the condition for
   * two questions to be scored in one dimension.
   *
   * @param other the other scale
   * @return whether the two are interchangeable for scoring
   */
  public boolean isCompatibleWith(Scale other) {
    return min == other.min && max == other.max && favorableFrom == other.favorableFrom
        && unfavorableTo == other.unfavorableTo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scale s && isCompatibleWith(s) && labels.equals(s.labels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(min, max, favorableFrom, unfavorableTo, labels);
  }

  @Override
  public String toString() {
    return "Scale[" + min + ".." + max + ", favorableFrom=" + favorableFrom + ", unfavorableTo="
        + unfavorableTo + (labels.isEmpty() ? "" : ", labels=" + labels) + "]";
  }
}

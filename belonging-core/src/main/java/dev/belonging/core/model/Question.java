package dev.belonging.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A question of an instrument: a rating (an answer on a scale, scored in its dimension, possibly
 * reverse-keyed) or a comment (free text, never scored).
 *
 * <p>A rating question without a scale of its own uses the instrument's default scale.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Question {

  private final String id;
  private final String text;
  private final QuestionType type;
  private final String dimensionId;
  private final boolean reverse;
  private final Scale scale;

  private Question(String id, String text, QuestionType type, String dimensionId, boolean reverse,
      Scale scale) {
    this.id = Ids.requireId(id, "question id");
    this.text = Objects.requireNonNull(text, "text");
    this.type = Objects.requireNonNull(type, "type");
    if (type == QuestionType.RATING) {
      this.dimensionId = Ids.requireId(dimensionId, "dimension of question \"" + id + "\"");
    } else {
      if (dimensionId != null || reverse || scale != null) {
        throw new IllegalArgumentException(
            "comment question \"" + id + "\" has no dimension, reverse keying or scale");
      }
      this.dimensionId = null;
    }
    this.reverse = reverse;
    this.scale = scale;
  }

  /**
   * Returns a rating question on the instrument's default scale, not reverse-keyed.
   *
   * @param id the identifier, non-blank, unique in its instrument; also the responses file's column name
   * @param text the question as respondents read it
   * @param dimensionId the id of the dimension it is scored in
   * @return the question
   */
  public static Question rating(String id, String text, String dimensionId) {
    return new Question(id, text, QuestionType.RATING, dimensionId, false, null);
  }

  /**
   * Returns a free-text comment question.
   *
   * @param id the identifier, non-blank, unique in its instrument; also the responses file's column name
   * @param text the question as respondents read it
   * @return the question
   */
  public static Question comment(String id, String text) {
    return new Question(id, text, QuestionType.COMMENT, null, false, null);
  }

  /**
   * Returns a copy that is (or is not) reverse-keyed: an answer {@code x} is coded {@code min + max − x}.
   *
   * @param newReverse whether the question is reverse-keyed
   * @return the question
   * @throws IllegalArgumentException if this is a comment question and {@code newReverse} is true
   */
  public Question withReverse(boolean newReverse) {
    return new Question(id, text, type, dimensionId, newReverse, scale);
  }

  /**
   * Returns a copy with a scale of its own.
   *
   * @param newScale the scale, or {@code null} to use the instrument's default
   * @return the question
   * @throws IllegalArgumentException if this is a comment question and a scale is given
   */
  public Question withScale(Scale newScale) {
    return new Question(id, text, type, dimensionId, reverse, newScale);
  }

  /**
   * Returns a copy with another text.
   *
   * @param newText the text
   * @return the question
   */
  public Question withText(String newText) {
    return new Question(id, newText, type, dimensionId, reverse, scale);
  }

  /**
   * Returns a copy scored in another dimension.
   *
   * @param newDimensionId the dimension id
   * @return the question
   * @throws IllegalArgumentException if this is a comment question
   */
  public Question withDimension(String newDimensionId) {
    return new Question(id, text, type, newDimensionId, reverse, scale);
  }

  /**
   * Returns the identifier, which is also the column name in a responses file.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the question text.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * Returns the kind of question.
   *
   * @return the type
   */
  public QuestionType type() {
    return type;
  }

  /**
   * Returns whether this is a rating question.
   *
   * @return true for a rating, false for a comment
   */
  public boolean isRating() {
    return type == QuestionType.RATING;
  }

  /**
   * Returns the id of the dimension this question is scored in.
   *
   * @return the dimension id, empty for a comment question
   */
  public Optional<String> dimensionId() {
    return Optional.ofNullable(dimensionId);
  }

  /**
   * Returns whether the question is reverse-keyed.
   *
   * @return whether answers are coded {@code min + max − x}
   */
  public boolean isReverse() {
    return reverse;
  }

  /**
   * Returns the question's own scale.
   *
   * @return the scale, empty when the question uses the instrument's default (or is a comment)
   */
  public Optional<Scale> scale() {
    return Optional.ofNullable(scale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Question q
        && id.equals(q.id)
        && text.equals(q.text)
        && type == q.type
        && Objects.equals(dimensionId, q.dimensionId)
        && reverse == q.reverse
        && Objects.equals(scale, q.scale);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, text, type, dimensionId, reverse, scale);
  }

  @Override
  public String toString() {
    return "Question[" + id + ", " + type
        + (dimensionId == null ? "" : ", dimension=" + dimensionId)
        + (reverse ? ", reverse" : "")
        + (scale == null ? "" : ", " + scale) + "]";
  }
}

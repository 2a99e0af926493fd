package dev.belonging.core.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.QuestionType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The JSON form of a {@link Question}:
 * {@code {"id": "seen-2", "text": "…", "dimension": "seen", "reverse": true}}, or
 * {@code {"id": "pulse-comment", "text": "…", "type": "comment"}}.
 *
 * <p>{@code type} is {@code "rating"} (the default, written as absent) or {@code "comment"};
 * {@code reverse} is written only when true; {@code scale} only when the question has its own.
 * {@link ValidQuestion} checks that a rating names a dimension and that a comment has no dimension,
 * scale or reverse keying.
 *
 * @param id the identifier, also the column name in responses files
 * @param text the question as respondents read it
 * @param type {@code "rating"}, {@code "comment"}, or {@code null} for a rating
 * @param dimension the id of the dimension a rating is scored in
 * @param reverse whether a rating is reverse-keyed, {@code null} for not
 * @param scale the question's own scale, {@code null} for the instrument's default
 */
@ValidQuestion
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionDefinition(
    @NotBlank(message = Messages.NOT_BLANK) String id,
    @NotNull(message = Messages.REQUIRED) String text,
    @Pattern(regexp = QuestionDefinition.RATING + "|" + QuestionDefinition.COMMENT,
        message = "must be \"" + QuestionDefinition.RATING + "\" or \"" + QuestionDefinition.COMMENT + "\"")
    String type,
    String dimension,
    Boolean reverse,
    @Valid ScaleDefinition scale) {

  /** The JSON name of {@link QuestionType#RATING}. */
  public static final String RATING = "rating";

  /** The JSON name of {@link QuestionType#COMMENT}. */
  public static final String COMMENT = "comment";

  /**
   * Returns the definition of a question.
   *
   * @param question the question
   * @return its definition, leaving out what is default
   */
  public static QuestionDefinition of(Question question) {
    return new QuestionDefinition(question.id(), question.text(),
        question.isRating() ? null : COMMENT,
        question.dimensionId().orElse(null),
        question.isReverse() ? Boolean.TRUE : null,
        question.scale().map(ScaleDefinition::of).orElse(null));
  }

  /**
   * Returns the question type named by {@code type}.
   *
   * @return the type, {@code null} when {@code type} names none
   */
  public QuestionType questionType() {
    if (type == null || type.equals(RATING)) {
      return QuestionType.RATING;
    }
    return type.equals(COMMENT) ? QuestionType.COMMENT : null;
  }

  /**
   * Returns the question defined.
   *
   * @return the question
   * @throws IllegalArgumentException or {@link NullPointerException} if the definition is invalid
   */
  public Question toModel() {
    QuestionType t = questionType();
    if (t == null) {
      throw new IllegalArgumentException("unknown question type \"" + type + "\"");
    }
    if (t == QuestionType.COMMENT) {
      if (dimension != null || scale != null || Boolean.TRUE.equals(reverse)) {
        throw new IllegalArgumentException(
            "comment question \"" + id + "\" has no dimension, reverse keying or scale");
      }
      return Question.comment(id, text);
    }
    return Question.rating(id, text, dimension)
        .withReverse(Boolean.TRUE.equals(reverse))
        .withScale(scale == null ? null : scale.toModel());
  }
}

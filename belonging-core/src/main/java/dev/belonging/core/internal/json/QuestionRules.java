package dev.belonging.core.internal.json;

import dev.belonging.core.model.QuestionType;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ValidQuestion}. */
public final class QuestionRules implements ConstraintValidator<ValidQuestion, QuestionDefinition> {

  /** Creates the validator; Hibernate Validator calls this. */
  public QuestionRules() {}

  @Override
  public boolean isValid(QuestionDefinition question, ConstraintValidatorContext context) {
    if (question == null) {
      return true;
    }
    QuestionType type = question.questionType();
    Violations violations = new Violations(context);
    if (type == QuestionType.RATING) {
      if (question.dimension() == null || question.dimension().isBlank()) {
        violations.at("dimension", "a rating question needs a dimension");
      }
    } else if (type == QuestionType.COMMENT) {
      if (question.dimension() != null) {
        violations.at("dimension", "a comment question has no dimension");
      }
      if (question.scale() != null) {
        violations.at("scale", "a comment question has no scale");
      }
      if (Boolean.TRUE.equals(question.reverse())) {
        violations.at("reverse", "a comment question is not reverse-keyed");
      }
    }
    return violations.none();
  }
}

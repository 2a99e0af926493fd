package dev.belonging.core.internal.json;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of a question definition that involve its type: a rating names a dimension; a comment has no
 * dimension, no scale and is not reverse-keyed. Each broken rule is reported at the field it concerns; an
 * unknown type is left to the constraint on {@code type}.
 */
@Documented
@Constraint(validatedBy = QuestionRules.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidQuestion {

  /**
   * Returns the message of a violation that names no rule (never used: each rule has its own).
   *
   * @return the message
   */
  String message() default "invalid question";

  /**
   * Returns the validation groups.
   *
   * @return the groups
   */
  Class<?>[] groups() default {};

  /**
   * Returns the payload.
   *
   * @return the payload
   */
  Class<? extends Payload>[] payload() default {};
}

package dev.belonging.core.internal.json;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of a scale definition taken together: {@code min < max}, at most
 * {@value dev.belonging.core.model.Scale#MAX_POINTS} points, {@code min < favorableFrom <= max},
 * {@code min <= unfavorableTo < favorableFrom}, labels non-blank and on the scale. Each broken rule is
 * reported at the field it concerns.
 */
@Documented
@Constraint(validatedBy = ScaleRules.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidScale {

  /**
   * Returns the message of a violation that names no rule (never used: each rule has its own).
   *
   * @return the message
   */
  String message() default "invalid scale";

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

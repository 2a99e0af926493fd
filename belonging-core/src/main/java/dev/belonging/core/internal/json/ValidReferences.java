package dev.belonging.core.internal.json;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules of an instrument definition that relate its parts: unique ids, questions naming existing
 * dimensions, no empty dimension, one scale per dimension. They are the model's own rules,
 * {@link dev.belonging.core.model.Instrument#check}, applied to the definition so that they are reported
 * together with every other violation and at the same paths.
 */
@Documented
@Constraint(validatedBy = ReferenceRules.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidReferences {

  /**
   * Returns the message of a violation that names no rule (never used: each rule has its own).
   *
   * @return the message
   */
  String message() default "invalid references";

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

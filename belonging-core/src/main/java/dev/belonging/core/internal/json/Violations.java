package dev.belonging.core.internal.json;

import jakarta.validation.ConstraintValidatorContext;

/**
 * Adds the violations of a class-level constraint, each at a field of the validated object (or of an
 * element of one of its lists), replacing the constraint's default violation.
 */
final class Violations {

  private final ConstraintValidatorContext context;
  private boolean any;

  Violations(ConstraintValidatorContext context) {
    this.context = context;
  }

  /** Adds a violation at a field of the validated object. */
  void at(String field, String message) {
    begin().buildConstraintViolationWithTemplate(Messages.literal(message))
        .addPropertyNode(field)
        .addConstraintViolation();
  }

  /** Adds a violation at the validated object itself. */
  void atRoot(String message) {
    begin().buildConstraintViolationWithTemplate(Messages.literal(message)).addConstraintViolation();
  }

  /** Adds a violation at element {@code index} of the list field {@code list}. */
  void atElement(String list, int index, String message) {
    begin().buildConstraintViolationWithTemplate(Messages.literal(message))
        .addPropertyNode(list)
        .addBeanNode().inIterable().atIndex(index)
        .addConstraintViolation();
  }

  /** Adds a violation at field {@code field} of element {@code index} of the list field {@code list}. */
  void atElementField(String list, int index, String field, String message) {
    begin().buildConstraintViolationWithTemplate(Messages.literal(message))
        .addPropertyNode(list)
        .addPropertyNode(field).inIterable().atIndex(index)
        .addConstraintViolation();
  }

  /** Returns whether no violation was added. */
  boolean none() {
    return !any;
  }

  private ConstraintValidatorContext begin() {
    if (!any) {
      context.disableDefaultConstraintViolation();
      any = true;
    }
    return context;
  }
}

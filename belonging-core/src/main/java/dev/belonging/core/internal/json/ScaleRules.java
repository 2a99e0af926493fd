package dev.belonging.core.internal.json;

import dev.belonging.core.model.Scale;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Map;

/**
 * Checks {@link ValidScale}. Bounds that are missing are left to their field constraints; every other
 * broken rule is a violation at its field ({@code max}, {@code favorableFrom}, {@code unfavorableTo},
 * {@code labels}).
 */
public final class ScaleRules implements ConstraintValidator<ValidScale, ScaleDefinition> {

  /** Creates the validator; Hibernate Validator calls this. */
  public ScaleRules() {}

  @Override
  public boolean isValid(ScaleDefinition scale, ConstraintValidatorContext context) {
    if (scale == null || scale.min() == null || scale.max() == null || scale.favorableFrom() == null) {
      return true;
    }
    Violations violations = new Violations(context);
    long min = scale.min();
    long max = scale.max();
    long favorableFrom = scale.favorableFrom();
    String range = min + ".." + max;
    if (min >= max) {
      violations.at("max", "max " + max + " must be above min " + min);
    } else if (max - min + 1 > Scale.MAX_POINTS) {
      violations.at("max", "the scale " + range + " has " + (max - min + 1) + " points; at most "
          + Scale.MAX_POINTS + " are allowed");
    }
    if (favorableFrom <= min || favorableFrom > max) {
      violations.at("favorableFrom", "favorableFrom " + favorableFrom
          + " must be above min and at most max of the scale " + range);
    }
    if (scale.unfavorableTo() != null) {
      long unfavorableTo = scale.unfavorableTo();
      if (unfavorableTo < min || unfavorableTo >= favorableFrom) {
        violations.at("unfavorableTo", "unfavorableTo " + unfavorableTo + " must be at least min " + min
            + " and below favorableFrom " + favorableFrom);
      }
    }
    if (scale.labels() != null) {
      for (Map.Entry<String, Integer> e : scale.labels().entrySet()) {
        String label = e.getKey();
        Integer value = e.getValue();
        if (label.isBlank()) {
          violations.at("labels", "a label must not be blank");
        } else if (value == null) {
          violations.at("labels", "label \"" + label + "\" needs an answer on the scale " + range);
        } else if (value < min || value > max) {
          violations.at("labels", "label \"" + label + "\" maps to " + value + ", outside the scale "
              + range);
        }
      }
    }
    return violations.none();
  }
}

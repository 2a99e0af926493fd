package dev.belonging.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A respondent: a pseudonymous id and the attributes a report may break results down by (team, tenure,
 * location…).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param id the pseudonymous id
 * @param attributes attribute name → value, in column order; an empty value is a value of its own
 */
public record Respondent(RespondentId id, Map<String, String> attributes) {

  /**
   * Validates and copies the components.
   *
   * @param id the id
   * @param attributes the attributes
   */
  public Respondent {
    Objects.requireNonNull(id, "id");
    Map<String, String> copy = new LinkedHashMap<>();
    attributes.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "attribute name"),
        Objects.requireNonNull(v, "value of attribute " + k)));
    attributes = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns a respondent.
   *
   * @param id the pseudonymous id
   * @param attributes attribute name → value
   * @return the respondent
   */
  public static Respondent of(RespondentId id, Map<String, String> attributes) {
    return new Respondent(id, attributes);
  }
}

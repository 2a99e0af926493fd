package dev.belonging.core.model;

/**
 * A respondent's pseudonymous identifier, unique within a response set. It links a respondent's answers
 * in one file and nothing more; reports never publish it.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param value the identifier, non-blank
 */
public record RespondentId(String value) {

  /**
   * Validates the identifier.
   *
   * @param value the identifier
   */
  public RespondentId {
    Ids.requireId(value, "respondent id");
  }

  /**
   * Returns the identifier for a value.
   *
   * @param value the identifier, non-blank
   * @return the identifier
   */
  public static RespondentId of(String value) {
    return new RespondentId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}

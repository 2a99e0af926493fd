package dev.belonging.core.internal.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.belonging.core.model.RespondentId;

/**
 * Jackson annotations for {@link RespondentId}, which carries none: it is written as a plain JSON string
 * and read back through {@link RespondentId#of(String)} with an explicit delegating creator, as a
 * single-field record must be (else Jackson may take it for an object with one property).
 */
public abstract class RespondentIdMixIn {

  /** Not instantiated. */
  private RespondentIdMixIn() {}

  /**
   * The factory, as the delegating creator.
   *
   * @param value the identifier
   * @return the identifier
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static RespondentId of(String value) {
    return RespondentId.of(value);
  }

  /**
   * The value, as the JSON value.
   *
   * @return the identifier
   */
  @JsonValue
  public abstract String value();
}

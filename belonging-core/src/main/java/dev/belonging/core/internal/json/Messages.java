package dev.belonging.core.internal.json;

/** Messages shared by the definition constraints, and escaping for messages built from file content. */
final class Messages {

  /** A field that must be given (absent or {@code null}). */
  static final String REQUIRED = "is required";

  /** An identifier or name that must have a non-blank value. */
  static final String NOT_BLANK = "must not be blank";

  /** A list element that must not be {@code null}. */
  static final String NOT_NULL_ELEMENT = "must not be null";

  private Messages() {}

  /**
   * Escapes a message so that the message interpolator takes it literally: file content may contain
   * braces, dollar signs or backslashes.
   *
   * @param message the literal message
   * @return the message as a template
   */
  static String literal(String message) {
    StringBuilder b = new StringBuilder(message.length() + 8);
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\\' || c == '{' || c == '}' || c == '$') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}

package dev.belonging.core.io;

/**
 * Limits that keep reading an instrument file from using unbounded memory or time on a malformed or
 * hostile file.
 *
 * <p>An instrument is a small document, so the defaults are far above any real questionnaire and far below
 * what could hurt: {@value #DEFAULT_MAX_CHARS} characters in the file (16 MiB), JSON nested at most
 * {@value #DEFAULT_MAX_NESTING_DEPTH} levels deep (an instrument needs five: the file, the question list, a
 * question, its scale, the scale's labels; the rest is for {@code x-} extensions), strings (values and
 * field names, and numbers, which are also limited to 1000 digits) of at most
 * {@value #DEFAULT_MAX_STRING_CHARS} characters, at most
 * {@value #DEFAULT_MAX_QUESTIONS} questions and {@value #DEFAULT_MAX_DIMENSIONS} dimensions. The first
 * three are enforced by the JSON parser as it reads (Jackson's {@code StreamReadConstraints}), the last two
 * before the instrument is validated. An input over a limit is rejected with an
 * {@link dev.belonging.core.model.InvalidInstrumentException} whose problem names the limit and, for the
 * parser's limits, the line and column where it was exceeded.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param maxChars the most characters the file may have, at least 1
 * @param maxNestingDepth the most levels of nested JSON objects and arrays, at least 1
 * @param maxStringChars the most characters of a JSON string or field name, at least 1
 * @param maxQuestions the most questions, at least 1
 * @param maxDimensions the most dimensions, at least 1
 */
public record InstrumentLimits(int maxChars, int maxNestingDepth, int maxStringChars, int maxQuestions,
    int maxDimensions) {

  /** The default most characters of an instrument file: 16 MiB, 16 777 216 characters. */
  public static final int DEFAULT_MAX_CHARS = 16 * 1024 * 1024;

  /** The default most levels of nested JSON objects and arrays. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

  /** The default most characters of a JSON string or field name (a question text, a label, an id). */
  public static final int DEFAULT_MAX_STRING_CHARS = 65_536;

  /** The default most questions. */
  public static final int DEFAULT_MAX_QUESTIONS = 2_000;

  /** The default most dimensions. */
  public static final int DEFAULT_MAX_DIMENSIONS = 500;

  private static final InstrumentLimits DEFAULTS = new InstrumentLimits(DEFAULT_MAX_CHARS,
      DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_CHARS, DEFAULT_MAX_QUESTIONS, DEFAULT_MAX_DIMENSIONS);

  /**
   * Validates the limits.
   *
   * @param maxChars the most characters of the file
   * @param maxNestingDepth the most levels of nesting
   * @param maxStringChars the most characters of a string
   * @param maxQuestions the most questions
   * @param maxDimensions the most dimensions
   * @throws IllegalArgumentException if a limit is below 1
   */
  public InstrumentLimits {
    requirePositive(maxChars, "maxChars");
    requirePositive(maxNestingDepth, "maxNestingDepth");
    requirePositive(maxStringChars, "maxStringChars");
    requirePositive(maxQuestions, "maxQuestions");
    requirePositive(maxDimensions, "maxDimensions");
  }

  /**
   * Returns the default limits.
   *
   * @return the defaults
   */
  public static InstrumentLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another limit on the file's characters.
   *
   * @param newMaxChars the most characters, at least 1
   * @return the limits
   * @throws IllegalArgumentException if the limit is below 1
   */
  public InstrumentLimits withMaxChars(int newMaxChars) {
    return new InstrumentLimits(newMaxChars, maxNestingDepth, maxStringChars, maxQuestions, maxDimensions);
  }

  /**
   * Returns a copy with another limit on nesting.
   *
   * @param newMaxNestingDepth the most levels of nested objects and arrays, at least 1
   * @return the limits
   * @throws IllegalArgumentException if the limit is below 1
   */
  public InstrumentLimits withMaxNestingDepth(int newMaxNestingDepth) {
    return new InstrumentLimits(maxChars, newMaxNestingDepth, maxStringChars, maxQuestions, maxDimensions);
  }

  /**
   * Returns a copy with another limit on string length.
   *
   * @param newMaxStringChars the most characters of a string or field name, at least 1
   * @return the limits
   * @throws IllegalArgumentException if the limit is below 1
   */
  public InstrumentLimits withMaxStringChars(int newMaxStringChars) {
    return new InstrumentLimits(maxChars, maxNestingDepth, newMaxStringChars, maxQuestions, maxDimensions);
  }

  /**
   * Returns a copy with another limit on questions.
   *
   * @param newMaxQuestions the most questions, at least 1
   * @return the limits
   * @throws IllegalArgumentException if the limit is below 1
   */
  public InstrumentLimits withMaxQuestions(int newMaxQuestions) {
    return new InstrumentLimits(maxChars, maxNestingDepth, maxStringChars, newMaxQuestions, maxDimensions);
  }

  /**
   * Returns a copy with another limit on dimensions.
   *
   * @param newMaxDimensions the most dimensions, at least 1
   * @return the limits
   * @throws IllegalArgumentException if the limit is below 1
   */
  public InstrumentLimits withMaxDimensions(int newMaxDimensions) {
    return new InstrumentLimits(maxChars, maxNestingDepth, maxStringChars, maxQuestions, newMaxDimensions);
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
  }
}

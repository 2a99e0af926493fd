package dev.belonging.core.model;

/**
 * The answers of every respondent of a {@link ResponseSet} to one rating question, read without creating
 * an object per answer.
 *
 * <p>Each answer is stored as a small code: {@value #MISSING} when the respondent did not answer,
 * otherwise {@code answer − scale.min() + 1}. {@link #code(int)} returns that code, which is what a scoring
 * loop wants; {@link #value(int)} and {@link #coded(int)} return the raw and reverse-coded answers.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AnswerColumn {

  /** The code of a missing answer. */
  public static final int MISSING = 0;

  private final Question question;
  private final Scale scale;
  private final byte[] codes;
  private final int size;
  // bit i of word w set when row 64 w + i has no answer; no bit at or beyond size is set
  private final long[] missing;

  /** A column of the first {@code size} codes, its missing rows found from them. */
  AnswerColumn(Question question, Scale scale, byte[] codes, int size) {
    this(question, scale, codes, size, missingOf(codes, size));
  }

  /**
   * A column of the first {@code size} codes whose missing rows are already known: {@code missing} has a
   * bit set for each row below {@code size} whose code is {@value #MISSING}, and no other (words beyond
   * those of {@code size} rows are not read).
   */
  AnswerColumn(Question question, Scale scale, byte[] codes, int size, long[] missing) {
    this.question = question;
    this.scale = scale;
    this.codes = codes;
    this.size = size;
    this.missing = missing;
  }

  /** The missing rows of the first {@code size} codes, as {@link #missingBits(int)} gives them. */
  static long[] missingOf(byte[] codes, int size) {
    long[] bits = new long[words(size)];
    for (int row = 0; row < size; row++) {
      if (codes[row] == MISSING) {
        bits[row >>> 6] |= 1L << row;
      }
    }
    return bits;
  }

  /** The words of flags that {@code size} rows take. */
  private static int words(int size) {
    return (size + 63) >>> 6;
  }

  /**
   * Returns the question.
   *
   * @return the question
   */
  public Question question() {
    return question;
  }

  /**
   * Returns the scale the answers are on.
   *
   * @return the scale
   */
  public Scale scale() {
    return scale;
  }

  /**
   * Returns the number of respondents (answered or not).
   *
   * @return the number of rows
   */
  public int size() {
    return size;
  }

  /**
   * Returns a respondent's answer code: {@value #MISSING} when missing, else {@code answer − min + 1},
   * between 1 and {@link Scale#points()}.
   *
   * @param row the respondent's row, {@code 0 <= row < size()}
   * @return the code
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public int code(int row) {
    java.util.Objects.checkIndex(row, size);
    return codes[row];
  }

  /**
   * Returns whether a respondent left the question unanswered.
   *
   * @param row the respondent's row
   * @return whether the answer is missing
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public boolean isMissing(int row) {
    return code(row) == MISSING;
  }

  /**
   * Returns a respondent's raw answer, as given in the file.
   *
   * @param row the respondent's row
   * @return the answer, on the scale
   * @throws IllegalStateException if the answer is missing
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public int value(int row) {
    int c = code(row);
    if (c == MISSING) {
      throw new IllegalStateException("row " + row + " has no answer to \"" + question.id() + "\"");
    }
    return c - 1 + scale.min();
  }

  /**
   * Returns a respondent's coded answer: the raw answer, reverse-coded ({@code min + max − x}) when the
   * question is reverse-keyed.
   *
   * @param row the respondent's row
   * @return the coded answer, on the scale
   * @throws IllegalStateException if the answer is missing
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public int coded(int row) {
    int v = value(row);
    return question.isReverse() ? scale.reverse(v) : v;
  }

  /**
   * Returns how many respondents answered.
   *
   * @return the number of non-missing answers
   */
  public int answered() {
    int unanswered = 0;
    for (int w = 0; w < words(size); w++) {
      unanswered += Long.bitCount(missing[w]);
    }
    return size - unanswered;
  }

  /**
   * Returns which of the 64 rows from {@code 64 × word} have no answer, as the bits of a long: bit {@code i}
   * is set when row {@code 64 × word + i} is missing ({@link #isMissing(int)}). Bits of rows at or beyond
   * {@link #size()}, in the last word, are clear. For loops that visit the few missing answers of many rows
   * (iterate the set bits with {@link Long#numberOfTrailingZeros(long)}).
   *
   * @param word the word, {@code 0 <= word <} {@link #missingWords()}
   * @return the flags
   * @throws IndexOutOfBoundsException if the word does not exist
   */
  public long missingBits(int word) {
    java.util.Objects.checkIndex(word, words(size));
    return missing[word];
  }

  /**
   * Returns how many words of {@link #missingBits(int)} the rows take: {@code (size() + 63) / 64}.
   *
   * @return the number of words
   */
  public int missingWords() {
    return words(size);
  }

  /**
   * Copies the codes of rows {@code from..from+length-1} into an array, for loops that score many rows.
   *
   * @param from the first row
   * @param dest the destination
   * @param destOffset where in the destination to start
   * @param length how many rows
   * @throws IndexOutOfBoundsException if a range is out of bounds
   */
  public void copyCodes(int from, byte[] dest, int destOffset, int length) {
    java.util.Objects.checkFromIndexSize(from, length, size);
    System.arraycopy(codes, from, dest, destOffset, length);
  }

  @Override
  public String toString() {
    return "AnswerColumn[" + question.id() + ", " + size + " rows]";
  }
}

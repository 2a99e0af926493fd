package dev.belonging.core.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The comments of every respondent of a {@link ResponseSet} to one comment question, read by row without
 * looking the question up each time.
 *
 * <p>A respondent without a comment (none given, or only blanks) has none here: {@link #isMissing(int)} is
 * then true and {@link #text(int)} empty.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CommentColumn {

  private final Question question;
  private final String[] texts; // one per row, null where there is no comment; never changed
  private final int size;

  CommentColumn(Question question, String[] texts, int size) {
    this.question = question;
    this.texts = texts;
    this.size = size;
  }

  /**
   * Returns the question.
   *
   * @return the comment question
   */
  public Question question() {
    return question;
  }

  /**
   * Returns the number of respondents (with a comment or not).
   *
   * @return the number of rows
   */
  public int size() {
    return size;
  }

  /**
   * Returns a respondent's comment.
   *
   * @param row the respondent's row, {@code 0 <= row < size()}
   * @return the text, empty when the respondent wrote none
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public Optional<String> text(int row) {
    return Optional.ofNullable(texts[Objects.checkIndex(row, size)]);
  }

  /**
   * Returns whether a respondent wrote no comment.
   *
   * @param row the respondent's row, {@code 0 <= row < size()}
   * @return whether the comment is missing
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public boolean isMissing(int row) {
    return texts[Objects.checkIndex(row, size)] == null;
  }

  /**
   * Returns how many respondents wrote a comment.
   *
   * @return the number of comments
   */
  public int answered() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (texts[i] != null) {
        n++;
      }
    }
    return n;
  }

  /** Whether another column holds the same comments row by row (the question aside). */
  boolean sameTexts(CommentColumn other) {
    return Arrays.equals(texts, 0, size, other.texts, 0, other.size);
  }

  @Override
  public String toString() {
    return "CommentColumn[" + question.id() + ", " + size + " rows]";
  }
}

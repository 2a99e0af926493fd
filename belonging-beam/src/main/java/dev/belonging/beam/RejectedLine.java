package dev.belonging.beam;

import java.util.Objects;

/**
 * One problem of a row (or of a whole file) that was not analysed: the dead-letter output of
 * {@link ReadResponses}. A row with two problems gives two rejected lines with the same file and line.
 *
 * <p>The {@code detail} may name the answer given or the respondent id; the {@code message} names neither
 * (as a report's {@code rejected} entries): publish messages, keep details with the data.
 *
 * @param file the file's name (its resource id)
 * @param line the 1-based physical line where the row starts, or 0 for a problem of the whole file
 * @param column the column's name, or empty
 * @param message what is wrong, without the data
 * @param detail what is wrong, with the data where it helps
 */
public record RejectedLine(String file, long line, String column, String message, String detail) {

  /**
   * Validates the components.
   *
   * @param file the file
   * @param line the line, 0 or positive
   * @param column the column or empty
   * @param message the message
   * @param detail the detail
   */
  public RejectedLine {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(detail, "detail");
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 (the whole file) or positive: " + line);
    }
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + (column.isEmpty() ? "" : " column " + column) + ": "
        + detail;
  }
}

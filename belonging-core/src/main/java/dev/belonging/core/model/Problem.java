package dev.belonging.core.model;

import java.util.Objects;

/**
 * One thing wrong with an input: where it is and what is wrong.
 *
 * <p>A problem in a responses file has a 1-based physical {@linkplain #line() line} (a row that spans
 * several lines reports the line where it starts) and the name of its {@linkplain #column() column}. A
 * problem in an instrument file has a {@linkplain #path() JSON path} such as
 * {@code questions[3].dimension}, and for malformed JSON the line and character column.
 *
 * <p>Every problem has two messages. {@link #message()} names neither a respondent id nor an answer
 * given ({@code "answer outside the scale 1..5"}), so it may travel with a report; {@link #detail()} is
 * the full message for the person fixing the file ({@code "answer 7 is outside the scale 1..5"}).
 * {@link #toString()} shows the location and the detail:
 * {@code line 22, column q1: answer 7 is outside the scale 1..5}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Problem {

  private final long line;
  private final String column;
  private final String path;
  private final String message;
  private final String detail;

  private Problem(long line, String column, String path, String message, String detail) {
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 (unknown) or positive: " + line);
    }
    this.line = line;
    this.column = Objects.requireNonNull(column, "column");
    this.path = Objects.requireNonNull(path, "path");
    this.message = Objects.requireNonNull(message, "message");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  /**
   * A problem in a cell of a tabular file.
   *
   * @param line the 1-based physical line where the row starts, or 0 when unknown
   * @param column the column's header name, or {@code ""} when the problem concerns the whole row
   * @param message what is wrong, naming no respondent id and no answer given
   * @param detail what is wrong, in full
   * @return the problem
   */
  public static Problem ofCell(long line, String column, String message, String detail) {
    return new Problem(line, column, "", message, detail);
  }

  /**
   * A problem in a cell of a tabular file whose message contains no data value.
   *
   * @param line the 1-based physical line where the row starts, or 0 when unknown
   * @param column the column's header name, or {@code ""} when the problem concerns the whole row
   * @param message what is wrong
   * @return the problem
   */
  public static Problem ofCell(long line, String column, String message) {
    return new Problem(line, column, "", message, message);
  }

  /**
   * A problem at a path of a structured document (an instrument).
   *
   * @param path the path, such as {@code questions[3].dimension}, or {@code ""} for the whole document
   * @param message what is wrong
   * @return the problem
   */
  public static Problem ofPath(String path, String message) {
    return new Problem(0, "", path, message, message);
  }

  /**
   * A problem at a character position of a text document (malformed JSON).
   *
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based character column, or 0 when unknown
   * @param path the path where the parser was, or {@code ""}
   * @param message what is wrong
   * @return the problem
   */
  public static Problem ofPosition(long line, long column, String path, String message) {
    return new Problem(line, column > 0 ? Long.toString(column) : "", path, message, message);
  }

  /**
   * Returns the 1-based physical line, or 0 when the problem has no line.
   *
   * @return the line
   */
  public long line() {
    return line;
  }

  /**
   * Returns the column: a header name in a tabular file, a character column in a text document, or
   * {@code ""} when there is none.
   *
   * @return the column
   */
  public String column() {
    return column;
  }

  /**
   * Returns the path inside a structured document, or {@code ""} when there is none.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * Returns what is wrong, without any respondent id or answer given, so that it may be published.
   *
   * @return the message
   */
  public String message() {
    return message;
  }

  /**
   * Returns what is wrong, in full (it may quote the offending value).
   *
   * @return the detailed message
   */
  public String detail() {
    return detail;
  }

  /**
   * Returns this problem with another line, keeping everything else.
   *
   * @param newLine the 1-based line, or 0 when unknown
   * @return the problem at that line
   */
  public Problem withLine(long newLine) {
    return new Problem(newLine, column, path, message, detail);
  }

  /**
   * Returns the location alone, such as {@code line 22, column q1} or {@code questions[3].dimension}.
   *
   * @return the location, or {@code ""} when the problem concerns the whole input
   */
  public String location() {
    StringBuilder b = new StringBuilder();
    if (line > 0) {
      b.append("line ").append(line);
    }
    if (!column.isEmpty()) {
      b.append(b.length() > 0 ? ", " : "").append("column ").append(column);
    }
    if (!path.isEmpty()) {
      b.append(b.length() > 0 ? ", " : "").append(path);
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem p
        && line == p.line
        && column.equals(p.column)
        && path.equals(p.path)
        && message.equals(p.message)
        && detail.equals(p.detail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(line, column, path, message, detail);
  }

  /** Returns the location and the detailed message, e.g. {@code line 22, column q1: answer 7 is …}. */
  @Override
  public String toString() {
    String location = location();
    return location.isEmpty() ? detail : location + ": " + detail;
  }
}

package dev.belonging.core.io;

import dev.belonging.core.model.Problem;
import java.util.List;

/**
 * A row of a responses file that was not imported, with all of its problems.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param line the 1-based physical line where the row starts (a row whose quoted cells span several lines
 *     reports its first line)
 * @param problems every problem of the row, at least one; each carries its own line (the line of invalid
 *     bytes inside a multi-line row may be a later one) and column
 */
public record RejectedRow(long line, List<Problem> problems) {

  /**
   * Validates and copies the row.
   *
   * @param line the 1-based line where the row starts
   * @param problems the row's problems
   * @throws IllegalArgumentException if the line is not positive or there is no problem
   */
  public RejectedRow {
    if (line < 1) {
      throw new IllegalArgumentException("line must be positive: " + line);
    }
    problems = List.copyOf(problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a rejected row has at least one problem");
    }
  }

  /**
   * Returns a rejected row.
   *
   * @param line the 1-based physical line where the row starts
   * @param problems the row's problems, at least one
   * @return the rejected row
   * @throws IllegalArgumentException if the line is not positive or there is no problem
   */
  public static RejectedRow of(long line, List<Problem> problems) {
    return new RejectedRow(line, problems);
  }
}

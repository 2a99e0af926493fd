package dev.belonging.core.io;

import dev.belonging.core.model.Problem;
import dev.belonging.core.model.ResponseSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an import produced: the response set of the valid rows and every rejected row with its problems.
 *
 * <p>A strict import that returns has no rejected rows; with {@link ImportMode#SKIP_INVALID} the rejected
 * rows are listed in file order, so that nothing is dropped silently.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ImportResult {

  private final ResponseSet responses;
  private final List<RejectedRow> rejected;
  private final List<Problem> problems;

  private ImportResult(ResponseSet responses, List<RejectedRow> rejected) {
    this.responses = Objects.requireNonNull(responses, "responses");
    this.rejected = List.copyOf(rejected);
    List<Problem> all = new ArrayList<>();
    for (RejectedRow row : this.rejected) {
      all.addAll(row.problems());
    }
    this.problems = List.copyOf(all);
  }

  /**
   * Returns an import result.
   *
   * @param responses the valid rows
   * @param rejected the rejected rows, in file order
   * @return the result
   */
  public static ImportResult of(ResponseSet responses, List<RejectedRow> rejected) {
    return new ImportResult(responses, rejected);
  }

  /**
   * Returns the response set of the valid rows, in file order.
   *
   * @return the responses
   */
  public ResponseSet responses() {
    return responses;
  }

  /**
   * Returns the rejected rows, in file order.
   *
   * @return the rejected rows, unmodifiable, empty when every row was imported
   */
  public List<RejectedRow> rejected() {
    return rejected;
  }

  /**
   * Returns the problems of all rejected rows, one after another: a row with two problems contributes two
   * entries with the same line.
   *
   * @return the problems, unmodifiable
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * Returns whether every row of the file was imported.
   *
   * @return true when no row was rejected
   */
  public boolean isComplete() {
    return rejected.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImportResult r && responses.equals(r.responses) && rejected.equals(r.rejected);
  }

  @Override
  public int hashCode() {
    return Objects.hash(responses, rejected);
  }

  @Override
  public String toString() {
    return "ImportResult[" + responses.size() + " respondents, " + rejected.size() + " rejected rows]";
  }
}

package dev.belonging.core.model;

import java.util.List;

/**
 * The root of the library's exceptions: an input that cannot be used, with every {@link Problem} found.
 *
 * <p>The message lists at most {@value #MAX_LISTED} problems, then how many more there are; {@link
 * #problems()} has them all. Instances are immutable.
 */
public abstract class BelongingException extends RuntimeException {

  /** The number of problems the exception message lists before it only counts the rest. */
  public static final int MAX_LISTED = 50;

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * Creates an exception for the given problems.
   *
   * @param summary what could not be done, e.g. {@code "invalid responses in survey.csv"}
   * @param problems every problem found, at least one
   */
  protected BelongingException(String summary, List<Problem> problems) {
    super(format(summary, problems));
    this.problems = List.copyOf(problems);
    if (this.problems.isEmpty()) {
      throw new IllegalArgumentException("an exception needs at least one problem");
    }
  }

  /**
   * Returns every problem found, in the order found.
   *
   * @return the problems, unmodifiable and never empty
   */
  public List<Problem> problems() {
    return problems;
  }

  private static String format(String summary, List<Problem> problems) {
    StringBuilder b = new StringBuilder(summary);
    int n = problems.size();
    b.append(" (").append(n).append(n == 1 ? " problem)" : " problems)").append(':');
    for (int i = 0; i < Math.min(n, MAX_LISTED); i++) {
      b.append(System.lineSeparator()).append("  ").append(problems.get(i));
    }
    if (n > MAX_LISTED) {
      b.append(System.lineSeparator()).append("  … and ").append(n - MAX_LISTED).append(" more");
    }
    return b.toString();
  }
}

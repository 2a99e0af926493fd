package dev.belonging.core.model;

import java.util.List;

/** Responses that cannot be imported, with every problem found, each with its line and column. */
public final class InvalidResponsesException extends BelongingException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param summary what could not be done
   * @param problems every problem found, at least one
   */
  public InvalidResponsesException(String summary, List<Problem> problems) {
    super(summary, problems);
  }
}

package dev.belonging.core.model;

import java.util.List;

/** An instrument definition that is malformed or inconsistent, with every problem found and its path. */
public final class InvalidInstrumentException extends BelongingException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param summary what could not be done
   * @param problems every problem found, at least one
   */
  public InvalidInstrumentException(String summary, List<Problem> problems) {
    super(summary, problems);
  }
}

package dev.belonging.core.io;

/** Whether every question of the instrument must have a column in a responses file. */
public enum QuestionColumns {
  /** A question column missing from the header rejects the file (the default, for a single wave). */
  REQUIRED,
  /**
   * A question column missing from the header is allowed: the question is declared
   * {@linkplain dev.belonging.core.model.ResponseSet#absentQuestions() absent} and all its answers are
   * missing. For waves of a trend, where a question may have been added or dropped between waves.
   */
  OPTIONAL
}

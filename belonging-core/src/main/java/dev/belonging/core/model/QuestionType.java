package dev.belonging.core.model;

/** What kind of answer a question takes. */
public enum QuestionType {
  /** An answer on a {@link Scale}, scored in the question's dimension. */
  RATING,
  /** Free text: no scale, no dimension, never scored; kept as text and shown only under the comment rules. */
  COMMENT
}

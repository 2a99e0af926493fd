package dev.belonging.scoring.privacy;

import java.util.Objects;

/**
 * A kind of published figure, audited on its own: the headcount, a dimension's score sums, a dimension's
 * favorable and answered counts, a question's answer counts, or a comment question's texts.
 *
 * <p>Each kind has its own contributors — the respondents whose answers enter it — and so its own atoms'
 * counts: every member for the headcount; members with a score for {@link Kind#SCORES} (count, mean, SD,
 * index: sums over scores); members with at least one answer for {@link Kind#ANSWERS} (favorable share, net
 * score: sums over answers, also of members without a score); members who answered for {@link
 * Kind#QUESTION}; members who wrote a comment for {@link Kind#COMMENTS}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param kind the kind
 * @param id the dimension or question id; empty for the headcount
 */
public record Figure(Kind kind, String id) {

  private static final Figure HEADCOUNT = new Figure(Kind.HEADCOUNT, "");

  /** The kinds of figure. */
  public enum Kind {
    /** Segment sizes; contributors: every member. */
    HEADCOUNT,
    /** A dimension's score count and sums; contributors: members with a score. */
    SCORES,
    /** A dimension's favorable, unfavorable and answered counts; contributors: members with an answer. */
    ANSWERS,
    /** A rating question's answer counts; contributors: members who answered it. */
    QUESTION,
    /** A comment question's texts; contributors: members who wrote one. */
    COMMENTS
  }

  /**
   * Validates the components.
   *
   * @param kind the kind
   * @param id the id, empty exactly for the headcount
   */
  public Figure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if ((kind == Kind.HEADCOUNT) != id.isEmpty()) {
      throw new IllegalArgumentException(kind == Kind.HEADCOUNT
          ? "the headcount has no id: \"" + id + "\""
          : "a " + kind + " figure names its dimension or question");
    }
  }

  /**
   * Returns the headcount figure.
   *
   * @return the headcount
   */
  public static Figure headcount() {
    return HEADCOUNT;
  }

  /**
   * Returns a dimension's score figure.
   *
   * @param dimensionId the dimension id
   * @return the figure
   */
  public static Figure scores(String dimensionId) {
    return new Figure(Kind.SCORES, dimensionId);
  }

  /**
   * Returns a dimension's answer-count figure (favorable share, net score).
   *
   * @param dimensionId the dimension id
   * @return the figure
   */
  public static Figure answers(String dimensionId) {
    return new Figure(Kind.ANSWERS, dimensionId);
  }

  /**
   * Returns a rating question's figure.
   *
   * @param questionId the question id
   * @return the figure
   */
  public static Figure question(String questionId) {
    return new Figure(Kind.QUESTION, questionId);
  }

  /**
   * Returns a comment question's figure.
   *
   * @param questionId the comment question's id
   * @return the figure
   */
  public static Figure comments(String questionId) {
    return new Figure(Kind.COMMENTS, questionId);
  }

  /**
   * Returns a description for people, e.g. {@code scores of dimension "seen"}.
   *
   * @return the description
   */
  public String describe() {
    return switch (kind) {
      case HEADCOUNT -> "respondents";
      case SCORES -> "scores of dimension \"" + id + "\"";
      case ANSWERS -> "answers to dimension \"" + id + "\"";
      case QUESTION -> "answers to question \"" + id + "\"";
      case COMMENTS -> "comments to question \"" + id + "\"";
    };
  }

  @Override
  public String toString() {
    return describe();
  }
}

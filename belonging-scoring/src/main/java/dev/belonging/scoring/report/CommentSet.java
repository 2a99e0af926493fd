package dev.belonging.scoring.report;

import dev.belonging.scoring.Segment;
import java.util.List;
import java.util.Objects;

/**
 * The comments of a shown segment to one comment question, sorted by text so that their order says nothing
 * about the order of the responses. Present only when the segment has at least the policy's comment
 * threshold of commenters.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param segment the segment
 * @param question the comment question's id
 * @param texts the comments, sorted
 */
public record CommentSet(Segment segment, String question, List<String> texts) {

  /**
   * Validates and copies the components.
   *
   * @param segment the segment
   * @param question the question id
   * @param texts the texts
   */
  public CommentSet {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(question, "question");
    texts = List.copyOf(texts);
  }
}

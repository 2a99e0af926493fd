package dev.belonging.scoring.report;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.internal.ArrayMap;
import java.util.Map;
import java.util.Objects;

/**
 * A segment whose numbers are shown. A dimension or question with fewer than k contributors inside it is
 * omitted from its map.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param segment the segment
 * @param respondents its members
 * @param dimensions dimension id → numbers, in instrument order, shown dimensions only
 * @param questions question id → numbers, in instrument order, shown questions only
 */
public record ShownSegment(Segment segment, long respondents, Map<String, DimensionResult> dimensions,
    Map<String, QuestionResult> questions) implements SegmentResult {

  /**
   * Validates and copies the components.
   *
   * @param segment the segment
   * @param respondents the member count
   * @param dimensions the dimensions
   * @param questions the questions
   * @throws NullPointerException if the segment, an id or a result is null
   */
  public ShownSegment {
    Objects.requireNonNull(segment, "segment");
    dimensions = ArrayMap.copyOf(dimensions);
    questions = ArrayMap.copyOf(questions);
  }

  @Override
  public boolean isSuppressed() {
    return false;
  }
}

package dev.belonging.scoring.report;

import dev.belonging.scoring.Segment;
import java.util.Collections;
import java.util.LinkedHashMap;
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
   */
  public ShownSegment {
    Objects.requireNonNull(segment, "segment");
    dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    questions = Collections.unmodifiableMap(new LinkedHashMap<>(questions));
  }

  @Override
  public boolean isSuppressed() {
    return false;
  }
}

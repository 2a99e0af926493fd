package dev.belonging.scoring.report;

import dev.belonging.scoring.Segment;

/**
 * A segment of a report: either {@link ShownSegment} with its numbers or {@link SuppressedSegment} with only
 * the reason. A suppressed segment carries no count and no statistic, so a caller cannot read a hidden
 * number by accident.
 */
public sealed interface SegmentResult permits ShownSegment, SuppressedSegment {

  /**
   * Returns the segment.
   *
   * @return the segment
   */
  Segment segment();

  /**
   * Returns whether the segment is suppressed.
   *
   * @return true for a {@link SuppressedSegment}
   */
  boolean isSuppressed();
}

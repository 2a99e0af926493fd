package dev.belonging.scoring.report;

import dev.belonging.scoring.Segment;
import java.util.Objects;

/**
 * A segment that is not shown, with only the reason.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param segment the segment
 * @param reasonCode why it is suppressed
 * @param reason the sentence shown to readers
 */
public record SuppressedSegment(Segment segment, SuppressionReason reasonCode, String reason)
    implements SegmentResult {

  /**
   * Validates the components.
   *
   * @param segment the segment
   * @param reasonCode the reason code
   * @param reason the reason
   */
  public SuppressedSegment {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public boolean isSuppressed() {
    return true;
  }
}

package dev.belonging.scoring.privacy;

/**
 * The anonymity promise a report keeps: no group of fewer than {@code k} ({@linkplain #minGroupSize()
 * minimum group size}) respondents is shown or derivable, and comments are shown only for groups of at
 * least the {@linkplain #commentThreshold() comment threshold} commenters.
 *
 * <p>Defaults: k = {@value #DEFAULT_MIN_GROUP_SIZE}, comment threshold {@value #DEFAULT_COMMENT_THRESHOLD}.
 * Rules: {@code k >= 2}; the comment threshold is at least k.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AnonymityPolicy {

  /** The default minimum group size k. */
  public static final int DEFAULT_MIN_GROUP_SIZE = 5;
  /** The default comment threshold. */
  public static final int DEFAULT_COMMENT_THRESHOLD = 10;

  private static final AnonymityPolicy DEFAULTS =
      new AnonymityPolicy(DEFAULT_MIN_GROUP_SIZE, DEFAULT_COMMENT_THRESHOLD);

  private final int minGroupSize;
  private final int commentThreshold;

  private AnonymityPolicy(int minGroupSize, int commentThreshold) {
    if (minGroupSize < 2) {
      throw new IllegalArgumentException("the minimum group size k must be at least 2: " + minGroupSize);
    }
    if (commentThreshold < minGroupSize) {
      throw new IllegalArgumentException("the comment threshold " + commentThreshold
          + " must be at least the minimum group size " + minGroupSize);
    }
    this.minGroupSize = minGroupSize;
    this.commentThreshold = commentThreshold;
  }

  /**
   * Returns the default policy: k = 5, comment threshold 10.
   *
   * @return the policy
   */
  public static AnonymityPolicy withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another minimum group size; the comment threshold is raised to it if lower.
   *
   * @param k the minimum group size, at least 2
   * @return the policy
   * @throws IllegalArgumentException if {@code k < 2}
   */
  public AnonymityPolicy withMinGroupSize(int k) {
    return new AnonymityPolicy(k, Math.max(commentThreshold, k));
  }

  /**
   * Returns a copy with another comment threshold.
   *
   * @param threshold the fewest commenters whose comments may be shown, at least k
   * @return the policy
   * @throws IllegalArgumentException if the threshold is below k
   */
  public AnonymityPolicy withCommentThreshold(int threshold) {
    return new AnonymityPolicy(minGroupSize, threshold);
  }

  /**
   * Returns the minimum group size k.
   *
   * @return k
   */
  public int minGroupSize() {
    return minGroupSize;
  }

  /**
   * Returns the comment threshold.
   *
   * @return the fewest commenters whose comments may be shown
   */
  public int commentThreshold() {
    return commentThreshold;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnonymityPolicy p
        && minGroupSize == p.minGroupSize
        && commentThreshold == p.commentThreshold;
  }

  @Override
  public int hashCode() {
    return 31 * minGroupSize + commentThreshold;
  }

  @Override
  public String toString() {
    return "AnonymityPolicy[k=" + minGroupSize + ", commentThreshold=" + commentThreshold + "]";
  }
}

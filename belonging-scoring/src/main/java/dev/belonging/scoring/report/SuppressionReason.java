package dev.belonging.scoring.report;

/** Why a segment is not shown. */
public enum SuppressionReason {

  /** The segment has fewer than k respondents (primary suppression). */
  BELOW_K("below-k"),

  /** Showing the segment would let a smaller group be derived (secondary, complementary suppression). */
  COMPLEMENTARY("complementary");

  private final String code;

  SuppressionReason(String code) {
    this.code = code;
  }

  /**
   * Returns the code used in reports ({@code below-k}, {@code complementary}).
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * Returns the sentence shown to readers.
   *
   * @param k the minimum group size
   * @return the reason, e.g. {@code fewer than 5 respondents}
   */
  public String describe(int k) {
    return switch (this) {
      case BELOW_K -> "fewer than " + k + " respondents";
      case COMPLEMENTARY -> "suppressed to protect a smaller group";
    };
  }
}

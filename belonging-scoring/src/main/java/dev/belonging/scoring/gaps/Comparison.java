package dev.belonging.scoring.gaps;

/**
 * What a shown segment is compared with.
 *
 * <p>A segment is part of the population, so a two-sample test of a segment against the whole population is
 * not offered: its two samples would share members.
 */
public enum Comparison {

  /** Every other respondent of the population: the population's statistics minus the segment's. */
  REST_OF_POPULATION("rest"),

  /**
   * A named reference segment disjoint from the compared segment (the two differ in the value of at least one
   * attribute they both name), e.g. every team against {@code team=T1}.
   */
  REFERENCE_SEGMENT("segment");

  private final String code;

  Comparison(String code) {
    this.code = code;
  }

  /**
   * Returns the code used in the report's JSON, {@code rest} or {@code segment}.
   *
   * @return the code
   */
  public String code() {
    return code;
  }
}

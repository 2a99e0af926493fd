package dev.belonging.scoring.gaps;

/** The unit of a gap's difference, so that renderings can say it in words. */
public enum DifferenceUnit {

  /** Points of the dimension's scale, e.g. a difference of mean scores on a 1–5 scale. */
  SCORE_POINTS,

  /** A difference of two shares in [0, 1], shown to people as percentage points. */
  SHARE
}

package dev.belonging.examples.html;

/**
 * The report's colours. Differences from the population use ColorBrewer's 7-class RdBu diverging scheme
 * (Brewer, colorbrewer2.org: marked safe for colour-blind readers and for print): red below the
 * population, blue above, near-white about the same. Text on a colour is the darker ink or white, whichever
 * contrasts more, and every pair the report uses reaches WCAG 2 AA (4.5:1).
 *
 * <p>This class is immutable and thread-safe.
 */
final class Palette {

  /** Body text. */
  static final String INK = "#1a1a1a";

  /** Secondary text; 7.5:1 on white. */
  static final String MUTED = "#4d4d4d";

  /** The page. */
  static final String PAPER = "#ffffff";

  /** White text for dark fills. */
  static final String WHITE = "#ffffff";

  /** Lines of the hatching of hidden cells. */
  static final String HATCH = "#8c8c8c";

  /** Background of hidden cells. */
  static final String HIDDEN = "#f0f0f0";

  /** A cell whose statistic is undefined. */
  static final String UNDEFINED = "#e0e0e0";

  /** Unfavorable answers (the low end of the diverging scheme). */
  static final String UNFAVORABLE = "#b2182b";

  /** Neutral answers. */
  static final String NEUTRAL = "#d4d4d4";

  /** Favorable answers (the high end of the diverging scheme). */
  static final String FAVORABLE = "#2166ac";

  /** RdBu, 7 classes, from much lower to much higher. */
  static final String[] DIVERGING = {"#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf",
      "#2166ac"};

  /** The width of one class of the diverging scale, in index points (0–100 scale). */
  static final double STEP = 5;

  private Palette() {}

  /**
   * Returns the class of a difference from the population: 0 (much lower) to 6 (much higher), 3 when
   * within half a step.
   *
   * @param points the difference in points of a 0–100 scale
   * @return the class index into {@link #DIVERGING}
   */
  static int bin(double points) {
    long steps = (long) Math.floor(Math.abs(points) / STEP + 0.5);
    int signed = (int) Math.min(3, steps) * (points < 0 ? -1 : 1);
    return 3 + signed;
  }

  /**
   * Returns the text colour for a background: {@link #INK} or {@link #WHITE}, whichever contrasts more.
   *
   * @param background a {@code #rrggbb} colour
   * @return the text colour
   */
  static String textOn(String background) {
    return contrast(INK, background) >= contrast(WHITE, background) ? INK : WHITE;
  }

  /**
   * Returns the WCAG 2 contrast ratio of two colours, {@code (L1 + 0.05) / (L2 + 0.05)} with L1 the lighter
   * relative luminance.
   *
   * @param a a {@code #rrggbb} colour
   * @param b another
   * @return the ratio, 1 to 21
   */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /**
   * Returns the WCAG 2 relative luminance of a colour.
   *
   * @param hex a {@code #rrggbb} colour
   * @return the luminance, 0 to 1
   */
  static double luminance(String hex) {
    if (hex.length() != 7 || hex.charAt(0) != '#') {
      throw new IllegalArgumentException("not a #rrggbb colour: " + hex);
    }
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xFF) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}

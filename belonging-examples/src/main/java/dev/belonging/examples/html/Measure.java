package dev.belonging.examples.html;

import dev.belonging.core.model.Scale;

/**
 * The number a chart shows per segment and dimension, with how to write it and how to compare it with the
 * population on a common 0–100 footing (so that one colour scale serves every measure).
 */
enum Measure {

  /** The 0–100 index; differences are in index points. */
  INDEX("index", "Belonging index", "0\u2013100", "points"),

  /** The favorable share; differences are in percentage points. */
  FAVORABLE("favorable", "Favorable answers", "% of answers", "percentage points"),

  /** The mean score; differences are compared as a share of the scale's range. */
  MEAN("mean", "Mean score", "on the answer scale", "scale points");

  private final String statistic;
  private final String title;
  private final String range;
  private final String units;

  Measure(String statistic, String title, String range, String units) {
    this.statistic = statistic;
    this.title = title;
    this.range = range;
    this.units = units;
  }

  /** Returns the statistic's name in the report. */
  String statistic() {
    return statistic;
  }

  /** Returns the title, e.g. {@code Belonging index}. */
  String title() {
    return title;
  }

  /** Returns the range, e.g. {@code 0–100}. */
  String range() {
    return range;
  }

  /** Returns the unit of a difference, e.g. {@code points}. */
  String units() {
    return units;
  }

  /** Writes a value for people. */
  String format(double value) {
    return switch (this) {
      case INDEX -> Numbers.fixed(value, 0);
      case FAVORABLE -> Numbers.percent(value);
      case MEAN -> Numbers.fixed(value, 2);
    };
  }

  /**
   * Writes a value's difference from a reference for people, e.g. {@code +8} or {@code −0.25}: the difference
   * of the two values as written, so that a reader who subtracts them gets the same number.
   */
  String formatDifference(double value, double reference) {
    return switch (this) {
      case INDEX -> Numbers.signed(written(value, 0) - written(reference, 0), 0);
      case FAVORABLE -> Numbers.signed(written(value * 100, 0) - written(reference * 100, 0), 0);
      case MEAN -> Numbers.signed(written(value, 2) - written(reference, 2), 2);
    };
  }

  /** Returns a value as {@link Numbers#fixed(double, int)} writes it. */
  private static double written(double value, int decimals) {
    return Double.parseDouble(Numbers.fixed(value, decimals).replace('\u2212', '-'));
  }

  /** Returns a difference on a 0–100 footing, for the colour scale. */
  double points(double difference, Scale scale) {
    return switch (this) {
      case INDEX -> difference;
      case FAVORABLE -> difference * 100;
      case MEAN -> difference * 100 / (scale.max() - scale.min());
    };
  }
}

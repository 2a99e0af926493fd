package dev.belonging.scoring.trend;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import java.util.Objects;

/**
 * The change of a shown segment's mean dimension score from one wave to a later one (CONTRACTS §5 "Change
 * between waves"): {@code difference = mean(to) − mean(from)} over the two waves' respondent scores, which
 * are independent samples; Welch's two-sided t-test ({@code pValue}) and 95 % Welch–Satterthwaite confidence
 * interval ({@code ciLow}, {@code ciHigh}), as {@link dev.belonging.scoring.gaps.WelchGap} computes them
 * (R's {@code t.test(to, from)}); {@code qValue} is Benjamini–Hochberg over every change of the report.
 * Undefined parts carry their reason (a wave with one score, neither wave varying).
 *
 * <p>A change is published only where both waves show the segment and the dimension. When a question of
 * the dimension is missing from either wave, both waves' scores are computed from the questions they share
 * and {@code note} says so; otherwise the note is empty.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param segment the segment
 * @param dimension the dimension id
 * @param from the earlier wave's label
 * @param to the later wave's label
 * @param difference {@code mean(to) − mean(from)}
 * @param ciLow the lower end of the 95 % confidence interval of the difference
 * @param ciHigh the upper end of the 95 % confidence interval of the difference
 * @param pValue the two-sided p-value of Welch's test
 * @param qValue the Benjamini–Hochberg q-value over every change of the report
 * @param note why the change is computed from fewer questions than the dimension has, or {@code ""}
 */
public record Change(Segment segment, String dimension, String from, String to, Statistic difference,
    Statistic ciLow, Statistic ciHigh, Statistic pValue, Statistic qValue, String note) {

  /**
   * Validates the components.
   *
   * @param segment the segment
   * @param dimension the dimension id
   * @param from the earlier wave
   * @param to the later wave
   * @param difference the difference
   * @param ciLow the lower confidence bound
   * @param ciHigh the upper confidence bound
   * @param pValue the p-value
   * @param qValue the q-value
   * @param note the note, {@code ""} for none
   */
  public Change {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(ciLow, "ciLow");
    Objects.requireNonNull(ciHigh, "ciHigh");
    Objects.requireNonNull(pValue, "pValue");
    Objects.requireNonNull(qValue, "qValue");
    Objects.requireNonNull(note, "note");
  }

  /**
   * Returns a copy with a q-value.
   *
   * @param newQValue the q-value
   * @return the change
   */
  public Change withQValue(Statistic newQValue) {
    return new Change(segment, dimension, from, to, difference, ciLow, ciHigh, pValue, newQValue, note);
  }
}

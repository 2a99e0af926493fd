package dev.belonging.scoring.gaps;

import dev.belonging.scoring.Statistic;
import java.util.Objects;

/**
 * What a {@link GapDetector} finds when it compares a group with another: the difference (group minus
 * comparison), the effect size, the 95 % confidence interval of the difference and the two-sided p-value.
 * Each part may be undefined with a reason (a test of two groups without variance has no p-value).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param difference the group's value minus the comparison's, in the detector's {@link DifferenceUnit}
 * @param effectSize the standardised effect, of the detector's effect-size type
 * @param ciLow the lower end of the 95 % confidence interval of the difference
 * @param ciHigh the upper end of the 95 % confidence interval of the difference
 * @param pValue the two-sided p-value of the test of no difference, in [0, 1]
 */
public record GapEstimate(Statistic difference, Statistic effectSize, Statistic ciLow, Statistic ciHigh,
    Statistic pValue) {

  /**
   * Validates the components.
   *
   * @param difference the difference
   * @param effectSize the effect size
   * @param ciLow the lower confidence bound
   * @param ciHigh the upper confidence bound
   * @param pValue the p-value
   * @throws IllegalArgumentException if the p-value lies outside [0, 1] or {@code ciLow > ciHigh}
   */
  public GapEstimate {
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(effectSize, "effectSize");
    Objects.requireNonNull(ciLow, "ciLow");
    Objects.requireNonNull(ciHigh, "ciHigh");
    Objects.requireNonNull(pValue, "pValue");
    if (pValue.isDefined() && !(pValue.value() >= 0 && pValue.value() <= 1)) {
      throw new IllegalArgumentException("a p-value lies in [0, 1]: " + pValue.value());
    }
    if (ciLow.isDefined() && ciHigh.isDefined() && ciLow.value() > ciHigh.value()) {
      throw new IllegalArgumentException("the confidence interval's lower end " + ciLow.value()
          + " is above its upper end " + ciHigh.value());
    }
  }

  /**
   * Returns an estimate with nothing defined, every part for the same reason.
   *
   * @param reason why, e.g. {@code "no scores in the segment"}
   * @return the estimate
   */
  public static GapEstimate undefined(String reason) {
    Statistic u = Statistic.undefined(reason);
    return new GapEstimate(u, u, u, u, u);
  }
}

package dev.belonging.scoring.trend;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The difference-in-differences estimate of an intervention's effect on one dimension (CONTRACTS §5).
 *
 * <p><b>The model.</b> Over the respondent scores of every wave, the ordinary least squares fit of
 * {@code score ~ treated + factor(wave) + treated:after}, where {@code treated} is 1 for members of the
 * treated segment, {@code factor(wave)} has one indicator per wave but the first, and {@code after} is 1 in
 * the waves from the intervention's first wave on. {@code estimate} is the coefficient of
 * {@code treated:after}; {@code standardError} its classical standard error
 * {@code sqrt(σ² · ((XᵀX)⁻¹)_{jj})} with {@code σ² = RSS / (n − p)}, {@code p = W + 2} coefficients for
 * {@code W} waves; a two-sided t-test and the 95 % interval {@code estimate ∓ t_{0.975, n−p} · se} with
 * {@code degreesOfFreedom = n − p}. With two waves this is {@code score ~ treated * after} and the estimate
 * is {@code (mean(T, after) − mean(T, before)) − (mean(C, after) − mean(C, before))}, {@code df = n − 4}:
 * R's {@code summary(lm(score ~ treated * after))}.
 *
 * <p><b>What it assumes.</b> Parallel trends: without the intervention the treated group's mean would have
 * moved as the control group's did. No spill-over: the intervention did not change the control group (a
 * pilot team's practices spreading to its neighbours biases the estimate towards zero). Stable groups:
 * the treated and control groups are the same kinds of people in every wave. The standard error treats
 * respondents as independent, but a treated team is one cluster whose members share a manager and a week:
 * the estimate's own p-value overstates the evidence. Hence the placebo check: the same estimate for every
 * other value of the treated attribute with at least k scores in every wave ({@link #placebos()}), and the
 * treated estimate's rank by absolute size among the treated and the placebos ({@link #placeboRank()}, 1 =
 * the largest). A rank of 1 among 20 is evidence no t-test of one cluster can give.
 *
 * <p>Undefined parts carry their reason (no residual variance).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param treated the treated segment
 * @param after the label of the first wave after the intervention began
 * @param dimension the dimension id
 * @param estimate the coefficient of {@code treated:after}, in score points
 * @param standardError its classical standard error
 * @param ciLow the lower end of its 95 % confidence interval
 * @param ciHigh the upper end of its 95 % confidence interval
 * @param pValue the two-sided p-value of the t-test of no effect
 * @param degreesOfFreedom {@code n − p}
 * @param placebos the placebo estimates, by segment label; empty when the treated attribute is no one-attribute
 *     breakdown of the analysis
 * @param placeboRank the rank of |estimate| among the treated and placebo estimates, 1 = largest; empty
 *     without placebos
 * @param note why the estimate is computed from fewer questions than the dimension has, or {@code ""}
 */
public record InterventionEstimate(Segment treated, String after, String dimension, Statistic estimate,
    Statistic standardError, Statistic ciLow, Statistic ciHigh, Statistic pValue, long degreesOfFreedom,
    List<Placebo> placebos, OptionalInt placeboRank, String note) implements InterventionResult {

  /**
   * Validates and copies the components.
   *
   * @param treated the treated segment
   * @param after the wave label
   * @param dimension the dimension id
   * @param estimate the estimate
   * @param standardError the standard error
   * @param ciLow the lower confidence bound
   * @param ciHigh the upper confidence bound
   * @param pValue the p-value
   * @param degreesOfFreedom the degrees of freedom, at least 1
   * @param placebos the placebos
   * @param placeboRank the rank
   * @param note the note
   */
  public InterventionEstimate {
    Objects.requireNonNull(treated, "treated");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(estimate, "estimate");
    Objects.requireNonNull(standardError, "standardError");
    Objects.requireNonNull(ciLow, "ciLow");
    Objects.requireNonNull(ciHigh, "ciHigh");
    Objects.requireNonNull(pValue, "pValue");
    if (degreesOfFreedom < 1) {
      throw new IllegalArgumentException("degrees of freedom are at least 1: " + degreesOfFreedom);
    }
    placebos = List.copyOf(placebos);
    Objects.requireNonNull(placeboRank, "placeboRank");
    Objects.requireNonNull(note, "note");
  }

  /** Returns {@code false}. */
  @Override
  public boolean isSuppressed() {
    return false;
  }
}

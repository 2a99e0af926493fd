package dev.belonging.scoring.trend;

import dev.belonging.core.model.Instrument;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.Report;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a {@link TrendAnalysis}: each wave's guarded {@link Report}, oldest first, the questions
 * missing from a wave's file, the changes between waves and, when a treatment was given, the intervention's
 * estimate per dimension. Everything in it has passed the anonymity policy.
 *
 * <p>JSON: {@link TrendJson} (CONTRACTS §4, the trend report); text: {@link TrendText}; tidy CSV:
 * {@link TrendCsv}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TrendReport {

  private final Instrument instrument;
  private final AnonymityPolicy policy;
  private final List<Breakdown> breakdowns;
  private final List<Report> waves;
  private final List<MissingQuestion> missingQuestions;
  private final List<Change> changes;
  private final Treatment treatment;
  private final List<InterventionResult> interventions;
  private final boolean workBoundReached;

  TrendReport(Instrument instrument, AnonymityPolicy policy, List<Breakdown> breakdowns, List<Report> waves,
      List<MissingQuestion> missingQuestions, List<Change> changes, Treatment treatment,
      List<InterventionResult> interventions, boolean workBoundReached) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.breakdowns = List.copyOf(breakdowns);
    this.waves = List.copyOf(waves);
    this.missingQuestions = List.copyOf(missingQuestions);
    this.changes = List.copyOf(changes);
    this.treatment = treatment;
    this.interventions = List.copyOf(interventions);
    this.workBoundReached = workBoundReached;
  }

  /**
   * Returns the instrument.
   *
   * @return the instrument
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * Returns the anonymity policy every wave's report and every estimate keeps.
   *
   * @return the policy
   */
  public AnonymityPolicy policy() {
    return policy;
  }

  /**
   * Returns the breakdowns.
   *
   * @return the breakdowns
   */
  public List<Breakdown> breakdowns() {
    return breakdowns;
  }

  /**
   * Returns each wave's guarded report, oldest first ({@link Report#wave()} names the wave).
   *
   * @return the reports
   */
  public List<Report> waves() {
    return waves;
  }

  /**
   * Returns the number of respondents over every wave.
   *
   * @return the sum of the waves' headcounts
   */
  public long respondents() {
    return waves.stream().mapToLong(Report::respondents).sum();
  }

  /**
   * Returns the questions absent from a wave's file, by wave, in instrument order.
   *
   * @return the missing questions
   */
  public List<MissingQuestion> missingQuestions() {
    return missingQuestions;
  }

  /**
   * Returns the changes: for each pair of consecutive waves (and, with more than two waves, first to last),
   * every segment shown in both and every dimension both show, by pair, then segment in report order, then
   * dimension in instrument order.
   *
   * @return the changes
   */
  public List<Change> changes() {
    return changes;
  }

  /**
   * Returns the treatment evaluated.
   *
   * @return the treatment, empty when none was given
   */
  public Optional<Treatment> treatment() {
    return Optional.ofNullable(treatment);
  }

  /**
   * Returns the intervention's result per dimension, in instrument order.
   *
   * @return the results, empty without a treatment
   */
  public List<InterventionResult> interventions() {
    return interventions;
  }

  /**
   * Returns whether the guard of any report this trend was made of reached its bound on work (see
   * {@link Report#workBoundReached()}): a wave's, or one of two waves restricted to the questions they share
   * for their changes.
   *
   * @return whether the bound was reached
   */
  public boolean workBoundReached() {
    return workBoundReached;
  }

  @Override
  public String toString() {
    return "TrendReport[" + instrument.id() + ", " + waves.size() + " waves, " + changes.size() + " changes, "
        + interventions.size() + " interventions]";
  }
}

package dev.belonging.scoring;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.gaps.GapAnalysis;
import dev.belonging.scoring.gaps.GapDetector;
import dev.belonging.scoring.gaps.MultipleComparison;
import dev.belonging.scoring.internal.ArrayMap;
import dev.belonging.scoring.internal.StatisticsLayout;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.privacy.Disclosure;
import dev.belonging.scoring.privacy.DisclosureGuard;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.QuestionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import dev.belonging.scoring.report.SuppressionReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An analysis configuration: which instrument, which breakdowns, which anonymity policy, which scoring
 * strategies, which missing-answer policy, how gaps are found ({@link GapAnalysis}) and in which order each
 * breakdown's segments are listed ({@link ValueOrder}).
 * {@link #analyze(ResponseSet)} turns one wave of responses into a guarded {@link Report}, gaps included:
 * every shown segment is compared on every shown dimension, after suppression.
 *
 * <p>The analysis makes one pass over the response set's columns, computing each respondent's dimension
 * scores and adding them to the {@link SegmentStatistics} of the population and of the respondent's segment
 * in every breakdown; every published number is computed from those statistics. Suppression happens here,
 * before anything leaves, decided by the {@link DisclosureGuard}: a segment with fewer than k members, or
 * one whose numbers would let a smaller group be derived, is a {@link SuppressedSegment} with no numbers;
 * inside a shown segment a dimension, question or comment set with too few contributors, or one that would
 * let a smaller group be derived, is omitted.
 *
 * <p>This class is immutable and thread-safe: one configuration may analyse many response sets, from many
 * threads.
 */
public final class BelongingAnalysis {

  private final Instrument instrument;
  private final List<Breakdown> breakdowns;
  private final AnonymityPolicy policy;
  private final List<ScoringStrategy> strategies;
  private final MissingPolicy missingPolicy;
  private final StatisticsLayout layout;
  private final GapAnalysis gapAnalysis;
  private final ValueOrder valueOrder;
  // the names of a shown segment's maps, shared by every segment that shows them all
  private final ArrayMap.Keys statisticNames;
  private final ArrayMap.Keys dimensionIds;
  private final ArrayMap.Keys ratingQuestionIds;

  private BelongingAnalysis(Instrument instrument, List<Breakdown> breakdowns, AnonymityPolicy policy,
      List<ScoringStrategy> strategies, MissingPolicy missingPolicy, GapAnalysis gapAnalysis,
      ValueOrder valueOrder) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.breakdowns = List.copyOf(breakdowns);
    if (new HashSet<>(this.breakdowns).size() != this.breakdowns.size()) {
      throw new IllegalArgumentException("a breakdown is named twice: " + this.breakdowns);
    }
    this.policy = Objects.requireNonNull(policy, "policy");
    this.strategies = List.copyOf(strategies);
    Set<String> names = new HashSet<>(Set.of("respondents", "sd"));
    for (ScoringStrategy s : this.strategies) {
      if (s.name() == null || s.name().isBlank() || !names.add(s.name())) {
        throw new IllegalArgumentException("scoring strategy names must be unique, non-blank and not "
            + "\"respondents\" or \"sd\": \"" + s.name() + "\"");
      }
    }
    this.missingPolicy = Objects.requireNonNull(missingPolicy, "missingPolicy");
    this.layout = new StatisticsLayout(instrument, missingPolicy);
    this.gapAnalysis = Objects.requireNonNull(gapAnalysis, "gapAnalysis");
    this.valueOrder = Objects.requireNonNull(valueOrder, "valueOrder");
    List<String> statistics = new ArrayList<>(List.of("mean", "sd"));
    for (ScoringStrategy s : this.strategies) {
      if (!s.name().equals("mean")) {
        statistics.add(s.name());
      }
    }
    this.statisticNames = ArrayMap.Keys.of(statistics);
    this.dimensionIds = ArrayMap.Keys.of(instrument.dimensions().stream().map(Dimension::id).toList());
    this.ratingQuestionIds = ArrayMap.Keys.of(
        instrument.questions().stream().filter(Question::isRating).map(Question::id).toList());
  }

  /**
   * Returns the default analysis of an instrument: the population only, k = 5, mean, favorable share and
   * index, {@link MissingPolicy#AT_LEAST_HALF}, and {@link GapAnalysis#withDefaults()} (Welch versus the rest,
   * Benjamini–Hochberg, α = 0.05).
   *
   * @param instrument the instrument
   * @return the analysis
   */
  public static BelongingAnalysis withDefaults(Instrument instrument) {
    return new BelongingAnalysis(instrument, List.of(), AnonymityPolicy.withDefaults(),
        ScoringStrategy.defaults(), MissingPolicy.AT_LEAST_HALF, GapAnalysis.withDefaults(),
        ValueOrder.natural());
  }

  /**
   * Returns a copy with these breakdowns (the population is always included).
   *
   * @param newBreakdowns the breakdowns, distinct
   * @return the analysis
   */
  public BelongingAnalysis withBreakdowns(List<Breakdown> newBreakdowns) {
    return new BelongingAnalysis(instrument, newBreakdowns, policy, strategies, missingPolicy, gapAnalysis,
        valueOrder);
  }

  /**
   * Returns a copy with these breakdowns (the population is always included).
   *
   * @param newBreakdowns the breakdowns, distinct
   * @return the analysis
   */
  public BelongingAnalysis withBreakdowns(Breakdown... newBreakdowns) {
    return withBreakdowns(List.of(newBreakdowns));
  }

  /**
   * Returns a copy with another anonymity policy.
   *
   * @param newPolicy the policy
   * @return the analysis
   */
  public BelongingAnalysis withPolicy(AnonymityPolicy newPolicy) {
    return new BelongingAnalysis(instrument, breakdowns, newPolicy, strategies, missingPolicy, gapAnalysis,
        valueOrder);
  }

  /**
   * Returns a copy with other scoring strategies.
   *
   * @param newStrategies the strategies, with unique names
   * @return the analysis
   */
  public BelongingAnalysis withStrategies(List<ScoringStrategy> newStrategies) {
    return new BelongingAnalysis(instrument, breakdowns, policy, newStrategies, missingPolicy, gapAnalysis,
        valueOrder);
  }

  /**
   * Returns a copy with another missing-answer policy.
   *
   * @param newMissingPolicy the policy
   * @return the analysis
   */
  public BelongingAnalysis withMissingPolicy(MissingPolicy newMissingPolicy) {
    return new BelongingAnalysis(instrument, breakdowns, policy, strategies, newMissingPolicy, gapAnalysis,
        valueOrder);
  }

  /**
   * Returns a copy that finds gaps as configured.
   *
   * @param newGapAnalysis the detector, comparison, multiple-comparison method and α of the flagged rule
   * @return the analysis
   */
  public BelongingAnalysis withGapAnalysis(GapAnalysis newGapAnalysis) {
    return new BelongingAnalysis(instrument, breakdowns, policy, strategies, missingPolicy, newGapAnalysis,
        valueOrder);
  }

  /**
   * Returns a copy that lists each breakdown's segments in this order of their values (the default is
   * {@link ValueOrder#natural()}). Only the order of the report's lists changes: which segments are shown,
   * and every number, stay the same.
   *
   * @param newValueOrder the order
   * @return the analysis
   */
  public BelongingAnalysis withValueOrder(ValueOrder newValueOrder) {
    return new BelongingAnalysis(instrument, breakdowns, policy, strategies, missingPolicy, gapAnalysis,
        newValueOrder);
  }

  /**
   * Returns a copy with another gap detector (the default is {@link dev.belonging.scoring.gaps.WelchGap}).
   *
   * @param newDetector the detector
   * @return the analysis
   */
  public BelongingAnalysis withGapDetector(GapDetector newDetector) {
    return withGapAnalysis(gapAnalysis.withDetector(newDetector));
  }

  /**
   * Returns a copy with another multiple-comparison method for the gaps' q-values (the default is
   * {@link MultipleComparison#BENJAMINI_HOCHBERG}).
   *
   * @param newMethod the method
   * @return the analysis
   */
  public BelongingAnalysis withMultipleComparison(MultipleComparison newMethod) {
    return withGapAnalysis(gapAnalysis.withMultipleComparison(newMethod));
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
   * Returns the breakdowns.
   *
   * @return the breakdowns
   */
  public List<Breakdown> breakdowns() {
    return breakdowns;
  }

  /**
   * Returns the anonymity policy.
   *
   * @return the policy
   */
  public AnonymityPolicy policy() {
    return policy;
  }

  /**
   * Returns the scoring strategies.
   *
   * @return the strategies
   */
  public List<ScoringStrategy> strategies() {
    return strategies;
  }

  /**
   * Returns the missing-answer policy.
   *
   * @return the policy
   */
  public MissingPolicy missingPolicy() {
    return missingPolicy;
  }

  /**
   * Returns how gaps are found.
   *
   * @return the gap analysis
   */
  public GapAnalysis gapAnalysis() {
    return gapAnalysis;
  }

  /**
   * Returns the order in which each breakdown's segments are listed.
   *
   * @return the value order
   */
  public ValueOrder valueOrder() {
    return valueOrder;
  }

  /**
   * Analyses a response set.
   *
   * @param responses the responses, to this analysis's instrument
   * @return the guarded report
   * @throws IllegalArgumentException if the responses are to another instrument or lack an attribute a
   *     breakdown names (the message names it and lists the known ones)
   */
  public Report analyze(ResponseSet responses) {
    return analyze(responses, List.of());
  }

  /**
   * Analyses a response set whose import rejected some rows, listing them in the report.
   *
   * @param responses the responses, to this analysis's instrument
   * @param rejected the problems of the rejected rows (their publishable messages are reported)
   * @return the guarded report
   * @throws IllegalArgumentException if the responses are to another instrument or lack an attribute a
   *     breakdown names, or the gaps' reference segment is of no breakdown
   */
  public Report analyze(ResponseSet responses, List<Problem> rejected) {
    Objects.requireNonNull(responses, "responses");
    return newAccumulator().analyze(responses, rejected);
  }

  /**
   * Returns an empty accumulator for this analysis: add response sets to it (or to several, one per
   * partition of the respondents, then merge them) and ask it for the {@linkplain
   * AnalysisAccumulator#report report}, which equals what {@link #analyze(ResponseSet, List)} gives on all
   * the respondents at once.
   *
   * @return a new, empty accumulator
   */
  public AnalysisAccumulator newAccumulator() {
    return new AnalysisAccumulator(this);
  }

  StatisticsLayout layout() {
    return layout;
  }

  /** Returns every attribute the breakdowns name, in the order first named. */
  List<String> attributes() {
    Set<String> names = new LinkedHashSet<>();
    for (Breakdown b : breakdowns) {
      names.addAll(b.attributes());
    }
    return List.copyOf(names);
  }

  /** Builds a segment's result from its statistics, publishing only what the guard lets through. */
  SegmentResult result(Disclosure disclosure, Segment segment, SegmentStatistics stats) {
    int k = policy.minGroupSize();
    Optional<SuppressionReason> suppression = disclosure.suppression(segment);
    if (suppression.isPresent()) {
      return new SuppressedSegment(segment, suppression.get(), suppression.get().describe(k));
    }
    Set<String> dimensionsShown = disclosure.dimensions(segment);
    List<DimensionResult> dims = new ArrayList<>(dimensionsShown.size());
    Statistic[] values = new Statistic[statisticNames.size()];
    for (String id : dimensionsShown) {
      DimensionStatistics d = stats.dimension(id);
      values[0] = d.mean();
      values[1] = d.sd();
      int i = 2;
      for (ScoringStrategy s : strategies) {
        if (!s.name().equals("mean")) {
          values[i++] = Objects.requireNonNull(s.score(d), s.name());
        }
      }
      dims.add(new DimensionResult(d.scored(), ArrayMap.of(statisticNames, Arrays.asList(values))));
    }
    Set<String> questionsShown = disclosure.questions(segment);
    List<QuestionResult> questions = new ArrayList<>(questionsShown.size());
    for (String id : questionsShown) {
      QuestionStatistics qs = stats.question(id);
      questions.add(new QuestionResult(qs.answered(), qs.mean(), qs.favorable()));
    }
    return new ShownSegment(segment, stats.respondents(), ArrayMap.of(keys(dimensionIds, dimensionsShown), dims),
        ArrayMap.of(keys(ratingQuestionIds, questionsShown), questions));
  }

  /** The names of a map of these ids: the shared ones when the ids are all of them, in order. */
  private static ArrayMap.Keys keys(ArrayMap.Keys all, Set<String> ids) {
    return all.matches(ids) ? all : ArrayMap.Keys.of(ids);
  }

  /** Fails when the gaps' reference segment cannot be a segment of this analysis. */
  void requireReferenceOfABreakdown() {
    gapAnalysis.reference().ifPresent(r -> {
      if (breakdowns.stream().noneMatch(b -> Set.copyOf(b.attributes()).equals(r.attributes().keySet()))) {
        throw new IllegalArgumentException("the gaps' reference segment " + r.label()
            + " is of no breakdown of the analysis; the breakdowns are " + breakdowns);
      }
    });
  }

  /** Finds the gaps of the shown segments on their shown dimensions, after every suppression. */
  List<Gap> gaps(SegmentStatistics population,
      Map<Segment, SegmentStatistics> statistics, List<SegmentResult> segments) {
    List<GapAnalysis.Shown> shown = new ArrayList<>();
    for (SegmentResult s : segments) {
      if (s instanceof ShownSegment x) {
        shown.add(new GapAnalysis.Shown(x.segment(), statistics.get(x.segment()),
            List.copyOf(x.dimensions().keySet())));
      }
    }
    return gapAnalysis.detect(population, shown, policy.minGroupSize());
  }

  @Override
  public String toString() {
    return "BelongingAnalysis[" + instrument.id() + ", by " + breakdowns + ", " + policy + ", "
        + missingPolicy + ", " + gapAnalysis + ", " + valueOrder + "]";
  }
}

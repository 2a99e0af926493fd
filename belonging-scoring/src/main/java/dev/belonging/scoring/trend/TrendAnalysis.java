package dev.belonging.scoring.trend;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.Response;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.SegmentStatistics;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.Tabulation;
import dev.belonging.scoring.gaps.GapEstimate;
import dev.belonging.scoring.gaps.MultipleComparison;
import dev.belonging.scoring.gaps.WelchGap;
import dev.belonging.scoring.privacy.DisclosureAudit;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressionReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Change over time and intervention evaluation: analyses every wave of a {@link Survey} with one
 * {@link BelongingAnalysis} (same breakdowns, anonymity policy, strategies and missing-answer policy), then
 * publishes what changed between waves and, with a {@link Treatment}, whether the intervention worked.
 *
 * <p><b>Waves.</b> Each wave is guarded on its own, exactly as {@link BelongingAnalysis#analyze} guards one
 * report (waves are independent samples: answers are anonymous).
 *
 * <p><b>Changes</b> ({@link Change}): for each pair of consecutive waves, and first to last when there are
 * more than two, every segment and dimension shown in both waves: Welch's difference of means
 * {@code mean(later) − mean(earlier)} with its 95 % interval and p-value ({@link WelchGap}), and
 * Benjamini–Hochberg q-values over every change ({@link MultipleComparison#BENJAMINI_HOCHBERG}). A question
 * missing from either wave's file is left out of both waves' scores for that pair (as if unanswered, under
 * the same missing-answer policy), the pair's waves are analysed and guarded again on those shared questions,
 * and the change carries a note.
 *
 * <p><b>Intervention</b> ({@link InterventionEstimate}): per dimension, the difference-in-differences
 * coefficient of {@code score ~ treated + factor(wave) + treated:after} over every wave, computed on the
 * questions every wave shares. It is suppressed unless the treated and the control group (everyone else)
 * each have at least k scores in every wave, and unless the treated group's cells, audited with each wave's
 * published report by the {@link DisclosureAudit}, let no smaller group be derived. When the treated
 * attribute is a one-attribute breakdown, every other value of it with at least k scores in every wave (and
 * a control group of at least k without it and the treated value) gets the same estimate as a placebo, its
 * cells audited likewise (a placebo whose cells would leak is left out). The estimate assumes parallel
 * trends and no spill-over from the treated group to the others; see {@link InterventionEstimate}.
 *
 * <p>Not covered: the restricted re-analyses of a pair with a missing question are guarded on their own,
 * not audited together with the waves' full reports.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TrendAnalysis {

  private static final WelchGap WELCH = WelchGap.withDefaults();

  private final BelongingAnalysis analysis;
  private final Treatment treatment;

  private TrendAnalysis(BelongingAnalysis analysis, Treatment treatment) {
    this.analysis = Objects.requireNonNull(analysis, "analysis");
    this.treatment = treatment;
  }

  /**
   * Returns a trend analysis that analyses each wave as the given analysis does, without a treatment.
   *
   * @param analysis the analysis of one wave
   * @return the trend analysis
   */
  public static TrendAnalysis of(BelongingAnalysis analysis) {
    return new TrendAnalysis(analysis, null);
  }

  /**
   * Returns a copy that evaluates an intervention.
   *
   * @param newTreatment the treatment, or {@code null} for none
   * @return the trend analysis
   */
  public TrendAnalysis withTreatment(Treatment newTreatment) {
    return new TrendAnalysis(analysis, newTreatment);
  }

  /**
   * Returns the analysis of one wave.
   *
   * @return the analysis
   */
  public BelongingAnalysis analysis() {
    return analysis;
  }

  /**
   * Returns the treatment.
   *
   * @return the treatment, empty when none is evaluated
   */
  public Optional<Treatment> treatment() {
    return Optional.ofNullable(treatment);
  }

  /**
   * Checks that the treatment names an attribute every wave has, a value some wave has, and a wave of the
   * survey other than the first.
   *
   * @param survey the survey
   * @throws IllegalArgumentException with a message that names what is wrong and what exists
   */
  public void requireTreatmentOf(Survey survey) {
    if (treatment == null) {
      return;
    }
    Set<String> values = new TreeSet<>();
    for (ResponseSet set : survey.responses()) {
      if (!set.attributeNames().contains(treatment.attribute())) {
        throw new IllegalArgumentException("the treated attribute \"" + treatment.attribute()
            + "\" is not an attribute of wave " + set.wave().label() + "; its attributes are "
            + set.attributeNames());
      }
      values.addAll(set.attribute(treatment.attribute()).values());
    }
    values.remove("");
    if (!values.contains(treatment.value())) {
      throw new IllegalArgumentException("no respondent of any wave has " + treatment.attribute() + "="
          + treatment.value() + "; its values are " + values);
    }
    Optional<Integer> after = survey.indexOf(treatment.after());
    if (after.isEmpty()) {
      throw new IllegalArgumentException("no wave " + treatment.after() + "; the waves are "
          + survey.labels());
    }
    if (after.get() == 0) {
      throw new IllegalArgumentException("the intervention cannot begin with the first wave "
          + treatment.after() + ": the estimate needs a wave before it");
    }
  }

  /**
   * Analyses a survey.
   *
   * @param survey the waves, of this analysis's instrument
   * @return the guarded trend report
   * @throws IllegalArgumentException if the survey is of another instrument, a wave lacks a breakdown's
   *     attribute, or the treatment does not fit the survey ({@link #requireTreatmentOf})
   */
  public TrendReport analyze(Survey survey) {
    Objects.requireNonNull(survey, "survey");
    Instrument instrument = analysis.instrument();
    if (!survey.instrument().equals(instrument)) {
      throw new IllegalArgumentException("the survey is of instrument \"" + survey.instrument().id()
          + "\", the analysis of \"" + instrument.id() + "\"");
    }
    requireTreatmentOf(survey);
    Context context = new Context(survey);
    List<Report> reports = new ArrayList<>();
    for (int w = 0; w < survey.responses().size(); w++) {
      reports.add(context.report(w, Set.of()));
    }
    List<Change> changes = new ArrayList<>();
    int last = survey.responses().size() - 1;
    for (int w = 0; w < last; w++) {
      changes.addAll(changes(context, w, w + 1));
    }
    if (last > 1) {
      changes.addAll(changes(context, 0, last));
    }
    List<Statistic> q = MultipleComparison.BENJAMINI_HOCHBERG.adjust(
        changes.stream().map(Change::pValue).toList());
    for (int i = 0; i < changes.size(); i++) {
      changes.set(i, changes.get(i).withQValue(q.get(i)));
    }
    List<InterventionResult> interventions =
        treatment == null ? List.of() : interventions(context, reports);
    return new TrendReport(instrument, analysis.policy(), analysis.breakdowns(), reports,
        survey.missingQuestions(), changes, treatment, interventions, context.workBoundReached());
  }

  /** The changes from wave a to wave b, on the questions both share. */
  private List<Change> changes(Context context, int a, int b) {
    Set<String> shared = union(context.absent(a), context.absent(b));
    Report from = context.report(a, shared);
    Report to = context.report(b, shared);
    Tabulation ta = context.tabulation(a, shared);
    Tabulation tb = context.tabulation(b, shared);
    String fromLabel = from.wave().label();
    String toLabel = to.wave().label();
    List<Change> out = new ArrayList<>();
    for (SegmentResult s : from.segments()) {
      Optional<SegmentResult> other = to.segment(s.segment());
      if (!(s instanceof ShownSegment x) || other.isEmpty() || !(other.get() instanceof ShownSegment y)) {
        continue;
      }
      for (String d : x.dimensions().keySet()) {
        if (!y.dimensions().containsKey(d)) {
          continue;
        }
        DimensionStatistics before = ta.segment(s.segment()).orElseThrow().dimension(d);
        DimensionStatistics after = tb.segment(s.segment()).orElseThrow().dimension(d);
        GapEstimate e = WELCH.estimate(after, before);
        out.add(new Change(s.segment(), d, fromLabel, toLabel, e.difference(), e.ciLow(), e.ciHigh(),
            e.pValue(), Statistic.undefined("not adjusted yet"), note(context, d, shared, List.of(a, b))));
      }
    }
    return out;
  }

  /** Says which questions of a dimension were left out and from which waves, or {@code ""}. */
  private String note(Context context, String dimension, Set<String> leftOut, List<Integer> waves) {
    List<String> parts = new ArrayList<>();
    for (Question q : analysis.instrument().questionsOf(dimension)) {
      if (leftOut.contains(q.id())) {
        List<String> from = new ArrayList<>();
        for (int w : waves) {
          if (context.absent(w).contains(q.id())) {
            from.add(context.label(w));
          }
        }
        parts.add(q.id() + " (missing from " + String.join(", ", from) + ")");
      }
    }
    return parts.isEmpty() ? ""
        : "computed from the questions the waves share, without " + String.join(", ", parts);
  }

  private List<InterventionResult> interventions(Context context, List<Report> reports) {
    Survey survey = context.survey;
    int waves = survey.responses().size();
    int after = survey.indexOf(treatment.after()).orElseThrow();
    int k = analysis.policy().minGroupSize();
    Set<String> shared = new LinkedHashSet<>();
    List<Integer> all = new ArrayList<>();
    for (int w = 0; w < waves; w++) {
      shared.addAll(context.absent(w));
      all.add(w);
    }
    String attribute = treatment.attribute();
    Segment treated = treatment.segment();
    List<Tabulation> tabs = new ArrayList<>();
    for (int w = 0; w < waves; w++) {
      tabs.add(Tabulation.of(context.restricted(w, shared), analysis.missingPolicy(),
          List.of(Breakdown.of(attribute))));
    }
    boolean placebosWanted = analysis.breakdowns().contains(Breakdown.of(attribute));
    Set<String> values = new TreeSet<>();
    if (placebosWanted) {
      for (Tabulation t : tabs) {
        t.segments().keySet().forEach(s -> values.add(s.attributes().get(attribute)));
      }
      values.remove(treatment.value());
    }
    List<Dimension> dims = analysis.instrument().dimensions();
    // which dimensions each candidate (treated first, then placebos) is eligible for
    Map<Segment, Set<String>> eligible = new LinkedHashMap<>();
    eligible.put(treated, new LinkedHashSet<>());
    for (String v : values) {
      eligible.put(Segment.of(Map.of(attribute, v)), new LinkedHashSet<>());
    }
    Map<Segment, List<SegmentStatistics>> groups = new HashMap<>();
    Map<Segment, List<SegmentStatistics>> controls = new HashMap<>();
    for (Segment s : eligible.keySet()) {
      List<SegmentStatistics> g = new ArrayList<>();
      List<SegmentStatistics> c = new ArrayList<>();
      for (Tabulation t : tabs) {
        SegmentStatistics none = t.population().minus(t.population());
        SegmentStatistics mine = t.segment(s).orElse(none);
        SegmentStatistics control = t.population().minus(mine);
        if (!s.equals(treated)) {
          control = control.minus(t.segment(treated).orElse(none));
        }
        g.add(mine);
        c.add(control);
      }
      groups.put(s, g);
      controls.put(s, c);
      for (Dimension d : dims) {
        boolean enough = true;
        for (int w = 0; w < waves; w++) {
          enough &= g.get(w).dimension(d.id()).scored() >= k && c.get(w).dimension(d.id()).scored() >= k;
        }
        if (enough) {
          eligible.get(s).add(d.id());
        }
      }
    }
    Map<Segment, Set<String>> shown = audited(context, reports, shared, groups, eligible);

    List<InterventionResult> out = new ArrayList<>();
    for (Dimension d : dims) {
      String id = d.id();
      if (!eligible.get(treated).contains(id)) {
        out.add(new SuppressedIntervention(treated, treatment.after(), id, SuppressionReason.BELOW_K,
            "fewer than " + k + " scores in the treated or the control group of a wave"));
        continue;
      }
      if (!shown.containsKey(treated)) {
        out.add(new SuppressedIntervention(treated, treatment.after(), id, SuppressionReason.COMPLEMENTARY,
            "suppressed to protect a smaller group"));
        continue;
      }
      DifferenceInDifferences.Fit fit = fit(groups.get(treated), controls.get(treated), id, after);
      List<Placebo> placebos = new ArrayList<>();
      for (Map.Entry<Segment, Set<String>> e : shown.entrySet()) {
        if (!e.getKey().equals(treated) && e.getValue().contains(id)) {
          DifferenceInDifferences.Fit p = fit(groups.get(e.getKey()), controls.get(e.getKey()), id, after);
          placebos.add(new Placebo(e.getKey(), p.estimate(), p.standardError()));
        }
      }
      OptionalInt rank = OptionalInt.empty();
      if (placebosWanted && !placebos.isEmpty()) {
        double size = Math.abs(fit.estimate().value());
        rank = OptionalInt.of(1 + (int) placebos.stream()
            .filter(p -> Math.abs(p.estimate().value()) > size).count());
      }
      out.add(new InterventionEstimate(treated, treatment.after(), id, fit.estimate(), fit.standardError(),
          fit.ciLow(), fit.ciHigh(), fit.pValue(), fit.degreesOfFreedom(), placebos, rank,
          note(context, id, shared, all)));
    }
    return out;
  }

  private static DifferenceInDifferences.Fit fit(List<SegmentStatistics> group, List<SegmentStatistics> control,
      String dimension, int after) {
    return DifferenceInDifferences.fit(group.stream().map(s -> s.dimension(dimension)).toList(),
        control.stream().map(s -> s.dimension(dimension)).toList(), after);
  }

  /**
   * Keeps the candidates, treated first, whose (group, wave) cells every wave's published report and the
   * cells kept before let no smaller group be derived; returns each kept candidate's dimensions, in the
   * candidates' order. When the first candidate's cells leak, none is kept: there is no estimate, and no
   * placebos to compare it with.
   *
   * <p>What one candidate at a time would keep, with less work. A candidate whose cells every wave's report
   * already shows (the group, with at least these dimensions) publishes nothing new, so it is kept without
   * an audit: an audit depends only on which figures of which groups are published together. The others
   * are audited a batch at a time: a batch clean with the cells kept before it is kept whole, as each of
   * its candidates would be (fewer published cells reveal no more groups), and a batch that is not is split
   * in halves, the earlier half decided first.
   */
  private Map<Segment, Set<String>> audited(Context context, List<Report> reports, Set<String> shared,
      Map<Segment, List<SegmentStatistics>> groups, Map<Segment, Set<String>> eligible) {
    DisclosureAudit audit = DisclosureAudit.of(analysis.policy()).withMissingPolicy(analysis.missingPolicy())
        .withLeakLimit(1);
    List<Segment> candidates = new ArrayList<>();
    eligible.forEach((segment, dims) -> {
      if (!dims.isEmpty()) {
        candidates.add(segment);
      }
    });
    Set<Segment> kept = new HashSet<>(keptInOrder(candidates,
        s -> publishedInEveryWave(reports, s, eligible.get(s)),
        trial -> clean(audit, context, reports, shared, groups, eligible, trial)));
    Map<Segment, Set<String>> out = new LinkedHashMap<>();
    for (Segment s : candidates) {
      if (kept.contains(s)) {
        out.put(s, eligible.get(s));
      }
    }
    return out;
  }

  /**
   * Returns, in order, the candidates that this greedy rule keeps: a candidate that is {@code published}
   * already is kept; another is kept when {@code clean} holds for it with the others kept before it that
   * were not published already; and when the first candidate is not kept, none is. {@code clean} must be
   * monotone (it holds for every subset of a list for which it holds): the candidates not published are then
   * tested a batch at a time, a clean batch kept whole and another split in halves, the earlier half
   * first, which keeps what one at a time would.
   *
   * @param candidates the candidates, in order
   * @param published whether a candidate adds nothing to what is published
   * @param clean whether these candidates, all not published already, may be published together
   * @return the kept candidates, in order
   */
  static <T> List<T> keptInOrder(List<T> candidates, Predicate<T> published, Predicate<List<T>> clean) {
    int n = candidates.size();
    boolean[] kept = new boolean[n];
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      kept[i] = published.test(candidates.get(i));
      if (!kept[i]) {
        open.add(i);
      }
    }
    List<T> keptOpen = new ArrayList<>();
    Predicate<List<Integer>> keep = batch -> {
      List<T> trial = new ArrayList<>(keptOpen);
      batch.forEach(i -> trial.add(candidates.get(i)));
      if (!clean.test(trial)) {
        return false;
      }
      batch.forEach(i -> {
        kept[i] = true;
        keptOpen.add(candidates.get(i));
      });
      return true;
    };
    boolean firstOpen = !open.isEmpty() && open.get(0) == 0;
    if (firstOpen && !keep.test(open.subList(0, 1))) {
      return List.of();
    }
    decide(open.subList(firstOpen ? 1 : 0, open.size()), keep);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (kept[i]) {
        out.add(candidates.get(i));
      }
    }
    return out;
  }

  /**
   * Decides a batch of candidates in order: {@code keep} keeps a batch that may be published with those
   * kept before it; a batch it refuses is split in halves, the earlier half decided first.
   */
  private static void decide(List<Integer> batch, Predicate<List<Integer>> keep) {
    if (batch.isEmpty() || keep.test(batch) || batch.size() == 1) {
      return;
    }
    int mid = batch.size() / 2;
    decide(batch.subList(0, mid), keep);
    decide(batch.subList(mid, batch.size()), keep);
  }

  /** Whether every wave's report shows the segment with at least these dimensions. */
  private static boolean publishedInEveryWave(List<Report> reports, Segment segment, Set<String> dims) {
    for (Report wave : reports) {
      Optional<SegmentResult> s = wave.segment(segment);
      if (s.isEmpty() || !(s.get() instanceof ShownSegment shown) || !shown.dimensions().keySet().containsAll(dims)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the cells of these candidates in every wave, with that wave's report, let no smaller group be derived. */
  private boolean clean(DisclosureAudit audit, Context context, List<Report> reports, Set<String> shared,
      Map<Segment, List<SegmentStatistics>> groups, Map<Segment, Set<String>> eligible, List<Segment> trial) {
    for (int w = 0; w < reports.size(); w++) {
      List<SegmentResult> cells = new ArrayList<>();
      for (Segment segment : trial) {
        SegmentStatistics stats = groups.get(segment).get(w);
        Map<String, DimensionResult> dims = new LinkedHashMap<>();
        for (String d : eligible.get(segment)) {
          dims.put(d, new DimensionResult(stats.dimension(d).scored(), Map.of()));
        }
        cells.add(new ShownSegment(segment, stats.respondents(), dims, Map.of()));
      }
      Report wave = reports.get(w);
      Report extra = Report.builder(analysis.instrument()).wave(wave.wave()).policy(analysis.policy())
          .respondents(wave.respondents()).segments(cells).build();
      if (!audit.audit(context.restricted(w, shared), wave, extra).isClean()) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new LinkedHashSet<>(a);
    u.addAll(b);
    return u;
  }

  /** The waves of one analysis run, with their restricted copies, reports and tabulations cached. */
  private final class Context {
    private final Survey survey;
    private final Map<List<Object>, ResponseSet> restricted = new HashMap<>();
    private final Map<List<Object>, Report> reports = new HashMap<>();
    private final Map<List<Object>, Tabulation> tabulations = new HashMap<>();

    Context(Survey survey) {
      this.survey = survey;
    }

    String label(int w) {
      return survey.responses().get(w).wave().label();
    }

    /** The rating questions absent from a wave's file. */
    Set<String> absent(int w) {
      Set<String> out = new LinkedHashSet<>();
      for (Question q : survey.instrument().questions()) {
        if (q.isRating() && survey.responses().get(w).absentQuestions().contains(q.id())) {
          out.add(q.id());
        }
      }
      return out;
    }

    /** The wave's responses with these questions' answers left out as well. */
    ResponseSet restricted(int w, Set<String> leftOut) {
      ResponseSet set = survey.responses().get(w);
      Set<String> extra = new LinkedHashSet<>(leftOut);
      extra.removeAll(set.absentQuestions());
      if (extra.isEmpty()) {
        return set;
      }
      return restricted.computeIfAbsent(List.of(w, extra), key -> {
        Set<String> absent = union(set.absentQuestions(), extra);
        ResponseSet.Builder b = ResponseSet.builder(set.instrument()).wave(set.wave())
            .attributes(set.attributeNames()).absentQuestions(absent);
        for (int row = 0; row < set.size(); row++) {
          Response r = set.get(row);
          Map<String, Integer> answers = new LinkedHashMap<>(r.answers());
          answers.keySet().removeAll(extra);
          b.add(r.respondent().id(), r.respondent().attributes(), answers, r.comments());
        }
        return b.build();
      });
    }

    Report report(int w, Set<String> leftOut) {
      ResponseSet set = restricted(w, leftOut);
      return reports.computeIfAbsent(List.of(w, set.absentQuestions()),
          key -> analysis.analyze(set, survey.rejected(label(w))));
    }

    /** Whether the guard of any report made so far reached its bound on work. */
    boolean workBoundReached() {
      return reports.values().stream().anyMatch(Report::workBoundReached);
    }

    Tabulation tabulation(int w, Set<String> leftOut) {
      ResponseSet set = restricted(w, leftOut);
      return tabulations.computeIfAbsent(List.of(w, set.absentQuestions()),
          key -> Tabulation.of(set, analysis.missingPolicy(), analysis.breakdowns()));
    }
  }

  @Override
  public String toString() {
    return "TrendAnalysis[" + analysis + (treatment == null ? "" : ", " + treatment) + "]";
  }
}

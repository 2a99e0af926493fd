package dev.belonging.examples.html;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.trend.Change;
import dev.belonging.scoring.trend.TrendReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.statistics.distribution.TDistribution;

/** A trend report with what its HTML sections ask of it: the segments, and a wave's mean with its 95 % CI. */
final class TrendView {

  /** A segment's published mean in one wave, with the 95 % t interval of the mean when it is defined. */
  record Point(double mean, Optional<double[]> interval, long respondents) {}

  private final TrendReport report;
  private final List<Segment> segments;
  private final Set<Segment> charted;
  private final List<String> abridged;

  TrendView(TrendReport report) {
    this.report = report;
    // every segment some wave reports, by breakdown in order of first appearance
    Map<Set<String>, List<Segment>> byBreakdown = new LinkedHashMap<>();
    Map<Set<String>, String> titles = new LinkedHashMap<>();
    Set<Segment> seen = new HashSet<>();
    for (Report w : report.waves()) {
      for (SegmentResult s : w.segments()) {
        if (seen.add(s.segment())) {
          Set<String> key = s.segment().attributes().keySet();
          byBreakdown.computeIfAbsent(key, k -> new ArrayList<>()).add(s.segment());
          titles.putIfAbsent(key, String.join(" \u00d7 ", key));
        }
      }
    }
    Map<Segment, Double> clearest = new HashMap<>();
    for (Change c : report.changes()) {
      if (c.qValue().isDefined() && c.qValue().value() < CLEAR_Q) {
        clearest.merge(c.segment(), c.qValue().value(), Math::min);
      }
    }
    Optional<Segment> treated = report.treatment().map(t -> t.segment());
    List<Segment> kept = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    byBreakdown.forEach((key, list) -> {
      List<Segment> shown = chosen(list, clearest, treated);
      if (shown.size() < list.size()) {
        parts.add("by " + titles.get(key) + ", " + (shown.isEmpty() ? "none" : shown.size()) + " of "
            + list.size());
      }
      kept.addAll(shown);
    });
    this.segments = List.copyOf(kept);
    this.charted = Set.copyOf(kept);
    this.abridged = List.copyOf(parts);
  }

  /** A change with a q-value below this is clear: the page's tables put it in bold. */
  static final double CLEAR_Q = 0.05;

  /**
   * A breakdown's segments that the page charts: all of them, or when there are more than {@link
   * ReportView#MOST_GROUPS} the treated one and those with a clear change, at most that many in all, the
   * treated one first, then the smallest q-value; in the report's order.
   */
  private static List<Segment> chosen(List<Segment> list, Map<Segment, Double> clearest,
      Optional<Segment> treated) {
    return ReportView.mostClearly(list, s -> clearest.containsKey(s) || treated.filter(s::equals).isPresent(),
        Comparator.<Segment>comparingInt(s -> treated.filter(s::equals).isPresent() ? 0 : 1)
            .thenComparingDouble(s -> clearest.getOrDefault(s, 0.0)));
  }

  TrendReport report() {
    return report;
  }

  /**
   * The segments the page charts, population first, in report order: every segment some wave reports
   * (shown or hidden), but of a breakdown of more than {@link ReportView#MOST_GROUPS} only those {@link
   * #chosen}.
   */
  List<Segment> segments() {
    return segments;
  }

  /** Whether the page charts a segment. */
  boolean charts(Segment segment) {
    return charted.contains(segment);
  }

  /** The breakdowns the page charts in part, e.g. "by team, 100 of 643"; empty when it charts every group. */
  List<String> abridged() {
    return abridged;
  }

  int k() {
    return report.policy().minGroupSize();
  }

  /**
   * Returns a segment's mean in a wave, when the wave shows it: the mean, and {@code mean ∓ t(0.975, n − 1)
   * · sd / √n} from the published n, mean and SD (no interval for one score or no SD).
   */
  Optional<Point> point(Report wave, Segment segment, String dimension) {
    Optional<SegmentResult> s = wave.segment(segment);
    if (s.isEmpty() || !(s.get() instanceof ShownSegment shown)) {
      return Optional.empty();
    }
    DimensionResult d = shown.dimensions().get(dimension);
    if (d == null || !d.mean().isDefined()) {
      return Optional.empty();
    }
    double mean = d.mean().value();
    Statistic sd = d.sd();
    long n = d.respondents();
    Optional<double[]> interval = Optional.empty();
    if (sd.isDefined() && n >= 2) {
      double half = TDistribution.of(n - 1).inverseSurvivalProbability(0.025) * sd.value() / Math.sqrt(n);
      interval = Optional.of(new double[] {mean - half, mean + half});
    }
    return Optional.of(new Point(mean, interval, n));
  }

  /** Whether some wave shows the segment's dimension. */
  boolean anyShown(Segment segment, String dimension) {
    return report.waves().stream().anyMatch(w -> point(w, segment, dimension).isPresent());
  }
}

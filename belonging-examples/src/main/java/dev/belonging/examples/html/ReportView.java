package dev.belonging.examples.html;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Question;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the sections of the HTML report share: the report, its segments grouped by breakdown, labels for
 * people, and the measure the charts show. Computed from the {@link Report} only.
 *
 * <p>This class is immutable and thread-safe.
 */
final class ReportView {

  /**
   * The most groups of one breakdown that the page charts. A breakdown with more (an organisation of
   * thousands of teams) charts those that differ most clearly from everyone else; the JSON and CSV forms of
   * the report have every group. With every one of 6,356 teams in each chart, a page of 100,000 respondents
   * was 174 MB, which took a quarter of a minute to write and longer to open.
   */
  static final int MOST_GROUPS = 100;

  /**
   * The segments of one breakdown (or the population alone) that the page shows, in report order.
   *
   * @param title the breakdown's attributes joined by {@code ×}, empty for the population
   * @param segments the segments shown: all of them, or for a breakdown of more than {@link #MOST_GROUPS}
   *     those that differ most clearly
   * @param total how many segments the breakdown has in the report
   */
  record Group(String title, List<SegmentResult> segments, int total) {
    Group {
      Objects.requireNonNull(title, "title");
      segments = List.copyOf(segments);
    }

    /** Returns whether the page shows only some of the breakdown's segments. */
    boolean abridged() {
      return segments.size() < total;
    }

    /**
     * Returns "By team", or for an abridged breakdown "By team: 100 of 6356 groups", or "By team: none of
     * 6356 groups differs clearly".
     */
    String heading() {
      if (!abridged()) {
        return "By " + title;
      }
      return "By " + title + ": " + (segments.isEmpty() ? "none of " + total + " groups differs clearly"
          : segments.size() + " of " + total + " groups");
    }
  }

  private final Report report;
  private final List<Group> groups;
  private final Optional<ShownSegment> population;
  private final Measure measure;

  ReportView(Report report) {
    this.report = Objects.requireNonNull(report, "report");
    List<Group> list = new ArrayList<>();
    List<String> keys = null;
    List<SegmentResult> current = new ArrayList<>();
    ShownSegment pop = null;
    Map<Segment, double[]> clarity = clarity(report);
    for (SegmentResult s : report.segments()) {
      List<String> k = List.copyOf(s.segment().attributes().keySet());
      if (!k.equals(keys) && keys != null) {
        list.add(group(keys, current, clarity));
        current = new ArrayList<>();
      }
      keys = k;
      current.add(s);
      if (s.segment().isPopulation() && s instanceof ShownSegment shown) {
        pop = shown;
      }
    }
    if (keys != null) {
      list.add(group(keys, current, clarity));
    }
    this.groups = List.copyOf(list);
    this.population = Optional.ofNullable(pop);
    this.measure = chooseMeasure(report);
  }

  /**
   * Per segment with a flagged gap, how clearly it differs: its smallest q-value among its flagged gaps and
   * its largest absolute difference among them.
   */
  private static Map<Segment, double[]> clarity(Report report) {
    Map<Segment, double[]> out = new HashMap<>();
    for (Gap g : report.gaps()) {
      if (g.flagged() && g.qValue().isDefined() && g.difference().isDefined()) {
        double[] c = out.computeIfAbsent(g.segment(), s -> new double[] {Double.POSITIVE_INFINITY, 0});
        c[0] = Math.min(c[0], g.qValue().value());
        c[1] = Math.max(c[1], Math.abs(g.difference().value()));
      }
    }
    return out;
  }

  /**
   * A breakdown's group: every segment, or when there are more than {@link #MOST_GROUPS} the segments with
   * a flagged gap, at most {@link #MOST_GROUPS} of them, the smallest q-value first, then the largest
   * difference; shown in the report's order.
   */
  private static Group group(List<String> keys, List<SegmentResult> segments, Map<Segment, double[]> clarity) {
    List<SegmentResult> shown = mostClearly(segments, s -> clarity.containsKey(s.segment()),
        Comparator.<SegmentResult>comparingDouble(s -> clarity.get(s.segment())[0])
            .thenComparing(Comparator.<SegmentResult>comparingDouble(s -> clarity.get(s.segment())[1])
                .reversed()));
    return new Group(String.join(" \u00d7 ", keys), shown, segments.size());
  }

  /**
   * Returns the items of a breakdown that a page charts, in their order: all of them when there are at most
   * {@link #MOST_GROUPS}, else at most that many of the eligible ones, those that come first in {@code
   * clearestFirst} (ties in the items' order).
   *
   * @param <T> the items' type
   * @param items a breakdown's items, in the report's order
   * @param eligible whether an item may be charted when not all are
   * @param clearestFirst the order of the eligible items, most clearly worth charting first
   * @return the items charted
   */
  static <T> List<T> mostClearly(List<T> items, Predicate<T> eligible, Comparator<T> clearestFirst) {
    if (items.size() <= MOST_GROUPS) {
      return items;
    }
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (eligible.test(items.get(i))) {
        candidates.add(i);
      }
    }
    candidates.sort(Comparator.<Integer, T>comparing(items::get, clearestFirst)
        .thenComparing(Comparator.naturalOrder()));
    List<Integer> kept = new ArrayList<>(candidates.subList(0, Math.min(MOST_GROUPS, candidates.size())));
    Collections.sort(kept);
    List<T> out = new ArrayList<>(kept.size());
    for (int i : kept) {
      out.add(items.get(i));
    }
    return out;
  }

  /** Returns whether some breakdown's group shows only some of its segments. */
  boolean abridged() {
    return groups.stream().anyMatch(Group::abridged);
  }

  /** Returns the index if the report has it, else the favorable share, else the mean. */
  private static Measure chooseMeasure(Report report) {
    for (Measure m : Measure.values()) {
      for (SegmentResult s : report.segments()) {
        if (s instanceof ShownSegment shown) {
          for (DimensionResult d : shown.dimensions().values()) {
            if (d.statistics().containsKey(m.statistic())) {
              return m;
            }
          }
        }
      }
    }
    return Measure.INDEX;
  }

  /** Returns the report. */
  Report report() {
    return report;
  }

  /** Returns the minimum group size k. */
  int k() {
    return report.policy().minGroupSize();
  }

  /** Returns the dimensions, in instrument order. */
  List<Dimension> dimensions() {
    return report.instrument().dimensions();
  }

  /** Returns the segments grouped by breakdown; the population's group, titled "", comes first. */
  List<Group> groups() {
    return groups;
  }

  /** Returns the population when it is shown. */
  Optional<ShownSegment> population() {
    return population;
  }

  /** Returns the measure the heatmap shows. */
  Measure measure() {
    return measure;
  }

  /** Returns whether any shown segment has a statistic of this name in any dimension. */
  boolean has(String statistic) {
    for (SegmentResult s : report.segments()) {
      if (s instanceof ShownSegment shown) {
        for (DimensionResult d : shown.dimensions().values()) {
          if (d.statistics().containsKey(statistic)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Returns a statistic of a dimension in a shown segment, empty when the dimension or statistic is absent. */
  static Optional<Statistic> statistic(ShownSegment segment, String dimensionId, String statistic) {
    DimensionResult d = segment.dimensions().get(dimensionId);
    return d == null ? Optional.empty() : Optional.ofNullable(d.statistics().get(statistic));
  }

  /** Returns the population's value of the measure in a dimension, when shown and defined. */
  Optional<Double> populationValue(String dimensionId) {
    return population.flatMap(p -> statistic(p, dimensionId, measure.statistic()))
        .filter(Statistic::isDefined).map(Statistic::value);
  }

  /** Returns the short label of a segment: "Everyone", or its values joined by a middle dot. */
  static String label(Segment segment) {
    return segment.isPopulation() ? "Everyone" : String.join(" \u00b7 ", segment.attributes().values());
  }

  /** Returns the full label of a segment, e.g. "team T01, tenure 1-3y", or "Everyone". */
  static String fullLabel(Segment segment) {
    if (segment.isPopulation()) {
      return "Everyone";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : segment.attributes().entrySet()) {
      parts.add(e.getKey() + " " + e.getValue());
    }
    return String.join(", ", parts);
  }

  /** Returns a question's text, or its id when the instrument does not have it. */
  String questionText(String questionId) {
    return report.instrument().question(questionId).map(Question::text).orElse(questionId);
  }

  /** Returns the short name of a dimension: its name up to a colon, or the whole name. */
  static String shortName(Dimension dimension) {
    String name = dimension.name();
    int colon = name.indexOf(':');
    return colon > 0 ? name.substring(0, colon) : name;
  }

  /** Shortens a text to at most {@code max} characters, ending with an ellipsis when cut. */
  static String shorten(String text, int max) {
    return text.codePointCount(0, text.length()) <= max
        ? text
        : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
  }

  /**
   * Splits a text into at most {@code lines} lines of at most {@code width} characters, at spaces; what does
   * not fit is cut with an ellipsis.
   */
  static List<String> wrap(String text, int width, int lines) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width && out.size() < lines - 1) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    out.add(line.toString());
    out.replaceAll(l -> shorten(l, width));
    return out;
  }
}

package dev.belonging.examples.html;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Question;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sections of the HTML report share: the report, its segments grouped by breakdown, labels for
 * people, and the measure the charts show. Computed from the {@link Report} only.
 *
 * <p>This class is immutable and thread-safe.
 */
final class ReportView {

  /**
   * The segments of one breakdown (or the population alone), in report order.
   *
   * @param title the breakdown's attributes joined by {@code ×}, empty for the population
   * @param segments the segments
   */
  record Group(String title, List<SegmentResult> segments) {
    Group {
      Objects.requireNonNull(title, "title");
      segments = List.copyOf(segments);
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
    for (SegmentResult s : report.segments()) {
      List<String> k = List.copyOf(s.segment().attributes().keySet());
      if (!k.equals(keys) && keys != null) {
        list.add(new Group(String.join(" \u00d7 ", keys), current));
        current = new ArrayList<>();
      }
      keys = k;
      current.add(s);
      if (s.segment().isPopulation() && s instanceof ShownSegment shown) {
        pop = shown;
      }
    }
    if (keys != null) {
      list.add(new Group(String.join(" \u00d7 ", keys), current));
    }
    this.groups = List.copyOf(list);
    this.population = Optional.ofNullable(pop);
    this.measure = chooseMeasure(report);
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

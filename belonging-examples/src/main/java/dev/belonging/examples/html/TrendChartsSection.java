package dev.belonging.examples.html;

import static dev.belonging.examples.html.Numbers.coordinate;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.report.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trend section: per dimension, one small line chart per segment (the mean in each wave that shows it,
 * with its 95 % confidence interval as a whisker), all on the dimension's scale, the treated segment marked;
 * and the same numbers as a table. One hue and position carry the data, so the charts read the same to
 * every colour vision; a wave that does not show a segment leaves a gap in its line.
 */
final class TrendChartsSection {

  private static final double CELL_W = 200;
  private static final double CELL_H = 132;
  private static final int COLUMNS = 5;
  private static final double LEFT = 34;
  private static final double RIGHT = 14;
  private static final double TOP = 24;
  private static final double BOTTOM = 26;
  /** Keeps the first and last wave clear of the axis labels and of the next chart. */
  private static final double INSET = 16;

  private TrendChartsSection() {}

  static String id() {
    return "trend";
  }

  static String title() {
    return "Mean score by wave";
  }

  static void render(TrendView view, Markup html) {
    html.element("p", "Each small chart is one group: its mean score in every wave that shows it, with a "
        + "whisker for the 95% confidence interval of the mean. A gap means the wave does not show the group "
        + "(fewer than " + view.k() + " people, or hidden to protect a smaller group).", "class", "note");
    Optional<Segment> treated = view.report().treatment().map(t -> t.segment());
    for (Dimension d : view.report().instrument().dimensions()) {
      List<Segment> segments = new ArrayList<>();
      for (Segment s : view.segments()) {
        if (view.anyShown(s, d.id())) {
          segments.add(s);
        }
      }
      if (segments.isEmpty()) {
        continue;
      }
      html.element("h3", d.name());
      html.open("figure");
      chart(view, html, d, segments, treated);
      html.close("figure");
      html.open("details");
      html.element("summary", "The same numbers as a table");
      table(view, html, d, segments);
      html.close("details");
    }
  }

  private static void chart(TrendView view, Markup html, Dimension d, List<Segment> segments,
      Optional<Segment> treated) {
    Scale scale = view.report().instrument().scaleOfDimension(d.id());
    List<Report> waves = view.report().waves();
    int rows = (segments.size() + COLUMNS - 1) / COLUMNS;
    int columns = Math.min(COLUMNS, segments.size());
    String id = "trend-" + d.id().replaceAll("[^a-zA-Z0-9-]", "-");
    Svg.open(html, id, columns * CELL_W, rows * CELL_H, d.name() + ": mean score by wave and group",
        "Small line charts, one per group, of the mean score on " + scale.min() + " to " + scale.max()
            + " in each wave, with 95% confidence intervals; the table below has the same numbers.");
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      double x0 = (i % COLUMNS) * CELL_W;
      double y0 = (i / COLUMNS) * CELL_H;
      boolean pilot = treated.isPresent() && treated.get().equals(s);
      String label = chartLabel(s) + (pilot ? " (pilot)" : "");
      Svg.text(html, x0 + LEFT, y0 + 14, "start", pilot || s.isPopulation() ? "strong" : "", Palette.INK, label);
      double top = y0 + TOP;
      double bottom = y0 + CELL_H - BOTTOM;
      double left = x0 + LEFT;
      double right = x0 + CELL_W - RIGHT;
      for (int v : new int[] {scale.min(), (scale.min() + scale.max()) / 2, scale.max()}) {
        double y = y(v, scale, top, bottom);
        html.leaf("line", "x1", coordinate(left), "y1", coordinate(y), "x2", coordinate(right), "y2",
            coordinate(y), "stroke", Palette.NEUTRAL, "stroke-width", "1");
        Svg.text(html, left - 4, y + 4, "end", "small", Palette.MUTED, Integer.toString(v));
      }
      List<String> run = new ArrayList<>();
      String colour = pilot ? Palette.UNFAVORABLE : s.isPopulation() ? Palette.INK : Palette.FAVORABLE;
      for (int w = 0; w < waves.size(); w++) {
        double x = waves.size() == 1 ? (left + right) / 2
            : left + INSET + (right - left - 2 * INSET) * w / (waves.size() - 1);
        if (i / COLUMNS == rows - 1 || segments.size() - i <= COLUMNS) {
          Svg.text(html, x, y0 + CELL_H - 8, "middle", "small", Palette.MUTED,
              ReportView.shorten(waves.get(w).wave().label(), 10));
        }
        Optional<TrendView.Point> p = view.point(waves.get(w), s, d.id());
        if (p.isEmpty()) {
          polyline(html, run, colour);
          run = new ArrayList<>();
          continue;
        }
        double y = y(p.get().mean(), scale, top, bottom);
        run.add(coordinate(x) + "," + coordinate(y));
        if (p.get().interval().isPresent()) {
          double[] ci = p.get().interval().get();
          html.leaf("line", "x1", coordinate(x), "y1", coordinate(y(ci[0], scale, top, bottom)), "x2",
              coordinate(x), "y2", coordinate(y(ci[1], scale, top, bottom)), "stroke", colour, "stroke-width",
              "1.5");
        }
        html.leaf("circle", "cx", coordinate(x), "cy", coordinate(y), "r", "3.5", "fill", colour);
      }
      polyline(html, run, colour);
    }
    html.close("svg");
  }

  /** Characters of a chart's title that fit above it. */
  private static final int LABEL_CHARACTERS = 24;

  /**
   * A chart's title: the group with its attributes named ("tenure 1-3y"), as the charts of every breakdown
   * run on together with no heading between them; only its values ("1-3y · office") where that is too long.
   */
  private static String chartLabel(Segment s) {
    String full = ReportView.fullLabel(s);
    return ReportView.shorten(full.codePointCount(0, full.length()) <= LABEL_CHARACTERS ? full
        : ReportView.label(s), LABEL_CHARACTERS);
  }

  private static void polyline(Markup html, List<String> points, String colour) {
    if (points.size() > 1) {
      html.leaf("polyline", "points", String.join(" ", points), "fill", "none", "stroke", colour,
          "stroke-width", "2");
    }
  }

  /** The vertical position of a score, clamped to the scale (an interval may reach past it). */
  private static double y(double value, Scale scale, double top, double bottom) {
    double v = Math.max(scale.min(), Math.min(scale.max(), value));
    return bottom - (bottom - top) * (v - scale.min()) / (scale.max() - scale.min());
  }

  private static void table(TrendView view, Markup html, Dimension d, List<Segment> segments) {
    List<Report> waves = view.report().waves();
    html.open("table");
    html.element("caption", d.name() + ": mean score (95% confidence interval) and people with a score, "
        + "by wave");
    html.open("thead");
    html.open("tr");
    html.element("th", "Group", "scope", "col", "class", "text");
    for (Report w : waves) {
      html.element("th", w.wave().label(), "scope", "col");
    }
    html.close("tr");
    html.close("thead");
    html.open("tbody");
    for (Segment s : segments) {
      html.open("tr", "class", s.isPopulation() ? "population" : "member");
      html.element("th", ReportView.fullLabel(s), "scope", "row");
      for (Report w : waves) {
        Optional<TrendView.Point> p = view.point(w, s, d.id());
        if (p.isEmpty()) {
          html.element("td", "not shown", "class", "hidden");
          continue;
        }
        String ci = p.get().interval().map(i -> " (" + Numbers.fixed(i[0], 2) + " to " + Numbers.fixed(i[1], 2)
            + ")").orElse("");
        html.element("td", Numbers.fixed(p.get().mean(), 2) + ci + ", n " + p.get().respondents());
      }
      html.close("tr");
    }
    html.close("tbody");
    html.close("table");
  }
}

package dev.belonging.examples.html;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.gaps.Comparison;
import dev.belonging.scoring.gaps.DifferenceUnit;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's gaps as forest plots: per dimension, one line per group with the difference from its
 * comparison group (the rest of the population, or a named segment) and its 95 % confidence interval,
 * around a zero line. Flagged gaps are drawn as filled diamonds in the diverging scheme's ends (red lower,
 * blue higher) with a bold label; the others as hollow grey circles, so that shape, position and weight say
 * what colour says. Hidden groups keep their row, hatched, with their reason. Above the plots, the flagged
 * gaps in words ("clearly lower", "clearly higher"); below, a table with every number.
 *
 * <p>Dimensions that share a scale share the plot's range, so that lines compare across plots.
 *
 * <p>This class is immutable and thread-safe.
 */
final class GapsSection implements ReportSection {

  private static final double LABEL_W = 124;
  private static final double PLOT_W = 240;
  private static final double VALUE_W = 160;
  /** Room between the plot's edge ticks and the labels beside them. */
  private static final double PAD = 16;
  private static final double ROW_H = 20;
  private static final double GROUP_H = 26;
  private static final double TOP = 40;
  private static final double BOTTOM = 24;

  @Override
  public String id() {
    return "gaps";
  }

  @Override
  public String title() {
    return "Which groups differ, and how sure we are";
  }

  @Override
  public boolean appliesTo(ReportView view) {
    return !view.report().gaps().isEmpty();
  }

  @Override
  public void render(ReportView view, Markup html) {
    List<Gap> gaps = view.report().gaps();
    String against = comparedWith(gaps);
    html.element("p", "Each line compares one group with " + against + " on one dimension. The mark is the "
        + "difference in mean scores (group minus " + against + "); the bar around it is the 95 % confidence "
        + "interval, the range the true difference most likely lies in. Short bars come from large, "
        + "consistent groups; long bars from small or divided ones. A bar that crosses the zero line means "
        + "the data cannot tell the group apart from " + against + ".");
    html.element("p", "A gap is flagged when it is unlikely to be chance even though many groups were "
        + "compared (its q-value, the p-value adjusted for the number of comparisons, is below the analysis's "
        + "level: 0.05 by default, Benjamini\u2013Hochberg) and large enough to matter (its effect size reaches "
        + "the detector's minimum: by default 0.2 standard deviations); these are the gaps to act on. "
        + "Unflagged gaps may be noise.", "class", "note");
    findings(view, html, gaps, against);
    legend(html);
    Map<Segment, Map<String, Gap>> bySegment = new HashMap<>();
    for (Gap g : gaps) {
      bySegment.computeIfAbsent(g.segment(), s -> new HashMap<>()).put(g.dimension(), g);
    }
    Map<String, Double> extents = extents(view, gaps);
    List<Dimension> dims = view.dimensions();
    List<String> notCompared = new ArrayList<>();
    html.open("div", "class", "cards");
    for (int d = 0; d < dims.size(); d++) {
      Dimension dim = dims.get(d);
      if (!extents.containsKey(dim.id())) {
        notCompared.add(dim.name());
        continue;
      }
      html.open("div", "class", "card");
      html.element("h3", dim.name(), "id", "gaps-" + d);
      html.open("figure");
      chart(view, html, dim, bySegment, extents.get(dim.id()), "gaps-chart-" + d, against);
      html.close("figure");
      html.open("details");
      html.element("summary", "The same numbers as a table, with effect sizes and p- and q-values");
      table(view, html, dim, bySegment, against);
      html.close("details");
      html.close("div");
    }
    html.close("div");
    if (!notCompared.isEmpty()) {
      html.element("p", "No group could be compared on " + String.join(", ", notCompared) + ".", "class",
          "note");
    }
  }

  /** Returns "everyone else", or the reference segment's label when every gap names the same one. */
  private static String comparedWith(List<Gap> gaps) {
    Optional<Segment> reference = Optional.empty();
    for (Gap g : gaps) {
      if (g.comparison() == Comparison.REST_OF_POPULATION) {
        return "everyone else";
      }
      reference = g.reference();
    }
    return reference.map(ReportView::fullLabel).orElse("everyone else");
  }

  /** The flagged gaps in words, lower first, each group once with its dimensions in the report's order. */
  private static void findings(ReportView view, Markup html, List<Gap> gaps, String against) {
    Map<Segment, List<Gap>> lower = new LinkedHashMap<>();
    Map<Segment, List<Gap>> higher = new LinkedHashMap<>();
    for (Gap g : gaps) {
      if (g.flagged() && g.difference().isDefined()) {
        (g.difference().value() < 0 ? lower : higher).computeIfAbsent(g.segment(), s -> new ArrayList<>())
            .add(g);
      }
    }
    if (lower.isEmpty() && higher.isEmpty()) {
      html.element("p", "No group differs clearly from " + against + " on any dimension.", "class",
          "finding");
      return;
    }
    finding(view, html, lower, "Clearly lower than " + against, "low");
    finding(view, html, higher, "Clearly higher than " + against, "high");
  }

  private static void finding(ReportView view, Markup html, Map<Segment, List<Gap>> groups, String heading,
      String cssClass) {
    if (groups.isEmpty()) {
      return;
    }
    html.element("h3", heading + " (" + groups.size() + (groups.size() == 1 ? " group)" : " groups)"));
    html.open("ul", "class", "findings " + cssClass);
    for (Map.Entry<Segment, List<Gap>> e : groups.entrySet()) {
      List<Gap> list = e.getValue();
      boolean oneUnit = list.stream().map(g -> unitWord(view, g)).distinct().count() == 1;
      List<String> parts = new ArrayList<>();
      for (Gap g : list) {
        String name = view.report().instrument().dimension(g.dimension()).map(ReportView::shortName)
            .orElse(g.dimension());
        parts.add(name + " " + difference(g, g.difference().value()) + (oneUnit ? "" : " " + unitWord(view, g)));
      }
      html.open("li");
      html.element("span", ReportView.fullLabel(e.getKey()), "class", "who");
      html.text(": " + String.join(", ", parts) + (oneUnit ? " " + unitWord(view, list.get(0)) : ""));
      html.close("li");
    }
    html.close("ul");
  }

  private static void legend(Markup html) {
    html.open("ul", "class", "legend", "aria-label", "Key");
    legendItem(html, "flagged, lower", "diamond", Palette.UNFAVORABLE);
    legendItem(html, "flagged, higher", "diamond", Palette.FAVORABLE);
    legendItem(html, "not flagged: could be chance, or too small to matter", "circle", Palette.MUTED);
    html.open("li");
    html.element("span", "", "class", "swatch hatch", "aria-hidden", "true");
    html.text("hidden group");
    html.close("li");
    html.close("ul");
  }

  private static void legendItem(Markup html, String text, String shape, String colour) {
    html.open("li");
    html.open("svg", "width", "34", "height", "14", "viewBox", "0 0 34 14", "aria-hidden", "true");
    html.leaf("line", "x1", "2", "x2", "32", "y1", "7", "y2", "7", "stroke", colour, "stroke-width",
        shape.equals("diamond") ? "2.5" : "1.5");
    marker(html, 17, 7, shape.equals("diamond"), colour);
    html.close("svg");
    html.text(text);
    html.close("li");
  }

  /** Writes a flagged gap's filled diamond or an unflagged gap's hollow circle. */
  private static void marker(Markup html, double x, double y, boolean flagged, String colour) {
    if (flagged) {
      html.leaf("path", "d", "M" + Numbers.coordinate(x) + " " + Numbers.coordinate(y - 6) + "L"
          + Numbers.coordinate(x + 6) + " " + Numbers.coordinate(y) + "L" + Numbers.coordinate(x) + " "
          + Numbers.coordinate(y + 6) + "L" + Numbers.coordinate(x - 6) + " " + Numbers.coordinate(y) + "Z",
          "fill", colour, "stroke", Palette.PAPER, "stroke-width", "1");
    } else {
      html.leaf("circle", "cx", Numbers.coordinate(x), "cy", Numbers.coordinate(y), "r", "4", "fill",
          Palette.PAPER, "stroke", colour, "stroke-width", "1.5");
    }
  }

  /**
   * Returns, per dimension with at least one gap, the half-width of its plot in display units: the largest
   * |end| of an interval among dimensions of the same unit and scale, rounded up to a tick (1 when none is
   * defined).
   */
  private static Map<String, Double> extents(ReportView view, List<Gap> gaps) {
    Map<String, Double> largest = new HashMap<>();
    Map<String, String> keyOf = new HashMap<>();
    for (Gap g : gaps) {
      String key = key(view, g);
      keyOf.put(g.dimension(), key);
      if (!g.ciLow().isDefined() || !g.ciHigh().isDefined()) {
        continue;
      }
      double f = factor(g.differenceUnit());
      double m = Math.max(Math.abs(g.ciLow().value()), Math.abs(g.ciHigh().value())) * f;
      largest.merge(key, m, Math::max);
    }
    Map<String, Double> extents = new HashMap<>();
    keyOf.forEach((dimension, key) -> extents.put(dimension, niceExtent(largest.getOrDefault(key, 0.0))));
    return extents;
  }

  private static String key(ReportView view, Gap g) {
    Scale s = view.report().instrument().scaleOfDimension(g.dimension());
    return g.differenceUnit() + " " + s.min() + " " + s.max();
  }

  /** Returns the tick step for a half-width: 1, 2 or 5 times a power of ten, about a third of it. */
  static double step(double extent) {
    double raw = extent / 3;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double[] nice = {1, 2, 5, 10};
    for (double n : nice) {
      if (n * power >= raw) {
        return n * power;
      }
    }
    return 10 * power;
  }

  /** Rounds a half-width up to a whole number of ticks; 1 when there is nothing to show. */
  static double niceExtent(double largest) {
    if (!(largest > 0) || Double.isInfinite(largest)) {
      return 1;
    }
    double step = step(largest);
    return Math.ceil(largest / step - 1e-9) * step;
  }

  private static double factor(DifferenceUnit unit) {
    return unit == DifferenceUnit.SHARE ? 100 : 1;
  }

  private static int decimals(DifferenceUnit unit) {
    return unit == DifferenceUnit.SHARE ? 0 : 2;
  }

  /** Writes a difference (in the gap's own unit) for people: {@code −0.98}, {@code +12}. */
  private static String difference(Gap g, double value) {
    return Numbers.signed(value * factor(g.differenceUnit()), decimals(g.differenceUnit()));
  }

  private static String unitWord(ReportView view, Gap g) {
    if (g.differenceUnit() == DifferenceUnit.SHARE) {
      return "percentage points of favorable answers";
    }
    Scale s = view.report().instrument().scaleOfDimension(g.dimension());
    return "points on the " + s.min() + "\u2013" + s.max() + " scale";
  }

  private static String interval(Gap g) {
    if (!g.ciLow().isDefined() || !g.ciHigh().isDefined()) {
      return "n/a";
    }
    return difference(g, g.ciLow().value()) + " to " + difference(g, g.ciHigh().value());
  }

  private static void chart(ReportView view, Markup html, Dimension dim, Map<Segment, Map<String, Gap>> gaps,
      double extent, String id, String against) {
    Scale scale = view.report().instrument().scaleOfDimension(dim.id());
    double height = TOP;
    for (ReportView.Group g : view.groups()) {
      if (!g.title().isEmpty()) {
        height += GROUP_H + g.segments().size() * ROW_H;
      }
    }
    height += BOTTOM;
    double width = LABEL_W + PLOT_W + VALUE_W;
    double zero = LABEL_W + PLOT_W / 2;
    Svg.open(html, id, width, height, "Gaps on " + dim.name() + ": difference from " + against
            + " with 95 % confidence intervals",
        "A forest plot with one line per group around a zero line; filled diamonds are flagged gaps, hollow "
            + "circles are not; the table after the plots has the same numbers.");
    Svg.hatchings(html, id);
    boolean share = gaps.values().stream().flatMap(m -> m.values().stream())
        .anyMatch(g -> g.dimension().equals(dim.id()) && g.differenceUnit() == DifferenceUnit.SHARE);
    double step = step(extent);
    for (double t = -extent; t <= extent + 1e-9; t += step) {
      double x = zero + t / extent * (PLOT_W / 2 - PAD);
      boolean isZero = Math.abs(t) < step / 2;
      html.leaf("line", "x1", Numbers.coordinate(x), "x2", Numbers.coordinate(x), "y1",
          Numbers.coordinate(TOP - 6), "y2", Numbers.coordinate(height - BOTTOM), "stroke",
          isZero ? Palette.INK : "#e6e6e6", "stroke-width", isZero ? "1.5" : "1");
      Svg.text(html, x, TOP - 10, "middle", "small", Palette.MUTED,
          isZero ? "0" : Numbers.signed(t, share ? 0 : step < 0.1 ? 2 : 1));
    }
    Svg.text(html, zero - 6, 12, "end", "small", Palette.MUTED, "\u2190 lower");
    Svg.text(html, zero + 6, 12, "start", "small", Palette.MUTED, "higher \u2192");
    Svg.text(html, LABEL_W + PLOT_W + 10, TOP - 10, "start", "small", Palette.MUTED, "difference (95 % CI)");
    Svg.text(html, 4, TOP - 10, "start", "small", Palette.MUTED, "group");
    double y = TOP;
    for (ReportView.Group g : view.groups()) {
      if (g.title().isEmpty()) {
        continue;
      }
      Svg.text(html, 4, y + GROUP_H - 8, "start", "group", Palette.INK, g.heading());
      y += GROUP_H;
      for (SegmentResult s : g.segments()) {
        row(view, html, s, dim, gaps.getOrDefault(s.segment(), Map.of()).get(dim.id()), extent, id, y);
        y += ROW_H;
      }
    }
    Svg.text(html, zero, height - 6, "middle", "small", Palette.MUTED, share
        ? "percentage points of favorable answers" : "points on the " + scale.min() + "\u2013" + scale.max()
            + " answer scale");
    html.close("svg");
  }

  private static void row(ReportView view, Markup html, SegmentResult s, Dimension dim, Gap gap, double extent,
      String id, double y) {
    double mid = y + ROW_H / 2;
    double baseline = mid + 4.5;
    String who = ReportView.fullLabel(s.segment());
    boolean flagged = gap != null && gap.flagged();
    html.open("g");
    Svg.text(html, 16, baseline, "start", flagged ? "strong" : "", Palette.INK,
        ReportView.shorten(ReportView.label(s.segment()), 15));
    if (s instanceof SuppressedSegment hidden) {
      html.element("title", who + ": hidden, " + hidden.reason());
      Svg.rect(html, LABEL_W, y + 2, PLOT_W, ROW_H - 4, "url(#" + id + "-hatch)");
      Svg.text(html, LABEL_W + PLOT_W / 2, baseline, "middle", "small halo", Palette.INK,
          ReportView.shorten("hidden: " + hidden.reason(), (int) (PLOT_W / 6.2)));
      html.close("g");
      return;
    }
    ShownSegment shown = (ShownSegment) s;
    if (gap == null || !gap.difference().isDefined() || !gap.ciLow().isDefined() || !gap.ciHigh().isDefined()) {
      String why = !shown.dimensions().containsKey(dim.id())
          ? "dimension hidden in this group"
          : gap == null ? "not compared" : "n/a: " + undefinedReason(gap);
      html.element("title", who + ", " + dim.name() + ": " + why);
      if (!shown.dimensions().containsKey(dim.id())) {
        Svg.rect(html, LABEL_W, y + 2, PLOT_W, ROW_H - 4, "url(#" + id + "-hatch-light)");
      }
      Svg.text(html, LABEL_W + PLOT_W / 2, baseline, "middle", "small halo", Palette.MUTED,
          ReportView.shorten(why, (int) (PLOT_W / 6.2)));
      html.close("g");
      return;
    }
    double f = factor(gap.differenceUnit());
    double zero = LABEL_W + PLOT_W / 2;
    double scale = (PLOT_W / 2 - PAD) / extent;
    double x = zero + gap.difference().value() * f * scale;
    double lo = zero + gap.ciLow().value() * f * scale;
    double hi = zero + gap.ciHigh().value() * f * scale;
    boolean lower = gap.difference().value() < 0;
    String colour = !flagged ? Palette.MUTED : lower ? Palette.UNFAVORABLE : Palette.FAVORABLE;
    html.element("title", who + ", " + dim.name() + ": " + difference(gap, gap.difference().value()) + " "
        + unitWord(view, gap) + " against " + comparison(gap) + ", 95 % CI " + interval(gap) + "; "
        + effect(gap) + ", q " + pValue(gap.qValue()) + (flagged ? "; flagged, " + (lower ? "lower" : "higher")
        : "; not flagged"));
    html.leaf("line", "x1", Numbers.coordinate(lo), "x2", Numbers.coordinate(hi), "y1",
        Numbers.coordinate(mid), "y2", Numbers.coordinate(mid), "stroke", colour, "stroke-width",
        flagged ? "2.5" : "1.5");
    for (double end : new double[] {lo, hi}) {
      html.leaf("line", "x1", Numbers.coordinate(end), "x2", Numbers.coordinate(end), "y1",
          Numbers.coordinate(mid - 4), "y2", Numbers.coordinate(mid + 4), "stroke", colour, "stroke-width",
          "1.5");
    }
    marker(html, x, mid, flagged, colour);
    Svg.text(html, LABEL_W + PLOT_W + 10, baseline, "start", flagged ? "small strong" : "small", Palette.INK,
        difference(gap, gap.difference().value()) + " (" + interval(gap) + ")");
    html.close("g");
  }

  /** Returns why a gap cannot be drawn: the reason of its difference, or else of its interval. */
  private static String undefinedReason(Gap g) {
    for (Statistic s : List.of(g.difference(), g.ciLow(), g.ciHigh())) {
      if (!s.isDefined()) {
        return s.reason();
      }
    }
    return "";
  }

  private static String comparison(Gap g) {
    return g.reference().map(ReportView::fullLabel).orElse("everyone else");
  }

  private static String effect(Gap g) {
    String name = switch (g.effectSizeType()) {
      case "hedges-g" -> "Hedges' g";
      case "rank-biserial" -> "rank-biserial r";
      case "cohens-h" -> "Cohen's h";
      default -> g.effectSizeType();
    };
    return name + " " + (g.effectSize().isDefined() ? Numbers.fixed(g.effectSize().value(), 2) : "n/a");
  }

  /** Writes a p- or q-value: three decimals, or {@code < 0.001}. */
  static String pValue(Statistic p) {
    if (!p.isDefined()) {
      return "n/a";
    }
    return p.value() < 0.001 ? "< 0.001" : Numbers.fixed(p.value(), 3);
  }

  private static void table(ReportView view, Markup html, Dimension dim, Map<Segment, Map<String, Gap>> gaps,
      String against) {
    html.open("table");
    html.element("caption", dim.name() + ": each group minus " + against);
    html.open("thead");
    html.open("tr");
    html.element("th", "Group", "scope", "col", "class", "text");
    html.element("th", "Difference", "scope", "col");
    html.element("th", "95 % CI", "scope", "col");
    html.element("th", "Effect size", "scope", "col");
    html.element("th", "p", "scope", "col");
    html.element("th", "q", "scope", "col");
    html.element("th", "Flagged", "scope", "col", "class", "text");
    html.close("tr");
    html.close("thead");
    html.open("tbody");
    for (ReportView.Group group : view.groups()) {
      List<Gap> rows = new ArrayList<>();
      for (SegmentResult s : group.segments()) {
        Gap g = gaps.getOrDefault(s.segment(), Map.of()).get(dim.id());
        if (g != null) {
          rows.add(g);
        }
      }
      if (rows.isEmpty()) {
        continue;
      }
      html.open("tr", "class", "group");
      html.element("th", group.heading() + " (" + unitWord(view, rows.get(0)) + ")", "scope", "colgroup",
          "colspan", "7");
      html.close("tr");
      for (Gap g : rows) {
        if (g.flagged()) {
          html.open("tr", "class", "flagged");
        } else {
          html.open("tr");
        }
        html.element("th", ReportView.fullLabel(g.segment()), "scope", "row");
        html.element("td", g.difference().isDefined() ? difference(g, g.difference().value())
            : "n/a (" + g.difference().reason() + ")");
        html.element("td", interval(g));
        html.element("td", effect(g));
        html.element("td", pValue(g.pValue()));
        html.element("td", pValue(g.qValue()));
        html.element("td", !g.flagged() ? "no" : g.difference().value() < 0 ? "yes, lower" : "yes, higher",
            "class", "text");
        html.close("tr");
      }
    }
    html.close("tbody");
    html.close("table");
  }
}

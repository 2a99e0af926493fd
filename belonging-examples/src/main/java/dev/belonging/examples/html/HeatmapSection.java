package dev.belonging.examples.html;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Segments × dimensions: each shown cell carries its value and is coloured by its difference from the
 * population in the same dimension (diverging, centred on the population); hidden segments are hatched
 * across the row with their reason written on them, and a dimension hidden inside a shown segment is
 * hatched lightly and says so. A table with the same numbers follows.
 *
 * <p>This class is immutable and thread-safe.
 */
final class HeatmapSection implements ReportSection {

  private static final String ID = "heatmap-chart";
  private static final double LABEL_W = 200;
  private static final double N_W = 64;
  private static final double CELL_W = 160;
  private static final double CELL_H = 26;
  private static final double GROUP_H = 32;
  private static final double LINE_H = 16;
  private static final int HEADER_LINES = 3;
  private static final int HEADER_CHARS = 23;

  @Override
  public String id() {
    return "heatmap";
  }

  @Override
  public String title() {
    return "Belonging by group";
  }

  @Override
  public boolean appliesTo(ReportView view) {
    return !view.report().segments().isEmpty();
  }

  @Override
  public void render(ReportView view, Markup html) {
    Measure m = view.measure();
    int k = view.k();
    html.element("p", "Each row is a group of people, each column a dimension of belonging. A cell shows the "
        + "group's " + m.title().toLowerCase(java.util.Locale.ROOT) + " (" + m.range() + ") and is coloured by "
        + "how far it is from everyone's value in the top row: red is lower, blue is higher, pale is about the "
        + "same. Hatched cells are hidden to protect anonymity; the reason is written on them. Colour shows "
        + "how large a difference is, not how sure it is: small groups vary by chance, and the next section "
        + "says which differences are clear.");
    legend(html, m, k);
    html.open("figure");
    chart(view, html);
    html.close("figure");
    html.open("details");
    html.element("summary", "The same numbers as a table");
    table(view, html);
    html.close("details");
  }

  private static void legend(Markup html, Measure m, int k) {
    html.element("p", "Colour: the difference from everyone, in " + (m == Measure.MEAN ? "points of the answer "
        + "scale rescaled to 0\u2013100" : m.units()) + ".", "class", "note");
    html.open("ul", "class", "legend", "aria-label", "Colour key");
    String[] words = {"much lower", "lower", "a little lower", "about the same", "a little higher", "higher",
        "much higher"};
    for (int i = 0; i < words.length; i++) {
      html.open("li");
      html.element("span", "", "class", "swatch b" + i, "aria-hidden", "true");
      html.text(words[i] + " (" + range(i) + ")");
      html.close("li");
    }
    html.open("li");
    html.element("span", "", "class", "swatch hatch", "aria-hidden", "true");
    html.text("hidden group");
    html.close("li");
    html.open("li");
    html.element("span", "", "class", "swatch hatch-light", "aria-hidden", "true");
    html.text("dimension hidden in a shown group: fewer than " + k + " scores, or to protect a smaller group");
    html.close("li");
    html.close("ul");
  }

  /** Returns the range of differences a colour class stands for, e.g. {@code 2.5 to 7.5}. */
  private static String range(int bin) {
    double half = Palette.STEP / 2;
    int steps = Math.abs(bin - 3);
    String sign = bin < 3 ? "\u2212" : "+";
    if (steps == 0) {
      return "within \u00b1" + Numbers.fixed(half, 1);
    }
    if (steps == 3) {
      return sign + Numbers.fixed(half + 2 * Palette.STEP, 1) + " or more";
    }
    return sign + Numbers.fixed(half + (steps - 1) * Palette.STEP, 1) + " to " + sign
        + Numbers.fixed(half + steps * Palette.STEP, 1);
  }

  private static void chart(ReportView view, Markup html) {
    List<Dimension> dims = view.dimensions();
    Measure m = view.measure();
    int k = view.k();
    double top = LINE_H * HEADER_LINES + 14;
    double height = top;
    for (ReportView.Group g : view.groups()) {
      height += (g.title().isEmpty() ? 0 : GROUP_H) + g.segments().size() * CELL_H;
    }
    height += 8;
    double x0 = LABEL_W + N_W;
    double width = x0 + dims.size() * CELL_W + 4;
    Svg.open(html, ID, width, height, m.title() + " by group and dimension",
        "A heatmap with one row per group and one column per dimension; the table below has the same numbers.");
    Svg.hatchings(html, ID);
    Svg.text(html, x0 - 10, top - 8, "end", "small", Palette.MUTED, "people");
    for (int d = 0; d < dims.size(); d++) {
      Dimension dim = dims.get(d);
      List<String> lines = new ArrayList<>();
      String shortName = ReportView.shortName(dim);
      lines.add(ReportView.shorten(shortName, HEADER_CHARS));
      if (shortName.length() < dim.name().length()) {
        lines.addAll(ReportView.wrap(dim.name().substring(shortName.length() + 1), HEADER_CHARS,
            HEADER_LINES - 1));
      }
      html.open("g");
      html.element("title", dim.name());
      double y = top - 8 - (lines.size() - 1) * LINE_H;
      for (int i = 0; i < lines.size(); i++) {
        Svg.text(html, x0 + d * CELL_W + CELL_W / 2, y + i * LINE_H, "middle", i == 0 ? "strong" : "small",
            i == 0 ? Palette.INK : Palette.MUTED, lines.get(i));
      }
      html.close("g");
    }
    double y = top;
    for (ReportView.Group g : view.groups()) {
      if (!g.title().isEmpty()) {
        Svg.text(html, 4, y + GROUP_H - 10, "start", "group", Palette.INK, g.heading());
        html.leaf("line", "x1", "0", "x2", Numbers.coordinate(width), "y1", Numbers.coordinate(y + GROUP_H - 4),
            "y2", Numbers.coordinate(y + GROUP_H - 4), "stroke", Palette.HATCH, "stroke-width", "1");
        y += GROUP_H;
      }
      for (SegmentResult s : g.segments()) {
        row(view, html, s, dims, m, k, y, x0);
        y += CELL_H;
      }
    }
    html.close("svg");
  }

  private static void row(ReportView view, Markup html, SegmentResult s, List<Dimension> dims, Measure m, int k,
      double y, double x0) {
    boolean population = s.segment().isPopulation();
    String label = ReportView.shorten(ReportView.label(s.segment()), 26);
    double baseline = y + CELL_H / 2 + 4.5;
    html.open("g");
    html.element("title", ReportView.fullLabel(s.segment()));
    Svg.text(html, population ? 4 : 16, baseline, "start", population ? "strong" : "", Palette.INK, label);
    html.close("g");
    if (s instanceof SuppressedSegment hidden) {
      Svg.text(html, x0 - 10, baseline, "end", "", Palette.MUTED, "\u2014");
      double w = dims.size() * CELL_W - 2;
      html.open("g");
      html.element("title", ReportView.fullLabel(s.segment()) + ": hidden, " + hidden.reason());
      Svg.rect(html, x0 + 1, y + 1, w, CELL_H - 2, "url(#" + ID + "-hatch)");
      Svg.text(html, x0 + 1 + w / 2, baseline, "middle", "halo", Palette.INK,
          ReportView.shorten("hidden: " + hidden.reason(), (int) (w / 7.5)));
      html.close("g");
      return;
    }
    ShownSegment shown = (ShownSegment) s;
    Svg.text(html, x0 - 10, baseline, "end", population ? "strong" : "", Palette.INK,
        Long.toString(shown.respondents()));
    for (int d = 0; d < dims.size(); d++) {
      Dimension dim = dims.get(d);
      double x = x0 + d * CELL_W + 1;
      double cx = x + (CELL_W - 2) / 2;
      html.open("g");
      Optional<Statistic> value = ReportView.statistic(shown, dim.id(), m.statistic());
      if (value.isEmpty()) {
        html.element("title", ReportView.fullLabel(s.segment()) + ", " + dim.name() + ": hidden, because fewer "
            + "than " + k + " people have a score in this dimension, or because showing it would let a smaller "
            + "group be worked out");
        Svg.rect(html, x, y + 1, CELL_W - 2, CELL_H - 2, "url(#" + ID + "-hatch-light)");
        Svg.text(html, cx, baseline, "middle", "halo", Palette.INK, "hidden");
      } else if (!value.get().isDefined()) {
        html.element("title", ReportView.fullLabel(s.segment()) + ", " + dim.name() + ": not defined ("
            + value.get().reason() + ")");
        Svg.rect(html, x, y + 1, CELL_W - 2, CELL_H - 2, Palette.UNDEFINED);
        Svg.text(html, cx, baseline, "middle", "", Palette.INK, "n/a");
      } else {
        double v = value.get().value();
        Optional<Double> reference = view.populationValue(dim.id());
        String fill = Palette.DIVERGING[3];
        String tip = ReportView.fullLabel(s.segment()) + ", " + dim.name() + ": " + m.format(v);
        if (!population && reference.isPresent()) {
          double difference = v - reference.get();
          Scale scale = view.report().instrument().scaleOfDimension(dim.id());
          fill = Palette.DIVERGING[Palette.bin(m.points(difference, scale))];
          tip += " (" + m.formatDifference(v, reference.get()) + " against everyone, "
              + m.format(reference.get()) + ")";
        }
        long n = shown.dimensions().get(dim.id()).respondents();
        html.element("title", tip + "; " + n + " people with a score");
        Svg.rect(html, x, y + 1, CELL_W - 2, CELL_H - 2, fill);
        if (population) {
          html.leaf("rect", "x", Numbers.coordinate(x + 1), "y", Numbers.coordinate(y + 2), "width",
              Numbers.coordinate(CELL_W - 4), "height", Numbers.coordinate(CELL_H - 4), "fill", "none", "stroke",
              Palette.INK, "stroke-width", "1.5");
        }
        Svg.text(html, cx, baseline, "middle", population ? "strong" : "", Palette.textOn(fill), m.format(v));
      }
      html.close("g");
    }
  }

  private static void table(ReportView view, Markup html) {
    List<Dimension> dims = view.dimensions();
    Measure m = view.measure();
    html.open("table");
    html.element("caption", m.title() + " (" + m.range() + ") by group; in brackets the difference from "
        + "everyone");
    html.open("thead");
    html.open("tr");
    html.element("th", "Group", "scope", "col", "class", "text");
    html.element("th", "People", "scope", "col");
    for (Dimension d : dims) {
      html.element("th", d.name(), "scope", "col");
    }
    html.close("tr");
    html.close("thead");
    html.open("tbody");
    for (ReportView.Group g : view.groups()) {
      if (!g.title().isEmpty()) {
        html.open("tr", "class", "group");
        html.element("th", g.heading(), "scope", "colgroup", "colspan", Integer.toString(dims.size() + 2));
        html.close("tr");
      }
      for (SegmentResult s : g.segments()) {
        boolean population = s.segment().isPopulation();
        if (population) {
          html.open("tr", "class", "population");
        } else {
          html.open("tr");
        }
        html.element("th", ReportView.label(s.segment()), "scope", "row", "title",
            ReportView.fullLabel(s.segment()));
        if (s instanceof SuppressedSegment hidden) {
          html.element("td", "\u2014");
          html.element("td", "hidden: " + hidden.reason(), "class", "hidden", "colspan",
              Integer.toString(dims.size()));
        } else {
          ShownSegment shown = (ShownSegment) s;
          html.element("td", Long.toString(shown.respondents()));
          for (Dimension d : dims) {
            html.element("td", cell(view, shown, d, m, population));
          }
        }
        html.close("tr");
      }
    }
    html.close("tbody");
    html.close("table");
  }

  private static String cell(ReportView view, ShownSegment shown, Dimension d, Measure m, boolean population) {
    Optional<Statistic> value = ReportView.statistic(shown, d.id(), m.statistic());
    if (value.isEmpty()) {
      return "hidden: fewer than " + view.k() + " scores, or to protect a smaller group";
    }
    if (!value.get().isDefined()) {
      return "n/a (" + value.get().reason() + ")";
    }
    double v = value.get().value();
    Optional<Double> reference = view.populationValue(d.id());
    return population || reference.isEmpty()
        ? m.format(v)
        : m.format(v) + " (" + m.formatDifference(v, reference.get()) + ")";
  }
}

package dev.belonging.examples.html;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Question;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.report.QuestionResult;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import java.util.List;
import java.util.Optional;

/**
 * Per dimension, how each group's answers split into unfavorable, neutral and favorable (from the report's
 * {@code unfavorable} and {@code favorable} shares; neutral is the rest), as stacked bars, with the
 * dimension's questions and a table with the same numbers. Present when the report has both shares.
 *
 * <p>This class is immutable and thread-safe.
 */
final class DistributionSection implements ReportSection {

  private static final double LABEL_W = 160;
  private static final double BAR_W = 360;
  private static final double ROW_H = 21;
  private static final double BAR_H = 16;
  private static final double GROUP_H = 26;
  private static final double MIN_LABEL_W = 30;

  @Override
  public String id() {
    return "answers";
  }

  @Override
  public String title() {
    return "How people answered, per dimension";
  }

  @Override
  public boolean appliesTo(ReportView view) {
    return view.has("favorable") && view.has("unfavorable");
  }

  @Override
  public void render(ReportView view, Markup html) {
    html.element("p", "The share of all answers to a dimension's questions that were unfavorable, neutral or "
        + "favorable, per group. Reverse-worded questions are counted after reversing, so that favorable "
        + "always means more belonging.");
    html.open("ul", "class", "legend", "aria-label", "Colour key");
    legendItem(html, "unfavorable", "unfavorable");
    legendItem(html, "neutral", "neutral");
    legendItem(html, "favorable", "favorable");
    legendItem(html, "hatch", "hidden group");
    html.close("ul");
    html.open("div", "class", "cards");
    List<Dimension> dims = view.dimensions();
    for (int d = 0; d < dims.size(); d++) {
      Dimension dim = dims.get(d);
      html.open("div", "class", "card");
      html.element("h3", dim.name(), "id", "answers-" + d);
      html.open("figure");
      chart(view, html, dim, "answers-chart-" + d);
      html.close("figure");
      html.open("details");
      html.element("summary", "The same numbers as a table");
      table(view, html, dim);
      html.close("details");
      questions(view, html, dim);
      html.close("div");
    }
    html.close("div");
  }

  private static void legendItem(Markup html, String cssClass, String text) {
    html.open("li");
    html.element("span", "", "class", "swatch " + cssClass, "aria-hidden", "true");
    html.text(text);
    html.close("li");
  }

  /** The three shares of a dimension in a shown segment, when both are defined. */
  private static Optional<double[]> shares(ShownSegment s, String dimensionId) {
    Optional<Statistic> f = ReportView.statistic(s, dimensionId, "favorable");
    Optional<Statistic> u = ReportView.statistic(s, dimensionId, "unfavorable");
    if (f.isEmpty() || u.isEmpty() || !f.get().isDefined() || !u.get().isDefined()) {
      return Optional.empty();
    }
    double fav = f.get().value();
    double unf = u.get().value();
    return Optional.of(new double[] {unf, Math.max(0, 1 - fav - unf), fav});
  }

  private static void chart(ReportView view, Markup html, Dimension dim, String id) {
    double top = 20;
    double height = top;
    for (ReportView.Group g : view.groups()) {
      height += (g.title().isEmpty() ? 0 : GROUP_H) + g.segments().size() * ROW_H;
    }
    height += 6;
    double width = LABEL_W + BAR_W + 4;
    Svg.open(html, id, width, height, "Unfavorable, neutral and favorable answers: " + dim.name(),
        "Stacked bars, one per group; the table that follows has the same numbers.");
    Svg.hatchings(html, id);
    for (int tick = 0; tick <= 100; tick += 25) {
      double x = LABEL_W + BAR_W * tick / 100.0;
      html.leaf("line", "x1", Numbers.coordinate(x), "x2", Numbers.coordinate(x), "y1",
          Numbers.coordinate(top - 4), "y2", Numbers.coordinate(height - 4), "stroke", "#e6e6e6",
          "stroke-width", "1");
      Svg.text(html, x, top - 7, tick == 0 ? "start" : tick == 100 ? "end" : "middle", "small", Palette.MUTED,
          tick + "%");
    }
    double y = top;
    for (ReportView.Group g : view.groups()) {
      if (!g.title().isEmpty()) {
        Svg.text(html, 4, y + GROUP_H - 8, "start", "group", Palette.INK, g.heading());
        y += GROUP_H;
      }
      for (SegmentResult s : g.segments()) {
        bar(view, html, s, dim, id, y);
        y += ROW_H;
      }
    }
    html.close("svg");
  }

  private static void bar(ReportView view, Markup html, SegmentResult s, Dimension dim, String id, double y) {
    boolean population = s.segment().isPopulation();
    double by = y + (ROW_H - BAR_H) / 2;
    double baseline = by + BAR_H / 2 + 4.5;
    html.open("g");
    html.element("title", ReportView.fullLabel(s.segment()));
    Svg.text(html, population ? 4 : 16, baseline, "start", population ? "strong" : "", Palette.INK,
        ReportView.shorten(ReportView.label(s.segment()), 18));
    html.close("g");
    html.open("g");
    if (s instanceof SuppressedSegment hidden) {
      html.element("title", ReportView.fullLabel(s.segment()) + ": hidden, " + hidden.reason());
      Svg.rect(html, LABEL_W, by, BAR_W, BAR_H, "url(#" + id + "-hatch)");
      Svg.text(html, LABEL_W + BAR_W / 2, baseline, "middle", "small halo", Palette.INK,
          ReportView.shorten("hidden: " + hidden.reason(), (int) (BAR_W / 6.5)));
      html.close("g");
      return;
    }
    Optional<double[]> shares = shares((ShownSegment) s, dim.id());
    if (shares.isEmpty()) {
      html.element("title", ReportView.fullLabel(s.segment()) + ": hidden, because fewer than " + view.k()
          + " people answered, or because showing it would let a smaller group be worked out");
      Svg.rect(html, LABEL_W, by, BAR_W, BAR_H, "url(#" + id + "-hatch-light)");
      Svg.text(html, LABEL_W + BAR_W / 2, baseline, "middle", "small halo", Palette.INK,
          "hidden: too few answers, or to protect a smaller group");
      html.close("g");
      return;
    }
    double[] p = shares.get();
    int[] whole = Numbers.wholePercents(p);
    html.element("title", ReportView.fullLabel(s.segment()) + ": " + whole[0] + "% unfavorable, " + whole[1]
        + "% neutral, " + whole[2] + "% favorable");
    String[] fills = {Palette.UNFAVORABLE, Palette.NEUTRAL, Palette.FAVORABLE};
    double x = LABEL_W;
    for (int i = 0; i < 3; i++) {
      double w = BAR_W * p[i];
      if (w > 0) {
        Svg.rect(html, x, by, w, BAR_H, fills[i]);
        if (w >= MIN_LABEL_W) {
          Svg.text(html, x + w / 2, baseline, "middle", population ? "small strong" : "small",
              Palette.textOn(fills[i]), whole[i] + "%");
        }
      }
      x += w;
    }
    html.close("g");
  }

  private static void table(ReportView view, Markup html, Dimension dim) {
    html.open("table");
    html.element("caption", dim.name() + ": share of answers");
    html.open("thead");
    html.open("tr");
    html.element("th", "Group", "scope", "col", "class", "text");
    html.element("th", "Unfavorable", "scope", "col");
    html.element("th", "Neutral", "scope", "col");
    html.element("th", "Favorable", "scope", "col");
    html.close("tr");
    html.close("thead");
    html.open("tbody");
    for (ReportView.Group g : view.groups()) {
      if (!g.title().isEmpty()) {
        html.open("tr", "class", "group");
        html.element("th", g.heading(), "scope", "colgroup", "colspan", "4");
        html.close("tr");
      }
      for (SegmentResult s : g.segments()) {
        if (s.segment().isPopulation()) {
          html.open("tr", "class", "population");
        } else {
          html.open("tr");
        }
        html.element("th", ReportView.label(s.segment()), "scope", "row", "title",
            ReportView.fullLabel(s.segment()));
        if (s instanceof SuppressedSegment hidden) {
          html.element("td", "hidden: " + hidden.reason(), "class", "hidden", "colspan", "3");
        } else {
          Optional<double[]> shares = shares((ShownSegment) s, dim.id());
          if (shares.isEmpty()) {
            html.element("td", "hidden: fewer than " + view.k() + " answered, or to protect a smaller group",
                "class", "hidden",
                "colspan", "3");
          } else {
            int[] whole = Numbers.wholePercents(shares.get());
            for (int w : whole) {
              html.element("td", w + "%");
            }
          }
        }
        html.close("tr");
      }
    }
    html.close("tbody");
    html.close("table");
  }

  private static void questions(ReportView view, Markup html, Dimension dim) {
    List<Question> items = view.report().instrument().questionsOf(dim.id());
    html.open("details");
    html.element("summary", "The " + items.size() + (items.size() == 1 ? " question" : " questions"));
    html.open("table");
    html.element("caption", dim.name() + ": questions, favorable share of everyone's answers");
    html.open("thead");
    html.open("tr");
    html.element("th", "Question", "scope", "col", "class", "text");
    html.element("th", "Favorable", "scope", "col");
    html.close("tr");
    html.close("thead");
    html.open("tbody");
    for (Question q : items) {
      html.open("tr");
      html.element("th", q.text() + (q.isReverse() ? " (reverse-worded)" : ""), "scope", "row");
      Optional<QuestionResult> r = view.population().map(p -> p.questions().get(q.id()));
      html.element("td", r.isEmpty() ? "not shown"
          : r.get().favorable().isDefined() ? Numbers.percent(r.get().favorable().value()) : "n/a");
      html.close("tr");
    }
    html.close("tbody");
    html.close("table");
    html.close("details");
  }
}

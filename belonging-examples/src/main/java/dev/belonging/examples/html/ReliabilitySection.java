package dev.belonging.examples.html;

import dev.belonging.core.model.Dimension;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.reliability.ItemReliability;
import dev.belonging.scoring.reliability.Reliability;
import java.util.List;

/**
 * How consistently each dimension's questions measure one thing: Cronbach's alpha per dimension as bars
 * against the usual 0.7 and 0.8 marks, a table with items and respondents, and per item the alpha if it
 * were dropped and its correlation with the rest.
 *
 * <p>This class is immutable and thread-safe.
 */
final class ReliabilitySection implements ReportSection {

  private static final String ID = "reliability-chart";
  private static final double LABEL_W = 200;
  private static final double BAR_W = 420;
  private static final double ROW_H = 28;

  @Override
  public String id() {
    return "reliability";
  }

  @Override
  public String title() {
    return "Can the dimensions be trusted?";
  }

  @Override
  public boolean appliesTo(ReportView view) {
    return !view.report().reliability().isEmpty();
  }

  @Override
  public void render(ReportView view, Markup html) {
    html.element("p", "Cronbach's alpha tells how consistently a dimension's questions measure one thing, "
        + "over everyone's answers. A common reading: 0.9 and above excellent, 0.8 good, 0.7 acceptable, "
        + "0.6 questionable, below that poor. A dimension with a low alpha gives noisy scores: treat its "
        + "differences between groups with care.");
    List<Reliability> entries = view.report().reliability();
    html.open("figure");
    chart(view, html, entries);
    html.close("figure");
    html.open("table");
    html.element("caption", "Reliability per dimension");
    html.open("thead");
    html.open("tr");
    html.element("th", "Dimension", "scope", "col", "class", "text");
    html.element("th", "Questions", "scope", "col");
    html.element("th", "People", "scope", "col");
    html.element("th", "Cronbach's alpha", "scope", "col");
    html.element("th", "Reading", "scope", "col", "class", "text");
    html.close("tr");
    html.close("thead");
    html.open("tbody");
    for (Reliability r : entries) {
      html.open("tr");
      html.element("th", name(view, r.dimensionId()), "scope", "row");
      html.element("td", Integer.toString(r.items()));
      html.element("td", Long.toString(r.respondents()));
      html.element("td", r.alpha().isDefined() ? Numbers.fixed(r.alpha().value(), 2) : "n/a");
      html.element("td", reading(r.alpha()), "class", "text");
      html.close("tr");
    }
    html.close("tbody");
    html.close("table");
    html.open("details");
    html.element("summary", "Per question: alpha without it, and its correlation with the rest");
    for (Reliability r : entries) {
      items(view, html, r);
    }
    html.close("details");
  }

  private static String name(ReportView view, String dimensionId) {
    return view.report().instrument().dimension(dimensionId).map(Dimension::name).orElse(dimensionId);
  }

  /** The usual reading of an alpha (George and Mallery's rule of thumb). */
  static String reading(Statistic alpha) {
    if (!alpha.isDefined()) {
      return "not defined (" + alpha.reason() + ")";
    }
    double a = alpha.value();
    return a >= 0.9 ? "excellent" : a >= 0.8 ? "good" : a >= 0.7 ? "acceptable" : a >= 0.6 ? "questionable"
        : "poor";
  }

  private static void chart(ReportView view, Markup html, List<Reliability> entries) {
    double top = 24;
    double height = top + entries.size() * ROW_H + 8;
    double width = LABEL_W + BAR_W + 60;
    Svg.open(html, ID, width, height + 30, "Cronbach's alpha per dimension",
        "Bars from 0 to 1 with dashed marks at 0.7 (acceptable) and 0.8 (good); the table that follows "
            + "has the same numbers.");
    for (int tick = 0; tick <= 10; tick += 2) {
      double x = LABEL_W + BAR_W * tick / 10.0;
      html.leaf("line", "x1", Numbers.coordinate(x), "x2", Numbers.coordinate(x), "y1",
          Numbers.coordinate(top - 4), "y2", Numbers.coordinate(height - 4), "stroke", "#e6e6e6",
          "stroke-width", "1");
      Svg.text(html, x, top - 8, "middle", "small", Palette.MUTED, Numbers.fixed(tick / 10.0, 1));
    }
    String[] marks = {"0.7 acceptable", "0.8 good"};
    for (int i = 0; i < marks.length; i++) {
      double x = LABEL_W + BAR_W * (0.7 + 0.1 * i);
      double label = height + 8 + 14 * i;
      html.leaf("line", "x1", Numbers.coordinate(x), "x2", Numbers.coordinate(x), "y1",
          Numbers.coordinate(top - 4), "y2", Numbers.coordinate(label), "stroke", Palette.MUTED,
          "stroke-width", "1.5", "stroke-dasharray", "4 3");
      Svg.text(html, x + 4, label, "start", "small", Palette.MUTED, marks[i] + " and above");
    }
    double y = top;
    for (Reliability r : entries) {
      html.open("g");
      html.element("title", name(view, r.dimensionId()) + ": alpha " + (r.alpha().isDefined()
          ? Numbers.fixed(r.alpha().value(), 2) : "n/a") + ", " + reading(r.alpha()));
      double baseline = y + ROW_H / 2 + 4.5;
      Svg.text(html, 4, baseline, "start", "", Palette.INK,
          ReportView.shorten(ReportView.shortName(view.report().instrument().dimension(r.dimensionId())
              .orElse(Dimension.of(r.dimensionId(), r.dimensionId()))), 26));
      if (r.alpha().isDefined()) {
        double a = r.alpha().value();
        double w = BAR_W * Math.max(0, Math.min(1, a));
        Svg.rect(html, LABEL_W, y + 5, w, ROW_H - 10, a >= 0.7 ? Palette.FAVORABLE : Palette.DIVERGING[1]);
        Svg.text(html, LABEL_W + w + 6, baseline, "start", "strong", Palette.INK, Numbers.fixed(a, 2));
      } else {
        Svg.text(html, LABEL_W + 6, baseline, "start", "", Palette.MUTED, "n/a (" + r.alpha().reason() + ")");
      }
      html.close("g");
      y += ROW_H;
    }
    html.close("svg");
  }

  private static void items(ReportView view, Markup html, Reliability r) {
    html.open("table");
    html.element("caption", name(view, r.dimensionId()));
    html.open("thead");
    html.open("tr");
    html.element("th", "Question", "scope", "col", "class", "text");
    html.element("th", "Alpha without it", "scope", "col");
    html.element("th", "Correlation with the rest", "scope", "col");
    html.close("tr");
    html.close("thead");
    html.open("tbody");
    for (ItemReliability item : r.itemStatistics()) {
      html.open("tr");
      html.element("th", view.questionText(item.questionId()), "scope", "row");
      html.element("td", format(item.alphaIfDeleted()));
      html.element("td", format(item.itemRestCorrelation()));
      html.close("tr");
    }
    html.close("tbody");
    html.close("table");
  }

  private static String format(Statistic s) {
    return s.isDefined() ? Numbers.fixed(s.value(), 2) : "n/a (" + s.reason() + ")";
  }
}

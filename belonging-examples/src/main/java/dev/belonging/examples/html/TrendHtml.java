package dev.belonging.examples.html;

import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportText;
import dev.belonging.scoring.trend.TrendReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders a {@link TrendReport} as one self-contained HTML page: a header with the instrument, the waves and
 * their headcounts and the minimum group size; the questions missing from a wave; small line charts of every
 * shown group's mean per wave with 95 % confidence intervals, per dimension, each with a table of the same
 * numbers; the changes between waves; and, with a treatment, the intervention's estimate with its placebo
 * check and what it assumes.
 *
 * <p>As {@link HtmlReport}: inline CSS and SVG only, no script, nothing fetched; everything comes from the
 * trend report, which only holds what the anonymity rules let through; every string from the data passes
 * through {@link Html#escape(String)}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TrendHtml {

  private TrendHtml() {}

  /**
   * Renders a trend report.
   *
   * @param report the report
   * @return the HTML document, UTF-8 text
   */
  public static String render(TrendReport report) {
    TrendView view = new TrendView(Objects.requireNonNull(report, "report"));
    Markup html = new Markup();
    HtmlReport.head(html, "Belonging trend: " + report.instrument().name());
    html.open("body");
    html.open("main");
    html.open("header", "class", "top");
    html.element("p", "Belonging trend", "class", "kicker");
    html.element("h1", report.instrument().name());
    List<String> waves = new ArrayList<>();
    for (Report w : report.waves()) {
      waves.add(w.wave().label() + " (" + w.respondents() + " people)");
    }
    html.element("p", "Instrument " + report.instrument().id() + ", version " + report.instrument().version()
        + " \u00b7 waves " + String.join(", ", waves), "class", "subtitle");
    html.close("header");
    html.open("div", "class", "privacy");
    html.element("p", "Anonymity: in every wave, no number is shown for a group of fewer than " + view.k()
        + " people, nor for a group whose numbers would let a smaller group be worked out. A change is shown "
        + "only where both waves show the group.");
    report.missingQuestions().forEach(m -> html.element("p", "Question " + m.question() + " is missing from "
        + m.wave().label() + ": its dimension is compared on the questions both waves share."));
    if (report.workBoundReached()) {
      html.element("p", ReportText.WORK_BOUND_NOTE);
    }
    html.close("div");
    if (!view.abridged().isEmpty()) {
      html.element("p", "This report has more groups than a page can chart: the charts and the table of "
          + "changes show at most " + ReportView.MOST_GROUPS + " groups of each breakdown, those that changed "
          + "most clearly (a change with q below 0.05, the smallest first)" + view.report().treatment()
              .map(t -> " and the treated group").orElse("") + ": " + String.join("; ", view.abridged())
          + ". Every group is in the report's JSON and CSV forms.", "class", "note");
    }

    section(html, TrendChartsSection.id(), TrendChartsSection.title());
    TrendChartsSection.render(view, html);
    html.close("section");
    if (!report.changes().isEmpty()) {
      section(html, "changes", "Changes between waves");
      TrendEffectsSection.changes(view, html);
      html.close("section");
    }
    if (report.treatment().isPresent()) {
      section(html, "intervention", "Did the intervention work?");
      TrendEffectsSection.intervention(view, html);
      html.close("section");
    }
    html.open("footer");
    html.element("p", "Made by belonging from the trend report's published numbers only. Numbers are rounded "
        + "for reading; the JSON and CSV forms of the report have them in full.");
    html.close("footer");
    html.close("main");
    html.close("body");
    html.close("html");
    return html.finish();
  }

  private static void section(Markup html, String id, String title) {
    html.open("section", "id", id, "aria-labelledby", id + "-heading");
    html.element("h2", title, "id", id + "-heading");
  }
}

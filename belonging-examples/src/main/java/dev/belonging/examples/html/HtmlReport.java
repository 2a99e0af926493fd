package dev.belonging.examples.html;

import dev.belonging.core.model.Wave;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportText;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders a {@link Report} as one self-contained HTML page for the people who read it: a header with the
 * instrument, wave, headcount, minimum group size and what was hidden and why; a heatmap of groups ×
 * dimensions; the gaps as forest plots, with the flagged ones in words; per dimension the split of answers
 * into unfavorable, neutral and favorable; reliability; comments where the report has them; rejected input
 * rows.
 *
 * <p>The page has inline CSS and inline SVG only: no script, no font, no image, nothing fetched from
 * anywhere, so it reads the same offline and prints (the tables behind the charts open in print). Every
 * chart has a table with the same numbers. Everything comes from the report: the page cannot show a number
 * the report's anonymity rules did not let through. Every string from the data passes through {@link
 * Html#escape(String)}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class HtmlReport {

  /** The sections, in page order; a section without content for a report is left out. */
  private static final List<ReportSection> SECTIONS = List.of(new HeatmapSection(), new GapsSection(),
      new DistributionSection(), new ReliabilitySection(), new CommentsSection(), new RejectedSection());

  private HtmlReport() {}

  /**
   * Renders a report.
   *
   * @param report the report
   * @return the HTML document, UTF-8 text
   */
  public static String render(Report report) {
    ReportView view = new ReportView(Objects.requireNonNull(report, "report"));
    List<ReportSection> sections = new ArrayList<>();
    for (ReportSection s : SECTIONS) {
      if (s.appliesTo(view)) {
        sections.add(s);
      }
    }
    Markup html = new Markup();
    head(html, "Belonging report: " + report.instrument().name() + waveSuffix(report));
    html.open("body");
    html.open("main");
    header(view, html, sections);
    for (ReportSection s : sections) {
      html.open("section", "id", s.id(), "aria-labelledby", s.id() + "-heading");
      html.element("h2", s.title(), "id", s.id() + "-heading");
      s.render(view, html);
      html.close("section");
    }
    html.open("footer");
    html.element("p", "Made by belonging from the report's published numbers only. Groups smaller than "
        + view.k() + " people, and groups whose numbers could be worked out from others, are never shown. "
        + "Numbers are rounded for reading; the JSON and CSV forms of the report have them in full.");
    html.close("footer");
    html.close("main");
    html.close("body");
    html.close("html");
    return html.finish();
  }

  /**
   * Opens the page and writes its head: no script, nothing fetched (a content security policy that allows
   * only the inline style sheet), the style sheet and the title.
   */
  static void head(Markup html, String title) {
    html.open("html", "lang", "en");
    html.open("head");
    html.leaf("meta", "charset", "utf-8");
    html.leaf("meta", "http-equiv", "Content-Security-Policy", "content",
        "default-src 'none'; style-src 'unsafe-inline'");
    html.leaf("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
    html.element("title", title);
    html.styleSheet(Style.CSS);
    html.close("head");
  }

  private static String waveSuffix(Report report) {
    return report.wave().equals(Wave.DEFAULT) ? "" : ", " + report.wave().label();
  }

  private static void header(ReportView view, Markup html, List<ReportSection> sections) {
    Report report = view.report();
    html.open("header", "class", "top");
    html.element("p", "Belonging report", "class", "kicker");
    html.element("h1", report.instrument().name());
    StringBuilder sub = new StringBuilder();
    sub.append("Instrument ").append(report.instrument().id()).append(", version ")
        .append(report.instrument().version()).append(" \u00b7 ")
        .append(report.wave().equals(Wave.DEFAULT) ? "one wave" : "wave " + report.wave().label());
    report.wave().date().ifPresent(d -> sub.append(" (").append(d).append(')'));
    if (!report.breakdowns().isEmpty()) {
      List<String> by = new ArrayList<>();
      for (Breakdown b : report.breakdowns()) {
        by.add(String.join(" \u00d7 ", b.attributes()));
      }
      sub.append(" \u00b7 by ").append(String.join(", ", by));
    }
    html.element("p", sub.toString(), "class", "subtitle");
    html.close("header");

    int primary = report.suppressed(SuppressionReason.BELOW_K);
    int secondary = report.suppressed(SuppressionReason.COMPLEMENTARY);
    int omitted = omittedCells(view);
    int groups = 0;
    int shown = 0;
    for (SegmentResult s : report.segments()) {
      if (!s.segment().isPopulation()) {
        groups++;
        shown += s.isSuppressed() ? 0 : 1;
      }
    }
    html.open("ul", "class", "facts");
    fact(html, Long.toString(report.respondents()), "people answered", "");
    if (groups > 0) {
      fact(html, shown + " of " + groups, "groups shown", "");
    }
    fact(html, Integer.toString(view.k()), "minimum group size (k)", "");
    fact(html, Integer.toString(primary + secondary), "groups hidden", primary + secondary > 0 ? "hidden" : "");
    if (omitted > 0) {
      fact(html, Integer.toString(omitted), omitted == 1 ? "cell hidden inside a shown group"
          : "cells hidden inside shown groups", "hidden");
    }
    if (!report.gaps().isEmpty()) {
      long flagged = report.gaps().stream().filter(Gap::flagged).count();
      fact(html, flagged + " of " + report.gaps().size(), "gaps flagged", "");
    }
    if (!report.rejected().isEmpty()) {
      int n = report.rejected().size();
      fact(html, Integer.toString(n), n == 1 ? "problem in rejected rows" : "problems in rejected rows", "");
    }
    html.close("ul");

    html.open("div", "class", "privacy");
    html.element("p", "Anonymity: no number is shown for a group of fewer than " + view.k() + " people, nor "
        + "for a group whose numbers would let a smaller group be worked out (for example, a team's total "
        + "minus its office staff would give away its few remote staff).");
    List<String> why = new ArrayList<>();
    if (primary > 0) {
      why.add(primary + (primary == 1 ? " group has " : " groups have ") + "fewer than " + view.k()
          + " people");
    }
    if (secondary > 0) {
      why.add(secondary + (secondary == 1 ? " group is" : " groups are") + " hidden to protect a smaller "
          + "group that could otherwise be worked out");
    }
    if (omitted > 0) {
      why.add(omitted + (omitted == 1 ? " dimension of a shown group is" : " dimensions of shown groups are")
          + " hidden (fewer than " + view.k() + " scores, or to protect a smaller group)");
    }
    html.element("p", why.isEmpty()
        ? "Nothing had to be hidden in this report."
        : "Hidden here: " + String.join("; ", why) + ". Hidden cells are hatched and say why.");
    if (!why.isEmpty()) {
      html.element("p", "People in a hidden group still count in \u201cEveryone\u201d and in the other "
          + "breakdowns; only that group's own numbers are withheld. That a group is hidden says nothing about "
          + "how its people answered.");
    }
    if (report.workBoundReached()) {
      html.element("p", ReportText.WORK_BOUND_NOTE);
    }
    html.close("div");
    if (view.abridged()) {
      List<String> which = new ArrayList<>();
      for (ReportView.Group g : view.groups()) {
        if (g.abridged()) {
          which.add("by " + g.title() + ", " + (g.segments().isEmpty() ? "none" : g.segments().size()) + " of "
              + g.total());
        }
      }
      html.element("p", "This report has more groups than a page can chart: the charts show at most "
          + ReportView.MOST_GROUPS + " groups of each breakdown, those that differ most clearly (a flagged "
          + "gap, the smallest q-values first): " + String.join("; ", which) + ". Every group is in the "
          + "report's JSON and CSV forms.", "class", "note");
    }

    html.open("nav", "aria-label", "Contents");
    html.open("ul");
    for (ReportSection s : sections) {
      html.open("li");
      html.element("a", s.title(), "href", "#" + s.id());
      html.close("li");
    }
    html.close("ul");
    html.close("nav");
  }

  private static void fact(Markup html, String number, String what, String cssClass) {
    if (cssClass.isEmpty()) {
      html.open("li");
    } else {
      html.open("li", "class", cssClass);
    }
    html.element("span", number, "class", "num");
    html.element("span", what, "class", "what");
    html.close("li");
  }

  /** Counts dimensions omitted inside shown segments (fewer than k scores, or complementary). */
  private static int omittedCells(ReportView view) {
    int n = 0;
    for (SegmentResult s : view.report().segments()) {
      if (s instanceof ShownSegment shown) {
        for (var d : view.dimensions()) {
          if (!shown.dimensions().containsKey(d.id())) {
            n++;
          }
        }
      }
    }
    return n;
  }
}

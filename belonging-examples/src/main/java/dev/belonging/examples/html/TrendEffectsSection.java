package dev.belonging.examples.html;

import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.trend.Change;
import dev.belonging.scoring.trend.InterventionEstimate;
import dev.belonging.scoring.trend.InterventionResult;
import dev.belonging.scoring.trend.Placebo;
import dev.belonging.scoring.trend.SuppressedIntervention;
import dev.belonging.scoring.trend.Treatment;
import dev.belonging.scoring.trend.TrendText;

/**
 * The changes between waves (a table, the clear ones first in bold) and, with a treatment, the intervention's
 * estimate per dimension with its placebo check and what it assumes.
 */
final class TrendEffectsSection {

  private TrendEffectsSection() {}

  static void changes(TrendView view, Markup html) {
    html.element("p", "Later wave minus earlier wave, in score points, with the 95% confidence interval "
        + "(Welch). q is the p-value adjusted for testing every change in this report (Benjamini-Hochberg); "
        + "changes with q below 0.05 are in bold.", "class", "note");
    html.open("table");
    html.element("caption", "Changes between waves");
    html.open("thead");
    html.open("tr");
    for (String h : new String[] {"Waves", "Group", "Dimension", "Change", "95% CI", "q", "Note"}) {
      html.element("th", h, "scope", "col", "class", h.equals("Change") || h.equals("95% CI") || h.equals("q")
          ? "num" : "text");
    }
    html.close("tr");
    html.close("thead");
    html.open("tbody");
    for (Change c : view.report().changes()) {
      if (!view.charts(c.segment())) {
        continue;
      }
      boolean clear = c.qValue().isDefined() && c.qValue().value() < 0.05;
      html.open("tr", "class", clear ? "population" : "member");
      html.element("td", c.from() + " to " + c.to(), "class", "text");
      html.element("td", ReportView.fullLabel(c.segment()), "class", "text");
      html.element("td", dimensionName(view, c.dimension()), "class", "text");
      html.element("td", signed(c.difference()));
      html.element("td", fixed(c.ciLow()) + " to " + fixed(c.ciHigh()));
      html.element("td", c.qValue().isDefined() ? Numbers.fixed(c.qValue().value(), 3) : "n/a");
      html.element("td", c.note(), "class", "text");
      html.close("tr");
    }
    html.close("tbody");
    html.close("table");
  }

  static void intervention(TrendView view, Markup html) {
    Treatment t = view.report().treatment().orElseThrow();
    html.element("p", "Difference in differences: how much more the group " + ReportView.fullLabel(t.segment())
        + " changed from before " + t.after() + " to " + t.after() + " and later than everyone else did, in "
        + "score points.");
    html.open("ul");
    for (InterventionResult r : view.report().interventions()) {
      html.open("li");
      String name = dimensionName(view, r.dimension());
      if (r instanceof SuppressedIntervention s) {
        html.text(name + ": not shown (" + s.reason() + ").");
      } else {
        InterventionEstimate e = (InterventionEstimate) r;
        StringBuilder b = new StringBuilder(name).append(": ").append(signed(e.estimate()))
            .append(" points (95% CI ").append(fixed(e.ciLow())).append(" to ").append(fixed(e.ciHigh()))
            .append(", p ").append(e.pValue().isDefined() ? Numbers.fixed(e.pValue().value(), 3) : "n/a")
            .append(")");
        e.placeboRank().ifPresent(rank -> b.append("; ranks ").append(rank).append(" of ")
            .append(e.placebos().size() + 1).append(" among the same estimates for every group"));
        if (!e.note().isEmpty()) {
          b.append("; ").append(e.note());
        }
        html.text(b.append('.').toString());
      }
      html.close("li");
    }
    html.close("ul");
    html.element("p", TrendText.ASSUMPTIONS, "class", "note");
    for (InterventionResult r : view.report().interventions()) {
      if (r instanceof InterventionEstimate e && !e.placebos().isEmpty()) {
        html.open("details");
        html.element("summary", "Placebo estimates, " + dimensionName(view, e.dimension()));
        html.open("table");
        html.element("caption", "The same estimate for every other group, as if it had been treated");
        html.open("thead");
        html.open("tr");
        html.element("th", "Group", "scope", "col", "class", "text");
        html.element("th", "Estimate", "scope", "col");
        html.element("th", "Standard error", "scope", "col");
        html.close("tr");
        html.close("thead");
        html.open("tbody");
        html.open("tr", "class", "population");
        html.element("th", ReportView.fullLabel(e.treated()) + " (treated)", "scope", "row");
        html.element("td", signed(e.estimate()));
        html.element("td", fixed(e.standardError()));
        html.close("tr");
        for (Placebo p : e.placebos()) {
          html.open("tr", "class", "member");
          html.element("th", ReportView.fullLabel(p.segment()), "scope", "row");
          html.element("td", signed(p.estimate()));
          html.element("td", fixed(p.standardError()));
          html.close("tr");
        }
        html.close("tbody");
        html.close("table");
        html.close("details");
      }
    }
  }

  private static String dimensionName(TrendView view, String id) {
    return view.report().instrument().dimension(id).map(d -> d.name()).orElse(id);
  }

  private static String signed(Statistic s) {
    return s.isDefined() ? Numbers.signed(s.value(), 2) : "n/a";
  }

  private static String fixed(Statistic s) {
    return s.isDefined() ? Numbers.fixed(s.value(), 2) : "n/a";
  }
}

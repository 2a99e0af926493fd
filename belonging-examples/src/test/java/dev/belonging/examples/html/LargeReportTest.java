package dev.belonging.examples.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Response;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Wave;
import dev.belonging.examples.sample.SampleOrganisation;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.FavorableShare;
import dev.belonging.scoring.IndexScore;
import dev.belonging.scoring.MeanScore;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.UnfavorableShare;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.gaps.GapAnalysis;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.trend.Change;
import dev.belonging.scoring.trend.Survey;
import dev.belonging.scoring.trend.Treatment;
import dev.belonging.scoring.trend.TrendAnalysis;
import dev.belonging.scoring.trend.TrendReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A breakdown of more groups than a page can chart (a synthetic organisation of 10,000 people in 643 teams)
 * charts at most {@link ReportView#MOST_GROUPS} of them, those that differ most clearly, and the page says
 * so; a breakdown of fewer is charted whole.
 */
class LargeReportTest {

  private static final Instrument SHKV = Instruments.builtin("shkv");
  private static ResponseSet responses;
  private static BelongingAnalysis analysis;
  private static Report report;

  @BeforeAll
  static void analyse() {
    responses = SampleOrganisation.of(10_000, SampleOrganisation.DEFAULT_SEED).responses(SHKV);
    analysis = BelongingAnalysis.withDefaults(SHKV)
        .withBreakdowns(Breakdown.of("team"), Breakdown.of("tenure"))
        .withStrategies(List.of(new MeanScore(), new FavorableShare(), new UnfavorableShare(), new IndexScore()))
        .withValueOrder(SampleOrganisation.valueOrder());
    report = analysis.analyze(responses);
  }

  private static List<SegmentResult> ofBreakdown(Report r, String attribute) {
    return r.segments().stream().filter(s -> s.segment().attributes().keySet().equals(java.util.Set.of(attribute)))
        .toList();
  }

  /** Per segment with a flagged gap, its smallest q-value among them. */
  private static Map<Segment, Double> smallestFlaggedQ(Report r) {
    Map<Segment, Double> out = new HashMap<>();
    for (Gap g : r.gaps()) {
      if (g.flagged()) {
        out.merge(g.segment(), g.qValue().value(), Math::min);
      }
    }
    return out;
  }

  @Test
  void aBreakdownOfManyGroupsChartsThoseThatDifferMostClearlyInTheReportsOrder() {
    List<SegmentResult> teams = ofBreakdown(report, "team");
    Map<Segment, Double> q = smallestFlaggedQ(report);
    long clear = teams.stream().filter(s -> q.containsKey(s.segment())).count();
    assertThat(teams).hasSizeGreaterThan(600);
    assertThat(clear).as("teams with a flagged gap").isGreaterThan(ReportView.MOST_GROUPS);

    ReportView view = new ReportView(report);
    ReportView.Group group = view.groups().stream().filter(g -> g.title().equals("team")).findFirst().orElseThrow();
    assertThat(group.total()).isEqualTo(teams.size());
    assertThat(group.segments()).hasSize(ReportView.MOST_GROUPS);
    assertThat(group.abridged()).isTrue();
    assertThat(group.heading()).isEqualTo("By team: 100 of " + teams.size() + " groups");
    // in the report's order, each with a flagged gap, and none left out that differs more clearly
    assertThat(teams).containsSubsequence(group.segments());
    double leastClearShown = 0;
    for (SegmentResult s : group.segments()) {
      assertThat(q).containsKey(s.segment());
      leastClearShown = Math.max(leastClearShown, q.get(s.segment()));
    }
    for (SegmentResult s : teams) {
      if (!group.segments().contains(s) && q.containsKey(s.segment())) {
        assertThat(q.get(s.segment())).as(s.segment().label()).isGreaterThanOrEqualTo(leastClearShown);
      }
    }
    ReportView.Group tenure = view.groups().stream().filter(g -> g.title().equals("tenure")).findFirst()
        .orElseThrow();
    assertThat(tenure.abridged()).isFalse();
    assertThat(tenure.segments()).containsExactlyElementsOf(ofBreakdown(report, "tenure"));
    assertThat(tenure.heading()).isEqualTo("By tenure");
  }

  @Test
  void thePageSaysWhichBreakdownsItChartsInPartAndWhereTheRestIs() {
    String html = HtmlReport.render(report);
    int teams = ofBreakdown(report, "team").size();
    assertThat(html).contains("the charts show at most 100 groups of each breakdown")
        .contains("by team, 100 of " + teams + ". Every group is in the report&#39;s JSON and CSV forms.")
        .contains("By team: 100 of " + teams + " groups")
        .doesNotContain("by tenure, ");
    // the heatmap's table has the population, 100 teams and the tenure bands, not every team
    List<String> rows = new ArrayList<>();
    String table = html.substring(html.indexOf("<table", html.indexOf("id=\"heatmap\"")),
        html.indexOf("</table>", html.indexOf("id=\"heatmap\"")));
    for (int at = table.indexOf("<th scope=\"row\""); at >= 0; at = table.indexOf("<th scope=\"row\"", at + 1)) {
      rows.add(table.substring(at, table.indexOf("</th>", at)));
    }
    assertThat(rows).hasSize(1 + 100 + ofBreakdown(report, "tenure").size());
  }

  @Test
  void aBreakdownOfManyGroupsNoneOfWhichDiffersClearlyChartsNone() {
    Report none = analysis.withGapAnalysis(GapAnalysis.withDefaults().withAlpha(1e-300)).analyze(responses);
    assertThat(none.gaps()).isNotEmpty().noneMatch(Gap::flagged);
    ReportView view = new ReportView(none);
    ReportView.Group group = view.groups().stream().filter(g -> g.title().equals("team")).findFirst().orElseThrow();
    assertThat(group.segments()).isEmpty();
    assertThat(group.heading()).isEqualTo("By team: none of " + group.total() + " groups differs clearly");
    assertThat(HtmlReport.render(none)).contains("by team, none of " + group.total() + ".");
  }

  private static ResponseSet labelled(ResponseSet set, String label) {
    ResponseSet.Builder b = ResponseSet.builder(SHKV).wave(Wave.of(label)).attributes(set.attributeNames());
    for (Response r : set) {
      b.add(r.respondent().id(), r.respondent().attributes(), r.answers(), r.comments());
    }
    return b.build();
  }

  @Test
  void aTrendOfManyGroupsChartsTheTreatedOneAndThoseThatChangedMostClearly() {
    SampleOrganisation acme = SampleOrganisation.of(10_000, SampleOrganisation.DEFAULT_SEED);
    ResponseSet second = acme.inWave(2).withPilot(SampleOrganisation.PILOT_TEAM, 1.5).responses(SHKV);
    TrendReport trend = TrendAnalysis.of(BelongingAnalysis.withDefaults(SHKV).withBreakdowns(Breakdown.of("team"),
            Breakdown.of("tenure")))
        .withTreatment(new Treatment("team", SampleOrganisation.PILOT_TEAM, "2"))
        .analyze(Survey.of(labelled(responses, "1"), labelled(second, "2")));
    Map<Segment, Double> q = new HashMap<>();
    for (Change c : trend.changes()) {
      if (c.qValue().isDefined() && c.qValue().value() < 0.05) {
        q.merge(c.segment(), c.qValue().value(), Math::min);
      }
    }
    Segment pilot = Segment.of(Map.of("team", SampleOrganisation.PILOT_TEAM));
    TrendView view = new TrendView(trend);
    List<Segment> teams = new ArrayList<>();
    for (SegmentResult s : trend.waves().get(0).segments()) {
      if (s.segment().attributes().keySet().equals(java.util.Set.of("team"))) {
        teams.add(s.segment());
      }
    }
    List<Segment> charted = view.segments().stream().filter(teams::contains).toList();
    assertThat(charted).contains(pilot).hasSizeLessThanOrEqualTo(ReportView.MOST_GROUPS);
    double leastClear = 0;
    for (Segment s : charted) {
      if (!s.equals(pilot)) {
        assertThat(q).containsKey(s);
        leastClear = Math.max(leastClear, q.get(s));
      }
    }
    for (Segment s : teams) {
      if (!charted.contains(s) && q.containsKey(s)) {
        assertThat(q.get(s)).isGreaterThanOrEqualTo(leastClear);
      }
    }
    assertThat(view.segments()).contains(Segment.of(Map.of("tenure", "<1y")));
    String html = TrendHtml.render(trend);
    assertThat(html).contains("those that changed most clearly (a change with q below 0.05, the smallest first) "
        + "and the treated group: by team, " + charted.size() + " of ");
    // the table of changes lists the charted groups only
    for (Change c : trend.changes()) {
      String row = "<td class=\"text\">" + Html.escape(ReportView.fullLabel(c.segment())) + "</td>";
      assertThat(html.contains(row)).as(row).isEqualTo(view.charts(c.segment()));
    }
  }

  @Test
  void theBundledSamplesTwentyNineTeamsAreChartedWhole() {
    ReportView view = new ReportView(Reports.sample());
    assertThat(view.abridged()).isFalse();
    assertThat(HtmlReport.render(Reports.sample())).doesNotContain("more groups than a page can chart");
  }
}

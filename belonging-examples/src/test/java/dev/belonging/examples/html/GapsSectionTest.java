package dev.belonging.examples.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.belonging.core.instruments.Instruments;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.gaps.DifferenceUnit;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.report.Report;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GapsSectionTest {

  /** The gaps section of a page: from its opening tag to the next section's. */
  static String section(String html) {
    int start = html.indexOf("<section id=\"gaps\"");
    assertThat(start).as("a gaps section").isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }

  static int count(String text, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void drawsEachGapAtItsDifferenceWithItsInterval() {
    String gaps = section(HtmlReport.render(Reports.withGaps()));
    // largest |end| 0.8: ticks of 0.5 (about a third of 0.8, rounded up to 1, 2 or 5 × 10^n), range ±1.0;
    // zero at 124 + 240 / 2 = 244, 1.0 is (240 / 2 − 16) = 104 pixels, so −0.5 is at 244 − 52 = 192,
    // −0.8 at 160.8, −0.2 at 223.2; +0.1 at 254.4, −0.2 at 223.2, +0.4 at 285.6
    assertThat(gaps).contains("<path d=\"M192 ").contains("x1=\"160.8\" x2=\"223.2\"")
        .contains("<circle cx=\"254.4\"").contains("x1=\"223.2\" x2=\"285.6\"");
    // the flagged gap is a red diamond with a bold label, the other a hollow grey circle
    assertThat(gaps).containsPattern("<path d=\"M192 [^\"]*\" fill=\"" + Palette.UNFAVORABLE + "\"")
        .containsPattern("<circle cx=\"254\\.4\" cy=\"[^\"]*\" r=\"4\" fill=\"#ffffff\" stroke=\""
            + Palette.MUTED + "\"")
        .contains("class=\"small strong\">\u22120.50 (\u22120.80 to \u22120.20)</text>")
        .contains("class=\"small\">+0.10 (\u22120.20 to +0.40)</text>");
    // the zero line and the ticks of the range
    assertThat(gaps).contains("x1=\"244\" x2=\"244\"").contains(">\u22121.0</text>").contains(">+0.5</text>");
  }

  @Test
  void saysWhichGroupsAreClearlyLowerOrHigherInWords() {
    String gaps = section(HtmlReport.render(Reports.withGaps()));
    assertThat(gaps).contains("Clearly lower than everyone else (1 group)")
        .contains("<li><span class=\"who\">team A</span>: Seen \u22120.50 points on the 1\u20135 scale</li>")
        .doesNotContain("Clearly higher");
    String none = section(HtmlReport.render(Report.builder(Instruments.builtin("shkv"))
        .segments(Reports.withGaps().segments())
        .gaps(List.of(Reports.gap(Segment.of(Map.of("team", "A")), "seen", DifferenceUnit.SCORE_POINTS, 0.1,
            -0.2, 0.4, 0.6, false)))
        .build()));
    assertThat(none).contains("No group differs clearly from everyone else on any dimension.");
  }

  @Test
  void keepsHiddenGroupsInTheirRowsWithTheReason() {
    String gaps = section(HtmlReport.render(Reports.withGaps()));
    assertThat(gaps).contains("<title>team B: hidden, fewer than 5 respondents</title>")
        .contains(">hidden: fewer than 5 respondents</text>");
    // a shown group without a gap in a dimension says so
    assertThat(gaps).contains("<title>team C, Seen: my work and presence are noticed: not compared</title>");
    // a dimension without any gap has no plot, and the page says so
    assertThat(gaps).contains("No group could be compared on Known: people know me and what I bring, Valued: "
        + "my team invests in me and would miss me.");
  }

  @Test
  void theTableHasEveryNumberOfEveryGap() {
    String gaps = section(HtmlReport.render(Reports.withGaps()));
    String table = gaps.substring(gaps.indexOf("<table>"));
    assertThat(gaps).contains("<tr class=\"flagged\"><th scope=\"row\">team A</th><td>\u22120.50</td>"
        + "<td>\u22120.80 to \u22120.20</td><td>Hedges&#39; g \u22120.60</td><td>0.004</td><td>0.012</td>"
        + "<td class=\"text\">yes, lower</td></tr>");
    assertThat(gaps).contains("<tr><th scope=\"row\">team A</th><td>+0.10</td><td>\u22120.20 to +0.40</td>"
        + "<td>Hedges&#39; g 0.12</td><td>0.200</td><td>0.600</td><td class=\"text\">no</td></tr>");
    assertThat(count(gaps, "<table>")).as("one table per dimension with gaps").isEqualTo(2);
    assertThat(table).contains("<caption>Seen: my work and presence are noticed: each group minus everyone "
        + "else</caption>").contains("<th scope=\"colgroup\" colspan=\"7\">By team (points on the 1\u20135 "
        + "scale)</th>");
  }

  @Test
  void sharesAreInPercentagePoints() {
    Segment a = Segment.of(Map.of("team", "A"));
    Report report = Report.builder(Instruments.builtin("shkv")).segments(Reports.withGaps().segments())
        .gaps(List.of(Reports.gap(a, "seen", DifferenceUnit.SHARE, -0.15, -0.23, -0.07, 0.01, true)))
        .build();
    String gaps = section(HtmlReport.render(report));
    assertThat(gaps).contains("Seen \u221215 percentage points of favorable answers")
        .contains(">\u221215 (\u221223 to \u22127)</text>")
        // largest |end| 23 points: ticks of 10, range ±30
        .contains(">\u221230</text>").contains(">+20</text>");
  }

  @Test
  void aGapThatCannotBeComputedSaysWhyInItsRowAndTable() {
    Segment a = Segment.of(Map.of("team", "A"));
    Gap undefined = new Gap(a, "heard", dev.belonging.scoring.gaps.Comparison.REST_OF_POPULATION,
        java.util.Optional.empty(), "welch", "hedges-g", DifferenceUnit.SCORE_POINTS,
        dev.belonging.scoring.gaps.GapEstimate.undefined("no variance in either group"),
        dev.belonging.scoring.Statistic.undefined("no p-value"), false);
    Report report = Report.builder(Instruments.builtin("shkv")).segments(Reports.withGaps().segments())
        .gaps(List.of(Reports.withGaps().gaps().get(0), undefined)).build();
    String gaps = section(HtmlReport.render(report));
    assertThat(gaps).contains("<title>team A, Heard: my voice reaches decisions: n/a: no variance in either "
        + "group</title>")
        .contains("<td>n/a (no variance in either group)</td><td>n/a</td><td>Hedges&#39; g n/a</td><td>n/a</td>"
            + "<td>n/a</td><td class=\"text\">no</td>");
  }

  @Test
  void theHeaderCountsTheFlaggedGaps() {
    assertThat(HtmlReport.render(Reports.withGaps()))
        .contains("<span class=\"num\">1 of 2</span><span class=\"what\">gaps flagged</span>");
  }

  @Test
  void aReportWithoutGapsHasNoGapsSection() {
    String html = HtmlReport.render(Reports.withStatistics(List.of("index")));
    assertThat(html).doesNotContain("id=\"gaps\"").doesNotContain("gaps flagged");
  }

  @Test
  void theSampleShowsEveryGapOnceAndFlagsTheFlaggedOnes() {
    Report report = Reports.sample();
    String gaps = section(HtmlReport.render(report));
    long flagged = report.gaps().stream().filter(Gap::flagged).count();
    assertThat(flagged).as("the sample has flagged and unflagged gaps").isBetween(1L, report.gaps().size() - 1L);
    // one marker per gap in the plots, one row per gap in the table; and one of each in the legend
    assertThat(count(gaps, "<path d=")).isEqualTo(flagged + 2);
    assertThat(count(gaps, "<circle ")).isEqualTo(report.gaps().size() - flagged + 1);
    assertThat(count(gaps, "<tr class=\"flagged\">")).isEqualTo(flagged);
    assertThat(gaps).contains("<span class=\"who\">team T04</span>: Seen \u22120.98, Known \u22120.99");
  }

  @Test
  void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(GapsSection.niceExtent(0.8)).isCloseTo(1.0, within(1e-12));
    assertThat(GapsSection.niceExtent(1.31)).isCloseTo(1.5, within(1e-12));
    assertThat(GapsSection.niceExtent(1.5)).isCloseTo(1.5, within(1e-12));
    assertThat(GapsSection.niceExtent(23)).isCloseTo(30, within(1e-12));
    assertThat(GapsSection.niceExtent(0.04)).isCloseTo(0.04, within(1e-12));
    assertThat(GapsSection.niceExtent(0)).isEqualTo(1);
    assertThat(GapsSection.step(0.8)).isCloseTo(0.5, within(1e-12));
    assertThat(GapsSection.step(30)).isCloseTo(10, within(1e-12));
  }
}

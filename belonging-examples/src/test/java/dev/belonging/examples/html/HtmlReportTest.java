package dev.belonging.examples.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.model.Dimension;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportText;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.SuppressedSegment;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  /** Every element the report may write; anything else came from the data. */
  static final Set<String> ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body", "main",
      "header", "footer", "nav", "section", "h1", "h2", "h3", "p", "ul", "li", "a", "span", "div", "figure",
      "details", "summary", "table", "caption", "thead", "tbody", "tr", "th", "td", "svg", "defs", "pattern",
      "g", "desc", "rect", "line", "text", "path", "circle");

  private static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";

  static String sample;
  static String hostile;

  @BeforeAll
  static void render() {
    sample = HtmlReport.render(Reports.sample());
    hostile = HtmlReport.render(Reports.hostile());
  }

  @Test
  void aReportWhoseGuardRanOutOfWorkSaysSoInItsPrivacyNote() {
    Report decided = Reports.sample();
    assertThat(sample).doesNotContain(ReportText.WORK_BOUND_NOTE);
    Report bounded = Report.builder(decided.instrument()).policy(decided.policy())
        .breakdowns(decided.breakdowns()).respondents(decided.respondents()).segments(decided.segments())
        .comments(decided.comments()).gaps(decided.gaps()).reliability(decided.reliability())
        .workBoundReached(true).build();
    String html = HtmlReport.render(bounded);
    int privacy = html.indexOf("<div class=\"privacy\">");
    assertThat(privacy).isNotNegative();
    assertThat(html.indexOf("<p>" + ReportText.WORK_BOUND_NOTE + "</p>", privacy))
        .isGreaterThan(privacy).isLessThan(html.indexOf("</div>", privacy));
  }

  @Test
  void writesOnlyTheElementsOfTheReportAndNoHandlerStyleOrSource() {
    for (String html : List.of(sample, hostile)) {
      for (Tags.Tag tag : Tags.of(html)) {
        String name = tag.name().startsWith("/") ? tag.name().substring(1) : tag.name();
        assertThat(ELEMENTS).as(tag.text()).contains(name);
        for (String attribute : tag.attributes()) {
          assertThat(attribute).as(tag.text()).doesNotStartWith("on")
              .isNotIn("style", "src", "srcset", "xmlns", "action", "formaction");
        }
      }
    }
  }

  @Test
  void aTeamNamedScriptIsTextEverywhere() {
    assertThat(hostile.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img", "<b>", "<i>", "<u>",
        "<!--", "<svg onload");
    // in SVG text, in SVG titles, in table cells and in title="" attributes
    assertThat(hostile).containsPattern("<text [^>]*>" + Pattern.quote(ESCAPED_SCRIPT) + "</text>");
    assertThat(hostile).containsPattern("<title>[^<]*" + Pattern.quote(ESCAPED_SCRIPT) + "[^<]*</title>");
    assertThat(hostile).containsPattern("<th scope=\"row\" title=\"[^\"]*" + Pattern.quote(ESCAPED_SCRIPT)
        + "\">" + Pattern.quote(ESCAPED_SCRIPT) + "</th>");
    // the attribute name that tries to close the attribute value stays inside it
    assertThat(hostile).contains("title=\"te&quot;am&#39; onmouseover=&quot;alert(2) " + ESCAPED_SCRIPT + "\"");
  }

  @Test
  void everyStringFromTheDataIsEscaped() {
    assertThat(hostile).contains("Belonging &amp; &lt;b&gt;co&lt;/b&gt;")
        .contains("2026-Q1 &lt;script&gt;alert(9)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(3)&gt;")
        .contains("Plain &lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;")
        .contains("&lt;/text&gt;&lt;script&gt;alert(6)&lt;/script&gt; q1")
        .contains("q2 &lt;!-- comment --&gt;")
        .contains("q3 ]]&gt; &amp; &amp;amp;")
        .contains("&lt;/svg&gt;&lt;script&gt;alert(8)&lt;/script&gt;")
        .contains("fewer than 5 respondents &lt;script&gt;")
        .contains("&lt;/li&gt;&lt;script&gt;alert(11)&lt;/script&gt;")
        .contains("answer outside the scale 1..5 &lt;script&gt;alert(10)&lt;/script&gt;")
        .contains("&lt;q3&gt;")
        .contains("&lt;i&gt;no&lt;/i&gt; scores")
        .contains("one item &lt;script&gt;")
        .contains("&lt;u&gt;two&lt;/u&gt; items")
        .contains("Anything &lt;else&gt;?")
        .contains("line one\nline two &amp; &#39;more&#39;");
  }

  @Test
  void loadsNothingFromAnywhere() {
    for (String html : List.of(sample, hostile)) {
      assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("http:", "https:", "//", "<link", "<script",
          "<img", "<iframe", "<object", "@import", "@font-face");
      Matcher url = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
      while (url.find()) {
        assertThat(url.group(1)).startsWith("#");
      }
      assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;"
          + " style-src &#39;unsafe-inline&#39;\"/>");
    }
  }

  @Test
  void theHeaderSaysWhatWasAnalysedAndWhatWasHiddenAndWhy() {
    assertThat(sample).contains("<h1>Seen, heard, known, valued</h1>")
        .contains("Instrument shkv, version 1 \u00b7 one wave \u00b7 by team, location, tenure")
        .contains("<span class=\"num\">400</span><span class=\"what\">people answered</span>")
        .contains("<span class=\"num\">30 of 36</span><span class=\"what\">groups shown</span>")
        .contains("<span class=\"num\">5</span><span class=\"what\">minimum group size (k)</span>")
        .contains("<span class=\"num\">6</span><span class=\"what\">groups hidden</span>")
        .contains("Hidden here: 6 groups have fewer than 5 people.");
    assertThat(hostile).contains("wave 2026-Q1 &lt;script&gt;")
        .contains("Hidden here: 1 group has fewer than 5 people; 1 group is hidden to protect a smaller group "
            + "that could otherwise be worked out; 1 dimension of a shown group is hidden (fewer than 5 scores, "
            + "or to protect a smaller group).")
        .contains("<span class=\"num\">1 of 3</span><span class=\"what\">groups shown</span>")
        .contains("<span class=\"num\">1</span><span class=\"what\">cell hidden inside a shown group</span>")
        .contains("<span class=\"num\">1</span><span class=\"what\">problem in rejected rows</span>");
  }

  @Test
  void everyHiddenGroupIsHatchedAndLabelledWithItsReason() {
    Report report = Reports.sample();
    int hidden = 0;
    for (SegmentResult s : report.segments()) {
      if (s instanceof SuppressedSegment x) {
        hidden++;
        String label = Html.escape(ReportView.label(s.segment()));
        // heatmap row: the label, then the hatched band with the reason written on it
        assertThat(sample).containsPattern(">" + Pattern.quote(label) + "</text></g><text [^>]*>\u2014</text>"
            + "<g><title>[^<]*</title><rect [^>]*fill=\"url\\(#heatmap-chart-hatch\\)\"/><text [^>]*>hidden: "
            + Pattern.quote(Html.escape(x.reason())) + "</text>");
        // and in the table
        assertThat(sample).containsPattern(">" + Pattern.quote(label) + "</th><td>\u2014</td><td class=\"hidden\""
            + " colspan=\"4\">hidden: " + Pattern.quote(Html.escape(x.reason())) + "</td>");
      }
    }
    assertThat(hidden).isEqualTo(6);
    // both reasons in the hostile report
    assertThat(hostile).contains(">hidden: suppressed to protect a smaller group</text>")
        .contains(">hidden: fewer than 5 respondents &lt;script&gt;</text>");
  }

  @Test
  void aDimensionHiddenInsideAShownGroupIsMarkedAndAnUndefinedOneSaysWhy() {
    assertThat(hostile).containsPattern("fill=\"url\\(#heatmap-chart-hatch-light\\)\"/><text [^>]*>hidden"
        + "</text>");
    assertThat(hostile).contains("<td>hidden: fewer than 5 scores, or to protect a smaller group</td>");
    assertThat(hostile).contains("not defined (&lt;i&gt;no&lt;/i&gt; scores)").contains(">n/a</text>");
  }

  @Test
  void cellsCarryTheirValueAndAreColouredAgainstThePopulation() {
    // sample: population index 55 for seen (ReportText rounds the same), T04 31: 24 lower as written (the
    // difference of the rounded values, so that a reader's subtraction agrees), much lower (RdBu #b2182b) with
    // white text; T11 71, much higher (#2166ac)
    assertThat(sample).containsPattern("<title>team T04, Seen: my work and presence are noticed: 31 \\(\u221224 "
        + "against everyone, 55\\); 18 people with a score</title><rect [^>]*fill=\"#b2182b\"/><text [^>]*"
        + "fill=\"#ffffff\"[^>]*>31</text>");
    assertThat(sample).containsPattern("<title>team T11, Seen: my work and presence are noticed: 71 [^<]*</title>"
        + "<rect [^>]*fill=\"#2166ac\"/>");
    assertThat(sample).contains("<td>31 (\u221224)</td>");
  }

  @Test
  void everyChartHasATableWithTheSameNumbers() {
    for (Report report : List.of(Reports.sample(), Reports.hostile())) {
      String html = HtmlReport.render(report);
      String[] figures = html.split("<figure>", -1);
      // the heatmap, one forest plot per dimension with gaps, one bar chart per dimension, reliability
      long withGaps = report.gaps().stream().map(g -> g.dimension()).distinct().count();
      assertThat(figures.length - 1).isEqualTo(2 + withGaps + report.instrument().dimensions().size());
      for (int i = 1; i < figures.length; i++) {
        assertThat(figures[i]).contains("<svg ").contains("</svg>").contains("<table>");
        assertThat(figures[i].indexOf("<table>")).isGreaterThan(figures[i].indexOf("</svg>"));
      }
      assertThat(html).containsPattern("<svg id=\"heatmap-chart\" role=\"img\" aria-labelledby=\"heatmap-chart-title "
          + "heatmap-chart-desc\"");
    }
  }

  @Test
  void showsTheSplitOfAnswersPerDimensionAddingUpToOneHundred() {
    // population, seen: unfavorable and favorable from the report, neutral the rest
    Matcher m = Pattern.compile("<title>Everyone: (\\d+)% unfavorable, (\\d+)% neutral, (\\d+)% favorable</title>")
        .matcher(sample);
    int found = 0;
    while (m.find()) {
      found++;
      assertThat(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)))
          .isEqualTo(100);
    }
    assertThat(found).isEqualTo(4);
    for (Dimension d : Reports.sample().instrument().dimensions()) {
      assertThat(sample).contains("<h3 id=\"answers-").contains(">" + Html.escape(d.name()) + "</h3>");
    }
    // the seen favorable share of everyone is 36 % (ReportText's favorable table)
    assertThat(sample).contains("<title>Everyone: 20% unfavorable, 44% neutral, 36% favorable</title>");
  }

  @Test
  void showsReliabilityPerDimension() {
    // ReportText: seen 0.75, heard 0.83, known 0.81, valued 0.80
    assertThat(sample).contains("<td>0.75</td><td class=\"text\">acceptable</td>")
        .contains("<td>0.83</td><td class=\"text\">good</td>");
    assertThat(hostile).contains("not defined (one item &lt;script&gt;)");
  }

  @Test
  void showsCommentsOnlyWhenTheReportHasThem() {
    assertThat(sample).doesNotContain("id=\"comments\"");
    assertThat(hostile).contains("<section id=\"comments\"")
        .contains("<li>&lt;/li&gt;&lt;script&gt;alert(11)&lt;/script&gt;</li>")
        .contains("<a href=\"#comments\">Comments</a>");
  }

  @Test
  void listsRejectedRowsOnlyWhenThereAreSome() {
    assertThat(sample).doesNotContain("id=\"rejected\"");
    assertThat(hostile).contains("<td>12</td><td class=\"text\">&lt;q3&gt;</td>");
  }

  @Test
  void hasHeadingsInOrderAndALanguage() {
    assertThat(sample).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
    List<String> headings = Tags.of(sample).stream().map(Tags.Tag::name).filter(n -> n.matches("h[1-6]"))
        .toList();
    assertThat(headings.get(0)).isEqualTo("h1");
    for (int i = 1; i < headings.size(); i++) {
      int level = headings.get(i).charAt(1) - '0';
      int before = headings.get(i - 1).charAt(1) - '0';
      assertThat(level).as("heading %d", i).isLessThanOrEqualTo(before + 1);
    }
    assertThat(headings).filteredOn("h1"::equals).hasSize(1);
  }

  @Test
  void rendersAReportOfThePopulationAlone() {
    Report report = Reports.withStatistics(List.of("favorable", "unfavorable", "index"));
    Report alone = Report.builder(report.instrument()).respondents(100)
        .segments(List.of(report.segments().get(0))).build();
    String html = HtmlReport.render(alone);
    assertThat(html).contains(">Everyone</text>").doesNotContain("groups shown").doesNotContain("By ")
        .contains("Nothing had to be hidden in this report.")
        .doesNotContain("id=\"reliability\"");
  }

  @Test
  void rendersAReportWhoseEveryGroupIsHidden() {
    Report report = Report.builder(Reports.sample().instrument()).respondents(3)
        .segments(List.of(new SuppressedSegment(dev.belonging.scoring.Segment.population(),
            dev.belonging.scoring.report.SuppressionReason.BELOW_K, "fewer than 5 respondents")))
        .build();
    String html = HtmlReport.render(report);
    assertThat(html).contains(">hidden: fewer than 5 respondents</text>")
        .contains("Hidden here: 1 group has fewer than 5 people.")
        .doesNotContain("id=\"answers\"").doesNotContain("id=\"reliability\"");
  }

  @Test
  void showsTheFavorableShareWhenTheReportHasNoIndexAndTheMeanWhenItHasNeither() {
    // team A, seen: favorable 25 % against 40 %: 15 points lower, much lower (#b2182b)
    String favorable = HtmlReport.render(Reports.withStatistics(List.of("favorable")));
    assertThat(favorable).contains("Favorable answers (% of answers) by group")
        .containsPattern("<title>team A, [^<]*: 25% \\(\u221215 against everyone, 40%\\)[^<]*</title><rect [^>]*"
            + "fill=\"#b2182b\"/>")
        .doesNotContain("id=\"answers\"");
    // mean 2.60 against 3.20 on 1–5: −0.6 / 4 × 100 = −15 points, much lower
    String mean = HtmlReport.render(Reports.withStatistics(List.of()));
    assertThat(mean).contains("Mean score (on the answer scale) by group")
        .containsPattern("<title>team A, [^<]*: 2.60 \\(\u22120.60 against everyone, 3.20\\)[^<]*</title><rect "
            + "[^>]*fill=\"#b2182b\"/>")
        .containsPattern("<title>team A, Heard[^<]*</title><rect [^>]*fill=\"#f7f7f7\"/>");
  }

  @Test
  void isTheSameForTheSameReport() {
    assertThat(HtmlReport.render(Reports.sample())).isEqualTo(sample);
  }
}

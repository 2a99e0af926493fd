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
import dev.belonging.scoring.trend.Survey;
import dev.belonging.scoring.trend.Treatment;
import dev.belonging.scoring.trend.TrendAnalysis;
import dev.belonging.scoring.trend.TrendReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrendHtmlTest {

  private static final Instrument SHKV = Instruments.builtin("shkv");
  private static final Set<String> ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body", "main",
      "header", "p", "div", "section", "h1", "h2", "h3", "figure", "svg", "desc", "line", "text", "circle",
      "polyline", "details", "summary", "table", "caption", "thead", "tbody", "tr", "th", "td", "ul", "li",
      "footer");

  /** The bundled organisation's two waves, with the pilot team renamed to {@code name} and wave 2 to {@code label}. */
  private static TrendReport report(String name, String label) {
    SampleOrganisation acme = SampleOrganisation.of(400, SampleOrganisation.DEFAULT_SEED);
    ResponseSet first = renamed(acme.responses(SHKV), "2026-Q1", name);
    ResponseSet second = renamed(acme.inWave(2)
        .withPilot(SampleOrganisation.PILOT_TEAM, SampleOrganisation.PILOT_EFFECT).responses(SHKV), label, name);
    return TrendAnalysis.of(BelongingAnalysis.withDefaults(SHKV).withBreakdowns(Breakdown.of("team")))
        .withTreatment(new Treatment("team", name, label))
        .analyze(Survey.of(first, second));
  }

  private static ResponseSet renamed(ResponseSet set, String label, String name) {
    ResponseSet.Builder b = ResponseSet.builder(SHKV).wave(Wave.of(label)).attributes(set.attributeNames());
    for (Response r : set) {
      Map<String, String> attributes = new LinkedHashMap<>(r.respondent().attributes());
      attributes.computeIfPresent("team", (k, v) -> v.equals(SampleOrganisation.PILOT_TEAM) ? name : v);
      b.add(r.respondent().id(), attributes, r.answers(), r.comments());
    }
    return b.build();
  }

  @Test
  void drawsOneSmallChartPerShownTeamWithWhiskersAndATableOfTheSameNumbers() {
    String html = TrendHtml.render(report(SampleOrganisation.PILOT_TEAM, "2026-Q2"));
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>");
    assertThat(html).contains("<h3>Seen: my work and presence are noticed</h3>")
        // each chart names its group's attribute as well as its value
        .contains(">team T17 (pilot)<").contains(">team T01<").doesNotContain(">T01<")
        .contains("The same numbers as a table").contains("Changes between waves")
        .contains("Did the intervention work?").contains("parallel trends");
    // one polyline per team shown in both waves and dimension, a circle per point
    assertThat(html.split("<polyline", -1).length - 1).isGreaterThan(4 * 15);
    for (Tags.Tag tag : Tags.of(html)) {
      String name = tag.name().startsWith("/") ? tag.name().substring(1) : tag.name();
      assertThat(ELEMENTS).as(tag.text()).contains(name);
      for (String attribute : tag.attributes()) {
        assertThat(attribute).as(tag.text()).doesNotStartWith("on").isNotIn("style", "src", "srcset", "href");
      }
    }
  }

  @Test
  void everyStringFromTheDataIsEscaped() {
    String html = TrendHtml.render(report(Reports.SCRIPT, "<i>Q2</i>"));
    assertThat(html).doesNotContain(Reports.SCRIPT).doesNotContain("<i>")
        .contains(Html.escape(Reports.SCRIPT)).contains(Html.escape("<i>Q2</i>"));
    for (Tags.Tag tag : Tags.of(html)) {
      String name = tag.name().startsWith("/") ? tag.name().substring(1) : tag.name();
      assertThat(ELEMENTS).as(tag.text()).contains(name);
    }
  }
}

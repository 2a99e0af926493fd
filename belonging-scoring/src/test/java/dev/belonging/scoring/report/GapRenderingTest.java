package dev.belonging.scoring.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.GapFixtures;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.gaps.FavorableShareGap;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.gaps.GapAnalysis;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Gaps in the report's JSON (CONTRACTS §4 and the schema), tidy CSV and text. */
class GapRenderingTest {

  /** Teams answering q1–q3 alike: T1 1 2 1 2 1 2; T2 3 4 3 4 3 4; T3 4 5 4 5 4 5; T4 (all 3) 3 3 3 3 3. */
  private static ResponseSet teams(boolean constantT4AndT5) {
    ResponseSet.Builder b = ResponseSet.builder(GapFixtures.THREE_ITEMS).attributes(List.of("team"));
    Map<String, int[]> teams = constantT4AndT5
        ? Map.of("T4", new int[] {3, 3, 3, 3, 3}, "T5", new int[] {3, 3, 3, 3, 3})
        : Map.of("T1", new int[] {1, 2, 1, 2, 1, 2}, "T2", new int[] {3, 4, 3, 4, 3, 4},
            "T3", new int[] {4, 5, 4, 5, 4, 5});
    int id = 0;
    for (String team : List.of("T1", "T2", "T3", "T4", "T5")) {
      for (int answer : teams.getOrDefault(team, new int[0])) {
        b.add(RespondentId.of("r" + id++), Map.of("team", team),
            Map.of("q1", answer, "q2", answer, "q3", answer), Map.of());
      }
    }
    return b.build();
  }

  private static final BelongingAnalysis BY_TEAM =
      BelongingAnalysis.withDefaults(GapFixtures.THREE_ITEMS).withBreakdowns(Breakdown.of("team"));

  private static JsonNode json(Report report) {
    return JsonMapper.shared().readTree(ReportSchema.requireValid(report));
  }

  @Test
  void everyGapIsAContractEntryInTheReportsOrder() {
    Report report = BY_TEAM.analyze(teams(false));
    JsonNode gaps = json(report).get("gaps");
    assertThat(gaps).hasSize(3);
    for (int i = 0; i < gaps.size(); i++) {
      Gap g = report.gaps().get(i);
      JsonNode o = gaps.get(i);
      assertThat(o.get("attributes").get("team").asString()).isEqualTo(g.segment().attributes().get("team"));
      assertThat(o.get("dimension").asString()).isEqualTo("d");
      assertThat(o.get("comparison").asString()).isEqualTo("rest");
      assertThat(o.has("reference")).isFalse();
      assertThat(o.get("detector").asString()).isEqualTo("welch");
      assertThat(o.get("effectSizeType").asString()).isEqualTo("hedges-g");
      assertThat(o.get("difference").asDouble()).isEqualTo(g.difference().value());
      assertThat(o.get("effectSize").asDouble()).isEqualTo(g.effectSize().value());
      assertThat(o.get("ciLow").asDouble()).isEqualTo(g.ciLow().value());
      assertThat(o.get("ciHigh").asDouble()).isEqualTo(g.ciHigh().value());
      assertThat(o.get("pValue").asDouble()).isEqualTo(g.pValue().value());
      assertThat(o.get("qValue").asDouble()).isEqualTo(g.qValue().value());
      assertThat(o.get("flagged").asBoolean()).isEqualTo(g.flagged());
      assertThat(o.has("undefined")).isFalse();
    }
  }

  @Test
  void aGapAgainstAReferenceSegmentNamesIt() {
    Report report = BY_TEAM.withGapAnalysis(GapAnalysis.withDefaults()
        .withReference(Segment.of(Map.of("team", "T1")))).analyze(teams(false));
    JsonNode gaps = json(report).get("gaps");
    assertThat(gaps).hasSize(2);
    for (JsonNode o : gaps) {
      assertThat(o.get("comparison").asString()).isEqualTo("segment");
      assertThat(o.get("reference").get("team").asString()).isEqualTo("T1");
    }
    String csv = ReportCsv.render(report);
    assertThat(csv).contains(",team=T3,T3,d,,gap[team=T1].difference,3,\r\n");
    assertThat(ReportText.render(report)).contains("T3: being heard 3.00 points higher than T1 (95% CI ");
  }

  @Test
  void undefinedGapNumbersAreNullWithReasons() {
    // T4 and T5 both answer 3 throughout: no variance, so no test
    Report report = BY_TEAM.analyze(teams(true));
    JsonNode gap = json(report).get("gaps").get(0);
    assertThat(gap.get("difference").asDouble()).isZero();
    for (String name : List.of("effectSize", "ciLow", "ciHigh", "pValue")) {
      assertThat(gap.get(name).isNull()).as(name).isTrue();
      assertThat(gap.get("undefined").get(name).asString()).isEqualTo("no variance in either group");
    }
    assertThat(gap.get("qValue").isNull()).isTrue();
    assertThat(gap.get("undefined").get("qValue").asString()).isEqualTo("p-value undefined");
    assertThat(gap.get("flagged").asBoolean()).isFalse();
    assertThat(ReportCsv.render(report)).contains(",team=T4,T4,d,,gap.pValue,,no variance in either group\r\n");
  }

  @Test
  void theSchemaKeepsGapEntriesStrict() {
    Report report = BY_TEAM.analyze(teams(false));
    ObjectNode root = (ObjectNode) json(report);
    ObjectNode gap = (ObjectNode) root.get("gaps").get(0);
    assertThat(ReportSchema.violations(root.toString())).isEmpty();
    gap.put("colour", "red");
    assertThat(ReportSchema.violations(root.toString())).isNotEmpty();
    gap.remove("colour");
    gap.remove("flagged");
    assertThat(ReportSchema.violations(root.toString())).isNotEmpty();
    gap.put("flagged", true);
    gap.put("qValue", 1.5);
    assertThat(ReportSchema.violations(root.toString())).isNotEmpty();
    gap.put("qValue", 0.5);
    gap.put("comparison", "segment");
    assertThat(ReportSchema.violations(root.toString())).as("a segment comparison names its reference")
        .isNotEmpty();
    gap.putObject("reference").put("team", "T1");
    assertThat(ReportSchema.violations(root.toString())).isEmpty();
    gap.put("comparison", "rest");
    assertThat(ReportSchema.violations(root.toString())).as("the rest has no reference").isNotEmpty();
    gap.remove("reference");
    gap.put("comparison", "population");
    assertThat(ReportSchema.violations(root.toString())).isNotEmpty();
  }

  @Test
  void theTidyCsvHasSevenRowsPerGap() {
    Report report = BY_TEAM.analyze(teams(false));
    String csv = ReportCsv.render(report);
    Gap first = report.gaps().get(0);
    String team = first.segment().attributes().get("team");
    String prefix = ",team=" + team + "," + team + ",d,,gap.";
    assertThat(csv).contains(prefix + "difference," + first.difference().value() + ",\r\n")
        .contains(prefix + "hedges-g,").contains(prefix + "ciLow,").contains(prefix + "ciHigh,")
        .contains(prefix + "pValue,").contains(prefix + "qValue,").contains(prefix + "flagged,1,\r\n");
    assertThat(csv.lines().filter(l -> l.contains(",gap."))).hasSize(7 * report.gaps().size());
  }

  @Test
  void theTextShowsFlaggedGapsFirstAsSentences() {
    Report report = BY_TEAM.analyze(teams(false));
    String text = ReportText.render(report);
    Gap t1 = report.gaps().stream().filter(g -> g.segment().attributes().get("team").equals("T1")).findFirst()
        .orElseThrow();
    assertThat(t1.flagged()).isTrue();
    // T1 scores 1.5, the others 4: 2.50 points lower, the interval of that size in the same direction
    String expected = String.format(Locale.ROOT,
        "  T1: being heard 2.50 points lower than everyone else (95%% CI %.2f to %.2f), q < 0.001, Hedges' g = %.2f",
        -t1.ciHigh().value(), -t1.ciLow().value(), t1.effectSize().value());
    assertThat(text).contains(expected);
    int flaggedAt = text.indexOf("Gaps: 2 flagged of 3");
    int othersAt = text.indexOf("Gaps not flagged");
    assertThat(flaggedAt).isPositive();
    assertThat(othersAt).isGreaterThan(text.indexOf(expected)).isGreaterThan(flaggedAt);
    assertThat(text.substring(othersAt)).contains("team=T2");
  }

  @Test
  void aFavorableShareGapIsSaidInPercentagePoints() {
    Report report = BY_TEAM.withGapDetector(FavorableShareGap.withDefaults()).analyze(teams(false));
    String text = ReportText.render(report);
    // T3: 18 of 18 answers favorable; the others 9 of 36: 75 percentage points more
    assertThat(text).contains("  T3: being heard 75 percentage points more favorable than everyone else (95% CI ");
    assertThat(text).contains("Cohen's h = ");
  }

  @Test
  void aReportWithoutGapsHasNoGapSection() {
    Report report = BelongingAnalysis.withDefaults(GapFixtures.THREE_ITEMS).analyze(teams(false));
    assertThat(report.gaps()).isEmpty();
    assertThat(ReportText.render(report)).doesNotContain("Gaps");
    assertThat(json(report).get("gaps")).isEmpty();
  }
}

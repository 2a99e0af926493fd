package dev.belonging.scoring.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.GapFixtures;
import dev.belonging.scoring.ScoringStrategy;
import dev.belonging.scoring.Statistic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text report's tables explain the marks they use, and only those. */
class ReportTextTest {

  /**
   * Two teams of six answering q1–q3 of {@link GapFixtures#THREE_ITEMS}; in T2 only {@code scoredInT2}
   * answer at all, so that with fewer than five scores its dimension is hidden while the team is shown.
   */
  private static ResponseSet teams(int scoredInT2) {
    ResponseSet.Builder b = ResponseSet.builder(GapFixtures.THREE_ITEMS).attributes(List.of("team"));
    int id = 0;
    for (String team : List.of("T1", "T2")) {
      for (int i = 0; i < 6; i++) {
        Map<String, Integer> answers = new HashMap<>();
        if (team.equals("T1") || i < scoredInT2) {
          answers.put("q1", 1 + i % 5);
          answers.put("q2", 2 + i % 4);
          answers.put("q3", 3);
        }
        b.add(RespondentId.of("r" + id++), Map.of("team", team), answers, Map.of());
      }
    }
    return b.build();
  }

  private static final BelongingAnalysis BY_TEAM =
      BelongingAnalysis.withDefaults(GapFixtures.THREE_ITEMS).withBreakdowns(Breakdown.of("team"));

  @Test
  void aTableWithEveryNumberShownHasNoLegend() {
    String text = ReportText.render(BY_TEAM.analyze(teams(6)));
    assertThat(text).contains("Mean score").doesNotContain("*").doesNotContain("n/a").doesNotContain("(* ");
  }

  @Test
  void aReportWhoseGuardRanOutOfWorkSaysSo() {
    Report decided = BY_TEAM.analyze(teams(6));
    assertThat(decided.workBoundReached()).isFalse();
    assertThat(ReportText.render(decided)).doesNotContain(ReportText.WORK_BOUND_NOTE);
    Report bounded = Report.builder(decided.instrument()).policy(decided.policy()).breakdowns(decided.breakdowns())
        .respondents(decided.respondents()).segments(decided.segments()).workBoundReached(true).build();
    assertThat(bounded.workBoundReached()).isTrue();
    assertThat(bounded).isNotEqualTo(Report.builder(decided.instrument()).policy(decided.policy())
        .breakdowns(decided.breakdowns()).respondents(decided.respondents()).segments(decided.segments()).build());
    String text = ReportText.render(bounded);
    assertThat(text).contains(System.lineSeparator() + ReportText.WORK_BOUND_NOTE + System.lineSeparator());
    assertThat(text.indexOf(ReportText.WORK_BOUND_NOTE)).as("right after the suppression line")
        .isLessThan(text.indexOf("Mean score"));
  }

  @Test
  void aHiddenDimensionIsMarkedAndExplained() {
    Report report = BY_TEAM.analyze(teams(3));
    ShownSegment t2 = (ShownSegment) report.segments().stream()
        .filter(s -> "T2".equals(s.segment().attributes().get("team"))).findFirst().orElseThrow();
    assertThat(t2.dimensions()).doesNotContainKey("d");
    String text = ReportText.render(report);
    assertThat(text).containsPattern("team=T2 +6 +\\*")
        .contains("(* fewer than 5 scores in this dimension)")
        .doesNotContain("n/a");
  }

  @Test
  void anUndefinedNumberIsMarkedAndExplained() {
    ScoringStrategy never = new ScoringStrategy() {
      @Override
      public String name() {
        return "index";
      }

      @Override
      public Statistic score(DimensionStatistics statistics) {
        return Statistic.undefined("not defined here");
      }
    };
    Report report = BY_TEAM.withStrategies(List.of(ScoringStrategy.defaults().get(0), never))
        .analyze(teams(6));
    String text = ReportText.render(report);
    String index = text.substring(text.indexOf("Index (0-100)"));
    assertThat(index).contains("n/a").contains("(n/a undefined)").doesNotContain("(* ");
    String mean = text.substring(text.indexOf("Mean score"), text.indexOf("Index (0-100)"));
    assertThat(mean).doesNotContain("n/a");
  }
}

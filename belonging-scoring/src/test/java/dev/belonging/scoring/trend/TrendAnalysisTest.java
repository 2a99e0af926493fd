package dev.belonging.scoring.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Wave;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.GapFixtures;
import dev.belonging.scoring.gaps.WelchGap;
import dev.belonging.scoring.report.ReportText;
import dev.belonging.scoring.report.SuppressionReason;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Tabulation;
import dev.belonging.scoring.MissingPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrendAnalysisTest {

  private static final BelongingAnalysis BY_TEAM =
      BelongingAnalysis.withDefaults(GapFixtures.TINY).withBreakdowns(Breakdown.of("team"));

  private static ResponseSet wave(int n, long seed, String label) {
    return Waves.copy(GapFixtures.generate(GapFixtures.TINY, n, seed), label);
  }

  /** A copy of a wave whose file had no column for v3. */
  private static ResponseSet withoutV3(ResponseSet set, String label) {
    ResponseSet.Builder b = ResponseSet.builder(set.instrument()).wave(Wave.of(label))
        .attributes(set.attributeNames()).absentQuestions(Set.of("v3"));
    set.forEach(r -> {
      Map<String, Integer> answers = new HashMap<>(r.answers());
      answers.remove("v3");
      b.add(r.respondent().id(), r.respondent().attributes(), answers, r.comments());
    });
    return b.build();
  }

  @Test
  void aQuestionMissingFromAWaveIsNamedAndItsDimensionComparedOnTheSharedQuestionsWithANote() {
    ResponseSet first = wave(300, 1, "w1");
    ResponseSet second = withoutV3(wave(300, 2, "x"), "w2");
    TrendReport report = TrendAnalysis.of(BY_TEAM).analyze(Survey.of(first, second));
    assertThat(report.missingQuestions()).containsExactly(new MissingQuestion(Wave.of("w2"), "v3"));
    Change voice = report.changes().stream()
        .filter(c -> c.segment().isPopulation() && c.dimension().equals("voice")).findFirst().orElseThrow();
    assertThat(voice.note()).isEqualTo("computed from the questions the waves share, without v3 (missing "
        + "from w2)");
    assertThat(report.changes()).filteredOn(c -> c.dimension().equals("nps"))
        .isNotEmpty().allMatch(c -> c.note().isEmpty());
    // the same as a Welch test of both waves scored without v3
    ResponseSet firstWithout = withoutV3(first, "w1");
    var expected = WelchGap.withDefaults().estimate(
        Tabulation.of(second, MissingPolicy.AT_LEAST_HALF, List.of()).population().dimension("voice"),
        Tabulation.of(firstWithout, MissingPolicy.AT_LEAST_HALF, List.of()).population().dimension("voice"));
    assertThat(voice.difference()).isEqualTo(expected.difference());
    assertThat(voice.pValue()).isEqualTo(expected.pValue());
    TrendSchema.requireValid(report);
    assertThat(TrendJson.toJson(report)).contains("\"missingQuestions\" : [ {\n    \"wave\" : \"w2\",\n"
        + "    \"question\" : \"v3\"".replace("\n", System.lineSeparator()));
  }

  @Test
  void aTreatmentMustNameAnAttributeAValueAndAWaveAfterTheFirst() {
    Survey survey = Survey.of(wave(100, 1, "w1"), wave(100, 2, "w2"));
    TrendAnalysis analysis = TrendAnalysis.of(BY_TEAM);
    assertThatThrownBy(() -> analysis.withTreatment(Treatment.parse("pilot=yes", "w2")).analyze(survey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the treated attribute \"pilot\" is not an attribute of wave w1; its attributes are "
            + "[team, site]");
    assertThatThrownBy(() -> analysis.withTreatment(Treatment.parse("team=T9", "w2")).analyze(survey))
        .hasMessage("no respondent of any wave has team=T9; its values are [T0, T1, T2, T3, T4, T5]");
    assertThatThrownBy(() -> analysis.withTreatment(Treatment.parse("team=T3", "2027")).analyze(survey))
        .hasMessage("no wave 2027; the waves are [w1, w2]");
    assertThatThrownBy(() -> analysis.withTreatment(Treatment.parse("team=T3", "w1")).analyze(survey))
        .hasMessageContaining("cannot begin with the first wave w1");
    assertThatThrownBy(() -> Treatment.parse("team", "w2")).hasMessageContaining("ATTRIBUTE=VALUE");
  }

  @Test
  void aSurveyHasTwoOrMoreWavesWithDistinctLabels() {
    ResponseSet a = wave(10, 1, "w1");
    assertThatThrownBy(() -> Survey.of(a)).hasMessageContaining("at least two waves");
    assertThatThrownBy(() -> Survey.of(a, Waves.copy(a, "w1"))).hasMessageContaining("w1 is used twice");
    assertThatThrownBy(() -> Survey.of(a, Waves.copy(a, "w2")).withRejected("w3", List.of()))
        .hasMessageContaining("no wave w3");
  }

  @Test
  void anEstimateIsSuppressedWhenTheTreatedGroupHasFewerThanKScoresInAWave() {
    // T0 is rare (1 in 36): with 60 respondents it has fewer than 5 members
    ResponseSet a = wave(60, 3, "w1");
    ResponseSet b = wave(60, 4, "w2");
    assertThat(a.attribute("team").values()).contains("T0");
    TrendReport report = TrendAnalysis.of(BY_TEAM).withTreatment(Treatment.parse("team=T0", "w2"))
        .analyze(Survey.of(a, b));
    assertThat(report.interventions()).hasSize(2).allSatisfy(r -> {
      assertThat(r).isInstanceOf(SuppressedIntervention.class);
      assertThat(((SuppressedIntervention) r).reasonCode()).isEqualTo(SuppressionReason.BELOW_K);
      assertThat(r.treated()).isEqualTo(Segment.of(Map.of("team", "T0")));
    });
    String json = TrendSchema.requireValid(report);
    assertThat(json).doesNotContain("\"estimate\"");
    assertThat(TrendCsv.render(report)).contains("w2,team=T0,T0,voice,,did.estimate,,fewer than 5 scores");
  }

  /** Team A: 9 in the pilot and 1 not; team B: 10 not. Everyone answers every question. */
  private static ResponseSet pilotWave(String label, long seed) {
    java.util.Random random = new java.util.Random(seed);
    ResponseSet.Builder b = ResponseSet.builder(GapFixtures.TINY).wave(Wave.of(label))
        .attributes(List.of("team", "pilot"));
    for (int i = 0; i < 20; i++) {
      Map<String, Integer> answers = new HashMap<>();
      for (String q : List.of("v1", "v2", "v3")) {
        answers.put(q, 1 + random.nextInt(5));
      }
      answers.put("n1", random.nextInt(11));
      b.add(dev.belonging.core.model.RespondentId.of("r" + i),
          Map.of("team", i < 10 ? "A" : "B", "pilot", i < 9 ? "yes" : "no"), answers, Map.of());
    }
    return b.build();
  }

  @Test
  void aPilotOfAnAttributeThatIsNoBreakdownHasNoPlacebosAndIsHiddenWhenItsCellsWouldRevealSomeone() {
    Survey survey = Survey.of(pilotWave("w1", 1), pilotWave("w2", 2));
    // by team, A (10) is shown in both waves; pilot=yes (9) inside it would give away A's 10th member
    TrendReport byTeam = TrendAnalysis.of(BY_TEAM).withTreatment(Treatment.parse("pilot=yes", "w2"))
        .analyze(survey);
    assertThat(byTeam.interventions()).hasSize(2).allSatisfy(r -> {
      assertThat(r).isInstanceOf(SuppressedIntervention.class);
      assertThat(((SuppressedIntervention) r).reasonCode()).isEqualTo(SuppressionReason.COMPLEMENTARY);
    });
    // without the team breakdown nothing can be subtracted: the estimate is shown, without placebos
    TrendReport alone = TrendAnalysis.of(BelongingAnalysis.withDefaults(GapFixtures.TINY))
        .withTreatment(Treatment.parse("pilot=yes", "w2")).analyze(survey);
    assertThat(alone.interventions()).hasSize(2).allSatisfy(r -> {
      assertThat(r).isInstanceOf(InterventionEstimate.class);
      assertThat(((InterventionEstimate) r).placebos()).isEmpty();
      assertThat(((InterventionEstimate) r).placeboRank()).isEmpty();
      assertThat(((InterventionEstimate) r).degreesOfFreedom()).isEqualTo(40 - 4);
    });
    TrendSchema.requireValid(byTeam);
    String json = TrendSchema.requireValid(alone);
    assertThat(json).doesNotContain("placeboRank");
    assertThat(TrendCsv.render(alone)).startsWith("wave,segment,pilot,dimension,");
  }

  @Test
  void theCsvFillsTheWaveColumnAndTheTextStatesTheAssumptions() {
    ResponseSet a = wave(400, 5, "2026-Q1");
    ResponseSet b = wave(400, 6, "2026-Q2");
    TrendReport report = TrendAnalysis.of(BY_TEAM).withTreatment(Treatment.parse("team=T5", "2026-Q2"))
        .analyze(Survey.of(a, b));
    String csv = TrendCsv.render(report);
    assertThat(csv).startsWith("wave,segment,team,dimension,question,statistic,value,reason\r\n2026-Q1,all,");
    assertThat(csv).contains("\r\n2026-Q2,all,,voice,,change[2026-Q1].difference,");
    assertThat(csv).contains("\r\n2026-Q2,team=T5,T5,voice,,did.estimate,");
    assertThat(csv).contains("\r\n2026-Q2,team=T4,T4,voice,,did.placebo.estimate,");
    String text = TrendText.render(report);
    assertThat(text).contains("Intervention: team=T5 from 2026-Q2 on").contains(TrendText.ASSUMPTIONS)
        .contains("placebo rank");
    TrendSchema.requireValid(report);
  }

  @Test
  void aTrendWhoseGuardRanOutOfWorkSaysSo() {
    TrendReport decided = TrendAnalysis.of(BY_TEAM).analyze(Survey.of(wave(400, 5, "2026-Q1"),
        wave(400, 6, "2026-Q2")));
    assertThat(decided.workBoundReached()).isFalse();
    assertThat(TrendText.render(decided)).doesNotContain(ReportText.WORK_BOUND_NOTE);
    TrendReport bounded = new TrendReport(decided.instrument(), decided.policy(), decided.breakdowns(),
        decided.waves(), decided.missingQuestions(), decided.changes(), null, decided.interventions(), true);
    assertThat(bounded.workBoundReached()).isTrue();
    String text = TrendText.render(bounded);
    int header = text.indexOf(" are not shown.");
    assertThat(text.indexOf(ReportText.WORK_BOUND_NOTE)).as("right after the header").isEqualTo(
        header + " are not shown.".length() + System.lineSeparator().length());
  }
}

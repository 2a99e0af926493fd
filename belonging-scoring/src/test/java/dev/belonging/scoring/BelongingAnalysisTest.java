package dev.belonging.scoring;

import static dev.belonging.scoring.TinySurvey.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import dev.belonging.scoring.report.SuppressionReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BelongingAnalysisTest {

  // Coded voice answers (v2 reversed: 6 − x). Scores need ceil(3/2) = 2 answers.
  //   a: v1 5, v2 1→5, v3 4        score 14/3, favorable 3 of 3, unfavorable 0
  //   b: v1 4, v2 2→4, v3 -        score 4,    favorable 2 of 2
  //   c: v1 2, v2 -,   v3 -        no score,   favorable 0 of 1, unfavorable 1 (2 <= 2)
  //   d: v1 1, v2 5→1, v3 3        score 5/3,  favorable 0 of 3, unfavorable 2
  //   e: v1 3, v2 3→3, v3 3        score 3,    favorable 0 of 3
  // n1 (0..10, promoters >= 9, detractors <= 6): a 10, b 9, c 6, d 0, e -
  static final ResponseSet FIVE = TinySurvey.of(
      row("a", "T1", 5, 1, 4, 10, "more coffee"),
      row("b", "T1", 4, 2, null, 9, null),
      row("c", "T1", 2, null, null, 6, null),
      row("d", "T2", 1, 5, 3, 0, "fine"),
      row("e", "T2", 3, 3, 3, null, null));

  private static final BelongingAnalysis K2 = BelongingAnalysis.withDefaults(TinySurvey.INSTRUMENT)
      .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(2))
      .withStrategies(List.of(new MeanScore(), new FavorableShare(), new IndexScore(), new NetScore()));

  @Test
  void populationNumbersEqualTheHandCalculation() {
    Report report = K2.withBreakdowns(Breakdown.of("team")).analyze(FIVE);
    ShownSegment all = (ShownSegment) report.segments().get(0);
    assertThat(all.segment().isPopulation()).isTrue();
    assertThat(all.respondents()).isEqualTo(5);
    DimensionResult voice = all.dimensions().get("voice");
    // scores 14/3, 4, 5/3, 3: sum 40/3, n 4, mean 10/3
    assertThat(voice.respondents()).isEqualTo(4);
    assertThat(voice.mean().value()).isCloseTo(10.0 / 3, within(1e-15));
    // deviations 4/3, 2/3, -5/3, -1/3: squares 16/9 + 4/9 + 25/9 + 1/9 = 46/9; / 3 = 46/27
    assertThat(voice.sd().value()).isCloseTo(Math.sqrt(46.0 / 27), within(1e-15));
    // favorable 5 of 12 answers (members without a score count too)
    assertThat(voice.statistic("favorable").value()).isCloseTo(5.0 / 12, within(1e-15));
    // index (10/3 − 1) / 4 × 100 = 175/3
    assertThat(voice.statistic("index").value()).isCloseTo(175.0 / 3, within(1e-12));
    // net (5 favorable − 3 unfavorable) / 12 × 100
    assertThat(voice.statistic("net").value()).isCloseTo(200.0 / 12, within(1e-12));

    DimensionResult nps = all.dimensions().get("nps");
    // one item: scores 10, 9, 6, 0; promoters 2, detractors 2 of 4: eNPS 0
    assertThat(nps.respondents()).isEqualTo(4);
    assertThat(nps.mean().value()).isEqualTo(6.25);
    assertThat(nps.statistic("favorable").value()).isEqualTo(0.5);
    assertThat(nps.statistic("net").value()).isEqualTo(0.0);
    assertThat(nps.statistic("index").value()).isEqualTo(62.5);
  }

  @Test
  void segmentsFollowThePopulationSortedByValue() {
    Report report = K2.withBreakdowns(Breakdown.of("team")).analyze(FIVE);
    assertThat(report.segments()).extracting(s -> s.segment().label())
        .containsExactly("all", "team=T1", "team=T2");
    ShownSegment t2 = (ShownSegment) report.segments().get(2);
    // d 5/3 and e 3: mean 7/3, sd sqrt((2/3)² · 2 / 1)
    assertThat(t2.dimensions().get("voice").mean().value()).isCloseTo(7.0 / 3, within(1e-15));
    assertThat(t2.dimensions().get("voice").sd().value()).isCloseTo(Math.sqrt(8.0 / 9), within(1e-15));
    // n1 only d answered: below k = 2 inside a shown segment, so omitted
    assertThat(t2.dimensions()).doesNotContainKey("nps");
    assertThat(t2.questions()).doesNotContainKey("n1").containsKey("v1");
  }

  @Test
  void perQuestionResultsUseCodedAnswers() {
    Report report = K2.analyze(FIVE);
    ShownSegment all = (ShownSegment) report.segments().get(0);
    // v2 coded: 5, 4, 1, 3: mean 13/4, favorable 2 of 4
    assertThat(all.questions().get("v2").respondents()).isEqualTo(4);
    assertThat(all.questions().get("v2").mean().value()).isEqualTo(3.25);
    assertThat(all.questions().get("v2").favorable().value()).isEqualTo(0.5);
  }

  @Test
  void segmentsBelowKAreSuppressedWithoutNumbers() {
    Report report = BelongingAnalysis.withDefaults(TinySurvey.INSTRUMENT)
        .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(3))
        .withBreakdowns(Breakdown.of("team"))
        .analyze(FIVE);
    SegmentResult t2 = report.segments().get(2);
    assertThat(t2).isInstanceOf(SuppressedSegment.class);
    assertThat(((SuppressedSegment) t2).reasonCode()).isEqualTo(SuppressionReason.BELOW_K);
    assertThat(((SuppressedSegment) t2).reason()).isEqualTo("fewer than 3 respondents");
    assertThat(report.suppressed(SuppressionReason.BELOW_K)).isEqualTo(1);
    // T1 (3) would reveal T2 (2) as the population (5) minus T1: complementary suppression
    SegmentResult t1 = report.segments().get(1);
    assertThat(t1).isInstanceOf(SuppressedSegment.class);
    assertThat(((SuppressedSegment) t1).reasonCode()).isEqualTo(SuppressionReason.COMPLEMENTARY);
    assertThat(((SuppressedSegment) t1).reason()).isEqualTo("suppressed to protect a smaller group");
    assertThat(report.suppressed(SuppressionReason.COMPLEMENTARY)).isEqualTo(1);
    assertThat(report.segments().get(0)).isInstanceOf(ShownSegment.class);
  }

  @Test
  void aPopulationBelowKIsSuppressedToo() {
    Report report = BelongingAnalysis.withDefaults(TinySurvey.INSTRUMENT).analyze(FIVE.withWave(
        FIVE.wave()));
    assertThat(report.segments().get(0).isSuppressed()).isFalse();
    ResponseSet three = TinySurvey.of(row("a", "T1", 1, 1, 1, 1), row("b", "T1", 2, 2, 2, 2),
        row("c", "T1", 3, 3, 3, 3));
    Report small = BelongingAnalysis.withDefaults(TinySurvey.INSTRUMENT).analyze(three);
    assertThat(small.segments()).hasSize(1).allMatch(SegmentResult::isSuppressed);
  }

  @Test
  void anEmptySetGivesASuppressedPopulation() {
    Report report = K2.withBreakdowns(Breakdown.of("team")).analyze(TinySurvey.of());
    assertThat(report.respondents()).isZero();
    assertThat(report.segments()).hasSize(1);
    assertThat(report.segments().get(0).isSuppressed()).isTrue();
  }

  @Test
  void undefinedStatisticsCarryAReason() {
    // two respondents with the same voice score: SD 0 is defined; one nps answer each but identical
    ResponseSet same = TinySurvey.of(row("a", "T1", 4, 2, 4, 8), row("b", "T1", 4, 2, 4, null));
    ShownSegment all = (ShownSegment) K2.analyze(same).segments().get(0);
    assertThat(all.dimensions().get("voice").sd().value()).isZero();
    assertThat(all.dimensions()).doesNotContainKey("nps");
    DimensionStatistics one = SegmentStatistics.empty(TinySurvey.INSTRUMENT, MissingPolicy.ANY)
        .dimension("nps");
    assertThat(one.mean().isDefined()).isFalse();
    assertThat(one.mean().reason()).isEqualTo("no scores");
    assertThat(one.sd().reason()).isEqualTo("no scores");
    assertThat(new FavorableShare().score(one).reason()).isEqualTo("no answers");
  }

  @Test
  void missingPoliciesDecideWhoHasAScore() {
    // voice has 3 items: c answered 1, b 2, a 3
    assertThat(voiceScored(MissingPolicy.ANY)).isEqualTo(5);
    assertThat(voiceScored(MissingPolicy.AT_LEAST_HALF)).isEqualTo(4);
    assertThat(voiceScored(MissingPolicy.ALL)).isEqualTo(3);
  }

  private static long voiceScored(MissingPolicy policy) {
    ShownSegment all = (ShownSegment) K2.withMissingPolicy(policy).analyze(FIVE).segments().get(0);
    return all.dimensions().get("voice").respondents();
  }

  @Test
  void commentsAppearSortedOnlyAtTheThreshold() {
    Report low = K2.withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(2).withCommentThreshold(2))
        .analyze(FIVE);
    assertThat(low.comments()).hasSize(1);
    assertThat(low.comments().get(0).texts()).containsExactly("fine", "more coffee");
    Report high = K2.withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(2).withCommentThreshold(3))
        .analyze(FIVE);
    assertThat(high.comments()).isEmpty();
  }

  @Test
  void intersectionsNameEveryAttribute() {
    ResponseSet set = dev.belonging.core.model.ResponseSet.builder(TinySurvey.INSTRUMENT)
        .attributes(List.of("team", "site"))
        .add(dev.belonging.core.model.RespondentId.of("a"), Map.of("team", "T1", "site", "remote"),
            Map.of("v1", 3), Map.of())
        .add(dev.belonging.core.model.RespondentId.of("b"), Map.of("team", "T1", "site", "office"),
            Map.of("v1", 4), Map.of())
        .build();
    Report report = K2.withBreakdowns(Breakdown.parse("team*site")).analyze(set);
    assertThat(report.segments()).extracting(s -> s.segment().label())
        .containsExactly("all", "team=T1;site=office", "team=T1;site=remote");
  }

  @Test
  void anUnknownAttributeIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> K2.withBreakdowns(Breakdown.of("tenure")).analyze(FIVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"tenure\"")
        .hasMessageContaining("[team]");
  }

  @Test
  void configurationIsValidated() {
    assertThatThrownBy(() -> K2.withBreakdowns(Breakdown.of("team"), Breakdown.of("team")))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> K2.withStrategies(List.of(new MeanScore(), new MeanScore())))
        .hasMessageContaining("unique");
    assertThatThrownBy(() -> AnonymityPolicy.withDefaults().withMinGroupSize(1))
        .hasMessageContaining("at least 2");
    assertThatThrownBy(() -> Breakdown.parse("team**tenure")).hasMessageContaining("invalid");
  }

  @Test
  void oneConfigurationAnalysesManySetsFromManyThreads() throws Exception {
    BelongingAnalysis analysis = K2.withBreakdowns(Breakdown.of("team"), Breakdown.parse("team*site"));
    List<ResponseSet> sets = new java.util.ArrayList<>();
    for (int i = 0; i < 24; i++) {
      sets.add(ScoringProperties.generate(TinySurvey.INSTRUMENT, 20 + 7 * i, i));
    }
    List<Report> sequential = sets.stream().map(analysis::analyze).toList();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Report>> futures = new java.util.ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (ResponseSet set : sets) {
          futures.add(pool.submit(() -> analysis.analyze(set)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % sets.size()));
      }
    } finally {
      pool.shutdown();
    }
  }
}

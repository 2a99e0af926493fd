package dev.belonging.scoring.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.GapFixtures;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GapAnalysisTest {

  /**
   * 20 respondents answering q1–q3 alike: T1 (office) 1 2 1 2 1 2; T2 (3 office, 3 remote) 3 4 3 4 3 4;
   * T3 (remote) 4 5 4 5 4 5; T4 (remote) 3 3. With k = 5 and breakdowns team, site, team*site, the
   * minimum-size rule alone would show all, T1, T2, T3, office (9), remote (11), T1×office and T3×remote;
   * but office minus T1 would reveal the 3 office members of T2, so the guard hides T1 and T1×office
   * (complementary suppression) and shows all, remote, office, T2, T3 and T3×remote.
   */
  static final ResponseSet TEAMS = teams();

  private static ResponseSet teams() {
    ResponseSet.Builder b = ResponseSet.builder(GapFixtures.THREE_ITEMS).attributes(List.of("team", "site"));
    Object[][] people = {
        {"T1", "office", new int[] {1, 2, 1, 2, 1, 2}},
        {"T2", "office", new int[] {3, 4, 3}},
        {"T2", "remote", new int[] {4, 3, 4}},
        {"T3", "remote", new int[] {4, 5, 4, 5, 4, 5}},
        {"T4", "remote", new int[] {3, 3}}};
    int id = 0;
    for (Object[] p : people) {
      for (int answer : (int[]) p[2]) {
        b.add(RespondentId.of("r" + id++), Map.of("team", (String) p[0], "site", (String) p[1]),
            Map.of("q1", answer, "q2", answer, "q3", answer), Map.of());
      }
    }
    return b.build();
  }

  static final BelongingAnalysis ANALYSIS = BelongingAnalysis.withDefaults(GapFixtures.THREE_ITEMS)
      .withBreakdowns(Breakdown.of("team"), Breakdown.of("site"), Breakdown.parse("team*site"));

  private static Segment segment(String label) {
    return RDetectorReferenceTest.segment(label);
  }

  private static List<String> labels(Report report) {
    return report.gaps().stream().map(g -> g.segment().label()).sorted().toList();
  }

  @Test
  void theDefaultsAreWelchAgainstTheRestWithBenjaminiHochbergAtFivePercent() {
    GapAnalysis d = GapAnalysis.withDefaults();
    assertThat(d.detector()).isEqualTo(WelchGap.withDefaults());
    assertThat(d.multipleComparison()).isEqualTo(MultipleComparison.BENJAMINI_HOCHBERG);
    assertThat(d.alpha()).isEqualTo(0.05);
    assertThat(d.comparison()).isEqualTo(Comparison.REST_OF_POPULATION);
    assertThat(d.reference()).isEmpty();
    assertThat(ANALYSIS.gapAnalysis()).isEqualTo(d);
    assertThat(d.withReference(segment("team=T1")).comparison()).isEqualTo(Comparison.REFERENCE_SEGMENT);
    assertThat(d.withReference(segment("team=T1")).withRestOfPopulation()).isEqualTo(d);
  }

  @Test
  void rejectsAnInvalidConfiguration() {
    assertThatThrownBy(() -> GapAnalysis.withDefaults().withAlpha(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> GapAnalysis.withDefaults().withAlpha(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GapAnalysis.withDefaults().withAlpha(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GapAnalysis.withDefaults().withReference(Segment.population()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("population");
  }

  @Test
  void everyShownSegmentButThePopulationIsComparedWithTheRestIntersectionsIncluded() {
    Report report = ANALYSIS.analyze(TEAMS);
    ReportSchema.requireValid(report);
    assertThat(labels(report)).containsExactly("site=office", "site=remote", "team=T2", "team=T3",
        "team=T3;site=remote");
    Gap t3 = report.gaps().stream().filter(g -> g.segment().equals(segment("team=T3"))).findFirst().orElseThrow();
    // T3 scores 27 / 6 = 4.5 on average; the 14 others 9 (T1) + 21 (T2) + 6 (T4) = 36, i.e. 36 / 14
    assertThat(t3.difference().value()).isCloseTo(4.5 - 36.0 / 14, within(1e-12));
    assertThat(t3.comparison()).isEqualTo(Comparison.REST_OF_POPULATION);
    assertThat(t3.reference()).isEmpty();
    assertThat(t3.flagged()).isTrue();
  }

  @Test
  void aSegmentWhoseRestHasFewerThanKMembersIsHiddenAndHasNoGap() {
    ResponseSet.Builder b = ResponseSet.builder(GapFixtures.THREE_ITEMS).attributes(List.of("team"));
    int[] answers = {1, 2, 3, 4, 5, 2, 3};
    for (int i = 0; i < answers.length; i++) {
      b.add(RespondentId.of("r" + i), Map.of("team", i < 5 ? "T1" : "T2"),
          Map.of("q1", answers[i], "q2", answers[i], "q3", answers[i]), Map.of());
    }
    Report report = BelongingAnalysis.withDefaults(GapFixtures.THREE_ITEMS).withBreakdowns(Breakdown.of("team"))
        .analyze(b.build());
    // the population minus T1 would reveal T2's two members: the guard hides T1 too
    assertThat(report.segment(segment("team=T1")).orElseThrow().isSuppressed()).isTrue();
    assertThat(report.gaps()).isEmpty();
  }

  @Test
  void aReferenceSegmentIsComparedWithEveryShownSegmentDisjointFromIt() {
    Report report = ANALYSIS.withGapAnalysis(GapAnalysis.withDefaults().withReference(segment("team=T3")))
        .analyze(TEAMS);
    ReportSchema.requireValid(report);
    // not T3 itself, nor T3×remote (inside it), nor office or remote: a segment of another attribute is not
    // disjoint from T3 by its description, whatever this data happens to hold
    assertThat(labels(report)).containsExactly("team=T2");
    for (Gap g : report.gaps()) {
      assertThat(g.comparison()).isEqualTo(Comparison.REFERENCE_SEGMENT);
      assertThat(g.reference()).contains(segment("team=T3"));
      assertThat(g.difference().value()).isNegative();
    }
    Gap t2 = report.gaps().stream().filter(g -> g.segment().equals(segment("team=T2"))).findFirst()
        .orElseThrow();
    // T2 21 / 6 = 3.5, T3 27 / 6 = 4.5
    assertThat(t2.difference().value()).isEqualTo(-1.0);
  }

  @Test
  void aHiddenReferenceSegmentGivesNoGaps() {
    Report report = ANALYSIS.withGapAnalysis(GapAnalysis.withDefaults().withReference(segment("team=T4")))
        .analyze(TEAMS);
    assertThat(report.segment(segment("team=T4")).orElseThrow().isSuppressed()).isTrue();
    assertThat(report.gaps()).isEmpty();
  }

  @Test
  void aReferenceSegmentOfNoBreakdownIsAnError() {
    BelongingAnalysis analysis = BelongingAnalysis.withDefaults(GapFixtures.THREE_ITEMS)
        .withBreakdowns(Breakdown.of("team"))
        .withGapAnalysis(GapAnalysis.withDefaults().withReference(segment("site=office")));
    assertThatThrownBy(() -> analysis.analyze(TEAMS)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("site=office").hasMessageContaining("team");
  }

  @Test
  void theFlaggedRuleUsesAlphaAndTheDetectorsMinimumEffect() {
    Report report = ANALYSIS.analyze(TEAMS);
    assertThat(report.gaps()).anyMatch(Gap::flagged).anyMatch(g -> !g.flagged());
    for (Gap g : report.gaps()) {
      assertThat(g.flagged()).isEqualTo(g.qValue().value() < 0.05 && Math.abs(g.effectSize().value()) >= 0.2);
    }
    Report strict = ANALYSIS.withGapAnalysis(GapAnalysis.withDefaults().withAlpha(1e-12)).analyze(TEAMS);
    assertThat(strict.gaps()).noneMatch(Gap::flagged);
    Report large = ANALYSIS.withGapDetector(WelchGap.withDefaults().withMinimumEffect(50)).analyze(TEAMS);
    assertThat(large.gaps()).noneMatch(Gap::flagged);
    Report lenient = ANALYSIS.withGapAnalysis(GapAnalysis.withDefaults().withAlpha(0.999)
        .withDetector(WelchGap.withDefaults().withMinimumEffect(0))).analyze(TEAMS);
    assertThat(lenient.gaps()).allMatch(g -> g.flagged() == (g.qValue().value() < 0.999));
  }

  @Test
  void theMultipleComparisonMethodIsConfigurable() {
    Report none = ANALYSIS.withMultipleComparison(MultipleComparison.NONE).analyze(TEAMS);
    assertThat(none.gaps()).allMatch(g -> g.qValue().equals(g.pValue()));
    Report holm = ANALYSIS.withMultipleComparison(MultipleComparison.HOLM).analyze(TEAMS);
    List<Statistic> expected = MultipleComparison.HOLM.adjust(holm.gaps().stream().map(Gap::pValue).toList());
    assertThat(holm.gaps().stream().map(Gap::qValue).toList()).isEqualTo(expected);
  }

  @Test
  void gapsAreSortedByQThenByDecreasingEffect() {
    Report report = ANALYSIS.withMultipleComparison(MultipleComparison.BONFERRONI).analyze(TEAMS);
    List<Gap> gaps = report.gaps();
    for (int i = 1; i < gaps.size(); i++) {
      double q0 = gaps.get(i - 1).qValue().value();
      double q1 = gaps.get(i).qValue().value();
      assertThat(q1).isGreaterThanOrEqualTo(q0);
      if (q1 == q0) {
        assertThat(Math.abs(gaps.get(i).effectSize().value()))
            .isLessThanOrEqualTo(Math.abs(gaps.get(i - 1).effectSize().value()));
      }
    }
  }

  /** A plugged-in detector: the difference of means as effect, and never any evidence (p = 1). */
  private static final class NoEvidence implements GapDetector {
    @Override
    public String name() {
      return "no-evidence";
    }

    @Override
    public String effectSizeType() {
      return "mean-difference";
    }

    @Override
    public DifferenceUnit differenceUnit() {
      return DifferenceUnit.SCORE_POINTS;
    }

    @Override
    public double minimumEffect() {
      return 0;
    }

    @Override
    public GapEstimate estimate(dev.belonging.scoring.DimensionStatistics group,
        dev.belonging.scoring.DimensionStatistics comparison) {
      Statistic d = Statistic.of(group.mean().value() - comparison.mean().value());
      return new GapEstimate(d, d, d, d, Statistic.of(1));
    }
  }

  @Test
  void equalQValuesAreOrderedByDecreasingEffectAndAPluggedInDetectorIsUsed() {
    Report report = ANALYSIS.withGapDetector(new NoEvidence()).analyze(TEAMS);
    ReportSchema.requireValid(report);
    List<Gap> gaps = report.gaps();
    assertThat(gaps).hasSize(5).allMatch(g -> g.qValue().value() == 1 && !g.flagged()
        && g.detector().equals("no-evidence") && g.effectSizeType().equals("mean-difference"));
    for (int i = 1; i < gaps.size(); i++) {
      assertThat(Math.abs(gaps.get(i).effectSize().value()))
          .isLessThanOrEqualTo(Math.abs(gaps.get(i - 1).effectSize().value()));
    }
    // T3 (and T3×remote, the same people): 4.5 − 36 / 14 ≈ 1.93, ahead of office/remote at 17 / 9 ≈ 1.89
    assertThat(gaps.get(0).segment()).isIn(segment("team=T3"), segment("team=T3;site=remote"));
  }

  @Test
  void aGapNamesItsReferenceExactlyWhenItHasOne() {
    GapEstimate e = GapEstimate.undefined("no scores in the group");
    Statistic q = Statistic.undefined("p-value undefined");
    assertThatThrownBy(() -> new Gap(segment("team=T1"), "d", Comparison.REFERENCE_SEGMENT, Optional.empty(),
        "welch", "hedges-g", DifferenceUnit.SCORE_POINTS, e, q, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Gap(Segment.population(), "d", Comparison.REST_OF_POPULATION, Optional.empty(),
        "welch", "hedges-g", DifferenceUnit.SCORE_POINTS, e, q, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("population");
    assertThatThrownBy(() -> new Gap(segment("team=T1"), "d", Comparison.REST_OF_POPULATION, Optional.empty(),
        "welch", "hedges-g", DifferenceUnit.SCORE_POINTS, e, q, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flagged");
  }
}

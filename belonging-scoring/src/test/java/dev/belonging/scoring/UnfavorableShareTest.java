package dev.belonging.scoring;

import static dev.belonging.scoring.TinySurvey.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnfavorableShareTest extends ScoringStrategyContract {

  @Override
  ScoringStrategy strategy() {
    return new UnfavorableShare();
  }

  @Override
  double lowest(DimensionStatistics statistics) {
    return 0;
  }

  @Override
  double highest(DimensionStatistics statistics) {
    return 1;
  }

  @Test
  void countsEveryAnswerIncludingThoseOfMembersWithoutAScore() {
    // coded voice answers (v2 reversed: 1 → 5, 4 → 2): a 2, 5, 2 (2 unfavorable, at most 2);
    // b has one answer, 1 (no score, unfavorable): 3 of 4
    var set = TinySurvey.of(row("a", "T", 2, 1, 2, null), row("b", "T", 1, null, null, null));
    assertThat(strategy().score(statistics(set).dimension("voice")).value()).isEqualTo(0.75);
  }

  @Test
  void usesTheQuestionsOwnThreshold() {
    // nps 0..10, unfavorable to 6: 6 and 0 of 9, 7, 6, 0 (7 is neither: a passive)
    var set = TinySurvey.of(row("a", "T", null, null, null, 9), row("b", "T", null, null, null, 7),
        row("c", "T", null, null, null, 6), row("d", "T", null, null, null, 0));
    assertThat(strategy().score(statistics(set).dimension("nps")).value()).isEqualTo(0.5);
  }

  @Test
  void leavesTheNeutralAnswersToNeitherShare() {
    // coded voice answers 3, 3, 3 (v2 = 3 reverses to 3): neither favorable nor unfavorable
    var set = TinySurvey.of(row("a", "T", 3, 3, 3, null));
    DimensionStatistics stats = statistics(set).dimension("voice");
    assertThat(strategy().score(stats).value()).isZero();
    assertThat(new FavorableShare().score(stats).value()).isZero();
  }

  @Test
  void addsUpWithTheFavorableShareToAtMostOne() {
    // coded voice answers 5, 5, 1 | 4, 3, 2: favorable 3, unfavorable 2, neutral 1, of 6
    var set = TinySurvey.of(row("a", "T", 5, 1, 1, null), row("b", "T", 4, 3, 2, null));
    DimensionStatistics stats = statistics(set).dimension("voice");
    assertThat(strategy().score(stats).value()).isEqualTo(2.0 / 6);
    assertThat(new FavorableShare().score(stats).value()).isEqualTo(3.0 / 6);
  }

  @Test
  void allMissingAnswersLeaveItUndefined() {
    var set = TinySurvey.of(row("a", "T", null, null, null, 5));
    assertThat(strategy().score(statistics(set).dimension("voice")).reason()).isEqualTo("no answers");
  }
}

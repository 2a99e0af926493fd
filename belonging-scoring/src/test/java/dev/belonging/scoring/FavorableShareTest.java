package dev.belonging.scoring;

import static dev.belonging.scoring.TinySurvey.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FavorableShareTest extends ScoringStrategyContract {

  @Override
  ScoringStrategy strategy() {
    return new FavorableShare();
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
    // coded voice answers: a 5, 5, 4 (3 favorable); b has one answer, 3 (no score, not favorable)
    var set = TinySurvey.of(row("a", "T", 5, 1, 4, null), row("b", "T", 3, null, null, null));
    assertThat(strategy().score(statistics(set).dimension("voice")).value()).isEqualTo(0.75);
  }

  @Test
  void usesTheQuestionsOwnThreshold() {
    // nps 0..10, favorable from 9: 9 and 10 of 9, 10, 8, 0
    var set = TinySurvey.of(row("a", "T", null, null, null, 9), row("b", "T", null, null, null, 10),
        row("c", "T", null, null, null, 8), row("d", "T", null, null, null, 0));
    assertThat(strategy().score(statistics(set).dimension("nps")).value()).isEqualTo(0.5);
  }

  @Test
  void allMissingAnswersLeaveItUndefined() {
    var set = TinySurvey.of(row("a", "T", null, null, null, 5));
    assertThat(strategy().score(statistics(set).dimension("voice")).reason()).isEqualTo("no answers");
  }
}

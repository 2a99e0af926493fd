package dev.belonging.scoring;

import static dev.belonging.scoring.TinySurvey.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanScoreTest extends ScoringStrategyContract {

  @Override
  ScoringStrategy strategy() {
    return new MeanScore();
  }

  @Override
  double lowest(DimensionStatistics statistics) {
    return statistics.scale().min();
  }

  @Override
  double highest(DimensionStatistics statistics) {
    return statistics.scale().max();
  }

  @Test
  void isTheMeanOfRespondentScores() {
    // voice scores: a (5 + (6−1) + 4)/3 = 14/3, b (4 + (6−2))/2 = 4; mean 13/3
    var set = TinySurvey.of(row("a", "T", 5, 1, 4, null), row("b", "T", 4, 2, null, null));
    assertThat(strategy().score(statistics(set).dimension("voice")).value()).isCloseTo(13.0 / 3, within(1e-15));
  }

  @Test
  void aSingleRespondentScoresTheirOwnScore() {
    var set = TinySurvey.of(row("a", "T", 2, 2, 2, 7));
    assertThat(strategy().score(statistics(set).dimension("voice")).value()).isCloseTo(8.0 / 3, within(1e-15));
    assertThat(statistics(set).dimension("voice").sd().reason()).isEqualTo("one score");
    assertThat(strategy().score(statistics(set).dimension("nps")).value()).isEqualTo(7.0);
  }

  @Test
  void allMissingAnswersLeaveItUndefined() {
    var set = TinySurvey.of(row("a", "T", null, null, 3, null));
    assertThat(strategy().score(statistics(set).dimension("voice")).reason()).isEqualTo("no scores");
  }
}

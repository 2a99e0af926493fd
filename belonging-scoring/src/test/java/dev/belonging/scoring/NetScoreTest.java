package dev.belonging.scoring;

import static dev.belonging.scoring.TinySurvey.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetScoreTest extends ScoringStrategyContract {

  @Override
  ScoringStrategy strategy() {
    return new NetScore();
  }

  @Override
  double lowest(DimensionStatistics statistics) {
    return -100;
  }

  @Override
  double highest(DimensionStatistics statistics) {
    return 100;
  }

  @Test
  void isTheEmployeeNetPromoterScoreOnAZeroToTenItem() {
    // promoters (9–10): 10, 9, 9; passives (7–8): 8, 7; detractors (0–6): 6, 3, 0, 5, 1
    // eNPS = (3 − 5) / 10 × 100 = −20
    int[] answers = {10, 9, 9, 8, 7, 6, 3, 0, 5, 1};
    Object[][] rows = new Object[answers.length][];
    for (int i = 0; i < answers.length; i++) {
      rows[i] = row("r" + i, "T", null, null, null, answers[i]);
    }
    assertThat(strategy().score(statistics(TinySurvey.of(rows)).dimension("nps")).value()).isEqualTo(-20.0);
  }

  @Test
  void onAnAgreementScaleCountsTopTwoMinusBottomTwo() {
    // coded voice answers 5, 4, 3, 2, 1, 1 (favorable ≥ 4: 2; unfavorable ≤ 2: 3) → (2 − 3) / 6 × 100
    var set = TinySurvey.of(row("a", "T", 5, 2, 3, null), row("b", "T", 2, 5, 1, null));
    assertThat(strategy().score(statistics(set).dimension("voice")).value()).isEqualTo(-100.0 / 6);
  }
}

package dev.belonging.scoring;

import static dev.belonging.scoring.TinySurvey.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexScoreTest extends ScoringStrategyContract {

  @Override
  ScoringStrategy strategy() {
    return new IndexScore();
  }

  @Override
  double lowest(DimensionStatistics statistics) {
    return 0;
  }

  @Override
  double highest(DimensionStatistics statistics) {
    return 100;
  }

  @Test
  void mapsTheScaleOntoZeroToHundred() {
    // voice 1..5: everyone at 1 → 0, everyone at 5 → 100, mean 2 → 25
    assertThat(index(row("a", "T", 1, 5, 1, null))).isEqualTo(0.0);
    assertThat(index(row("a", "T", 5, 1, 5, null))).isEqualTo(100.0);
    assertThat(index(row("a", "T", 2, 4, 2, null))).isEqualTo(25.0);
    // nps 0..10: 7 → 70
    var set = TinySurvey.of(row("a", "T", null, null, null, 7));
    assertThat(strategy().score(statistics(set).dimension("nps")).value()).isEqualTo(70.0);
  }

  private double index(Object[] row) {
    return strategy().score(statistics(TinySurvey.of(row)).dimension("voice")).value();
  }
}

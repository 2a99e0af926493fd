package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.internal.ScoringPass;
import dev.belonging.scoring.internal.StatisticsLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ScoringStrategy} keeps. A strategy's test extends this class and adds its own
 * hand calculations.
 */
abstract class ScoringStrategyContract {

  /** Returns the strategy under test. */
  abstract ScoringStrategy strategy();

  /** Returns the smallest value the strategy can give on a dimension of the tiny survey. */
  abstract double lowest(DimensionStatistics statistics);

  /** Returns the largest value the strategy can give on a dimension of the tiny survey. */
  abstract double highest(DimensionStatistics statistics);

  static final StatisticsLayout LAYOUT =
      new StatisticsLayout(TinySurvey.INSTRUMENT, MissingPolicy.AT_LEAST_HALF);

  static SegmentStatistics statistics(ResponseSet set, int from, int to) {
    return SegmentStatistics.wrap(LAYOUT, ScoringPass.run(LAYOUT, set, List.of(), from, to).population());
  }

  static SegmentStatistics statistics(ResponseSet set) {
    return statistics(set, 0, set.size());
  }

  @Test
  void hasAUsableName() {
    assertThat(strategy().name()).isNotBlank().matches("[A-Za-z][A-Za-z0-9_-]*")
        .isNotIn("respondents", "sd");
  }

  @Test
  void isUndefinedWithAReasonWhenThereIsNothingToScore() {
    SegmentStatistics empty = SegmentStatistics.empty(TinySurvey.INSTRUMENT, MissingPolicy.AT_LEAST_HALF);
    for (var d : TinySurvey.INSTRUMENT.dimensions()) {
      Statistic s = strategy().score(empty.dimension(d.id()));
      assertThat(s.isDefined()).isFalse();
      assertThat(s.reason()).isNotBlank();
    }
  }

  @Test
  void staysWithinItsRangeAndDoesNotDependOnPartitioning() {
    qt().forAll(integers().between(1, 60), longs().all(), integers().between(0, 1000))
        .checkAssert((n, seed, cutSeed) -> {
          ResponseSet set = ScoringProperties.generate(TinySurvey.INSTRUMENT, n, seed);
          int cut = cutSeed % (n + 1);
          SegmentStatistics whole = statistics(set);
          SegmentStatistics merged = statistics(set, cut, n).plus(statistics(set, 0, cut));
          for (var d : TinySurvey.INSTRUMENT.dimensions()) {
            DimensionStatistics stats = whole.dimension(d.id());
            Statistic s = strategy().score(stats);
            assertThat(strategy().score(merged.dimension(d.id()))).isEqualTo(s);
            if (s.isDefined()) {
              assertThat(s.value()).isBetween(lowest(stats), highest(stats));
            } else {
              assertThat(s.reason()).isNotBlank();
            }
          }
        });
  }

  @Test
  void isStateless() {
    ResponseSet set = ScoringProperties.generate(TinySurvey.INSTRUMENT, 30, 7);
    DimensionStatistics stats = statistics(set).dimension("voice");
    assertThat(strategy().score(stats)).isEqualTo(strategy().score(stats));
    assertThat(strategy()).isEqualTo(strategy());
  }
}

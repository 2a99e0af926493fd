package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.internal.ScoringPass;
import dev.belonging.scoring.internal.StatisticsLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pass's shortcuts (cells added up from finer breakdowns, parallel parts) change no number. */
class ScoringPassProperties {

  private static final StatisticsLayout LAYOUT =
      new StatisticsLayout(TinySurvey.INSTRUMENT, MissingPolicy.AT_LEAST_HALF);
  private static final Breakdown TEAM = Breakdown.of("team");
  private static final Breakdown SITE = Breakdown.of("site");
  private static final Breakdown SITE_TEAM = Breakdown.parse("site*team");

  @Test
  void cellsAddedUpFromAFinerBreakdownEqualCountedOnesInTheSameOrder() {
    qt().forAll(integers().between(0, 80), longs().all()).checkAssert((n, seed) -> {
      ResponseSet set = ScoringProperties.generate(TinySurvey.INSTRUMENT, n, seed);
      // team and site are within site*team, so only site*team is counted row by row
      ScoringPass.Result together = ScoringPass.run(LAYOUT, set, List.of(TEAM, SITE_TEAM, SITE), 0, n);
      assertThat(entries(together, 0)).isEqualTo(entries(ScoringPass.run(LAYOUT, set, List.of(TEAM), 0, n), 0));
      assertThat(entries(together, 1))
          .isEqualTo(entries(ScoringPass.run(LAYOUT, set, List.of(SITE_TEAM), 0, n), 0));
      assertThat(entries(together, 2)).isEqualTo(entries(ScoringPass.run(LAYOUT, set, List.of(SITE), 0, n), 0));
      assertThat(together.population())
          .containsExactly(ScoringPass.run(LAYOUT, set, List.of(), 0, n).population());
      for (long key : together.breakdowns().get(1).cells().keySet()) {
        assertThat(together.breakdowns().get(1).decode(key).keySet()).containsExactly("site", "team");
      }
    });
  }

  @Test
  void breakdownsAddedUpFromAddedUpOnesEqualEachCountedAlone() {
    // only team*site*band is counted row by row; team is added up from team*site (fewest combinations),
    // itself added up from team*site*band, and both are listed after team
    List<Breakdown> breakdowns = List.of(Breakdown.of("band"), Breakdown.parse("band*site"), TEAM, SITE,
        Breakdown.parse("team*site"), Breakdown.parse("team*site*band"));
    qt().forAll(integers().between(0, 150), longs().all()).checkAssert((n, seed) -> assertEachAsCountedAlone(
        withBands(ScoringProperties.generate(TinySurvey.INSTRUMENT, n, seed), seed), breakdowns));
  }

  @Test
  void breakdownsCountedInJoinedKeysEqualEachCountedAlone() {
    // team and site*band share no attribute: both are counted in one key, team*site*band, whose attribute
    // order is neither breakdown's; band and site are added up from it too
    List<Breakdown> breakdowns = List.of(TEAM, Breakdown.of("band"), Breakdown.parse("site*band"), SITE);
    qt().forAll(integers().between(0, 150), longs().all()).checkAssert((n, seed) -> assertEachAsCountedAlone(
        withBands(ScoringProperties.generate(TinySurvey.INSTRUMENT, n, seed), seed), breakdowns));
  }

  @Test
  void keysWithTooManyJoinedCombinationsAreCountedApart() {
    // seat has a value per row, more than a joined key may have with team: the two are counted apart
    int n = (int) ScoringPass.JOINED_COMBINATIONS + 500;
    ResponseSet base = ScoringProperties.generate(TinySurvey.INSTRUMENT, n, 7);
    ResponseSet.Builder b = ResponseSet.builder(base.instrument()).attributes(List.of("team", "site", "seat"));
    int row = 0;
    for (var r : base) {
      Map<String, String> attributes = new java.util.HashMap<>(r.respondent().attributes());
      attributes.put("seat", "S" + row++);
      b.add(r.respondent().id(), attributes, r.answers(), r.comments());
    }
    ResponseSet set = b.build();
    List<Breakdown> breakdowns = List.of(Breakdown.of("seat"), SITE_TEAM, TEAM);
    assertEachAsCountedAlone(set, breakdowns);
    assertThat(ScoringPass.run(LAYOUT, set, breakdowns, 0, n).breakdowns().get(0).cells()).hasSize(n);
  }

  @Test
  void breakdownsInThreeKeysAtATimeEqualEachCountedAlone() {
    // attributes of 100 values each, which no key may join (10,000 combinations): one key per breakdown,
    // counted three keys to a pass over each block and the rest one by one
    for (int keys : new int[] {3, 4, 7}) {
      qt().withExamples(20).forAll(integers().between(0, 400), longs().all()).checkAssert((n, seed) -> {
        ResponseSet base = ScoringProperties.generate(TinySurvey.INSTRUMENT, n, seed);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
          names.add("x" + k);
        }
        ResponseSet.Builder b = ResponseSet.builder(base.instrument()).attributes(names);
        java.util.Random random = new java.util.Random(seed);
        for (var r : base) {
          Map<String, String> attributes = new java.util.HashMap<>();
          for (String name : names) {
            attributes.put(name, "V" + random.nextInt(100));
          }
          b.add(r.respondent().id(), attributes, r.answers(), r.comments());
        }
        assertEachAsCountedAlone(b.build(), names.stream().map(Breakdown::of).toList());
      });
    }
  }

  /** Each breakdown's cells, counted with the others, equal its cells counted alone; so does the population. */
  private static void assertEachAsCountedAlone(ResponseSet set, List<Breakdown> breakdowns) {
    int n = set.size();
    ScoringPass.Result together = ScoringPass.run(LAYOUT, set, breakdowns, 0, n);
    for (int b = 0; b < breakdowns.size(); b++) {
      assertThat(entries(together, b))
          .isEqualTo(entries(ScoringPass.run(LAYOUT, set, List.of(breakdowns.get(b)), 0, n), 0));
    }
    assertThat(together.population())
        .containsExactly(ScoringPass.run(LAYOUT, set, List.of(), 0, n).population());
  }

  /** The set with a third attribute, band, of four values. */
  private static ResponseSet withBands(ResponseSet set, long seed) {
    java.util.Random random = new java.util.Random(seed);
    ResponseSet.Builder b = ResponseSet.builder(set.instrument()).attributes(List.of("team", "site", "band"));
    for (var r : set) {
      Map<String, String> attributes = new java.util.HashMap<>(r.respondent().attributes());
      attributes.put("band", "B" + random.nextInt(4));
      b.add(r.respondent().id(), attributes, r.answers(), r.comments());
    }
    return b.build();
  }

  @Test
  void aPassInParallelPartsEqualsOneInOnePart() {
    // 140,000 rows make two parts (at least 16,384 rows each) on two or more processors; ranges of
    // 30,000 rows make one part each, merged in row order
    int n = 140_000;
    ResponseSet set = ScoringProperties.generate(TinySurvey.INSTRUMENT, n, 42);
    List<Breakdown> breakdowns = List.of(TEAM, SITE_TEAM, SITE);
    ScoringPass.Result whole = ScoringPass.run(LAYOUT, set, breakdowns, 0, n);
    ScoringPass.Result left = ScoringPass.run(LAYOUT, set, breakdowns, 0, 30_000);
    for (int from = 30_000; from < n; from += 30_000) {
      left.mergeFrom(ScoringPass.run(LAYOUT, set, breakdowns, from, Math.min(n, from + 30_000)));
    }
    assertThat(whole.population()).containsExactly(left.population());
    assertThat(whole.population()[0]).isEqualTo(n);
    for (int b = 0; b < breakdowns.size(); b++) {
      assertThat(entries(whole, b)).isEqualTo(entries(left, b));
    }
  }

  /** A breakdown's cells as (key, sums) pairs in the result's order, comparable with equals. */
  private static List<List<Long>> entries(ScoringPass.Result result, int breakdown) {
    List<List<Long>> out = new ArrayList<>();
    for (Map.Entry<Long, long[]> e : result.breakdowns().get(breakdown).cells().entrySet()) {
      List<Long> row = new ArrayList<>();
      row.add(e.getKey());
      for (long v : e.getValue()) {
        row.add(v);
      }
      out.add(row);
    }
    return out;
  }
}

package dev.belonging.scoring.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.Response;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.GapFixtures;
import dev.belonging.scoring.MissingPolicy;
import dev.belonging.scoring.SegmentStatistics;
import dev.belonging.scoring.Statistic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link GapDetector} keeps. A detector's test extends this class in one line and adds
 * its own hand calculations and reference values.
 */
abstract class GapDetectorContract {

  /** Returns the detector under test. */
  abstract GapDetector detector();

  /** The groups of a generated set: office against remote, per dimension of the tiny survey. */
  private static DimensionStatistics[] officeAndRemote(ResponseSet set, String dimension) {
    return new DimensionStatistics[] {
        GapFixtures.statistics(set, "site", "office").dimension(dimension),
        GapFixtures.statistics(set, "site", "remote").dimension(dimension)};
  }

  private static List<Statistic> parts(GapEstimate e) {
    return List.of(e.difference(), e.effectSize(), e.ciLow(), e.ciHigh(), e.pValue());
  }

  @Test
  void hasUsableNamesAndAMinimumEffect() {
    assertThat(detector().name()).matches("[a-z][a-z0-9-]*");
    assertThat(detector().effectSizeType()).matches("[a-z][a-z0-9-]*");
    assertThat(detector().differenceUnit()).isNotNull();
    assertThat(detector().minimumEffect()).isGreaterThanOrEqualTo(0).isFinite();
  }

  @Test
  void swappingTheGroupsNegatesDifferenceEffectAndIntervalAndKeepsP() {
    AtomicInteger defined = new AtomicInteger();
    qt().forAll(integers().between(0, 60), longs().all()).checkAssert((n, seed) -> {
      ResponseSet set = GapFixtures.generate(GapFixtures.TINY, n, seed);
      for (var dimension : GapFixtures.TINY.dimensions()) {
        DimensionStatistics[] g = officeAndRemote(set, dimension.id());
        GapEstimate ab = detector().estimate(g[0], g[1]);
        GapEstimate ba = detector().estimate(g[1], g[0]);
        assertSame(negated(ba.difference()), ab.difference(), "difference");
        assertSame(negated(ba.effectSize()), ab.effectSize(), "effect size");
        assertSame(negated(ba.ciHigh()), ab.ciLow(), "ciLow");
        assertSame(negated(ba.ciLow()), ab.ciHigh(), "ciHigh");
        assertSame(ba.pValue(), ab.pValue(), "p");
        if (ab.pValue().isDefined()) {
          defined.incrementAndGet();
        }
      }
    });
    assertThat(defined.get()).as("generated groups with a defined p-value").isPositive();
  }

  /** The same value, or both undefined (the reason may name the side, which the swap changes). */
  private static void assertSame(Statistic actual, Statistic expected, String what) {
    assertThat(actual.isDefined()).as(what).isEqualTo(expected.isDefined());
    if (expected.isDefined()) {
      assertThat(actual.value()).as(what).isEqualTo(expected.value());
    }
  }

  private static Statistic negated(Statistic s) {
    return s.isDefined() ? Statistic.of(-s.value()) : s;
  }

  @Test
  void pLiesInTheUnitIntervalTheIntervalHoldsTheDifferenceAndNothingIsNaN() {
    qt().forAll(integers().between(0, 60), longs().all()).checkAssert((n, seed) -> {
      ResponseSet set = GapFixtures.generate(GapFixtures.TINY, n, seed);
      for (var dimension : GapFixtures.TINY.dimensions()) {
        DimensionStatistics[] g = officeAndRemote(set, dimension.id());
        GapEstimate e = detector().estimate(g[0], g[1]);
        for (Statistic s : parts(e)) {
          assertThat(s.isDefined() ? Double.isFinite(s.value()) : !s.reason().isBlank()).isTrue();
        }
        if (e.pValue().isDefined()) {
          assertThat(e.pValue().value()).isBetween(0.0, 1.0);
        }
        if (e.ciLow().isDefined() && e.difference().isDefined()) {
          assertThat(e.difference().value()).isBetween(e.ciLow().value(), e.ciHigh().value());
        }
      }
    });
  }

  @Test
  void addingAConstantToEveryAnswerOfTheScaleLeavesTheGapUnchanged() {
    int shift = 3;
    Instrument shifted = shifted(GapFixtures.TINY, shift);
    qt().forAll(integers().between(0, 60), longs().all()).checkAssert((n, seed) -> {
      ResponseSet set = GapFixtures.generate(GapFixtures.TINY, n, seed);
      ResponseSet.Builder b = ResponseSet.builder(shifted).attributes(List.of("team", "site"));
      for (Response r : set) {
        Map<String, Integer> answers = new HashMap<>();
        r.answers().forEach((q, x) -> answers.put(q, x + shift));
        b.add(r.respondent().id(), r.respondent().attributes(), answers, Map.of());
      }
      ResponseSet moved = b.build();
      for (var dimension : GapFixtures.TINY.dimensions()) {
        DimensionStatistics[] g = officeAndRemote(set, dimension.id());
        DimensionStatistics[] h = officeAndRemote(moved, dimension.id());
        List<Statistic> before = parts(detector().estimate(g[0], g[1]));
        List<Statistic> after = parts(detector().estimate(h[0], h[1]));
        for (int i = 0; i < before.size(); i++) {
          assertThat(after.get(i).isDefined()).isEqualTo(before.get(i).isDefined());
          if (before.get(i).isDefined()) {
            assertThat(after.get(i).value()).as("part %d", i)
                .isCloseTo(before.get(i).value(), within(1e-9));
          }
        }
      }
    });
  }

  /** The instrument with every scale moved up by {@code shift} points. */
  static Instrument shifted(Instrument instrument, int shift) {
    Scale s = instrument.scale();
    Scale moved = Scale.of(s.min() + shift, s.max() + shift, s.favorableFrom() + shift,
        s.unfavorableTo() + shift);
    return Instrument.of(instrument.id(), instrument.version(), instrument.name(), moved,
        instrument.dimensions(), instrument.questions().stream().map(q -> {
          if (!q.isRating() || q.scale().isEmpty()) {
            return q;
          }
          Scale own = q.scale().get();
          return q.withScale(Scale.of(own.min() + shift, own.max() + shift, own.favorableFrom() + shift,
              own.unfavorableTo() + shift));
        }).toList());
  }

  @Test
  void aClearGapIsFoundWithTheRightSign() {
    // the group answers mostly 1 or 2, everyone else mostly 4 or 5; each member answers every item alike
    DimensionStatistics[] g = GapFixtures.alike(new int[] {1, 2, 1, 2, 4, 1, 2, 1, 2, 1},
        new int[] {4, 5, 4, 5, 2, 4, 5, 4, 5, 4, 5, 4});
    GapEstimate e = detector().estimate(g[0], g[1]);
    assertThat(e.difference().value()).isNegative();
    assertThat(e.effectSize().value()).isNegative();
    assertThat(e.ciHigh().value()).isNegative();
    assertThat(e.pValue().value()).isLessThan(0.001);
    assertThat(Math.abs(e.effectSize().value())).isGreaterThanOrEqualTo(detector().minimumEffect());
  }

  @Test
  void groupsWithoutAnswersGiveUndefinedPartsWithReasons() {
    SegmentStatistics empty = SegmentStatistics.empty(GapFixtures.THREE_ITEMS, MissingPolicy.AT_LEAST_HALF);
    DimensionStatistics[] g = GapFixtures.alike(new int[] {1, 2, 3}, new int[] {4, 5});
    for (GapEstimate e : List.of(detector().estimate(empty.dimension("d"), g[1]),
        detector().estimate(g[0], empty.dimension("d")))) {
      for (Statistic s : parts(e)) {
        assertThat(s.isDefined()).isFalse();
        assertThat(s.reason()).isNotBlank();
      }
    }
  }

  @Test
  void groupsThatDoNotVaryHaveNoTest() {
    DimensionStatistics[] g = GapFixtures.alike(new int[] {4, 4, 4, 4, 4}, new int[] {4, 4, 4, 4, 4, 4});
    GapEstimate e = detector().estimate(g[0], g[1]);
    assertThat(e.difference().value()).isZero();
    assertThat(e.pValue().isDefined()).isFalse();
    assertThat(e.pValue().reason()).isNotBlank();
  }

  @Test
  void comparesOneDimensionOnly() {
    ResponseSet set = GapFixtures.generate(GapFixtures.TINY, 30, 1);
    DimensionStatistics voice = GapFixtures.statistics(set, "site", "office").dimension("voice");
    DimensionStatistics nps = GapFixtures.statistics(set, "site", "remote").dimension("nps");
    assertThatThrownBy(() -> detector().estimate(voice, nps)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("voice").hasMessageContaining("nps");
  }

  @Test
  void isAStatelessValue() {
    ResponseSet set = GapFixtures.generate(GapFixtures.TINY, 40, 7);
    DimensionStatistics[] g = officeAndRemote(set, "voice");
    assertThat(detector().estimate(g[0], g[1])).isEqualTo(detector().estimate(g[0], g[1]));
    assertThat(detector()).isEqualTo(detector()).hasSameHashCodeAs(detector());
  }
}

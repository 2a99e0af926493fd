package dev.belonging.scoring.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.GapFixtures;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportSchema;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Invariants of the gaps of generated reports, for every detector. */
class GapProperties {

  private static final List<GapDetector> DETECTORS =
      List.of(WelchGap.withDefaults(), RankGap.withDefaults(), FavorableShareGap.withDefaults());

  private static Report report(int n, long seed, int k, GapDetector detector) {
    return BelongingAnalysis.withDefaults(GapFixtures.TINY)
        .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(k))
        .withBreakdowns(Breakdown.of("team"), Breakdown.of("site"), Breakdown.parse("team*site"))
        .withGapDetector(detector)
        .analyze(GapFixtures.generate(GapFixtures.TINY, n, seed));
  }

  @Test
  void gapsAreExactlyThoseOfShownSegmentsAndDimensionsWithKScoresOnBothSides() {
    AtomicInteger gaps = new AtomicInteger();
    AtomicInteger restTooSmall = new AtomicInteger();
    // a fixed seed: a shown segment whose rest has fewer than k scores is rare among random reports, and the
    // count below must not depend on the run
    qt().withFixedSeed(20_261_124L)
        .forAll(integers().between(0, 80), longs().all(), integers().between(2, 6), integers().between(0, 2))
        .checkAssert((n, seed, k, d) -> {
          Report report = report(n, seed, k, DETECTORS.get(d));
          ReportSchema.requireValid(report);
          Set<String> expected = new HashSet<>();
          SegmentResult first = report.segments().get(0);
          for (SegmentResult s : report.segments()) {
            if (s.segment().isPopulation() || !(s instanceof ShownSegment shown)) {
              continue;
            }
            ShownSegment population = (ShownSegment) first;
            shown.dimensions().forEach((id, dim) -> {
              long rest = population.dimensions().get(id).respondents() - dim.respondents();
              if (rest >= k) {
                expected.add(key(s.segment(), id));
              } else {
                restTooSmall.incrementAndGet();
              }
            });
          }
          Set<String> actual = new HashSet<>();
          for (Gap g : report.gaps()) {
            assertThat(actual.add(key(g.segment(), g.dimension()))).as("one gap per segment and dimension")
                .isTrue();
            assertThat(g.detector()).isEqualTo(DETECTORS.get(d).name());
          }
          assertThat(actual).isEqualTo(expected);
          gaps.addAndGet(actual.size());
        });
    assertThat(gaps.get()).as("generated reports have gaps").isPositive();
    assertThat(restTooSmall.get()).as("generated reports have a rest below k").isPositive();
  }

  private static String key(Segment segment, String dimension) {
    return segment.label() + " " + dimension;
  }

  @Test
  void pAndQLieInTheUnitIntervalQIsAtLeastPAndMonotoneAndTheOrderAndFlagsFollowTheRules() {
    AtomicInteger flagged = new AtomicInteger();
    qt().forAll(integers().between(0, 80), longs().all(), integers().between(2, 5), integers().between(0, 2))
        .checkAssert((n, seed, k, d) -> {
          GapDetector detector = DETECTORS.get(d);
          List<Gap> gaps = report(n, seed, k, detector).gaps();
          for (Gap g : gaps) {
            assertThat(g.qValue().isDefined()).isEqualTo(g.pValue().isDefined());
            if (g.pValue().isDefined()) {
              assertThat(g.pValue().value()).isBetween(0.0, 1.0);
              assertThat(g.qValue().value()).isBetween(g.pValue().value(), 1.0);
            }
            assertThat(g.flagged()).isEqualTo(g.qValue().isDefined() && g.qValue().value() < 0.05
                && g.effectSize().isDefined() && Math.abs(g.effectSize().value()) >= detector.minimumEffect());
            if (g.flagged()) {
              flagged.incrementAndGet();
            }
          }
          for (Gap a : gaps) {
            for (Gap b : gaps) {
              if (a.pValue().isDefined() && b.pValue().isDefined() && a.pValue().value() <= b.pValue().value()) {
                assertThat(a.qValue().value()).isLessThanOrEqualTo(b.qValue().value());
              }
            }
          }
          for (int i = 1; i < gaps.size(); i++) {
            double q0 = gaps.get(i - 1).qValue().orElse(Double.POSITIVE_INFINITY);
            double q1 = gaps.get(i).qValue().orElse(Double.POSITIVE_INFINITY);
            assertThat(q1).isGreaterThanOrEqualTo(q0);
          }
        });
    assertThat(flagged.get()).as("generated reports flag some gaps").isPositive();
  }

  @Test
  void theGapOfASegmentAgainstTheRestIsTheDetectorsEstimateOnTheStatistics() {
    qt().forAll(integers().between(10, 80), longs().all(), integers().between(0, 2)).checkAssert((n, seed, d) -> {
      GapDetector detector = DETECTORS.get(d);
      var set = GapFixtures.generate(GapFixtures.TINY, n, seed);
      Report report = BelongingAnalysis.withDefaults(GapFixtures.TINY)
          .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(2))
          .withBreakdowns(Breakdown.of("site")).withGapDetector(detector).analyze(set);
      var population = GapFixtures.population(set);
      for (Gap g : report.gaps()) {
        String site = g.segment().attributes().get("site");
        var segment = GapFixtures.statistics(set, "site", site);
        var rest = GapFixtures.statistics(set, "site", site.equals("office") ? "remote" : "office");
        assertThat(population.minus(segment)).isEqualTo(rest);
        assertThat(g.estimate())
            .isEqualTo(detector.estimate(segment.dimension(g.dimension()), rest.dimension(g.dimension())));
      }
    });
  }

  @Test
  void aDimensionOmittedFromAShownSegmentHasNoGap() {
    AtomicInteger omitted = new AtomicInteger();
    qt().forAll(integers().between(0, 80), longs().all(), integers().between(2, 6)).checkAssert((n, seed, k) -> {
      Report report = report(n, seed, k, WelchGap.withDefaults());
      for (SegmentResult s : report.segments()) {
        if (s instanceof ShownSegment shown) {
          for (var dimension : GapFixtures.TINY.dimensions()) {
            DimensionResult r = shown.dimensions().get(dimension.id());
            if (r == null) {
              omitted.incrementAndGet();
              assertThat(report.gaps()).noneMatch(g -> g.segment().equals(s.segment())
                  && g.dimension().equals(dimension.id()));
            }
          }
        }
      }
    });
    assertThat(omitted.get()).as("generated shown segments omit a dimension").isPositive();
  }
}

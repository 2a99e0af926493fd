package dev.belonging.scoring.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.Question;
import dev.belonging.core.model.Response;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.GapFixtures;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Invariants of changes and intervention estimates over generated waves. */
class TrendProperties {

  private static final double TOLERANCE = 1e-9;

  private static TrendAnalysis analysis(int k) {
    return TrendAnalysis.of(BelongingAnalysis.withDefaults(GapFixtures.TINY)
            .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(k))
            .withBreakdowns(Breakdown.of("team"), Breakdown.of("site")))
        .withTreatment(new Treatment("team", "T5", "w2"));
  }

  private static ResponseSet wave(int n, long seed, String label) {
    return Waves.copy(GapFixtures.generate(GapFixtures.TINY, n, seed), label);
  }

  private static Map<String, Change> byKey(TrendReport report) {
    Map<String, Change> map = new LinkedHashMap<>();
    report.changes().forEach(c -> map.put(c.segment().label() + " " + c.dimension(), c));
    return map;
  }

  private static void close(Statistic actual, Statistic expected, double shift, double sign) {
    assertThat(actual.isDefined()).isEqualTo(expected.isDefined());
    if (expected.isDefined()) {
      double e = sign * expected.value() + shift;
      assertThat(actual.value()).isCloseTo(e, within(TOLERANCE * Math.max(1, Math.abs(e))));
    }
  }

  @Test
  void swappingTheWavesNegatesEveryChange() {
    AtomicInteger changes = new AtomicInteger();
    qt().withExamples(300)
        .forAll(integers().between(0, 60), integers().between(0, 60), longs().all(), integers().between(2, 5))
        .checkAssert((n1, n2, seed, k) -> {
          ResponseSet a = wave(n1, seed, "w1");
          ResponseSet b = wave(n2, seed + 1, "w2");
          TrendReport forward = analysis(k).withTreatment(null).analyze(Survey.of(a, b));
          TrendReport backward = analysis(k).withTreatment(null)
              .analyze(Survey.of(Waves.copy(b, "w1"), Waves.copy(a, "w2")));
          TrendSchema.requireValid(forward);
          Map<String, Change> there = byKey(forward);
          Map<String, Change> back = byKey(backward);
          assertThat(back.keySet()).isEqualTo(there.keySet());
          there.forEach((key, c) -> {
            Change r = back.get(key);
            close(r.difference(), c.difference(), 0, -1);
            close(r.ciLow(), c.ciHigh(), 0, -1);
            close(r.ciHigh(), c.ciLow(), 0, -1);
            close(r.pValue(), c.pValue(), 0, 1);
            close(r.qValue(), c.qValue(), 0, 1);
          });
          changes.addAndGet(there.size());
        });
    assertThat(changes.get()).as("generated waves have changes").isPositive();
  }

  @Test
  void theSameDataInBothWavesChangesNothingAndEstimatesNoEffect() {
    AtomicInteger estimates = new AtomicInteger();
    AtomicInteger suppressed = new AtomicInteger();
    qt().withExamples(300).forAll(integers().between(0, 80), longs().all(), integers().between(2, 5))
        .checkAssert((n, seed, k) -> {
          ResponseSet a = wave(n, seed, "w1");
          boolean pilot = a.attribute("team").codeOf("T5") >= 0;
          TrendReport report = (pilot ? analysis(k) : analysis(k).withTreatment(null))
              .analyze(Survey.of(a, Waves.copy(a, "w2")));
          TrendSchema.requireValid(report);
          for (Change c : report.changes()) {
            assertThat(c.difference().value()).isZero();
          }
          for (InterventionResult r : report.interventions()) {
            if (r instanceof InterventionEstimate e) {
              assertThat(e.estimate().value()).isZero();
              e.placebos().forEach(p -> assertThat(p.estimate().value()).isZero());
              estimates.incrementAndGet();
            } else {
              suppressed.incrementAndGet();
            }
          }
        });
    assertThat(estimates.get()).as("estimates shown").isPositive();
    assertThat(suppressed.get()).as("estimates suppressed").isPositive();
  }

  @Test
  void shiftingEveryTreatedSecondWaveAnswerByOnePointShiftsTheEstimateByExactlyOne() {
    AtomicInteger estimates = new AtomicInteger();
    qt().withExamples(300)
        .forAll(integers().between(0, 80), integers().between(0, 80), longs().all(), integers().between(2, 4))
        .checkAssert((n1, n2, seed, k) -> {
          ResponseSet before = wave(n1, seed, "w1");
          ResponseSet raw = wave(n2, seed + 7, "w2");
          ResponseSet after = Waves.copy(raw, "w2", (r, a) -> treated(r) ? coded(raw, a, 0) : a);
          ResponseSet shifted = Waves.copy(raw, "w2", (r, a) -> treated(r) ? coded(raw, a, 1) : a);
          if (before.attribute("team").codeOf("T5") < 0 && raw.attribute("team").codeOf("T5") < 0) {
            return; // nobody to treat
          }
          TrendReport base = analysis(k).analyze(Survey.of(before, after));
          TrendReport moved = analysis(k).analyze(Survey.of(before, shifted));
          for (int d = 0; d < base.interventions().size(); d++) {
            InterventionResult x = base.interventions().get(d);
            InterventionResult y = moved.interventions().get(d);
            assertThat(y.isSuppressed()).isEqualTo(x.isSuppressed());
            if (x instanceof InterventionEstimate e && y instanceof InterventionEstimate f) {
              close(f.estimate(), e.estimate(), 1, 1);
              close(f.standardError(), e.standardError(), 0, 1);
              estimates.incrementAndGet();
            }
          }
        });
    assertThat(estimates.get()).as("estimates shown").isPositive();
  }

  private static boolean treated(Response r) {
    return r.respondent().attributes().get("team").equals("T5");
  }

  /**
   * Caps every coded answer at max − 1 and adds {@code shift} (0 or 1) to it, inside the scale: the coded
   * answers, hence every score, move by exactly {@code shift}.
   */
  private static Map<String, Integer> coded(ResponseSet set, Map<String, Integer> answers, int shift) {
    Map<String, Integer> out = new HashMap<>();
    answers.forEach((id, raw) -> {
      Question q = set.instrument().question(id).orElseThrow();
      Scale s = set.instrument().scaleOf(q);
      int coded = q.isReverse() ? s.reverse(raw) : raw;
      int moved = Math.min(coded, s.max() - 1) + shift;
      out.put(id, q.isReverse() ? s.reverse(moved) : moved);
    });
    return out;
  }
}

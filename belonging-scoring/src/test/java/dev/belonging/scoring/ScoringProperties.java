package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.Response;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.internal.ScoringPass;
import dev.belonging.scoring.internal.StatisticsLayout;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.CommentSet;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportSchema;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Invariants of scoring over generated response sets. */
class ScoringProperties {

  private static final List<Breakdown> BREAKDOWNS =
      List.of(Breakdown.of("team"), Breakdown.of("site"), Breakdown.parse("team*site"));

  private static BelongingAnalysis analysis(int k) {
    return BelongingAnalysis.withDefaults(TinySurvey.INSTRUMENT)
        .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(k))
        .withBreakdowns(BREAKDOWNS)
        .withStrategies(List.of(new MeanScore(), new FavorableShare(), new IndexScore(), new NetScore()));
  }

  /** A random set of {@code n} responses: teams of skewed sizes, two sites, a third of answers missing. */
  static ResponseSet generate(Instrument instrument, int n, long seed) {
    Random random = new Random(seed);
    ResponseSet.Builder b = ResponseSet.builder(instrument).attributes(List.of("team", "site"));
    for (int i = 0; i < n; i++) {
      Map<String, Integer> answers = new HashMap<>();
      Map<String, String> comments = new HashMap<>();
      for (Question q : instrument.questions()) {
        if (random.nextInt(3) == 0) {
          continue;
        }
        if (q.isRating()) {
          var s = instrument.scaleOf(q);
          answers.put(q.id(), s.min() + random.nextInt(s.points()));
        } else {
          comments.put(q.id(), "comment " + random.nextInt(5));
        }
      }
      String team = "T" + (int) Math.sqrt(random.nextInt(36));
      b.add(RespondentId.of("r" + i), Map.of("team", team, "site", random.nextBoolean() ? "office" : "remote"),
          answers, comments);
    }
    return b.build();
  }

  @Test
  void eachCommentSetHoldsExactlyItsSegmentsCommentsSorted() {
    AtomicInteger sets = new AtomicInteger();
    AtomicInteger crossed = new AtomicInteger();
    qt().forAll(integers().between(0, 300), longs().all(), integers().between(2, 4))
        .checkAssert((n, seed, k) -> {
          ResponseSet set = generate(TinySurvey.INSTRUMENT, n, seed);
          Report report = analysis(k).analyze(set);
          for (CommentSet comments : report.comments()) {
            Map<String, String> wanted = comments.segment().attributes();
            List<String> expected = new ArrayList<>();
            for (Response r : set) {
              if (r.respondent().attributes().entrySet().containsAll(wanted.entrySet())
                  && r.comments().containsKey(comments.question())) {
                expected.add(r.comments().get(comments.question()));
              }
            }
            Collections.sort(expected);
            assertThat(comments.texts()).as(comments.segment().label()).isEqualTo(expected);
            sets.incrementAndGet();
            crossed.addAndGet(wanted.size() == 2 ? 1 : 0);
          }
        });
    assertThat(sets.get()).as("comment sets").isGreaterThan(200);
    assertThat(crossed.get()).as("comment sets of team × site").isGreaterThan(20);
  }

  @Test
  void theOnePassSumsAreEachRespondentsSumsAddedUp() {
    qt().forAll(integers().between(0, 300), longs().all(), integers().between(0, 2))
        .checkAssert((n, seed, p) -> {
          MissingPolicy policy = MissingPolicy.values()[p];
          StatisticsLayout layout = new StatisticsLayout(TinySurvey.INSTRUMENT, policy);
          ResponseSet set = generate(TinySurvey.INSTRUMENT, n, seed);
          ScoringPass.Result pass = ScoringPass.run(layout, set, BREAKDOWNS, 0, n);
          long[] population = new long[layout.length()];
          List<Map<Map<String, String>, long[]>> expected = new ArrayList<>();
          BREAKDOWNS.forEach(b -> expected.add(new HashMap<>()));
          for (Response r : set.asList()) {
            long[] own = sumsOf(layout, r);
            add(population, own);
            for (int b = 0; b < BREAKDOWNS.size(); b++) {
              Map<String, String> key = new HashMap<>();
              for (String a : BREAKDOWNS.get(b).attributes()) {
                key.put(a, r.respondent().attributes().get(a));
              }
              add(expected.get(b).computeIfAbsent(key, k -> new long[layout.length()]), own);
            }
          }
          assertThat(pass.population()).containsExactly(population);
          for (int b = 0; b < BREAKDOWNS.size(); b++) {
            ScoringPass.Cells cells = pass.breakdowns().get(b);
            Map<Map<String, String>, long[]> actual = new HashMap<>();
            cells.cells().forEach((code, sums) -> actual.put(cells.decode(code), sums));
            assertThat(actual.keySet()).isEqualTo(expected.get(b).keySet());
            Map<Map<String, String>, long[]> want = expected.get(b);
            actual.forEach((key, sums) -> assertThat(sums).as("%s", key).containsExactly(want.get(key)));
          }
        });
  }

  /** One respondent's sums, slot by slot as {@link StatisticsLayout} describes them, from the answers. */
  private static long[] sumsOf(StatisticsLayout layout, Response r) {
    Instrument instrument = layout.instrument();
    long[] out = new long[layout.length()];
    out[0] = 1;
    for (int d = 0; d < instrument.dimensions().size(); d++) {
      int answered = 0;
      int total = 0;
      int favorable = 0;
      int unfavorable = 0;
      for (int q : layout.dimensionQuestions(d)) {
        Question question = instrument.questions().get(q);
        Integer raw = r.answers().get(question.id());
        if (raw != null) {
          var scale = instrument.scaleOf(question);
          int coded = question.isReverse() ? scale.reverse(raw) : raw;
          answered++;
          total += coded - scale.min();
          favorable += scale.isFavorable(coded) ? 1 : 0;
          unfavorable += scale.isUnfavorable(coded) ? 1 : 0;
        }
      }
      if (answered >= layout.minAnswered(d)) {
        out[layout.histogramSlot(d, answered, total)]++;
      }
      if (answered > 0) {
        int e = layout.extras(d);
        out[e + StatisticsLayout.ANSWERING]++;
        out[e + StatisticsLayout.F] += favorable;
        out[e + StatisticsLayout.U] += unfavorable;
        out[e + StatisticsLayout.A] += answered;
        out[e + StatisticsLayout.FF] += (long) favorable * favorable;
        out[e + StatisticsLayout.AA] += (long) answered * answered;
        out[e + StatisticsLayout.FA] += (long) favorable * answered;
      }
    }
    for (int q = 0; q < instrument.questions().size(); q++) {
      Question question = instrument.questions().get(q);
      if (question.isRating()) {
        Integer raw = r.answers().get(question.id());
        if (raw != null) {
          out[layout.questionOffset(q) + raw - instrument.scaleOf(question).min()]++;
        }
      } else if (r.comments().containsKey(question.id())) {
        out[layout.questionOffset(q)]++;
      }
    }
    return out;
  }

  private static void add(long[] target, long[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] += source[i];
    }
  }

  @Test
  void mergingStatisticsOfAnyPartitionEqualsOnePass() {
    StatisticsLayout layout = new StatisticsLayout(TinySurvey.INSTRUMENT, MissingPolicy.AT_LEAST_HALF);
    qt().forAll(integers().between(0, 80), longs().all(), integers().between(0, 1000))
        .checkAssert((n, seed, cutSeed) -> {
          ResponseSet set = generate(TinySurvey.INSTRUMENT, n, seed);
          int cut = n == 0 ? 0 : cutSeed % (n + 1);
          ScoringPass.Result whole = ScoringPass.run(layout, set, BREAKDOWNS, 0, n);
          ScoringPass.Result left = ScoringPass.run(layout, set, BREAKDOWNS, 0, cut);
          ScoringPass.Result right = ScoringPass.run(layout, set, BREAKDOWNS, cut, n);
          right.mergeFrom(left);
          assertThat(right.population()).containsExactly(whole.population());
          for (int b = 0; b < BREAKDOWNS.size(); b++) {
            Map<Long, long[]> expected = whole.breakdowns().get(b).cells();
            Map<Long, long[]> actual = right.breakdowns().get(b).cells();
            assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((key, sums) -> assertThat(actual.get(key)).containsExactly(sums));
          }
          // and the public value type agrees: plus is commutative and empty is its identity
          SegmentStatistics a = SegmentStatistics.wrap(layout, left.population());
          SegmentStatistics empty = SegmentStatistics.empty(TinySurvey.INSTRUMENT, MissingPolicy.AT_LEAST_HALF);
          assertThat(a.plus(empty)).isEqualTo(a);
          assertThat(empty.plus(a)).isEqualTo(a);
        });
  }

  @Test
  void theReportDoesNotDependOnRespondentOrder() {
    BelongingAnalysis analysis = analysis(3);
    qt().forAll(integers().between(0, 60), longs().all()).checkAssert((n, seed) -> {
      ResponseSet set = generate(TinySurvey.INSTRUMENT, n, seed);
      List<Response> shuffled = new ArrayList<>(set.asList());
      Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
      ResponseSet.Builder b = ResponseSet.builder(TinySurvey.INSTRUMENT).attributes(List.of("team", "site"));
      for (Response r : shuffled) {
        b.add(r.respondent().id(), r.respondent().attributes(), r.answers(), r.comments());
      }
      assertThat(analysis.analyze(b.build())).isEqualTo(analysis.analyze(set));
    });
  }

  @Test
  void theVarianceIsTheTwoPassVarianceOfTheScoresAndExactlyZeroWhenAllScoresAreEqual() {
    qt().forAll(integers().between(2, 40), longs().all()).checkAssert((n, seed) -> {
      Random random = new Random(seed);
      // the same score for everyone: one multiset of answers in any order, or one whole answer with any
      // two or three items answered (the scores then come from different histogram cells)
      Integer[] pattern = random.ints(3, 1, 6).boxed().toArray(Integer[]::new);
      boolean whole = random.nextBoolean();
      Integer[][] same = new Integer[n][];
      Integer[][] mixed = new Integer[n][];
      for (int i = 0; i < n; i++) {
        List<Integer> row = new ArrayList<>(List.of(pattern));
        if (whole) {
          Collections.fill(row, pattern[0]);
          if (random.nextBoolean()) {
            row.set(random.nextInt(3), null);
          }
        }
        Collections.shuffle(row, random);
        same[i] = row.toArray(Integer[]::new);
        mixed[i] = new Integer[] {1 + random.nextInt(5), 1 + random.nextInt(5),
            random.nextInt(4) == 0 ? null : 1 + random.nextInt(5)};
      }
      DimensionStatistics[] g = GapFixtures.groups(same, mixed);
      double score = whole ? pattern[0] : (pattern[0] + pattern[1] + pattern[2]) / 3.0;
      assertThat(g[0].variance().value()).isZero();
      assertThat(g[0].mean().value()).isCloseTo(score, within(1e-12));
      List<Double> scores = new ArrayList<>();
      g[1].forEachScore((x, count) -> {
        for (long c = 0; c < count; c++) {
          scores.add(x);
        }
      });
      double mean = scores.stream().mapToDouble(Double::doubleValue).sum() / scores.size();
      double ss = scores.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
      assertThat(g[1].variance().value())
          .isCloseTo(ss / (scores.size() - 1), within(1e-12));
    });
  }

  @Test
  void everyScoreLiesWithinItsScaleAndEveryShareInItsRange() {
    BelongingAnalysis analysis = analysis(2);
    qt().forAll(integers().between(0, 60), longs().all()).checkAssert((n, seed) -> {
      Report report = analysis.analyze(generate(TinySurvey.INSTRUMENT, n, seed));
      ReportSchema.requireValid(report);
      for (SegmentResult s : report.segments()) {
        if (s instanceof ShownSegment shown) {
          shown.dimensions().forEach((id, d) -> {
            var scale = TinySurvey.INSTRUMENT.scaleOfDimension(id);
            assertThat(d.mean().value()).isBetween((double) scale.min(), (double) scale.max());
            assertThat(d.sd().orElse(0)).isGreaterThanOrEqualTo(0);
            assertThat(d.statistic("favorable").value()).isBetween(0.0, 1.0);
            assertThat(d.statistic("index").value()).isBetween(0.0, 100.0);
            assertThat(d.statistic("net").value()).isBetween(-100.0, 100.0);
          });
          shown.questions().values().forEach(q -> assertThat(q.favorable().value()).isBetween(0.0, 1.0));
        }
      }
    });
  }

  @Test
  void aSegmentOrDimensionBelowKIsNeverShown() {
    AtomicInteger suppressedSeen = new AtomicInteger();
    qt().forAll(integers().between(0, 60), longs().all(), integers().between(2, 8))
        .checkAssert((n, seed, k) -> {
          Report report = analysis(k).analyze(generate(TinySurvey.INSTRUMENT, n, seed));
          for (SegmentResult s : report.segments()) {
            if (s instanceof ShownSegment shown) {
              assertThat(shown.respondents()).isGreaterThanOrEqualTo(k);
              for (DimensionResult d : shown.dimensions().values()) {
                assertThat(d.respondents()).isGreaterThanOrEqualTo(k);
              }
              shown.questions().values().forEach(q -> assertThat(q.respondents()).isGreaterThanOrEqualTo(k));
            } else {
              suppressedSeen.incrementAndGet();
            }
          }
        });
    assertThat(suppressedSeen.get()).as("generated sets include groups below k").isPositive();
  }

  @Test
  void reverseCodingAQuestionMirrorsItsContribution() {
    // v2 is reverse-keyed; an instrument where it is not, answered with min + max − x, scores the same
    Instrument plain = TinySurvey.INSTRUMENT.withContent(TinySurvey.INSTRUMENT.dimensions(),
        TinySurvey.INSTRUMENT.questions().stream()
            .map(q -> q.id().equals("v2") ? q.withReverse(false) : q).toList());
    qt().forAll(integers().between(0, 40), longs().all()).checkAssert((n, seed) -> {
      ResponseSet set = generate(TinySurvey.INSTRUMENT, n, seed);
      ResponseSet.Builder b = ResponseSet.builder(plain).attributes(List.of("team", "site"));
      for (Response r : set) {
        Map<String, Integer> answers = new HashMap<>(r.answers());
        answers.computeIfPresent("v2", (id, x) -> 1 + 5 - x);
        b.add(r.respondent().id(), r.respondent().attributes(), answers, r.comments());
      }
      Report reversed = analysis(2).analyze(set);
      Report mirrored = BelongingAnalysis.withDefaults(plain)
          .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(2))
          .withBreakdowns(BREAKDOWNS)
          .withStrategies(analysis(2).strategies())
          .analyze(b.build());
      assertThat(mirrored.segments()).isEqualTo(reversed.segments());
    });
  }
}

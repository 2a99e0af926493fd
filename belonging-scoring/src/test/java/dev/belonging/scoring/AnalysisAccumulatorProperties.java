package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Wave;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.Report;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The accumulator is a commutative monoid whose report is the analysis's: any split of the respondents,
 * merged in any order, gives an equal accumulator and the report {@code analyze} gives on them all.
 */
class AnalysisAccumulatorProperties {

  // k = 3 and a comment threshold of 3 let some segments, dimensions and comment sets be shown
  private static final BelongingAnalysis ANALYSIS = BelongingAnalysis.withDefaults(TinySurvey.INSTRUMENT)
      .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(3).withCommentThreshold(3))
      .withBreakdowns(Breakdown.of("team"), Breakdown.of("site"), Breakdown.parse("site*team"));

  /** A generated row: id, attributes, answers, comments. */
  private record Row(String id, Map<String, String> attributes, Map<String, Integer> answers,
      Map<String, String> comments) {}

  private static List<Row> rows(int n, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Integer> answers = new HashMap<>();
      Map<String, String> comments = new HashMap<>();
      for (Question q : TinySurvey.INSTRUMENT.questions()) {
        if (random.nextInt(3) == 0) {
          continue;
        }
        if (q.isRating()) {
          var s = TinySurvey.INSTRUMENT.scaleOf(q);
          answers.put(q.id(), s.min() + random.nextInt(s.points()));
        } else {
          comments.put(q.id(), "comment " + random.nextInt(5));
        }
      }
      rows.add(new Row("r" + i, Map.of("team", "T" + (int) Math.sqrt(random.nextInt(25)),
          "site", random.nextBoolean() ? "office" : "remote"), answers, comments));
    }
    return rows;
  }

  private static ResponseSet set(List<Row> rows) {
    ResponseSet.Builder b = ResponseSet.builder(TinySurvey.INSTRUMENT).attributes(List.of("site", "team"));
    for (Row r : rows) {
      b.add(RespondentId.of(r.id()), r.attributes(), r.answers(), r.comments());
    }
    return b.build();
  }

  @Test
  void anySplitMergedInAnyOrderEqualsOnePassAndReportsWhatAnalyzeReports() {
    qt().withExamples(150).forAll(integers().between(0, 120), longs().all(), integers().between(1, 6))
        .checkAssert((n, seed, parts) -> {
          List<Row> rows = rows(n, seed);
          Random random = new Random(seed ^ parts);
          Collections.shuffle(rows, random); // the parts need not be contiguous in the original order
          List<AnalysisAccumulator> partials = new ArrayList<>();
          int from = 0;
          for (int p = 0; p < parts; p++) {
            int to = p == parts - 1 ? n : from + random.nextInt(n - from + 1);
            partials.add(ANALYSIS.newAccumulator().add(set(rows.subList(from, to))));
            from = to;
          }
          Collections.shuffle(partials, random);
          AnalysisAccumulator merged = ANALYSIS.newAccumulator();
          for (AnalysisAccumulator a : partials) {
            merged.merge(a);
          }
          ResponseSet whole = set(rows);
          AnalysisAccumulator onePass = ANALYSIS.newAccumulator().add(whole);
          assertThat(merged).isEqualTo(onePass);
          assertThat(merged.hashCode()).isEqualTo(onePass.hashCode());
          assertThat(merged.respondents()).isEqualTo((long) n);
          List<Problem> rejected = List.of(Problem.ofCell(3, "v1", "answer outside the scale 1..5"));
          Report report = merged.report(Wave.DEFAULT, rejected);
          assertThat(report).isEqualTo(ANALYSIS.analyze(whole, rejected));
        });
  }

  @Test
  void statisticsAReportWasGivenStayAsTheyWereWhenTheAccumulatorChanges() {
    // the report shares the accumulator's arrays rather than copying them: they must be copied before they
    // change, or a strategy that kept its statistics would see them change
    qt().withExamples(60).forAll(integers().between(10, 60), longs().all(), integers().between(0, 1))
        .checkAssert((n, seed, how) -> {
          List<DimensionStatistics> given = Collections.synchronizedList(new ArrayList<>());
          ScoringStrategy keeping = new ScoringStrategy() {
            @Override
            public String name() {
              return "kept";
            }

            @Override
            public Statistic score(DimensionStatistics statistics) {
              given.add(statistics);
              return Statistic.of(statistics.scored());
            }
          };
          BelongingAnalysis analysis = ANALYSIS.withStrategies(List.of(keeping));
          List<Row> rows = rows(n, seed);
          AnalysisAccumulator acc = analysis.newAccumulator().add(set(rows));
          acc.report(Wave.DEFAULT, List.of());
          List<List<Long>> before = given.stream().map(AnalysisAccumulatorProperties::sums).toList();
          assertThat(before).isNotEmpty();

          AnalysisAccumulator more = analysis.newAccumulator().add(set(rows(n, ~seed)));
          if (how == 0) {
            acc.add(set(rows(n, ~seed)));
          } else {
            acc.merge(more);
          }

          assertThat(given.subList(0, before.size()).stream().map(AnalysisAccumulatorProperties::sums).toList())
              .isEqualTo(before);
          assertThat(acc).isEqualTo(analysis.newAccumulator().add(set(rows)).merge(more));
        });
  }

  private static List<Long> sums(DimensionStatistics d) {
    return List.of(d.scored(), d.answers(), d.favorableAnswers(), d.unfavorableAnswers(), d.answering(),
        d.answeredSquares());
  }

  @Test
  void mergingIsAssociativeAndCommutativeWithTheEmptyAccumulatorAsIdentity() {
    qt().withExamples(100).forAll(longs().all(), integers().between(0, 40), integers().between(0, 40),
        integers().between(0, 40)).checkAssert((seed, a, b, c) -> {
          List<Row> rows = rows(a + b + c, seed);
          ResponseSet x = set(rows.subList(0, a));
          ResponseSet y = set(rows.subList(a, a + b));
          ResponseSet z = set(rows.subList(a + b, a + b + c));
          AnalysisAccumulator left = acc(x).merge(acc(y)).merge(acc(z));
          AnalysisAccumulator right = acc(x).merge(acc(y).merge(acc(z)));
          AnalysisAccumulator swapped = acc(z).merge(acc(x)).merge(acc(y));
          assertThat(left).isEqualTo(right).isEqualTo(swapped);
          assertThat(acc(x).merge(ANALYSIS.newAccumulator())).isEqualTo(acc(x));
          assertThat(ANALYSIS.newAccumulator().merge(acc(x))).isEqualTo(acc(x));
        });
  }

  private static AnalysisAccumulator acc(ResponseSet set) {
    return ANALYSIS.newAccumulator().add(set);
  }

  @Test
  void theBinaryFormRoundTripsAndIsTheSameForEqualAccumulators() {
    qt().withExamples(100).forAll(integers().between(0, 80), longs().all(), integers().between(0, 80))
        .checkAssert((n, seed, cut) -> {
          List<Row> rows = rows(n, seed);
          int c = Math.min(cut, n);
          AnalysisAccumulator whole = acc(set(rows));
          AnalysisAccumulator split = acc(set(rows.subList(c, n))).merge(acc(set(rows.subList(0, c))));
          byte[] bytes = bytes(whole);
          assertThat(bytes(split)).isEqualTo(bytes);
          AnalysisAccumulator read = read(ANALYSIS, bytes);
          assertThat(read).isEqualTo(whole);
          assertThat(bytes(read)).isEqualTo(bytes);
          assertThat(read.report(Wave.DEFAULT, List.of())).isEqualTo(whole.report(Wave.DEFAULT, List.of()));
        });
  }

  @Test
  void readingChecksTheVersionAndTheAnalysis() throws IOException {
    byte[] bytes = bytes(acc(set(rows(10, 1))));
    byte[] wrongVersion = bytes.clone();
    wrongVersion[3] = 9;
    assertThatThrownBy(() -> read(ANALYSIS, wrongVersion)).hasRootCauseMessage(
        "accumulator form version 9 is not supported (this library reads version 1)");
    BelongingAnalysis byTeamOnly = ANALYSIS.withBreakdowns(Breakdown.of("team"));
    assertThatThrownBy(() -> read(byTeamOnly, bytes)).hasRootCauseMessage("the accumulator was written "
        + "for another instrument, missing-answer policy or breakdowns than " + byTeamOnly);
    assertThatThrownBy(() -> read(ANALYSIS, java.util.Arrays.copyOf(bytes, bytes.length - 3)))
        .hasRootCauseInstanceOf(java.io.EOFException.class);
  }

  @Test
  void accumulatorsOfOtherAttributesDoNotMerge() {
    AnalysisAccumulator byTeam = ANALYSIS.withBreakdowns(Breakdown.of("team")).newAccumulator();
    assertThatThrownBy(() -> ANALYSIS.newAccumulator().merge(byTeam))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot merge an accumulator");
  }

  private static byte[] bytes(AnalysisAccumulator a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      a.writeTo(new DataOutputStream(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static AnalysisAccumulator read(BelongingAnalysis analysis, byte[] bytes) {
    try {
      return AnalysisAccumulator.readFrom(analysis, new DataInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

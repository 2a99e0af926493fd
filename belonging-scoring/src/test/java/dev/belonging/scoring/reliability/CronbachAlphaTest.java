package dev.belonging.scoring.reliability;

import static dev.belonging.scoring.reliability.ReliabilityFixtures.DIMENSION;
import static dev.belonging.scoring.reliability.ReliabilityFixtures.instrument;
import static dev.belonging.scoring.reliability.ReliabilityFixtures.plain;
import static dev.belonging.scoring.reliability.ReliabilityFixtures.responses;
import static dev.belonging.scoring.reliability.ReliabilityFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.belonging.core.model.AnswerColumn;
import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.RReference;
import dev.belonging.scoring.RealData;
import dev.belonging.scoring.Statistic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CronbachAlphaTest {

  private static final CronbachAlpha ALPHA = CronbachAlpha.withDefaults();
  private static final Integer N = null;

  // ---- R reference values: psych::alpha(coded, check.keys = FALSE)$total$raw_alpha (make_reference.R)

  @Test
  void matchesPsychOnLq2002() {
    assertMatchesEveryAlphaLine(RealData.lq2002(), RReference.load("lq2002_reference.txt"));
  }

  @Test
  void matchesPsychOnLq2002WithMissingAnswersUsingPairwiseCovariances() {
    assertMatchesEveryAlphaLine(RealData.lq2002Missing(), RReference.load("lq2002_missing_reference.txt"));
  }

  @Test
  void matchesPsychOnAttritionWhereAlphasAreNegative() {
    RReference reference = RReference.load("attrition_reference.txt");
    assertMatchesEveryAlphaLine(RealData.attrition(), reference);
    assertThat(reference.alphas().values()).allSatisfy(a -> assertThat(a).isNegative());
  }

  private static void assertMatchesEveryAlphaLine(ResponseSet set, RReference reference) {
    Map<String, Reliability> all = ALPHA.computeAll(set);
    assertThat(all.keySet()).containsExactlyElementsOf(reference.dimensions());
    assertThat(reference.alphas()).hasSameSizeAs(all);
    reference.alphas().forEach((dimension, expected) -> {
      double actual = all.get(dimension).alpha().value();
      assertThat(actual).as(dimension).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    });
  }

  @Test
  void itemStatisticsAreThoseOfPsychsFormulasOnTheRealData() {
    for (ResponseSet set : List.of(RealData.lq2002(), RealData.lq2002Missing(), RealData.attrition())) {
      for (Dimension d : set.instrument().dimensions()) {
        PsychAlpha oracle = PsychAlpha.of(set, d.id());
        Reliability r = ALPHA.compute(set, d.id());
        assertThat(r.alpha().value()).isCloseTo(oracle.alpha, within(1e-12));
        for (int k = 0; k < r.items(); k++) {
          ItemReliability item = r.itemStatistics().get(k);
          String what = d.id() + " " + item.questionId();
          if (r.items() > 2) {
            assertThat(item.alphaIfDeleted().value()).as(what).isCloseTo(oracle.alphaDrop[k], within(1e-12));
          } else {
            assertThat(item.alphaIfDeleted().reason()).isEqualTo(CronbachAlpha.ONE_ITEM_LEFT);
          }
          assertThat(item.itemRestCorrelation().value()).as(what).isCloseTo(oracle.rDrop[k], within(1e-12));
        }
      }
    }
  }

  @Test
  void respondentsAreThoseWithAtLeastOneAnswerToTheDimension() {
    assertThat(ALPHA.compute(RealData.lq2002(), "civility").respondents()).isEqualTo(2042);
    ResponseSet missing = RealData.lq2002Missing();
    List<Question> items = missing.instrument().questionsOf("civility");
    long expected = 0;
    for (int r = 0; r < missing.size(); r++) {
      boolean any = false;
      for (Question q : items) {
        any |= !missing.answers(q.id()).isMissing(r);
      }
      expected += any ? 1 : 0;
    }
    // 40 soldiers skipped every hostility item
    assertThat(expected).isLessThanOrEqualTo(2042 - 40);
    assertThat(ALPHA.compute(missing, "civility").respondents()).isEqualTo(expected);
  }

  // ---- exact hand calculations

  @Test
  void threeCompleteItems() {
    // q1 = 1,2,3,4  q2 = 2,2,4,4  q3 = 1,3,3,5. Deviations from the means (2.5, 3, 3):
    // q1 −1.5,−.5,.5,1.5  q2 −1,−1,1,1  q3 −2,0,0,2. Sums of cross products over n − 1 = 3:
    // c11 = 5/3, c22 = 4/3, c33 = 8/3, c12 = 4/3, c13 = 6/3, c23 = 4/3. In thirds:
    // T = 5 + 4 + 8 = 17, S = 17 + 2 (4 + 6 + 4) = 45, alpha = 3/2 (1 − 17/45) = 14/15.
    // Without q1: T = 12, S = 4 + 8 + 2·4 = 20, 2 (1 − 12/20) = 4/5.
    // Without q2: T = 13, S = 5 + 8 + 2·6 = 25, 2 (1 − 13/25) = 24/25.
    // Without q3: T = 9, S = 5 + 4 + 2·4 = 17, 2 (1 − 9/17) = 16/17.
    // r.drop q1 = (4 + 6) / sqrt(5 · 20) = 1; q2 = (4 + 4) / sqrt(4 · 25) = 4/5;
    // q3 = (6 + 4) / sqrt(8 · 17) = 10 / sqrt(136).
    ResponseSet set = responses(plain(3), row(1, 2, 1), row(2, 2, 3), row(3, 4, 3), row(4, 4, 5));
    Reliability r = ALPHA.compute(set, DIMENSION);

    assertThat(r.dimensionId()).isEqualTo(DIMENSION);
    assertThat(r.items()).isEqualTo(3);
    assertThat(r.respondents()).isEqualTo(4);
    // results are exact fractions rounded once, so they equal the correctly rounded quotients
    assertThat(r.alpha().value()).isEqualTo(14.0 / 15);
    assertThat(r.item("q1").alphaIfDeleted().value()).isEqualTo(0.8);
    assertThat(r.item("q2").alphaIfDeleted().value()).isEqualTo(0.96);
    assertThat(r.item("q3").alphaIfDeleted().value()).isEqualTo(16.0 / 17);
    assertThat(r.item("q1").itemRestCorrelation().value()).isEqualTo(1.0);
    assertThat(r.item("q2").itemRestCorrelation().value()).isEqualTo(0.8);
    assertThat(r.item("q3").itemRestCorrelation().value()).isCloseTo(10 / Math.sqrt(136), within(1e-15));
    assertThat(r.itemStatistics()).extracting(ItemReliability::questionId).containsExactly("q1", "q2", "q3");
  }

  @Test
  void reverseKeyedItemsAreCodedBeforeTheCovariances() {
    // the same answers as threeCompleteItems, with q2 reverse-keyed and given as 6 − x: coded 2,2,4,4 again
    ResponseSet set = responses(instrument(Scale.of(1, 5, 4), false, true, false),
        row(1, 4, 1), row(2, 4, 3), row(3, 2, 3), row(4, 2, 5));
    assertThat(ALPHA.compute(set, DIMENSION).alpha().value()).isEqualTo(14.0 / 15);
  }

  @Test
  void pairwiseCompleteCovariancesWithMissingAnswers() {
    // rows (q1, q2, q3): (1,2,1) (2,1,–) (3,–,3) (–,3,2) (4,4,4)
    // c11 over rows 1,2,3,5 (1,2,3,4) = 5/3; c22 over 1,2,4,5 (2,1,3,4) = 5/3; c33 over 1,3,4,5 (1,3,2,4) = 5/3.
    // c12 over rows 1,2,5: (3·Σxy − ΣxΣy) / (3·2) = (3·20 − 7·7) / 6 = 11/6.
    // c13 over rows 1,3,5: (3·26 − 8·8) / 6 = 14/6. c23 over rows 1,4,5: (3·24 − 9·7) / 6 = 9/6.
    // In sixths: T = 30, S = 30 + 2 (11 + 14 + 9) = 98, alpha = 3/2 (1 − 30/98) = 51/49 > 1: a pairwise
    // matrix need not be positive semi-definite, and psych reports the same number.
    // Without q1: 2 (1 − 20/38) = 18/19; without q2: 2 (1 − 20/48) = 7/6; without q3: 2 (1 − 20/42) = 22/21.
    // r.drop q2 = (11 + 9) / sqrt(10 · 48) = sqrt(5/6); q1 = 25 / sqrt(380); q3 = 23 / sqrt(420).
    ResponseSet set = responses(plain(3),
        row(1, 2, 1), row(2, 1, N), row(3, N, 3), row(N, 3, 2), row(4, 4, 4));
    Reliability r = ALPHA.compute(set, DIMENSION);

    assertThat(r.respondents()).isEqualTo(5);
    assertThat(r.alpha().value()).isEqualTo(51.0 / 49);
    assertThat(r.item("q1").alphaIfDeleted().value()).isEqualTo(18.0 / 19);
    assertThat(r.item("q2").alphaIfDeleted().value()).isEqualTo(7.0 / 6);
    assertThat(r.item("q3").alphaIfDeleted().value()).isEqualTo(22.0 / 21);
    assertThat(r.item("q1").itemRestCorrelation().value()).isCloseTo(25 / Math.sqrt(380), within(1e-15));
    assertThat(r.item("q2").itemRestCorrelation().value()).isCloseTo(Math.sqrt(5.0 / 6), within(1e-15));
    assertThat(r.item("q3").itemRestCorrelation().value()).isCloseTo(23 / Math.sqrt(420), within(1e-15));
  }

  @Test
  void momentsHoldShiftedCodedSumsOverPairwiseCompleteRows() {
    // the set of pairwiseCompleteCovariancesWithMissingAnswers; values are coded answers minus min = 1
    ResponseSet set = responses(plain(3),
        row(1, 2, 1), row(2, 1, N), row(3, N, 3), row(N, 3, 2), row(4, 4, 4));
    ItemMoments m = ItemMoments.of(set, DIMENSION);

    assertThat(m.questionIds()).containsExactly("q1", "q2", "q3");
    assertThat(m.respondents()).isEqualTo(5);
    assertThat(m.count(0, 0)).isEqualTo(4);
    assertThat(m.count(0, 1)).isEqualTo(3).isEqualTo(m.count(1, 0));
    // rows 1, 2, 5: q1 values 0, 1, 3 and q2 values 1, 0, 3
    assertThat(m.sum(0, 1)).isEqualTo(4);
    assertThat(m.sum(1, 0)).isEqualTo(4);
    assertThat(m.sumOfSquares(0, 1)).isEqualTo(0 + 1 + 9);
    assertThat(m.sumOfSquares(1, 0)).isEqualTo(1 + 0 + 9);
    assertThat(m.sumOfProducts(0, 1)).isEqualTo(0 + 0 + 9).isEqualTo(m.sumOfProducts(1, 0));
    // q3 answered in rows 1, 3, 4, 5: values 0, 2, 1, 3
    assertThat(m.sum(2, 2)).isEqualTo(6);
    assertThat(m.sumOfSquares(2, 2)).isEqualTo(14);
    assertThat(m.covariance(0, 1).value()).isEqualTo(11.0 / 6);
    assertThat(m.covariance(2, 2).value()).isEqualTo(5.0 / 3);
  }

  @Test
  void momentsOfALargeSetReadInParallelPartsEqualThoseOfOneAccumulator() {
    // 140,000 rows are read in two parts on two or more processors; one accumulator reads them in order
    java.util.Random random = new java.util.Random(7);
    Integer[][] rows = new Integer[140_000][];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = new Integer[4];
      for (int i = 0; i < 4; i++) {
        rows[r][i] = random.nextInt(10) == 0 ? null : 1 + random.nextInt(5);
      }
    }
    ResponseSet set = responses(instrument(Scale.of(1, 5, 4), false, true, false, false), rows);
    ItemMoments parts = ItemMoments.of(set, DIMENSION);
    assertThat(parts).isEqualTo(ItemMoments.accumulator(set, DIMENSION).addRows(0, rows.length).toMoments());
    assertThat(parts.respondents()).isBetween(139_000L, 140_000L);
  }

  @Test
  void itemsThatDisagreeGiveANegativeAlpha() {
    // q1 = 1,2,3 (variance 1), q2 = 2,1,1 (mean 4/3, variance (4/9 + 1/9 + 1/9) / 2 = 1/3),
    // c12 = ((−1)(2/3) + 0 + (1)(−1/3)) / 2 = −1/2. T = 4/3, S = 4/3 − 1 = 1/3, alpha = 2 (1 − 4) = −6.
    // r.drop = −1/2 / sqrt(1 · 1/3) = −sqrt(3)/2 for both items.
    ResponseSet set = responses(plain(2), row(1, 2), row(2, 1), row(3, 1));
    Reliability r = ALPHA.compute(set, DIMENSION);

    assertThat(r.alpha().value()).isEqualTo(-6.0);
    for (ItemReliability item : r.itemStatistics()) {
      assertThat(item.alphaIfDeleted()).isEqualTo(Statistic.undefined(CronbachAlpha.ONE_ITEM_LEFT));
      assertThat(item.itemRestCorrelation().value()).isCloseTo(-Math.sqrt(3) / 2, within(1e-15));
    }
  }

  @Test
  void oneItemIsUndefined() {
    ResponseSet set = responses(plain(1), row(1), row(4), row(5));
    Reliability r = ALPHA.compute(set, DIMENSION);

    assertThat(r.items()).isEqualTo(1);
    assertThat(r.respondents()).isEqualTo(3);
    assertThat(r.alpha()).isEqualTo(Statistic.undefined(CronbachAlpha.ONE_ITEM));
    assertThat(r.itemStatistics()).containsExactly(new ItemReliability("q1",
        Statistic.undefined(CronbachAlpha.ONE_ITEM), Statistic.undefined(CronbachAlpha.ONE_ITEM)));
  }

  @Test
  void identicalAnswersHaveNoVariance() {
    ResponseSet set = responses(plain(3), row(3, 3, 3), row(3, 3, 3), row(3, 3, 3));
    Reliability r = ALPHA.compute(set, DIMENSION);

    assertThat(r.alpha()).isEqualTo(Statistic.undefined(CronbachAlpha.NO_VARIANCE));
    assertThat(r.itemStatistics()).allSatisfy(item -> {
      assertThat(item.alphaIfDeleted()).isEqualTo(Statistic.undefined(CronbachAlpha.NO_VARIANCE));
      assertThat(item.itemRestCorrelation()).isEqualTo(Statistic.undefined(CronbachAlpha.ITEM_NO_VARIANCE));
    });
  }

  @Test
  void anItemWithoutVarianceStaysInTheDimension() {
    // q1 = 1,2,3 (variance 1), q2 = 2,2,2: T = 1, S = 1, alpha = 2 (1 − 1/1) = 0 (psych would drop q2)
    ResponseSet set = responses(plain(2), row(1, 2), row(2, 2), row(3, 2));
    Reliability r = ALPHA.compute(set, DIMENSION);

    assertThat(r.alpha().value()).isZero();
    assertThat(r.item("q1").itemRestCorrelation()).isEqualTo(Statistic.undefined(CronbachAlpha.REST_NO_VARIANCE));
    assertThat(r.item("q2").itemRestCorrelation()).isEqualTo(Statistic.undefined(CronbachAlpha.ITEM_NO_VARIANCE));
  }

  @Test
  void anEmptySetIsUndefined() {
    Reliability r = ALPHA.compute(responses(plain(3)), DIMENSION);

    assertThat(r.respondents()).isZero();
    Statistic none = Statistic.undefined(CronbachAlpha.TOO_FEW_RESPONDENTS);
    assertThat(r.alpha()).isEqualTo(none);
    assertThat(r.itemStatistics()).allSatisfy(item -> {
      assertThat(item.alphaIfDeleted()).isEqualTo(none);
      assertThat(item.itemRestCorrelation()).isEqualTo(none);
    });
  }

  @Test
  void oneRespondentIsUndefined() {
    ResponseSet set = responses(plain(3), row(1, 2, 3), row(N, N, N));
    Reliability r = ALPHA.compute(set, DIMENSION);

    assertThat(r.respondents()).isEqualTo(1);
    assertThat(r.alpha()).isEqualTo(Statistic.undefined(CronbachAlpha.TOO_FEW_RESPONDENTS));
  }

  @Test
  void aPairAnsweredTogetherByFewerThanTwoIsNamed() {
    // q1 and q2 are answered together only in row 5. Without q2 the rest is defined:
    // c11 over rows 1,2,5 (1,2,3) = 1; c33 over all rows (1,3,2,3,3) = (1.96 + .36 + .16 + .36 + .36) / 4 = 4/5;
    // c13 over rows 1,2,5: (3·16 − 6·7) / 6 = 1. T = 9/5, S = 19/5, 2 (1 − 9/19) = 20/19.
    // Without q1: c22 over rows 3,4,5 (1,3,2) = 1, c33 = 4/5, c23 over rows 3,4,5: (3·17 − 6·8) / 6 = 1/2;
    // T = 9/5, S = 14/5, 2 (1 − 9/14) = 5/7.
    ResponseSet set = responses(plain(3),
        row(1, N, 1), row(2, N, 3), row(N, 1, 2), row(N, 3, 3), row(3, 2, 3));
    Reliability r = ALPHA.compute(set, DIMENSION);

    Statistic pair = Statistic.undefined("fewer than two respondents answered both \"q1\" and \"q2\"");
    assertThat(r.alpha()).isEqualTo(pair);
    assertThat(r.item("q1").alphaIfDeleted().value()).isEqualTo(5.0 / 7);
    assertThat(r.item("q2").alphaIfDeleted().value()).isEqualTo(20.0 / 19);
    assertThat(r.item("q3").alphaIfDeleted()).isEqualTo(pair);
    assertThat(r.itemStatistics()).allSatisfy(item -> assertThat(item.itemRestCorrelation()).isEqualTo(pair));
    assertThat(ItemMoments.of(set, DIMENSION).covariance(0, 1))
        .isEqualTo(Statistic.undefined(CronbachAlpha.TOO_FEW_RESPONDENTS));
  }

  @Test
  void anItemAnsweredByFewerThanTwoIsNamed() {
    ResponseSet set = responses(plain(3), row(1, N, 1), row(2, 5, 3), row(3, N, 2));
    Reliability r = ALPHA.compute(set, DIMENSION);

    assertThat(r.alpha().reason()).isEqualTo("fewer than two respondents answered \"q2\"");
    // without q2: q1 = 1,2,3 and q3 = 1,3,2, deviations −1,0,1 and −1,1,0: c11 = 2/2 = 1, c33 = 2/2 = 1,
    // c13 = (1 + 0 + 0) / 2 = 1/2; T = 2, S = 3, alpha = 2 (1 − 2/3) = 2/3
    assertThat(r.item("q2").alphaIfDeleted().value()).isEqualTo(2.0 / 3);
  }

  @Test
  void computeAllCoversEveryDimensionInInstrumentOrder() {
    Instrument instrument = Instrument.of("two", "1", "Two", Scale.of(1, 5, 4),
        List.of(Dimension.of("single", "Single"), Dimension.of("pair", "Pair")),
        List.of(Question.rating("p1", "P1", "pair"), Question.rating("s1", "S1", "single"),
            Question.rating("p2", "P2", "pair"), Question.comment("c", "Comment")));
    ResponseSet.Builder b = ResponseSet.builder(instrument);
    int[][] rows = {{1, 2, 1}, {2, 3, 3}, {3, 5, 2}};
    for (int r = 0; r < rows.length; r++) {
      b.beginRow().id("r" + r).answer(0, rows[r][0]).answer(1, rows[r][1]).answer(2, rows[r][2])
          .comment(3, "text");
      assertThat(b.endRow(0, new java.util.ArrayList<>())).isTrue();
    }
    Map<String, Reliability> all = ALPHA.computeAll(b.build());

    assertThat(all.keySet()).containsExactly("single", "pair");
    assertThat(all.get("single").alpha()).isEqualTo(Statistic.undefined(CronbachAlpha.ONE_ITEM));
    // p1 = 1,2,3, p2 = 1,3,2: c11 = c22 = 1, c12 = 1/2; T = 2, S = 3, alpha = 2 (1 − 2/3) = 2/3
    assertThat(all.get("pair").alpha().value()).isEqualTo(2.0 / 3);
    assertThat(all.get("pair").itemStatistics()).extracting(ItemReliability::questionId)
        .containsExactly("p1", "p2");
  }

  @Test
  void computingFromMergedMomentsEqualsComputingFromTheSet() {
    ResponseSet set = RealData.lq2002Missing();
    ItemMoments merged = ItemMoments.accumulator(set, "civility").addRows(1000, set.size()).toMoments()
        .plus(ItemMoments.accumulator(set, "civility").addRows(0, 1000).toMoments());
    assertThat(ALPHA.compute(merged)).isEqualTo(ALPHA.compute(set, "civility"));
  }

  @Test
  void unknownDimensionIsRejected() {
    ResponseSet set = responses(plain(2), row(1, 2));
    assertThatThrownBy(() -> ALPHA.compute(set, "nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no dimension \"nope\"");
  }

  @Test
  void momentsOfOtherItemsDoNotMerge() {
    ItemMoments a = ItemMoments.empty("d", List.of("q1", "q2"));
    assertThatThrownBy(() -> a.plus(ItemMoments.empty("d", List.of("q1", "q3"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[q1, q3]");
    assertThatThrownBy(() -> a.plus(ItemMoments.empty("e", List.of("q1", "q2"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension \"e\"");
    assertThatThrownBy(() -> ItemMoments.empty("d", List.of("q1", "q1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"q1\" is named twice");
    assertThatThrownBy(() -> ItemMoments.empty("d", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void accumulatorChecksRows() {
    ResponseSet set = responses(plain(2), row(1, 2), row(2, 3));
    ItemMoments.Accumulator acc = ItemMoments.accumulator(set, DIMENSION);
    assertThatThrownBy(() -> acc.addRow(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> acc.addRows(1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(acc.addRow(1).addRow(0).toMoments()).isEqualTo(ItemMoments.of(set, DIMENSION));
    assertThat(ItemMoments.empty(DIMENSION, List.of("q1", "q2")))
        .isEqualTo(ItemMoments.accumulator(set, DIMENSION).toMoments());
  }

  @Test
  void reliabilityRejectsInconsistentComponents() {
    Statistic a = Statistic.of(0.5);
    assertThatThrownBy(() -> new Reliability("d", 2, 3, a, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 items but 0 item statistics");
    assertThatThrownBy(() -> new Reliability("d", 0, 3, a, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reliability("d", 1, 3, a, List.of(new ItemReliability("q", a, a))).item("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no item \"x\"");
  }

  @Test
  void answerCodesAreWhatTheMomentsRead() {
    // guards the assumption the accumulator's lookup table is built on: code = answer − min + 1
    ResponseSet set = responses(instrument(Scale.of(0, 4, 3), true), row(0), row(4));
    AnswerColumn col = set.answers("q1");
    assertThat(col.code(0)).isEqualTo(1);
    assertThat(col.coded(0)).isEqualTo(4);
    ItemMoments m = ItemMoments.of(set, DIMENSION);
    // reverse-keyed: coded 4 and 0, minus min 0
    assertThat(m.sum(0, 0)).isEqualTo(4);
    assertThat(m.sumOfSquares(0, 0)).isEqualTo(16);
  }
}

package dev.belonging.scoring.reliability;

import static dev.belonging.scoring.reliability.ReliabilityFixtures.DIMENSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.Statistic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class CronbachAlphaProperties {

  private static final CronbachAlpha ALPHA = CronbachAlpha.withDefaults();

  /**
   * A generated survey of one dimension: {@code codes[row][item]} is 0 for a missing answer, else
   * {@code answer − min + 1} on a scale of {@code points} points starting at {@code min}.
   */
  record Survey(int min, int points, boolean[] reverse, int[][] codes) {

    int items() {
      return reverse.length;
    }

    int rows() {
      return codes.length;
    }

    ResponseSet toResponses() {
      Instrument instrument = ReliabilityFixtures.instrument(
          Scale.of(min, min + points - 1, min + 1), reverse);
      Integer[][] rows = new Integer[codes.length][];
      for (int r = 0; r < codes.length; r++) {
        rows[r] = new Integer[items()];
        for (int i = 0; i < items(); i++) {
          rows[r][i] = codes[r][i] == 0 ? null : codes[r][i] - 1 + min;
        }
      }
      return ReliabilityFixtures.responses(instrument, rows);
    }

    Survey withCodes(int[][] newCodes) {
      return new Survey(min, points, reverse, newCodes);
    }

    Survey withReverse(boolean[] newReverse) {
      return new Survey(min, points, newReverse, codes);
    }

    Survey withMin(int newMin) {
      return new Survey(newMin, points, reverse, codes);
    }

    /** Returns a copy in which item {@code k}'s key is flipped. */
    Survey flipKey(int k) {
      boolean[] r = reverse.clone();
      r[k] = !r[k];
      return withReverse(r);
    }

    /** Returns a copy in which item {@code k}'s raw answers are mirrored ({@code min + max − x}). */
    Survey mirrorAnswers(int k) {
      int[][] c = copy(codes);
      for (int[] row : c) {
        if (row[k] != 0) {
          row[k] = points + 1 - row[k];
        }
      }
      return withCodes(c);
    }

    @Override
    public String toString() {
      return "Survey[min=" + min + ", points=" + points + ", reverse=" + Arrays.toString(reverse) + ", codes="
          + Arrays.deepToString(codes) + "]";
    }
  }

  private static int[][] copy(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /** Surveys of 1–6 items on scales of 2–7 points, 0–40 rows, each answer missing with the given chance. */
  private static Gen<Survey> surveys(int missingPercent) {
    Gen<Integer> items = Generate.range(1, 6);
    Gen<Integer> points = Generate.range(2, 7);
    Gen<Integer> mins = Generate.range(-3, 3);
    Gen<Integer> rows = Generate.range(0, 40);
    Gen<Integer> percent = Generate.range(0, 99);
    Gen<Boolean> flags = Generate.booleans();
    return in -> {
      int m = items.generate(in);
      int p = points.generate(in);
      int min = mins.generate(in);
      boolean[] reverse = new boolean[m];
      for (int i = 0; i < m; i++) {
        reverse[i] = flags.generate(in);
      }
      int n = rows.generate(in);
      Gen<Integer> code = Generate.range(1, p);
      int[][] codes = new int[n][m];
      for (int r = 0; r < n; r++) {
        for (int i = 0; i < m; i++) {
          codes[r][i] = percent.generate(in) < missingPercent ? 0 : code.generate(in);
        }
      }
      return new Survey(min, p, reverse, codes);
    };
  }

  /** A seed for permutations and partitions. */
  private static Gen<Long> seeds() {
    return SourceDSL.longs().all();
  }

  @Test
  void theMomentsOfAnswersDoNotDependOnHowWideTheirScaleIs() {
    // up to 16 points the accumulator counts answer combinations, beyond it adds the moments directly
    qt().forAll(surveys(15), Generate.range(17, 40)).checkAssert((survey, wide) -> {
      boolean[] plain = new boolean[survey.items()];
      Survey narrow = new Survey(survey.min(), survey.points(), plain, survey.codes());
      Survey widened = new Survey(survey.min(), wide, plain, survey.codes());
      assertThat(ItemMoments.of(widened.toResponses(), DIMENSION))
          .isEqualTo(ItemMoments.of(narrow.toResponses(), DIMENSION));
    });
  }

  @Test
  void mergingTheMomentsOfAnyPartitionEqualsOnePass() {
    qt().forAll(surveys(15), seeds()).checkAssert((survey, seed) -> {
      ResponseSet set = survey.toResponses();
      ItemMoments onePass = ItemMoments.of(set, DIMENSION);
      java.util.Random random = new java.util.Random(seed);
      // cut the rows into consecutive ranges, merge the ranges' moments in reverse order
      List<Integer> cuts = new ArrayList<>(List.of(0));
      for (int r = 1; r < set.size(); r++) {
        if (random.nextInt(4) == 0) {
          cuts.add(r);
        }
      }
      cuts.add(set.size());
      ItemMoments merged = ItemMoments.empty(DIMENSION, onePass.questionIds());
      for (int k = cuts.size() - 2; k >= 0; k--) {
        merged = ItemMoments.accumulator(set, DIMENSION).addRows(cuts.get(k), cuts.get(k + 1)).toMoments()
            .plus(merged);
      }
      assertThat(merged).isEqualTo(onePass);
      // any subset of rows, added one by one, plus the others
      ItemMoments.Accumulator in = ItemMoments.accumulator(set, DIMENSION);
      ItemMoments.Accumulator out = ItemMoments.accumulator(set, DIMENSION);
      for (int r = set.size() - 1; r >= 0; r--) {
        (random.nextBoolean() ? in : out).addRow(r);
      }
      assertThat(in.toMoments().plus(out.toMoments())).isEqualTo(onePass);
      // asked for its moments half-way, an accumulator goes on counting from where it was
      int half = set.size() / 2;
      ItemMoments.Accumulator twice = ItemMoments.accumulator(set, DIMENSION).addRows(0, half);
      assertThat(twice.toMoments()).isEqualTo(ItemMoments.accumulator(set, DIMENSION).addRows(0, half)
          .toMoments());
      assertThat(twice.addRows(half, set.size()).toMoments()).isEqualTo(onePass);
      assertThat(ALPHA.compute(merged)).isEqualTo(ALPHA.compute(set, DIMENSION));
    });
  }

  @Test
  void plusIsCommutativeAndAssociativeWithEmptyAsIdentity() {
    qt().forAll(surveys(20), seeds()).checkAssert((survey, seed) -> {
      ResponseSet set = survey.toResponses();
      java.util.Random random = new java.util.Random(seed);
      ItemMoments.Accumulator[] parts = new ItemMoments.Accumulator[3];
      for (int k = 0; k < 3; k++) {
        parts[k] = ItemMoments.accumulator(set, DIMENSION);
      }
      for (int r = 0; r < set.size(); r++) {
        parts[random.nextInt(3)].addRow(r);
      }
      ItemMoments a = parts[0].toMoments();
      ItemMoments b = parts[1].toMoments();
      ItemMoments c = parts[2].toMoments();
      assertThat(a.plus(b)).isEqualTo(b.plus(a));
      assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
      assertThat(a.plus(ItemMoments.empty(DIMENSION, a.questionIds()))).isEqualTo(a);
    });
  }

  @Test
  void reliabilityDoesNotDependOnRespondentOrder() {
    qt().forAll(surveys(15), seeds()).checkAssert((survey, seed) -> {
      int[][] shuffled = copy(survey.codes());
      java.util.Collections.shuffle(Arrays.asList(shuffled), new java.util.Random(seed));
      assertThat(ALPHA.compute(survey.withCodes(shuffled).toResponses(), DIMENSION))
          .isEqualTo(ALPHA.compute(survey.toResponses(), DIMENSION));
    });
  }

  @Test
  void withoutMissingAnswersAlphaIsAtMostOneAndCorrelationsLieInMinusOneToOne() {
    AtomicInteger defined = new AtomicInteger();
    qt().forAll(surveys(0)).checkAssert(survey -> {
      Reliability r = ALPHA.compute(survey.toResponses(), DIMENSION);
      if (r.alpha().isDefined()) {
        defined.incrementAndGet();
        assertThat(r.alpha().value()).isLessThanOrEqualTo(1.0);
      }
      for (ItemReliability item : r.itemStatistics()) {
        assertThat(item.alphaIfDeleted().orElse(0)).isLessThanOrEqualTo(1.0);
        assertThat(item.itemRestCorrelation().orElse(0)).isBetween(-1.0, 1.0);
      }
    });
    assertThat(defined.get()).as("examples with a defined alpha").isGreaterThan(100);
  }

  @Test
  void reverseKeyingAnItemAndMirroringItsAnswersIsTheIdentity() {
    qt().forAll(surveys(15), SourceDSL.integers().between(0, 5)).checkAssert((survey, item) -> {
      int k = item % survey.items();
      Survey twice = survey.flipKey(k).mirrorAnswers(k);
      assertThat(ItemMoments.of(twice.toResponses(), DIMENSION))
          .isEqualTo(ItemMoments.of(survey.toResponses(), DIMENSION));
    });
  }

  @Test
  void reverseKeyingEveryItemMirrorsTheCodedAnswersAndChangesNoStatistic() {
    qt().forAll(surveys(15)).checkAssert(survey -> {
      boolean[] flipped = survey.reverse().clone();
      for (int i = 0; i < flipped.length; i++) {
        flipped[i] = !flipped[i];
      }
      assertThat(ALPHA.compute(survey.withReverse(flipped).toResponses(), DIMENSION))
          .isEqualTo(ALPHA.compute(survey.toResponses(), DIMENSION));
    });
  }

  @Test
  void reverseKeyingOneItemNegatesItsItemRestCorrelationAndKeepsItsAlphaIfDeleted() {
    AtomicInteger defined = new AtomicInteger();
    qt().forAll(surveys(15), SourceDSL.integers().between(0, 5)).checkAssert((survey, item) -> {
      int k = item % survey.items();
      ItemReliability before = ALPHA.compute(survey.toResponses(), DIMENSION).itemStatistics().get(k);
      ItemReliability after = ALPHA.compute(survey.flipKey(k).toResponses(), DIMENSION).itemStatistics()
          .get(k);
      assertThat(after.alphaIfDeleted()).isEqualTo(before.alphaIfDeleted());
      Statistic r = before.itemRestCorrelation();
      if (r.isDefined()) {
        defined.incrementAndGet();
        assertThat(after.itemRestCorrelation()).isEqualTo(Statistic.of(r.value() == 0 ? 0.0 : -r.value()));
      } else {
        assertThat(after.itemRestCorrelation()).isEqualTo(r);
      }
    });
    assertThat(defined.get()).as("examples with a defined correlation").isGreaterThan(100);
  }

  @Test
  void addingAConstantToEveryAnswerChangesNoStatistic() {
    qt().forAll(surveys(15), SourceDSL.integers().between(-50, 50)).checkAssert((survey, shift) ->
        assertThat(ALPHA.compute(survey.withMin(survey.min() + shift).toResponses(), DIMENSION))
            .isEqualTo(ALPHA.compute(survey.toResponses(), DIMENSION)));
  }

  @Test
  void duplicatingEveryRespondentOfCompleteDataKeepsAlpha() {
    // every covariance is scaled by the same factor 2 (n − 1) / (2n − 1), which alpha's ratio cancels
    qt().forAll(surveys(0)).checkAssert(survey -> {
      int[][] twice = new int[survey.rows() * 2][];
      for (int r = 0; r < survey.rows(); r++) {
        twice[2 * r] = survey.codes()[r];
        twice[2 * r + 1] = survey.codes()[r];
      }
      Reliability once = ALPHA.compute(survey.toResponses(), DIMENSION);
      Reliability doubled = ALPHA.compute(survey.withCodes(twice).toResponses(), DIMENSION);
      if (survey.rows() >= 2) {
        assertThat(doubled.alpha()).isEqualTo(once.alpha());
        assertThat(doubled.itemStatistics()).isEqualTo(once.itemStatistics());
      }
    });
  }

  @Test
  void agreesWithADirectFloatingPointTranscriptionOfPsych() {
    AtomicInteger compared = new AtomicInteger();
    qt().forAll(surveys(25)).checkAssert(survey -> {
      ResponseSet set = survey.toResponses();
      PsychAlpha oracle = PsychAlpha.of(set, DIMENSION);
      Reliability r = ALPHA.compute(set, DIMENSION);
      if (r.items() < 2) {
        return;
      }
      // the oracle's NA (a pair with fewer than two observations) is an undefined alpha here
      boolean na = Double.isNaN(oracle.sum);
      assertThat(r.alpha().isDefined() || na || Math.abs(oracle.sum) < 1e-9)
          .as("alpha %s, psych's sum of covariances %s", r.alpha(), oracle.sum).isTrue();
      if (r.alpha().isDefined()) {
        assertThat(na).isFalse();
        if (Math.abs(oracle.sum) > 1e-3) {
          compared.incrementAndGet();
          assertClose(r.alpha().value(), oracle.alpha);
        }
      }
      for (int k = 0; k < r.items(); k++) {
        ItemReliability item = r.itemStatistics().get(k);
        if (item.alphaIfDeleted().isDefined() && Math.abs(oracle.restSum[k]) > 1e-3) {
          assertClose(item.alphaIfDeleted().value(), oracle.alphaDrop[k]);
        }
        if (item.itemRestCorrelation().isDefined() && oracle.restSum[k] > 1e-3
            && oracle.covariance[k][k] > 1e-3) {
          assertClose(item.itemRestCorrelation().value(), oracle.rDrop[k]);
        }
      }
    });
    assertThat(compared.get()).as("examples compared").isGreaterThan(100);
  }

  private static void assertClose(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, org.assertj.core.api.Assertions.within(
        1e-9 * Math.max(1, Math.abs(expected))));
  }
}

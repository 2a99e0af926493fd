package dev.belonging.scoring.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.GapFixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RankGapTest extends GapDetectorContract {

  @Override
  GapDetector detector() {
    return RankGap.withDefaults();
  }

  @Test
  void equalsTheHandCalculationAndR() {
    // x = 1, 2, 3 and y = 3, 4, 5, 4: ranks of 1 2 3 3 4 4 5 are 1 2 3.5 3.5 5.5 5.5 7, R1 = 6.5, U = 0.5
    DimensionStatistics[] g = GapFixtures.alike(new int[] {1, 2, 3}, new int[] {3, 4, 5, 4});
    GapEstimate e = detector().estimate(g[0], g[1]);
    // rank-biserial 2 · 0.5 / 12 − 1
    assertThat(e.effectSize().value()).isEqualTo(2 * 0.5 / 12 - 1);
    // the 12 differences −4 −3 −3 −3 −2 −2 −2 −2 −1 −1 −1 0: median −2
    assertThat(e.difference().value()).isEqualTo(-2.0);
    // R 4.2.2: wilcox.test(c(1, 2, 3), c(3, 4, 5, 4), exact = FALSE, correct = TRUE): W = 0.5,
    // p.value 0.071828156320968214
    RReferenceGapTest.assertClose(e.pValue().value(), 0.071828156320968214, 1e-9, "p");
    // σ = sqrt(12/12 · (8 − 12 / 42)) = 2.777; C = floor(6 − 1.96 · 2.777) = 0: no interval
    assertThat(e.ciLow().reason()).isEqualTo("too few scores for a rank interval");
    assertThat(e.ciHigh().isDefined()).isFalse();
  }

  @Test
  void equalScoresOfDifferentAnsweredCountsAreTies() {
    // a score of 3 from (3, 3, 3) and from (2, 4, -) are one tie group; so are (2, 3, -) = 2.5 and (2, 3, 2.5)
    DimensionStatistics[] split = GapFixtures.groups(new Integer[][] {{3, 3, 3}, {2, 3, null}},
        new Integer[][] {{2, 4, null}, {5, 5, 5}, {1, 4, null}});
    DimensionStatistics[] whole = GapFixtures.groups(new Integer[][] {{3, 3, 3}, {2, 3, null}},
        new Integer[][] {{3, 3, 3}, {5, 5, 5}, {1, 4, null}});
    assertThat(detector().estimate(split[0], split[1])).isEqualTo(detector().estimate(whole[0], whole[1]));
  }

  @Test
  void theMinimumEffectIsConfigurable() {
    assertThat(RankGap.withDefaults().minimumEffect()).isEqualTo(0.1);
    assertThat(RankGap.withDefaults().withMinimumEffect(0.3)).isEqualTo(RankGap.withDefaults()
        .withMinimumEffect(0.3));
    assertThatThrownBy(() -> RankGap.withDefaults().withMinimumEffect(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theShiftAndIntervalEqualABruteForceOverEveryPairOfRespondents() {
    // 30 items with a third missing: scores are fractions t / c with c from 15 to 30, so the two groups
    // have far more than 4096 pairs of distinct scores and the search does not list them
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      questions.add(Question.rating("q" + i, "Item " + i, "d"));
    }
    Instrument long30 = Instrument.of("long", "1", "Thirty items", Scale.of(1, 5, 4),
        List.of(Dimension.of("d", "Thirty")), questions);
    Random random = new Random(30);
    ResponseSet.Builder b = ResponseSet.builder(long30).attributes(List.of("g"));
    List<List<Double>> scores = List.of(new ArrayList<>(), new ArrayList<>());
    for (int r = 0; r < 500; r++) {
      int group = r < 200 ? 0 : 1;
      Map<String, Integer> answers = new HashMap<>();
      int sum = 0;
      for (int i = 0; i < 30; i++) {
        if (random.nextInt(3) != 0) {
          int answer = 1 + random.nextInt(5) / (group == 0 ? 1 : 2) + group;
          answers.put("q" + i, answer);
          sum += answer - 1;
        }
      }
      if (answers.size() >= 15) {
        scores.get(group).add((double) sum / answers.size());
      }
      b.add(RespondentId.of("r" + r), Map.of("g", group == 0 ? "a" : "b"), answers, Map.of());
    }
    ResponseSet set = b.build();
    DimensionStatistics a = GapFixtures.statistics(set, "g", "a").dimension("d");
    DimensionStatistics other = GapFixtures.statistics(set, "g", "b").dimension("d");
    GapEstimate e = detector().estimate(a, other);

    List<Double> x = scores.get(0);
    List<Double> y = scores.get(1);
    double[] d = new double[x.size() * y.size()];
    int k = 0;
    for (double xi : x) {
      for (double yj : y) {
        d[k++] = xi - yj;
      }
    }
    Arrays.sort(d);
    int m = d.length;
    double median = m % 2 == 1 ? d[m / 2] : (d[m / 2 - 1] + d[m / 2]) / 2;
    // tie-corrected σ of U, from the tie groups of all scores
    Map<Double, Integer> ties = new TreeMap<>();
    x.forEach(v -> ties.merge(v, 1, Integer::sum));
    y.forEach(v -> ties.merge(v, 1, Integer::sum));
    double n = x.size() + y.size();
    double t = ties.values().stream().mapToDouble(c -> (double) c * c * c - c).sum();
    double sigma = Math.sqrt((double) x.size() * y.size() / 12 * ((n + 1) - t / (n * (n - 1))));
    int c = (int) Math.floor(m / 2.0 - 1.959963984540054 * sigma);
    assertThat(e.difference().value()).isCloseTo(median, within(1e-12));
    assertThat(e.ciLow().value()).isCloseTo(d[c - 1], within(1e-12));
    assertThat(e.ciHigh().value()).isCloseTo(d[m - c], within(1e-12));
    assertThat(new HashSet<>(x).size() * new HashSet<>(y).size())
        .as("pairs of distinct scores").isGreaterThan(4096);
  }
}

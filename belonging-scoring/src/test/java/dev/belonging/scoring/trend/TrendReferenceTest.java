package dev.belonging.scoring.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.RealData;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Changes and difference-in-differences estimates on waves cut from lq2002.csv, against SciPy and numpy.
 *
 * <p>The references in {@code trend_reference.txt} (test resources, this package) were made by
 * {@code make_trend_reference.py} next to it: {@code python3 make_trend_reference.py shared/data >
 * trend_reference.txt} (numpy 2.4.6, SciPy 1.17.1). Changes: {@code scipy.stats.ttest_ind(b, a,
 * equal_var=False)} and its {@code .confidence_interval(0.95)}; q-values:
 * {@code scipy.stats.false_discovery_control(p, method='bh')}; interventions: OLS of
 * {@code score ~ treated + factor(wave) + treated:after} by {@code numpy.linalg.lstsq}, classical SE
 * {@code sqrt(sigma2 * inv(X'X)[j, j])}, {@code 2 * scipy.stats.t.sf(|t|, n - p)} and
 * {@code scipy.stats.t.ppf(0.975, n - p)}; placebos: the same fit with another company as treated and
 * neither it nor C18 as control. Waves: within each company, row i of n goes to wave floor(W·i/n).
 */
class TrendReferenceTest {

  private static final double REL = 1e-9;
  private static final Map<String, double[]> REF = load();

  private static Map<String, double[]> load() {
    Map<String, double[]> ref = new HashMap<>();
    try (InputStream in = TrendReferenceTest.class.getResourceAsStream("trend_reference.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.trim().split(" ");
        int keys = switch (f[0]) {
          case "change", "q" -> 6;
          case "did" -> 5;
          case "placebo" -> 6;
          default -> throw new IllegalStateException("unknown reference line " + line);
        };
        double[] values = new double[f.length - keys];
        for (int i = keys; i < f.length; i++) {
          values[i - keys] = Double.parseDouble(f[i]);
        }
        ref.put(String.join(" ", List.of(f).subList(0, keys)), values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ref;
  }

  private static double[] ref(String key) {
    assertThat(REF).as("reference line %s", key).containsKey(key);
    return REF.get(key);
  }

  private static void close(Statistic actual, double expected) {
    assertThat(actual.isDefined()).as("defined: %s", actual).isTrue();
    assertThat(actual.value()).isCloseTo(expected, within(Math.abs(expected) * REL + 1e-15));
  }

  private static TrendReport analyze(int waves, List<Breakdown> by, Treatment treatment) {
    List<ResponseSet> sets = Waves.split(RealData.lq2002(), "company", waves);
    return TrendAnalysis.of(BelongingAnalysis.withDefaults(sets.get(0).instrument()).withBreakdowns(by))
        .withTreatment(treatment)
        .analyze(Survey.of(sets));
  }

  private static Optional<Change> change(TrendReport report, String segment, String dim, String from,
      String to) {
    return report.changes().stream().filter(c -> c.segment().label().equals(segment)
        && c.dimension().equals(dim) && c.from().equals(from) && c.to().equals(to)).findFirst();
  }

  @Test
  void populationChangesOfTwoAndThreeWavesAreWelchTestsWithBenjaminiHochbergOverAllChanges() {
    for (int waves = 2; waves <= 3; waves++) {
      TrendReport report = analyze(waves, List.of(), null);
      assertThat(report.changes()).hasSize(waves == 2 ? 3 : 9);
      for (Change c : report.changes()) {
        String key = waves + " " + c.dimension() + " all " + c.from() + " " + c.to();
        double[] r = ref("change " + key);
        close(c.difference(), r[0]);
        close(c.ciLow(), r[1]);
        close(c.ciHigh(), r[2]);
        close(c.pValue(), r[3]);
        close(c.qValue(), ref("q " + key)[0]);
        assertThat(c.note()).isEmpty();
      }
    }
  }

  @Test
  void aCompanysChangeAndTheDifferenceInDifferencesOfTwoWavesMatchScipyAndLeastSquares() {
    TrendReport report = analyze(2, List.of(Breakdown.of("company")), Treatment.parse("company=C18", "w2"));
    assertDid(report, 2, "w2");
  }

  @Test
  void threeWavesUseWaveIndicatorsAndTheirFirstToLastChange() {
    TrendReport report = analyze(3, List.of(Breakdown.of("company")), Treatment.parse("company=C18", "w3"));
    assertThat(report.changes()).anyMatch(c -> c.from().equals("w1") && c.to().equals("w3"));
    assertDid(report, 3, "w3");
  }

  private static List<String> companiesWithFiveInEveryWave(int waves) {
    Map<String, int[]> counts = new java.util.TreeMap<>();
    List<ResponseSet> sets = Waves.split(RealData.lq2002(), "company", waves);
    for (int w = 0; w < waves; w++) {
      for (int row = 0; row < sets.get(w).size(); row++) {
        counts.computeIfAbsent(sets.get(w).attribute("company").value(row), c -> new int[waves])[w]++;
      }
    }
    counts.remove("C18");
    return counts.entrySet().stream()
        .filter(e -> java.util.Arrays.stream(e.getValue()).allMatch(n -> n >= 5)).map(Map.Entry::getKey).toList();
  }

  private static void assertDid(TrendReport report, int waves, String after) {
    for (String dim : List.of("leadership", "significance", "civility")) {
      for (int a = 1; a < waves; a++) {
        for (int[] pair : waves == 2 ? new int[][] {{1, 2}} : new int[][] {{1, 2}, {2, 3}, {1, 3}}) {
          Change c = change(report, "company=C18", dim, "w" + pair[0], "w" + pair[1]).orElseThrow();
          double[] r = ref("change " + waves + " " + dim + " company=C18 w" + pair[0] + " w" + pair[1]);
          close(c.difference(), r[0]);
          close(c.ciLow(), r[1]);
          close(c.ciHigh(), r[2]);
          close(c.pValue(), r[3]);
        }
      }
      InterventionEstimate e = report.interventions().stream()
          .filter(i -> i.dimension().equals(dim)).map(InterventionEstimate.class::cast).findFirst().orElseThrow();
      assertThat(e.treated()).isEqualTo(Segment.of(Map.of("company", "C18")));
      double[] r = ref("did " + waves + " " + after + " " + dim + " company=C18");
      close(e.estimate(), r[0]);
      close(e.standardError(), r[1]);
      close(e.ciLow(), r[2]);
      close(e.ciHigh(), r[3]);
      close(e.pValue(), r[4]);
      assertThat(e.degreesOfFreedom()).isEqualTo((long) r[5]);
      assertThat(e.placebos()).as("every company but C18 with 5 scores in every wave (no missing answers)")
          .extracting(p -> p.segment().attributes().get("company"))
          .containsExactlyElementsOf(companiesWithFiveInEveryWave(waves));
      List<Double> sizes = new ArrayList<>();
      for (Placebo p : e.placebos()) {
        double[] pr = ref("placebo " + waves + " " + after + " " + dim + " company=C18 " + p.segment().label());
        close(p.estimate(), pr[0]);
        close(p.standardError(), pr[1]);
        sizes.add(Math.abs(pr[0]));
      }
      long larger = sizes.stream().filter(s -> s > Math.abs(r[0])).count();
      assertThat(e.placeboRank()).hasValue((int) larger + 1);
    }
  }
}

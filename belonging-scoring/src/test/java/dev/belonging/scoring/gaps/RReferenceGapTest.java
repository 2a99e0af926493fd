package dev.belonging.scoring.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.RReference;
import dev.belonging.scoring.RealData;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportSchema;
import dev.belonging.scoring.report.ReportText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code seg} and {@code q} line of the R reference files equals the report's default gap (Welch versus
 * the rest, Benjamini–Hochberg over every gap of the report) to 1e-9 relative, 1e-7 for p-values below
 * 1e-10. The lines were computed by {@code shared/data/make_reference.R}: {@code t.test(x, y, var.equal =
 * FALSE)} for the difference of means, {@code p.value} and {@code conf.int}, Hedges' g from the pooled SD
 * with the small-sample factor {@code 1 − 3 / (4 (n1 + n2) − 9)}, and {@code p.adjust(p, method = "BH")}
 * over every {@code seg} p-value of the file.
 */
class RReferenceGapTest {

  static Stream<Arguments> dataSets() {
    return Stream.of(
        Arguments.of("lq2002_reference.txt", (Supplier<ResponseSet>) RealData::lq2002,
            new String[] {"company"}),
        Arguments.of("lq2002_missing_reference.txt", (Supplier<ResponseSet>) RealData::lq2002Missing,
            new String[] {"company"}),
        Arguments.of("attrition_reference.txt", (Supplier<ResponseSet>) RealData::attrition,
            new String[] {"department", "role", "gender", "overtime", "tenure"}));
  }

  static Report report(Supplier<ResponseSet> data, String... attributes) {
    ResponseSet set = data.get();
    return BelongingAnalysis.withDefaults(set.instrument())
        .withBreakdowns(Stream.of(attributes).map(Breakdown::of).toArray(Breakdown[]::new))
        .analyze(set);
  }

  /** Asserts {@code |actual − expected| ≤ relative · |expected|}. */
  static void assertClose(double actual, double expected, double relative, String what) {
    assertThat(Math.abs(actual - expected))
        .as("%s: %s, R %s", what, actual, expected)
        .isLessThanOrEqualTo(relative * Math.abs(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataSets")
  void everySegAndQLineMatches(String file, Supplier<ResponseSet> data, String[] attributes) {
    RReference reference = RReference.load(file);
    Report report = report(data, attributes);
    ReportSchema.requireValid(report);

    Map<String, Gap> gaps = new HashMap<>();
    for (Gap g : report.gaps()) {
      assertThat(g.comparison()).isEqualTo(Comparison.REST_OF_POPULATION);
      assertThat(g.detector()).isEqualTo("welch");
      assertThat(g.effectSizeType()).isEqualTo("hedges-g");
      assertThat(gaps.put(key(g.dimension(), g.segment()), g)).as("one gap per segment and dimension").isNull();
    }
    assertThat(gaps).hasSameSizeAs(reference.segments());
    for (RReference.Segment seg : reference.segments()) {
      String what = seg.dimension() + " " + seg.attribute() + "=" + seg.value();
      Gap g = gaps.get(key(seg.dimension(), Segment.of(Map.of(seg.attribute(), seg.value()))));
      assertThat(g).as(what).isNotNull();
      assertClose(g.difference().value(), seg.difference(), 1e-9, "difference " + what);
      assertClose(g.pValue().value(), seg.p(), seg.p() < 1e-10 ? 1e-7 : 1e-9, "p " + what);
      assertClose(g.effectSize().value(), seg.g(), 1e-9, "g " + what);
      assertClose(g.ciLow().value(), seg.ciLow(), 1e-9, "ciLow " + what);
      assertClose(g.ciHigh().value(), seg.ciHigh(), 1e-9, "ciHigh " + what);
    }
    assertThat(reference.qValues()).hasSameSizeAs(reference.segments());
    for (RReference.QValue q : reference.qValues()) {
      String what = q.dimension() + " " + q.attribute() + "=" + q.value();
      Gap g = gaps.get(key(q.dimension(), Segment.of(Map.of(q.attribute(), q.value()))));
      assertClose(g.qValue().value(), q.q(), q.q() < 1e-10 ? 1e-7 : 1e-9, "q " + what);
      assertThat(g.flagged()).as("flagged %s", what)
          .isEqualTo(q.q() < 0.05 && Math.abs(g.effectSize().value()) >= 0.2);
    }
  }

  private static String key(String dimension, Segment segment) {
    return dimension + " " + segment.label();
  }

  @Test
  void theLq2002ReportByCompanyListsItsGapsByQWithTheFlaggedOnesFirst() {
    Report report = report(RealData::lq2002, "company");
    List<Gap> gaps = report.gaps();
    assertThat(gaps).hasSize(147);
    for (int i = 1; i < gaps.size(); i++) {
      assertThat(gaps.get(i).qValue().value()).isGreaterThanOrEqualTo(gaps.get(i - 1).qValue().value());
    }
    List<Gap> flagged = gaps.stream().filter(Gap::flagged).toList();
    assertThat(flagged).isNotEmpty();
    String text = ReportText.render(report);
    int section = text.indexOf("Gaps: " + flagged.size() + " flagged of 147");
    assertThat(section).isPositive();
    int afterFlagged = text.indexOf("Gaps not flagged");
    assertThat(afterFlagged).isGreaterThan(section);
    for (Gap g : flagged) {
      String company = g.segment().attributes().get("company");
      int at = text.indexOf("  " + company + ": ", section);
      assertThat(at).as("sentence for %s", company).isBetween(section, afterFlagged);
    }
  }
}

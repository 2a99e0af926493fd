package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportSchema;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code alpha}, {@code mean all} and {@code seg} line of the R reference files (computed by
 * {@code shared/data/make_reference.R}: {@code mean}, {@code sd}, {@code psych::alpha(...)$total$raw_alpha},
 * and the favorable share over all answers) equals the report's number to 1e-9 relative.
 */
class RReferenceScoringTest {

  /** 1e-9 relative, as a percentage. */
  private static final org.assertj.core.data.Percentage TOLERANCE = withinPercentage(1e-7);

  static Stream<Arguments> dataSets() {
    return Stream.of(
        Arguments.of("lq2002_reference.txt", (Supplier<ResponseSet>) RealData::lq2002,
            new String[] {"company"}),
        Arguments.of("lq2002_missing_reference.txt", (Supplier<ResponseSet>) RealData::lq2002Missing,
            new String[] {"company"}),
        Arguments.of("attrition_reference.txt", (Supplier<ResponseSet>) RealData::attrition,
            new String[] {"department", "role", "gender", "overtime", "tenure"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataSets")
  void everyReferenceLineMatches(String file, Supplier<ResponseSet> data, String[] attributes) {
    RReference reference = RReference.load(file);
    ResponseSet set = data.get();
    Breakdown[] breakdowns = Stream.of(attributes).map(Breakdown::of).toArray(Breakdown[]::new);
    Report report = BelongingAnalysis.withDefaults(set.instrument()).withBreakdowns(breakdowns).analyze(set);
    ReportSchema.requireValid(report);

    int checked = 0;
    for (var r : report.reliability()) {
      assertThat(r.alpha().value()).as("alpha %s", r.dimensionId())
          .isCloseTo(reference.alpha(r.dimensionId()), TOLERANCE);
      checked++;
    }
    ShownSegment population = (ShownSegment) report.segments().get(0);
    for (String dim : reference.dimensions()) {
      RReference.All all = reference.all(dim);
      DimensionResult d = population.dimensions().get(dim);
      assertThat(d.respondents()).as("n all %s", dim).isEqualTo(all.n());
      assertThat(d.mean().value()).as("mean all %s", dim).isCloseTo(all.mean(), TOLERANCE);
      assertThat(d.sd().value()).as("sd all %s", dim).isCloseTo(all.sd(), TOLERANCE);
      assertThat(d.statistic("favorable").value()).as("favorable all %s", dim)
          .isCloseTo(all.favorable(), TOLERANCE);
      checked++;
      for (RReference.Segment seg : reference.segments(dim)) {
        SegmentResult result = report.segment(Segment.of(Map.of(seg.attribute(), seg.value()))).orElseThrow();
        DimensionResult sd = ((ShownSegment) result).dimensions().get(dim);
        String what = dim + " " + seg.attribute() + "=" + seg.value();
        assertThat(sd.respondents()).as("n %s", what).isEqualTo(seg.n());
        assertThat(sd.mean().value()).as("mean %s", what).isCloseTo(seg.mean(), TOLERANCE);
        assertThat(sd.sd().value()).as("sd %s", what).isCloseTo(seg.sd(), TOLERANCE);
        assertThat(sd.statistic("favorable").value()).as("favorable %s", what)
            .isCloseTo(seg.favorable(), TOLERANCE);
        checked++;
      }
      for (RReference.SmallSegment small : reference.smallSegments(dim)) {
        SegmentResult result = report.segment(Segment.of(Map.of(small.attribute(), small.value())))
            .orElseThrow();
        assertThat(result.isSuppressed() || !((ShownSegment) result).dimensions().containsKey(dim))
            .as("a segment with %d scores is not shown", small.n()).isTrue();
      }
    }
    assertThat(checked).isEqualTo(reference.alphas().size() + reference.dimensions().size()
        + reference.segments().size());
  }
}

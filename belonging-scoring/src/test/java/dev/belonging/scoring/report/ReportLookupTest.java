package dev.belonging.scoring.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.RealData;
import dev.belonging.scoring.Segment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link Report#segment} finds each segment's own result, from any thread, and nothing for another. */
class ReportLookupTest {

  private static Report report() {
    ResponseSet lq = RealData.lq2002();
    return BelongingAnalysis.withDefaults(lq.instrument()).withBreakdowns(Breakdown.of("company"))
        .analyze(lq);
  }

  @Test
  void everySegmentIsFoundAndNoOther() {
    Report report = report();
    assertThat(report.segments()).hasSizeGreaterThan(40);
    for (SegmentResult s : report.segments()) {
      assertThat(report.segment(s.segment())).containsSame(s);
      // an equal segment made anew finds it too
      assertThat(report.segment(Segment.of(Map.copyOf(s.segment().attributes())))).containsSame(s);
    }
    assertThat(report.segment(Segment.of(Map.of("company", "C99")))).isEmpty();
    assertThat(report.segment(Segment.of(Map.of("team", "C02")))).isEmpty();
  }

  @Test
  void lookupsFromManyThreadsAtOnceAgree() {
    Report report = report();
    List<SegmentResult> segments = report.segments();
    Map<Integer, SegmentResult> found = new ConcurrentHashMap<>();
    IntStream.range(0, 4000).parallel().forEach(i -> {
      SegmentResult s = segments.get(i % segments.size());
      found.put(i, report.segment(s.segment()).orElseThrow());
    });
    found.forEach((i, s) -> assertThat(s).isSameAs(segments.get(i % segments.size())));
  }
}

package dev.belonging.examples.html;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.trend.TrendReport;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.statistics.distribution.TDistribution;

/** A trend report with what its HTML sections ask of it: the segments, and a wave's mean with its 95 % CI. */
final class TrendView {

  /** A segment's published mean in one wave, with the 95 % t interval of the mean when it is defined. */
  record Point(double mean, Optional<double[]> interval, long respondents) {}

  private final TrendReport report;
  private final List<Segment> segments;

  TrendView(TrendReport report) {
    this.report = report;
    Set<Segment> all = new LinkedHashSet<>();
    for (Report w : report.waves()) {
      for (SegmentResult s : w.segments()) {
        all.add(s.segment());
      }
    }
    this.segments = List.copyOf(all);
  }

  TrendReport report() {
    return report;
  }

  /** Every segment some wave reports (shown or hidden), population first, in report order. */
  List<Segment> segments() {
    return segments;
  }

  int k() {
    return report.policy().minGroupSize();
  }

  /**
   * Returns a segment's mean in a wave, when the wave shows it: the mean, and {@code mean ∓ t(0.975, n − 1)
   * · sd / √n} from the published n, mean and SD (no interval for one score or no SD).
   */
  Optional<Point> point(Report wave, Segment segment, String dimension) {
    Optional<SegmentResult> s = wave.segment(segment);
    if (s.isEmpty() || !(s.get() instanceof ShownSegment shown)) {
      return Optional.empty();
    }
    DimensionResult d = shown.dimensions().get(dimension);
    if (d == null || !d.mean().isDefined()) {
      return Optional.empty();
    }
    double mean = d.mean().value();
    Statistic sd = d.sd();
    long n = d.respondents();
    Optional<double[]> interval = Optional.empty();
    if (sd.isDefined() && n >= 2) {
      double half = TDistribution.of(n - 1).inverseSurvivalProbability(0.025) * sd.value() / Math.sqrt(n);
      interval = Optional.of(new double[] {mean - half, mean + half});
    }
    return Optional.of(new Point(mean, interval, n));
  }

  /** Whether some wave shows the segment's dimension. */
  boolean anyShown(Segment segment, String dimension) {
    return report.waves().stream().anyMatch(w -> point(w, segment, dimension).isPresent());
  }
}

package dev.belonging.examples.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.gaps.DifferenceUnit;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.report.Report;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GapsSectionProperties {

  /** The plot's inner edges and zero line: label 124, plot 240, padding 16. */
  private static final double LEFT = 140;
  private static final double RIGHT = 348;
  private static final double ZERO = 244;

  private static final Pattern DIAMOND = Pattern.compile("<path d=\"M([0-9.]+) ");
  private static final Pattern CIRCLE = Pattern.compile("<circle cx=\"([0-9.]+)\"");
  private static final Pattern LINE = Pattern.compile("<line x1=\"([0-9.]+)\" x2=\"([0-9.]+)\" y1=\"([0-9.]+)\" "
      + "y2=\"\\3\" stroke=\"(#[0-9a-f]{6})\" stroke-width=\"(2\\.5|1\\.5)\"/>");

  @Test
  void everyGapIsDrawnInsideThePlotOnItsSideOfZeroWithinItsInterval() {
    qt().forAll(doubles().between(-3, 3), doubles().between(0, 2), doubles().between(0, 2), booleans().all())
        .checkAssert((difference, below, above, flagged) -> {
          double other = -difference / 6;
          Segment a = Segment.of(Map.of("team", "A"));
          Gap gap = Reports.gap(a, "seen", DifferenceUnit.SCORE_POINTS, difference, difference - below,
              difference + above, flagged ? 0.01 : 0.5, flagged);
          // a second gap on a dimension of the same scale shares the range
          Gap second = Reports.gap(a, "heard", DifferenceUnit.SCORE_POINTS, other, other - 0.1, other + 0.1,
              0.5, false);
          Report report = Report.builder(Reports.withGaps().instrument())
              .breakdowns(Reports.withGaps().breakdowns()).segments(Reports.withGaps().segments())
              .gaps(List.of(gap, second)).build();
          String section = GapsSectionTest.section(HtmlReport.render(report));
          String seen = section.substring(section.indexOf("id=\"gaps-chart-0\""),
              section.indexOf("id=\"gaps-chart-1\""));
          Matcher marker = (flagged ? DIAMOND : CIRCLE).matcher(seen);
          assertThat(marker.find()).as("a marker").isTrue();
          double x = Double.parseDouble(marker.group(1));
          assertThat(marker.find()).as("one marker").isFalse();
          Matcher line = LINE.matcher(seen);
          assertThat(line.find()).as("an interval").isTrue();
          double lo = Double.parseDouble(line.group(1));
          double hi = Double.parseDouble(line.group(2));
          // coordinates are written to one decimal
          assertThat(lo).isBetween(LEFT - 0.05, x + 0.1);
          assertThat(hi).isBetween(x - 0.1, RIGHT + 0.05);
          if (Math.abs(difference) > 1e-3) {
            assertThat(x < ZERO).as("x %s for difference %s", x, difference).isEqualTo(difference < 0);
          }
          assertThat(line.group(4)).isEqualTo(!flagged ? Palette.MUTED
              : difference < 0 ? Palette.UNFAVORABLE : Palette.FAVORABLE);
        });
  }
}

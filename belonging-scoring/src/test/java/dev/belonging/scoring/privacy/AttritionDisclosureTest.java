package dev.belonging.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.MissingPolicy;
import dev.belonging.scoring.RealData;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportSchema;
import dev.belonging.scoring.report.SuppressionReason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real attrition data by department, role, tenure, role × tenure and department × gender. */
class AttritionDisclosureTest {

  private static final List<Breakdown> BREAKDOWNS = List.of(Breakdown.of("department"), Breakdown.of("role"),
      Breakdown.of("tenure"), Breakdown.parse("role*tenure"), Breakdown.parse("department*gender"));
  private static final AnonymityPolicy K5 = AnonymityPolicy.withDefaults();

  @Test
  void theReportLeaksNothingAndShowsEverythingThatWouldBeSafe() {
    ResponseSet set = RealData.attrition();
    Report report = BelongingAnalysis.withDefaults(set.instrument()).withBreakdowns(BREAKDOWNS).analyze(set);
    ReportSchema.requireValid(report);
    DisclosureAudit audit = DisclosureAudit.of(K5).withLeakLimit(1);
    assertThat(audit.audit(set, report).isClean()).isTrue();

    // the minimum-size rule alone would leak here (role × tenure has small cells)
    Report naive = HandReports.report(set, BREAKDOWNS, K5,
        HandReports.minimumSizeOnly(set, BREAKDOWNS, K5, MissingPolicy.AT_LEAST_HALF));
    assertThat(audit.audit(set, naive).isClean()).isFalse();
    assertThat(report.suppressed(SuppressionReason.BELOW_K)).isPositive();
    assertThat(report.suppressed(SuppressionReason.COMPLEMENTARY)).isPositive();

    // maximal: showing any complementary segment, or any omitted figure with k or more contributors, leaks
    List<HandReports.Shown> shown = HandReports.shownBy(report);
    for (Segment s : HandReports.complementary(report)) {
      List<HandReports.Shown> more = new ArrayList<>(shown);
      more.add(new HandReports.Shown(s, Set.of(), Set.of(), Set.of()));
      assertThat(audit.audit(set, HandReports.report(set, BREAKDOWNS, K5, more)).isClean())
          .as("showing %s", s).isFalse();
    }
    int omitted = 0;
    for (int i = 0; i < shown.size(); i++) {
      HandReports.Shown s = shown.get(i);
      Map<Figure, Long> counts = HandReports.counts(set, s.segment(), MissingPolicy.AT_LEAST_HALF);
      for (Figure f : counts.keySet()) {
        boolean isShown = switch (f.kind()) {
          case HEADCOUNT, ANSWERS -> true;
          case SCORES -> s.dimensions().contains(f.id());
          case QUESTION -> s.questions().contains(f.id());
          case COMMENTS -> s.comments().contains(f.id());
        };
        if (isShown || counts.get(f) < K5.minGroupSize()) {
          continue;
        }
        Set<String> dims = new LinkedHashSet<>(s.dimensions());
        Set<String> qs = new LinkedHashSet<>(s.questions());
        (f.kind() == Figure.Kind.SCORES ? dims : qs).add(f.id());
        List<HandReports.Shown> more = new ArrayList<>(shown);
        more.set(i, new HandReports.Shown(s.segment(), dims, qs, s.comments()));
        assertThat(audit.audit(set, HandReports.report(set, BREAKDOWNS, K5, more)).isClean())
            .as("showing %s of %s", f, s.segment()).isFalse();
        omitted++;
      }
    }
    System.out.printf("attrition: %d segments, %d below k, %d complementary, %d omitted figures%n",
        report.segments().size(), report.suppressed(SuppressionReason.BELOW_K),
        report.suppressed(SuppressionReason.COMPLEMENTARY), omitted);
  }
}

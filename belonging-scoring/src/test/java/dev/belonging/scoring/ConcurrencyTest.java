package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportCsv;
import dev.belonging.scoring.report.ReportJson;
import dev.belonging.scoring.report.ReportText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One analysis configuration used from many threads at once, on different response sets, gives the same
 * reports as sequential use: {@link BelongingAnalysis} and the renderers keep no state between calls.
 */
class ConcurrencyTest {

  private static final BelongingAnalysis ANALYSIS = BelongingAnalysis.withDefaults(TinySurvey.INSTRUMENT)
      .withBreakdowns(Breakdown.of("team"), Breakdown.of("site"), Breakdown.parse("team*site"))
      .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(3).withCommentThreshold(4));

  /** The report in every rendering, so that a difference anywhere shows. */
  private static String render(Report report) {
    return ReportJson.toJson(report) + ReportCsv.render(report) + ReportText.render(report);
  }

  @Test
  void oneConfigurationFromManyThreadsGivesTheSequentialReports() throws Exception {
    List<ResponseSet> sets = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sets.add(ScoringProperties.generate(TinySurvey.INSTRUMENT, 12 + 37 * i, 1000 + i));
    }
    // large enough for the analysis to split its own pass into parallel parts, inside concurrent use
    sets.add(ScoringProperties.generate(TinySurvey.INSTRUMENT, 40_000, 7));
    sets.add(ScoringProperties.generate(TinySurvey.INSTRUMENT, 33_000, 8));

    List<String> sequential = new ArrayList<>();
    for (ResponseSet set : sets) {
      sequential.add(render(ANALYSIS.analyze(set)));
    }
    assertThat(sequential).doesNotHaveDuplicates();

    // every set three times, in a shuffled order, all tasks released at once
    List<Integer> order = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < sets.size(); i++) {
        order.add(i);
      }
    }
    Collections.shuffle(order, new Random(11));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i : order) {
        results.add(pool.submit(() -> {
          start.await();
          return render(ANALYSIS.analyze(sets.get(i)));
        }));
      }
      start.countDown();
      for (int t = 0; t < order.size(); t++) {
        int set = order.get(t);
        assertThat(results.get(t).get(5, TimeUnit.MINUTES)).as("report of set %d", set)
            .isEqualTo(sequential.get(set));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

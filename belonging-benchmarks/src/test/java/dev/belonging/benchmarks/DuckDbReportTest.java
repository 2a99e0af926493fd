package dev.belonging.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.report.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison is only worth its time if DuckDB's query computes what the library computes. */
class DuckDbReportTest {

  @TempDir
  Path dir;

  @Test
  void duckDbFindsTheLibrarysNumbersForEveryShownSegment() throws Exception {
    int respondents = 20_000;
    Path csv = dir.resolve("large.csv");
    LargeSurvey.writeCsv(csv, respondents, LargeSurvey.DEFAULT_SEED);
    ResponseSet set = LargeSurvey.responses(respondents, LargeSurvey.DEFAULT_SEED);
    Path report = dir.resolve("report.json");
    Files.writeString(report, ReportJson.toJson(BelongingAnalysis.withDefaults(set.instrument())
        .withBreakdowns(LargeSurvey.breakdowns()).analyze(set)));

    List<SegmentNumbers> library = SegmentNumbers.fromReportJson(report);
    List<SegmentNumbers> duckdb = DuckDbReport.run(csv, 2);

    // population + 200 + 5 + 12 + 3 + 4 + 6 segments at least, each with 5 dimensions
    assertThat(library.size()).isGreaterThan(5 * 231);
    SegmentNumbers.Comparison comparison = SegmentNumbers.compare(library, duckdb, 1e-9);
    assertThat(comparison.mismatches()).isEmpty();
    assertThat(comparison.agrees()).isTrue();
    assertThat(comparison.compared()).isEqualTo(library.size());
  }

  @Test
  void theNumbersSurviveTheirFile() throws Exception {
    Path csv = dir.resolve("large.csv");
    LargeSurvey.writeCsv(csv, 500, 3);
    List<SegmentNumbers> numbers = DuckDbReport.run(csv, 1);
    Path tsv = dir.resolve("duckdb.tsv");
    SegmentNumbers.write(numbers, tsv);
    assertThat(SegmentNumbers.read(tsv)).isEqualTo(numbers);
  }
}

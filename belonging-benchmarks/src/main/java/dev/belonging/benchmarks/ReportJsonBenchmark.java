package dev.belonging.benchmarks;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportJson;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering the side-by-side report (1 M respondents, eleven breakdowns, about 1,900 segments) as JSON,
 * the command line's last step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class ReportJsonBenchmark {

  /** How many respondents. */
  @Param({"1000000"})
  public int respondents;

  private Report report;

  /** Builds the report. */
  @Setup
  public void setUp() {
    ResponseSet set = LargeSurvey.responses(respondents, LargeSurvey.DEFAULT_SEED);
    report = BelongingAnalysis.withDefaults(set.instrument()).withBreakdowns(LargeSurvey.breakdowns())
        .analyze(set);
  }

  /**
   * Renders the report.
   *
   * @return the JSON
   */
  @Benchmark
  public String reportJson() {
    return ReportJson.toJson(report);
  }
}

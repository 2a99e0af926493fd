package dev.belonging.benchmarks;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.report.Report;
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
 * The whole analysis of the side-by-side report, in process: {@link BelongingAnalysis#analyze} with the
 * eleven breakdowns (scoring, segment statistics, suppression, reliability and whatever else the analysis
 * does, the disclosure guard included), on 100 k, 1 M and 4 M respondents to show how its cost grows. An
 * operation takes up to a second, so the warm-up is long enough for a few dozen of them: with three
 * iterations of two seconds the first measured iteration was still being compiled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseParallelGC"})
public class AnalyzeBenchmark {

  /** How many respondents. */
  @Param({"100000", "1000000", "4000000"})
  public int respondents;

  private ResponseSet set;
  private BelongingAnalysis analysis;

  /** Builds the response set and the analysis. */
  @Setup
  public void setUp() {
    set = LargeSurvey.responses(respondents, LargeSurvey.DEFAULT_SEED);
    analysis = BelongingAnalysis.withDefaults(set.instrument()).withBreakdowns(LargeSurvey.breakdowns());
  }

  /**
   * Analyses the set with the eleven breakdowns.
   *
   * @return the report
   */
  @Benchmark
  public Report analyze() {
    return analysis.analyze(set);
  }
}

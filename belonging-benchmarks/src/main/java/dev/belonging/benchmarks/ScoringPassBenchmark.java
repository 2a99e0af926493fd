package dev.belonging.benchmarks;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.MissingPolicy;
import dev.belonging.scoring.internal.ScoringPass;
import dev.belonging.scoring.internal.StatisticsLayout;
import java.util.List;
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
 * The one pass over the answers ({@code ScoringPass}): every respondent's five dimension scores and the
 * sufficient statistics of the population (0 breakdowns: the scoring pass alone) and of every segment of
 * the first N breakdowns of the side-by-side report (segment statistics). Respondents per second is the
 * set's size divided by the time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class ScoringPassBenchmark {

  /** How many respondents. */
  @Param({"1000000"})
  public int respondents;

  /** How many of the eleven breakdowns, besides the population. */
  @Param({"0", "1", "6", "11"})
  public int breakdowns;

  private ResponseSet set;
  private StatisticsLayout layout;
  private List<Breakdown> chosen;

  /** Builds the response set. */
  @Setup
  public void setUp() {
    set = LargeSurvey.responses(respondents, LargeSurvey.DEFAULT_SEED);
    layout = new StatisticsLayout(set.instrument(), MissingPolicy.AT_LEAST_HALF);
    chosen = LargeSurvey.breakdowns(breakdowns);
  }

  /**
   * Runs the pass over every row.
   *
   * @return the sums, so that they are not optimised away
   */
  @Benchmark
  public ScoringPass.Result pass() {
    return ScoringPass.run(layout, set, chosen, 0, set.size());
  }
}

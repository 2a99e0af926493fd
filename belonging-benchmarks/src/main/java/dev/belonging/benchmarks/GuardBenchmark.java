package dev.belonging.benchmarks;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.privacy.Disclosure;
import dev.belonging.scoring.privacy.DisclosureGuard;
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
 * The disclosure guard alone on the side-by-side report: the eleven breakdowns of {@link LargeSurvey} (about
 * 1,900 candidate segments over the six-attribute cross-classification), k = 5. Its cost depends on the
 * atoms and segments, not directly on the respondents: 20 k respondents give a sparse cross-classification
 * (most atoms hold one person), 1 M a dense one (about 600,000 atoms, nearly all below k).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseParallelGC"})
public class GuardBenchmark {

  /** How many respondents. */
  @Param({"20000", "1000000"})
  public int respondents;

  private ResponseSet set;
  private List<Breakdown> breakdowns;
  private DisclosureGuard guard;

  /** Builds the response set and the guard. */
  @Setup
  public void setUp() {
    set = LargeSurvey.responses(respondents, LargeSurvey.DEFAULT_SEED);
    breakdowns = LargeSurvey.breakdowns();
    guard = DisclosureGuard.of(AnonymityPolicy.withDefaults());
  }

  /**
   * Decides what the report may publish.
   *
   * @return the decisions
   */
  @Benchmark
  public Disclosure guard() {
    return guard.guard(set, breakdowns);
  }
}

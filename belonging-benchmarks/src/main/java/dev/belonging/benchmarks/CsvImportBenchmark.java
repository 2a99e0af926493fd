package dev.belonging.benchmarks;

import dev.belonging.core.io.ImportResult;
import dev.belonging.core.io.ResponseCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Importing the large survey's CSV ({@link ResponseCsv#read(Path)}) into a response set: the time of one
 * whole file. Divide the file size ({@link Benchmarks#csvBytes}) by it for MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class CsvImportBenchmark {

  /** How many respondents the file has. */
  @Param({"1000000"})
  public int respondents;

  private Path file;
  private ResponseCsv reader;

  /**
   * Writes the file (once per directory, see {@link LargeSurvey#cachedCsv}).
   *
   * @throws IOException if it cannot be written
   */
  @Setup
  public void setUp() throws IOException {
    file = LargeSurvey.cachedCsv(Benchmarks.dataDirectory(), respondents, LargeSurvey.DEFAULT_SEED);
    reader = ResponseCsv.withDefaults(LargeSurvey.instrument());
    Files.size(file);
  }

  /**
   * Imports the whole file.
   *
   * @return the result, so that it is not optimised away
   * @throws IOException if the file cannot be read
   */
  @Benchmark
  public ImportResult importCsv() throws IOException {
    return reader.read(file);
  }
}

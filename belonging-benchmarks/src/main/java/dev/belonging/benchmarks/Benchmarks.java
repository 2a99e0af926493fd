package dev.belonging.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every JMH benchmark of this module and prints their results in the units of the targets: import
 * in MB/s, the scoring pass in respondents and answers per second, segment statistics per number of
 * breakdowns, and {@code analyze} on 100 k, 1 M and 4 M respondents with its deviation from proportional.
 *
 * <p>Each benchmark forks one JVM with a fixed heap and the parallel collector, as the command line's
 * launcher runs: with G1 on two processors, a concurrent marking cycle took one of them for whole
 * iterations, which then took two to three times as long.
 *
 * <p>{@code java -cp belonging-benchmarks/target/belonging-benchmarks.jar
 * dev.belonging.benchmarks.Benchmarks [JMH include regex]}. The data files go to
 * {@link #dataDirectory()}.
 */
public final class Benchmarks {

  /** The system property that names the directory of the generated data files. */
  public static final String DATA_DIRECTORY_PROPERTY = "belonging.benchmarks.data";

  private Benchmarks() {}

  /**
   * Returns where generated data files go: the system property {@value #DATA_DIRECTORY_PROPERTY}, else
   * {@code belonging-benchmarks/target/side-by-side} when run from the project root, else a directory
   * under the temporary directory.
   *
   * @return the directory
   */
  public static Path dataDirectory() {
    String property = System.getProperty(DATA_DIRECTORY_PROPERTY);
    if (property != null) {
      return Path.of(property);
    }
    if (Files.isDirectory(Path.of("belonging-benchmarks"))) {
      return Path.of("belonging-benchmarks", "target", "side-by-side");
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "belonging-benchmarks");
  }

  /**
   * Returns the size of the large survey's CSV file.
   *
   * @param respondents how many respondents
   * @return the size in bytes
   * @throws IOException if the file cannot be written
   */
  public static long csvBytes(int respondents) throws IOException {
    return Files.size(LargeSurvey.cachedCsv(dataDirectory(), respondents, LargeSurvey.DEFAULT_SEED));
  }

  /**
   * Runs the benchmarks and prints the summary.
   *
   * @param args optionally a JMH include pattern (default: every benchmark of this module)
   * @throws Exception if JMH fails
   */
  public static void main(String[] args) throws Exception {
    String include = args.length > 0 ? args[0] : Benchmarks.class.getPackageName() + "\\..*Benchmark.*";
    Path data = dataDirectory().toAbsolutePath();
    Options options = new OptionsBuilder()
        .include(include)
        .jvmArgsAppend("-D" + DATA_DIRECTORY_PROPERTY + "=" + data)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    List<String> lines = new ArrayList<>();
    Map<String, Double> analyzeMs = new HashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      double ms = r.getPrimaryResult().getScore();
      double error = r.getPrimaryResult().getScoreError();
      int n = Integer.parseInt(r.getParams().getParam("respondents"));
      String line = String.format(Locale.ROOT, "%-34s %,10d respondents  %9.1f ± %.1f ms", name
          + paramSuffix(r), n, ms, error);
      if (name.startsWith("CsvImportBenchmark")) {
        line += String.format(Locale.ROOT, "  %6.0f MB/s", csvBytes(n) / 1e6 / (ms / 1e3));
      } else if (name.startsWith("ScoringPassBenchmark")) {
        int items = LargeSurvey.DIMENSIONS.size() * LargeSurvey.ITEMS_PER_DIMENSION;
        line += String.format(Locale.ROOT, "  %5.1f M respondents/s  %6.1f M answer cells/s",
            n / 1e3 / ms, (double) n * items / 1e3 / ms);
      } else if (name.equals("AnalyzeBenchmark.analyze")) {
        analyzeMs.put(Integer.toString(n), ms);
        line += String.format(Locale.ROOT, "  %5.2f µs per respondent", ms * 1e3 / n);
      }
      lines.add(line);
    }
    System.out.println();
    System.out.println("Summary (" + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + ", " + Runtime.getRuntime().availableProcessors() + " processors):");
    lines.forEach(System.out::println);
    Double small = analyzeMs.get("100000");
    Double medium = analyzeMs.get("1000000");
    Double large = analyzeMs.get("4000000");
    if (small != null && medium != null && large != null) {
      System.out.printf(Locale.ROOT, "analyze, time per respondent relative to 1 M: 100 k %.2f, 4 M %.2f%n",
          (small / 1e5) / (medium / 1e6), (large / 4e6) / (medium / 1e6));
    }
  }

  private static String paramSuffix(RunResult r) {
    String b = r.getParams().getParam("breakdowns");
    return b == null ? "" : " [" + b + " breakdowns]";
  }
}

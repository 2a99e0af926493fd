package dev.belonging.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times the command line's {@code report} against DuckDB on the same large file, each as a whole process,
 * and checks that both found the same numbers.
 *
 * <p>It writes (once; later runs reuse them) the {@link LargeSurvey} CSV of 1,000,000 respondents and its
 * instrument file, then runs, in turn and {@code --runs} times each:
 * <ul>
 *   <li>the command line as shipped, through its launcher: {@code belonging-examples/bin/belonging report
 *       --instrument … --responses … --by <the 11 breakdowns> --format json --out …} (the launcher runs
 *       {@code java -XX:TieredStopAtLevel=1 -XX:Tier3BackEdgeThreshold=10000 -XX:+UseParallelGC -jar
 *       belonging-cli.jar}, with this JVM as {@code JAVA_HOME}; {@code belonging.cmd} on Windows);
 *   <li>the same jar with the JVM's defaults: {@code java -jar belonging-examples/target/belonging-cli.jar
 *       report …};
 *   <li>{@code java -cp <this classpath> dev.belonging.benchmarks.DuckDbReport …}: DuckDB with
 *       {@code SET threads=2}, {@code CREATE TABLE … AS SELECT * FROM read_csv(…)} and one
 *       {@code GROUPING SETS} query ({@link DuckDbReport}).
 * </ul>
 * Each time is the wall-clock time from starting the process to its exit. It prints every run, the best
 * and the median of each side, their ratios to DuckDB, the load average before and after, the command
 * line's steps timed one by one in one more fresh JVM ({@link CliPhases}), whether both command lines wrote
 * the same report byte for byte, and the comparison of every shown segment's counts, means, sds and
 * favorable shares with DuckDB's (to 1e-9). It exits with 1 when the numbers differ or a process fails.
 *
 * <p>Options: {@code --respondents N} (1000000), {@code --seed S}, {@code --runs R} (3), {@code --dir D}
 * (where the files go, {@code belonging-benchmarks/target/side-by-side}), {@code --cli JAR}
 * ({@code belonging-examples/target/belonging-cli.jar}), {@code --launcher SCRIPT}
 * ({@code belonging-examples/bin/belonging}), {@code --cli-java-options "-Xmx512m …"} (more JVM options
 * for both command lines' processes; the launcher gets them in {@code BELONGING_JAVA_OPTS}),
 * {@code --threads T} (DuckDB's threads, 2).
 */
public final class SideBySide {

  /** The JVM options the launcher ({@code belonging-examples/bin/belonging}) gives; a test keeps them equal. */
  static final List<String> LAUNCHER_OPTIONS = List.of("-XX:TieredStopAtLevel=1",
      "-XX:Tier3BackEdgeThreshold=10000", "-XX:+UseParallelGC");

  private SideBySide() {}

  /**
   * Runs the comparison.
   *
   * @param args the options
   * @throws Exception if a file cannot be written or a process cannot be started
   */
  public static void main(String[] args) throws Exception {
    int respondents = LargeSurvey.DEFAULT_RESPONDENTS;
    long seed = LargeSurvey.DEFAULT_SEED;
    int runs = 3;
    int threads = 2;
    Path dir = Path.of("belonging-benchmarks", "target", "side-by-side");
    Path cli = Path.of("belonging-examples", "target", "belonging-cli.jar");
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    Path launcher = Path.of("belonging-examples", "bin", windows ? "belonging.cmd" : "belonging");
    List<String> cliOptions = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--respondents" -> respondents = Integer.parseInt(required(args[i], value));
        case "--seed" -> seed = Long.parseLong(required(args[i], value));
        case "--runs" -> runs = Integer.parseInt(required(args[i], value));
        case "--threads" -> threads = Integer.parseInt(required(args[i], value));
        case "--dir" -> dir = Path.of(required(args[i], value));
        case "--cli" -> cli = Path.of(required(args[i], value));
        case "--launcher" -> launcher = Path.of(required(args[i], value));
        case "--cli-java-options" -> cliOptions.addAll(Arrays.asList(required(args[i], value).trim()
            .split("\\s+")));
        default -> {
          System.err.println("unknown option " + args[i] + "; see the Javadoc of " + SideBySide.class.getName());
          System.exit(2);
        }
      }
      i++;
    }
    if (!Files.isRegularFile(cli)) {
      System.err.println("no command line at " + cli.toAbsolutePath() + ": build it first with "
          + "`mvn -B -q -DskipTests package` in the project root, or give --cli JAR");
      System.exit(2);
    }
    if (!Files.isRegularFile(launcher)) {
      System.err.println("no launcher at " + launcher.toAbsolutePath() + ": run from the project root, or give "
          + "--launcher SCRIPT");
      System.exit(2);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    long t0 = System.nanoTime();
    Path csv = LargeSurvey.cachedCsv(dir, respondents, seed);
    Path instrument = LargeSurvey.cachedInstrument(dir);
    System.out.printf(Locale.ROOT, "data: %s (%,d respondents, %.1f MB), ready in %.1f s%n", csv,
        respondents, Files.size(csv) / 1e6, (System.nanoTime() - t0) / 1e9);
    warmPageCache(csv);

    Path cliOut = dir.resolve("cli-report.json");
    Path plainOut = dir.resolve("cli-defaults-report.json");
    Path duckOut = dir.resolve("duckdb.tsv");
    List<String> report = List.of("report", "--instrument", instrument.toString(), "--responses",
        csv.toString(), "--by", LargeSurvey.BY, "--format", "json", "--out");
    List<String> launched = new ArrayList<>(windows
        ? List.of("cmd", "/c", launcher.toString()) : List.of(launcher.toString()));
    launched.addAll(report);
    launched.add(cliOut.toString());
    List<String> plain = new ArrayList<>(List.of(java));
    plain.addAll(cliOptions);
    plain.addAll(List.of("-jar", cli.toString()));
    plain.addAll(report);
    plain.add(plainOut.toString());
    Map<String, String> launcherEnvironment = Map.of("JAVA_HOME", System.getProperty("java.home"),
        "BELONGING_JAVA_OPTS", String.join(" ", cliOptions));
    List<String> duckCommand = List.of(java, "-cp", System.getProperty("java.class.path"),
        DuckDbReport.class.getName(), csv.toString(), duckOut.toString(), Integer.toString(threads));

    System.out.println("command line: " + String.join(" ", launched) + "  (JAVA_HOME="
        + launcherEnvironment.get("JAVA_HOME") + ", BELONGING_JAVA_OPTS=\""
        + launcherEnvironment.get("BELONGING_JAVA_OPTS") + "\")");
    System.out.println("JVM defaults: " + String.join(" ", plain));
    System.out.println("DuckDB:       " + String.join(" ", duckCommand));
    System.out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());
    double[] cliTimes = new double[runs];
    double[] plainTimes = new double[runs];
    double[] duckTimes = new double[runs];
    for (int r = 0; r < runs; r++) {
      cliTimes[r] = time(launched, launcherEnvironment, dir.resolve("cli.log"));
      plainTimes[r] = time(plain, Map.of(), dir.resolve("cli-defaults.log"));
      duckTimes[r] = time(duckCommand, Map.of(), dir.resolve("duckdb.log"));
      System.out.printf(Locale.ROOT, "run %d: command line %.3f s, JVM defaults %.3f s, DuckDB %.3f s, "
          + "ratio %.3f (JVM defaults %.3f)%n", r + 1, cliTimes[r], plainTimes[r], duckTimes[r],
          cliTimes[r] / duckTimes[r], plainTimes[r] / duckTimes[r]);
    }
    System.out.printf(Locale.ROOT, "load average after:  %s%n", loadAverage());
    double[] c = cliTimes.clone();
    double[] j = plainTimes.clone();
    double[] d = duckTimes.clone();
    Arrays.sort(c);
    Arrays.sort(j);
    Arrays.sort(d);
    System.out.printf(Locale.ROOT, "best:   command line %.3f s, JVM defaults %.3f s, DuckDB %.3f s, "
        + "ratio %.3f (JVM defaults %.3f)%n", c[0], j[0], d[0], c[0] / d[0], j[0] / d[0]);
    System.out.printf(Locale.ROOT, "median: command line %.3f s, JVM defaults %.3f s, DuckDB %.3f s, "
        + "ratio %.3f (JVM defaults %.3f)%n", median(c), median(j), median(d), median(c) / median(d),
        median(j) / median(d));

    // where the command line's time goes, in one more fresh JVM with the launcher's options (same classes,
    // run in this jar)
    List<String> phases = new ArrayList<>(List.of(java));
    phases.addAll(LAUNCHER_OPTIONS);
    phases.addAll(cliOptions);
    phases.addAll(List.of("-cp", System.getProperty("java.class.path"),
        CliPhases.class.getName(), instrument.toString(), csv.toString(), dir.resolve("phases.json").toString(),
        LargeSurvey.BY));
    Process p = new ProcessBuilder(phases).redirectErrorStream(true).start();
    String phaseLine = new String(p.getInputStream().readAllBytes()).lines()
        .filter(l -> l.startsWith("JVM start")).findFirst().orElse("(no output)");
    p.waitFor();
    System.out.println("command line's steps, in process: " + phaseLine);

    boolean same = Arrays.equals(Files.readAllBytes(cliOut), Files.readAllBytes(plainOut));
    System.out.println("both command lines wrote the same report: " + (same ? "yes" : "NO"));
    SegmentNumbers.Comparison comparison = SegmentNumbers.compare(SegmentNumbers.fromReportJson(cliOut),
        SegmentNumbers.read(duckOut), 1e-9);
    System.out.println("same numbers (to 1e-9): " + (comparison.agrees() ? "yes" : "NO") + "; "
        + comparison);
    if (!same || !comparison.agrees()) {
      System.exit(1);
    }
  }

  private static String required(String option, String value) {
    if (value == null) {
      System.err.println(option + " needs a value");
      System.exit(2);
    }
    return value;
  }

  /** Runs a process to its end and returns its wall-clock time in seconds; exits if it fails. */
  private static double time(List<String> command, Map<String, String> environment, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(environment);
    long start = System.nanoTime();
    Process p = pb.start();
    int exit = p.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      System.err.println("exit code " + exit + " from: " + String.join(" ", command));
      System.err.println(Files.readString(log));
      System.exit(1);
    }
    return seconds;
  }

  private static void warmPageCache(Path file) throws IOException {
    byte[] buf = new byte[1 << 20];
    try (var in = Files.newInputStream(file)) {
      while (in.read(buf) >= 0) {
        // read only to have the file in the page cache for both sides
      }
    }
  }

  private static String loadAverage() {
    File f = new File("/proc/loadavg");
    try {
      return f.isFile() ? Files.readString(f.toPath()).trim() : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

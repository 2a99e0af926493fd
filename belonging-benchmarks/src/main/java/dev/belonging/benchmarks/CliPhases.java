package dev.belonging.benchmarks;

import dev.belonging.core.io.ImportResult;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Instrument;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportJson;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the command line's time goes: the steps of {@code belonging report} (read the instrument, import
 * the responses, analyse, write the JSON file), timed one by one in a fresh JVM, as the command line
 * runs them, after the JVM's own start.
 *
 * <p>{@code java -cp belonging-benchmarks/target/belonging-benchmarks.jar dev.belonging.benchmarks.CliPhases
 * INSTRUMENT.json RESPONSES.csv OUT.json [BY]}; {@link SideBySide} runs it once after its timings.
 */
public final class CliPhases {

  private CliPhases() {}

  /**
   * Runs the steps and prints their times.
   *
   * @param args the instrument file, the responses file, the output file and optionally the breakdowns
   *     (default {@link LargeSurvey#BY})
   * @throws Exception if a step fails
   */
  public static void main(String[] args) throws Exception {
    long main = System.currentTimeMillis();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    List<Breakdown> breakdowns = new ArrayList<>();
    for (String b : (args.length > 3 ? args[3] : LargeSurvey.BY).split(",")) {
      breakdowns.add(Breakdown.parse(b));
    }
    long[] cpu = new long[5];
    cpu[0] = cpu();
    long t0 = System.nanoTime();
    Instrument instrument = InstrumentJson.read(Path.of(args[0]));
    long t1 = System.nanoTime();
    cpu[1] = cpu();
    ImportResult imported = ResponseCsv.withDefaults(instrument).read(Path.of(args[1]));
    long t2 = System.nanoTime();
    cpu[2] = cpu();
    Report report = BelongingAnalysis.withDefaults(instrument).withBreakdowns(breakdowns)
        .analyze(imported.responses(), imported.problems());
    long t3 = System.nanoTime();
    cpu[3] = cpu();
    // as the command line writes a JSON report: streamed into the file, never held as one string
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[2])), 1 << 16)) {
      ReportJson.write(report, out);
    }
    long t4 = System.nanoTime();
    cpu[4] = cpu();
    long size = Files.size(Path.of(args[1]));
    System.out.printf(Locale.ROOT, "JVM start to main %d ms | instrument %.0f ms | import %.0f ms (%.0f MB/s) "
        + "| analyze %.0f ms | JSON written %.0f ms (%.1f MB) | total after main %.0f ms%n",
        main - jvmStart, ms(t0, t1), ms(t1, t2), size / 1e6 / (ms(t1, t2) / 1e3), ms(t2, t3), ms(t3, t4),
        Files.size(Path.of(args[2])) / 1e6, ms(t0, t4));
    // processor time of the whole process (every thread, the JIT's included) during each step
    System.out.printf(Locale.ROOT, "processor time, all threads: instrument %.0f ms | import %.0f ms "
        + "| analyze %.0f ms | JSON written %.0f ms (%d processors)%n", ms(cpu[0], cpu[1]), ms(cpu[1], cpu[2]),
        ms(cpu[2], cpu[3]), ms(cpu[3], cpu[4]), Runtime.getRuntime().availableProcessors());
  }

  /** The process's processor time so far, in nanoseconds, or 0 where the JVM does not tell it. */
  private static long cpu() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }

  private static double ms(long from, long to) {
    return (to - from) / 1e6;
  }
}

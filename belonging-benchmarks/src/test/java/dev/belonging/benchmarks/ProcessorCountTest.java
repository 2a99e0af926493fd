package dev.belonging.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import, the scoring pass, the contrasts and the figures' decisions split their work by the number of
 * processors; the report must not depend on it. The same file gives the same JSON, byte for byte, in a JVM
 * that sees one processor and in one that sees three, each as the command line runs the steps
 * ({@link CliPhases}).
 */
class ProcessorCountTest {

  @TempDir
  Path dir;

  @Test
  void oneProcessorAndThreeWriteTheSameReport() throws Exception {
    // large enough that every split happens: two import chunks of 4 MiB, atoms for several contrast parts
    Path csv = LargeSurvey.cachedCsv(dir, 60_000, LargeSurvey.DEFAULT_SEED);
    Path instrument = LargeSurvey.cachedInstrument(dir);
    assertThat(Files.size(csv)).isGreaterThan(4L << 20);
    byte[] one = report(instrument, csv, 1);
    byte[] three = report(instrument, csv, 3);
    assertThat(one.length).isGreaterThan(100_000);
    assertThat(Arrays.mismatch(one, three)).as("first differing byte of the two reports").isEqualTo(-1);
  }

  private byte[] report(Path instrument, Path csv, int processors) throws Exception {
    Path out = dir.resolve("report-" + processors + ".json");
    Path log = dir.resolve("log-" + processors + ".txt");
    Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-XX:ActiveProcessorCount=" + processors, "-cp", System.getProperty("java.class.path"),
        CliPhases.class.getName(), instrument.toString(), csv.toString(), out.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
    assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("(" + processors + " processors)");
    return Files.readAllBytes(out);
  }
}

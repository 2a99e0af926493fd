package dev.belonging.benchmarks;

import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.ResponseSet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures the heap a response set of the large survey occupies: heap in use after a full collection,
 * before and after importing the CSV, while the set is held.
 *
 * <p>{@code java -cp belonging-benchmarks/target/belonging-benchmarks.jar
 * dev.belonging.benchmarks.ResponseSetHeap [respondents]}.
 */
public final class ResponseSetHeap {

  private ResponseSetHeap() {}

  /**
   * Imports the file and prints the heap it holds.
   *
   * @param args optionally the number of respondents (default 1,000,000)
   * @throws Exception if the file cannot be written or read
   */
  public static void main(String[] args) throws Exception {
    int respondents = args.length > 0 ? Integer.parseInt(args[0]) : LargeSurvey.DEFAULT_RESPONDENTS;
    Path csv = LargeSurvey.cachedCsv(Benchmarks.dataDirectory(), respondents, LargeSurvey.DEFAULT_SEED);
    ResponseCsv reader = ResponseCsv.withDefaults(LargeSurvey.instrument());
    // load the classes and the instrument's caches first, so that only the set is counted
    reader.read(LargeSurvey.cachedCsv(Benchmarks.dataDirectory(), 1000, LargeSurvey.DEFAULT_SEED));
    long before = usedAfterGc();
    ResponseSet set = reader.read(csv).responses();
    long after = usedAfterGc();
    System.out.printf(Locale.ROOT, "%,d respondents × %d answers × %d attributes: %.1f MB (%,d bytes) "
        + "of heap after a full GC%n", set.size(), set.instrument().questions().size(),
        set.attributeNames().size(), (after - before) / 1e6, after - before);
    if (set.size() != respondents) {
      throw new IllegalStateException("imported " + set.size() + " respondents, not " + respondents);
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}

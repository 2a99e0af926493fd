package dev.belonging.scoring;

import dev.belonging.core.io.ImportResult;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled real data sets of {@code shared/data}, read through the library's own readers
 * ({@link InstrumentJson}, {@link ResponseCsv}) exactly as a user would, and cached.
 */
public final class RealData {

  private static final Map<String, ResponseSet> CACHE = new ConcurrentHashMap<>();
  private static volatile Path dataDirectory;

  private RealData() {}

  /**
   * Returns lq2002.csv: 2042 soldiers in 49 companies (attribute {@code company}), no missing answers.
   *
   * @return the responses
   */
  public static ResponseSet lq2002() {
    return load("lq2002.csv", "lq2002.instrument.json");
  }

  /**
   * Returns lq2002_missing.csv: the same soldiers with 6 % of answers blanked and 40 who skipped every
   * hostility item.
   *
   * @return the responses
   */
  public static ResponseSet lq2002Missing() {
    return load("lq2002_missing.csv", "lq2002.instrument.json");
  }

  /**
   * Returns attrition.csv: 1470 employees with department, role, gender, overtime, tenure, travel and left.
   *
   * @return the responses
   */
  public static ResponseSet attrition() {
    return load("attrition.csv", "attrition.instrument.json");
  }

  /**
   * Returns a file of the shared data directory.
   *
   * @param name the file name
   * @return the path
   * @throws IllegalStateException if the directory or the file does not exist
   */
  public static Path dataFile(String name) {
    Path file = dataDirectory().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("the data file " + file + " does not exist");
    }
    return file;
  }

  private static ResponseSet load(String responses, String instrument) {
    return CACHE.computeIfAbsent(responses, name -> {
      try {
        Instrument inst = InstrumentJson.read(dataFile(instrument));
        ImportResult result = ResponseCsv.withDefaults(inst).read(dataFile(name));
        if (!result.problems().isEmpty()) {
          throw new IllegalStateException(name + " has problems: " + result.problems());
        }
        return result.responses();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static Path dataDirectory() {
    Path found = dataDirectory;
    if (found == null) {
      Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve("shared/data/README.md"))) {
          found = dir.resolve("shared/data");
          break;
        }
      }
      if (found == null) {
        throw new IllegalStateException("no directory shared/data/README.md in " + start
            + " or any directory above it; the real data sets are expected in shared/data beside the"
            + " project's clone");
      }
      dataDirectory = found;
    }
    return found;
  }
}

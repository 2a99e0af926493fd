package dev.belonging.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared sample data ({@code shared/data}) for tests, wherever the repository was cloned: it
 * walks up from the working directory to the first directory that contains
 * {@code shared/data/README.md}.
 */
public final class SharedData {

  private SharedData() {}

  /**
   * Returns the shared data directory.
   *
   * @return the directory
   * @throws AssertionError if no directory above the working directory holds {@code shared/data/README.md}
   */
  public static Path dir() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isRegularFile(candidate.resolve("README.md"))) {
        return candidate;
      }
    }
    throw new AssertionError("no shared/data/README.md in " + start + " or any directory above it; "
        + "the tests need the shared sample data beside the repository");
  }

  /**
   * Returns a file of the shared data directory.
   *
   * @param name the file name, such as {@code lq2002.csv}
   * @return the file
   * @throws AssertionError if the directory or the file does not exist
   */
  public static Path file(String name) {
    Path file = dir().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("no file " + name + " in " + file.getParent());
    }
    return file;
  }
}

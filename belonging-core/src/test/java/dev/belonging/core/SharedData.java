package dev.belonging.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's shared data directory, {@code shared/data} beside the checkout, by walking up from
 * the working directory until a directory holds {@code shared/data/README.md}.
 */
public final class SharedData {

  private SharedData() {}

  /**
   * Returns the shared data directory.
   *
   * @return the directory
   * @throws IllegalStateException if no parent of the working directory has {@code shared/data/README.md}
   */
  public static Path dir() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isRegularFile(candidate.resolve("README.md"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no shared/data/README.md in " + start + " or any parent directory: the shared data is missing");
  }

  /**
   * Returns a file of the shared data directory.
   *
   * @param name the file name, such as {@code lq2002.csv}
   * @return the path (the file may not exist)
   */
  public static Path file(String name) {
    return dir().resolve(name);
  }
}

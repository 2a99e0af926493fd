package dev.belonging.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's shared data directory ({@code shared/data} beside the checkout). */
public final class SharedData {

  private SharedData() {}

  /** Returns the directory, walking up from the working directory. */
  public static Path dir() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isRegularFile(candidate.resolve("README.md"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/data/README.md in " + start + " or any parent directory");
  }

  /** Returns a file of the shared data directory. */
  public static Path file(String name) {
    return dir().resolve(name);
  }
}

package dev.belonging.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a real process and collects its exit code, standard output and standard error; splits
 * the command lines the command line prints into their words.
 */
public final class Processes {

  /** How long a process may run before it is stopped: a guard against a hung process, not a timing. */
  static final long LIMIT_SECONDS = 300;

  /** A finished process. */
  record Result(int code, String out, String err) {}

  private Processes() {}

  /**
   * Runs a command to its end.
   *
   * @param command the command and its arguments
   * @param directory the working directory
   * @param environment variables to set (others are inherited), a value of null removes one
   * @return the result
   */
  static Result run(List<String> command, Path directory, Map<String, String> environment) {
    try {
      Path out = Files.createTempFile("process-", ".out");
      Path err = Files.createTempFile("process-", ".err");
      try {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        environment.forEach((name, value) -> {
          if (value == null) {
            pb.environment().remove(name);
          } else {
            pb.environment().put(name, value);
          }
        });
        Process p = pb.start();
        if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(command + " did not end within " + LIMIT_SECONDS + " s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * Splits a command line as a shell does for what the command line prints: at spaces, except inside
   * double quotes, which are removed.
   *
   * @param line the command line
   * @return its words
   */
  public static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        words.add(word.toString());
        word.setLength(0);
      } else {
        word.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("an unclosed quote in " + line);
    }
    words.add(word.toString());
    return words;
  }
}

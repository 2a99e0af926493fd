package dev.belonging.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's code is a complete class that compiles against the library and runs (as its own process), and its output is
 * right; the examples the README lists are the ones in {@code examples/}: the docs cannot drift.
 */
class ReadmeTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path EXAMPLES = Path.of("examples");

  /** How long the README's program may run before it is stopped: a guard against a hung process. */
  private static final long LIMIT_SECONDS = 300;

  @TempDir
  Path tmp;

  static String readme() throws Exception {
    return Files.readString(README, StandardCharsets.UTF_8);
  }

  @Test
  void theReadmeClassCompilesRunsAndPrintsTheRightNumbers() throws Exception {
    // the block of the "Use it as a library" section (the Beam section's block is belonging-beam's test)
    String section = readme().split("\n## Use it as a library\n", 2)[1].split("\n## ", 2)[0];
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(block.find()).as("a java block in the README's library section").isTrue();
    String source = block.group(1);
    assertThat(block.find()).as("one java block in the README's library section").isFalse();
    Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
    assertThat(name.find()).as("a public class").isTrue();

    Path file = Files.writeString(Files.createDirectories(tmp.resolve("src")).resolve(name.group(1) + ".java"),
        source);
    Path json = tmp.resolve("report.json");
    String out = run(file, "samples/acme-shkv.csv", json.toString());
    List<String> lines = out.lines().toList();
    // Python 3: the mean of the 399 "seen" scores of samples/acme-shkv.csv (mean of the answered items after
    // reverse coding, at least half answered): numpy.mean(scores) = 3.194235588972431
    assertThat(lines.get(0)).startsWith("all: seen ");
    assertThat(Double.parseDouble(lines.get(0).substring("all: seen ".length())))
        .isCloseTo(3.194235588972431, within(1e-12));
    assertThat(lines).contains("team=T05: hidden, fewer than 5 respondents");
    // SciPy 1.17: r = scipy.stats.ttest_ind(t04, rest, equal_var=False) over the "seen" scores of T04 and of
    // everyone else; mean(t04) - mean(rest) = -0.9791484397783616, r.confidence_interval(0.95) =
    // (-1.2321908245155129, -0.7261060550412104)
    assertThat(lines).contains("team=T04 differs on seen by -0.98 (95% CI -1.23 to -0.73)");
    assertThat(Files.readString(json)).contains("\"schemaVersion\" : 1");
  }

  @Test
  void theReadmeListsEveryExampleAndEveryListedExampleExists() throws Exception {
    String all = readme();
    int start = all.indexOf("## Examples");
    assertThat(start).as("an Examples section").isNotNegative();
    String readme = all.substring(start, all.indexOf("\n## ", start + 1));
    List<String> files;
    try (Stream<Path> list = Files.list(EXAMPLES)) {
      files = list.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".java")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (String f : files) {
      assertThat(readme).as("README mentions %s", f).contains("`" + f + "`");
    }
    Matcher mentioned = Pattern.compile("`(\\w+\\.java)`").matcher(readme);
    while (mentioned.find()) {
      assertThat(files).as("README names %s", mentioned.group(1)).contains(mentioned.group(1));
    }
    assertThat(readme).contains("java -cp belonging-examples/target/belonging-cli.jar "
        + "belonging-examples/examples/GapsByTeam.java");
  }

  /** The library's classes as this test sees them: the module path and the class path. */
  private static String libraryPath() {
    List<String> entries = new ArrayList<>();
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        entries.add(value);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /**
   * Compiles and runs a source file with Java's single-file launcher ({@code java -cp LIBRARY File.java}), in
   * a process with a fixed locale, and returns what it printed.
   */
  private static String run(Path source, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.language=en",
        "-Duser.country=US", "-cp", libraryPath(), source.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("readme-", ".out");
    Path err = Files.createTempFile("readme-", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(command + " did not end within " + LIMIT_SECONDS + " s");
      }
      assertThat(p.exitValue()).as("exit code; stderr:%n%s", Files.readString(err)).isZero();
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

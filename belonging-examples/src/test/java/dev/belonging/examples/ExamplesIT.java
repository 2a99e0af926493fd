package dev.belonging.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.examples.Processes.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every program in {@code belonging-examples/examples/} as the README says, from the project root, as
 * a real process: {@code java -cp belonging-examples/target/belonging-cli.jar
 * belonging-examples/examples/X.java} (Java's single-file source launch). Each must exit with 0, write
 * nothing on standard error, and print every line its source announces in a {@code // expect: } comment.
 * A new example is picked up by being in the folder; it must announce at least one line. This also proves
 * that the shaded jar holds everything the examples import. The jar's {@code demo} is run the same way, and
 * the command it prints must give the same report from its files. Runs in {@code mvn verify}, after
 * {@code package} has built the jar.
 */
class ExamplesIT {

  private static final String EXPECT = "// expect: ";


  private static final Path MODULE = Path.of(System.getProperty("user.dir")).toAbsolutePath();
  private static final Path ROOT = MODULE.getParent();
  private static final Path JAR = Path.of("belonging-examples", "target", "belonging-cli.jar");
  private static final Path EXAMPLES = Path.of("belonging-examples", "examples");

  @TestFactory
  Stream<DynamicTest> everyExampleRunsAndPrintsWhatItAnnounces() throws IOException {
    return examples().stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
      List<String> expected = expectations(example);
      assertThat(expected).as("%s announces no '%s' line", example, EXPECT.strip()).isNotEmpty();
      Result r = run(EXAMPLES.resolve(example.getFileName()).toString());
      assertThat(r.code()).as("exit code; stderr:%n%s", r.err()).isZero();
      assertThat(r.err()).as("standard error").isEmpty();
      for (String line : expected) {
        assertThat(r.out()).as("output of %s", example.getFileName()).contains(line);
      }
    }));
  }

  @Test
  void theFourExamplesAreThere() throws IOException {
    assertThat(examples()).extracting(p -> p.getFileName().toString())
        .contains("GapsByTeam.java", "ReliabilityCheck.java", "CustomStrategy.java", "GuardedBreakdowns.java");
  }

  @Test
  void theExamplesReadAFileGivenAsArgument() throws IOException {
    Path data = SharedData.dir();
    Result reliability = run(EXAMPLES.resolve("ReliabilityCheck.java").toString(),
        data.resolve("lq2002.csv").toString(), data.resolve("lq2002.instrument.json").toString(), "company");
    assertThat(reliability.code()).as(reliability.err()).isZero();
    // R psych::alpha raw_alpha, lq2002_reference.txt: leadership 0.90223656575976574,
    // significance 0.82314078070749985, civility 0.87292443998370839
    assertThat(reliability.out()).contains("leadership  0.90  11 questions")
        .contains("significance  0.82  3 questions").contains("civility    0.87  5 questions");

    Result gaps = run(EXAMPLES.resolve("GapsByTeam.java").toString(), data.resolve("lq2002.csv").toString(),
        data.resolve("lq2002.instrument.json").toString(), "company");
    assertThat(gaps.code()).as(gaps.err()).isZero();
    // R t.test of C38 against the rest and p.adjust(method = "BH"), lq2002_reference.txt: difference
    // 0.74969576480510858, CI 0.53476684057058099 to 0.96462468903963627, Hedges' g 0.91895023225025652,
    // q 8.1757231980797524e-06
    assertThat(gaps.out()).contains(
        "company=C38 on leadership: higher by 0.75 points (95 % CI 0.53 to 0.96), g = 0.92, q = 8.2e-06");
  }

  @Test
  void aMissingFileIsAnErrorNotASilentDefault() {
    Result r = run(EXAMPLES.resolve("GapsByTeam.java").toString(), "no-such-file.csv");
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("no-such-file.csv");
  }

  @Test
  void theDemoInTheJarPrintsACommandThatGivesTheSameReportFromItsFiles() throws IOException {
    Path dir = Files.createTempDirectory("belonging-demo-");
    try {
      Path out = dir.resolve("demo");
      Result demo = java(List.of("-jar", JAR.toString(), "demo", "--out", out.toString(), "--size", "120"));
      assertThat(demo.code()).as(demo.err()).isZero();
      String prefix = "java -jar " + JAR + " report ";
      String command = demo.out().lines().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst()
          .orElseThrow(() -> new AssertionError("no '" + prefix + "' line in:\n" + demo.out()));
      List<String> again = new ArrayList<>(Processes.words(command.substring("java ".length())));
      again.addAll(List.of("--format", "json"));
      Result report = java(again);
      assertThat(report.code()).as(report.err()).isZero();
      assertThat(report.out()).isEqualTo(Files.readString(out.resolve("report.json"), StandardCharsets.UTF_8));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve(EXAMPLES))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().toList();
    }
  }

  private static List<String> expectations(Path example) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(example, StandardCharsets.UTF_8)) {
      int at = line.indexOf(EXPECT);
      if (at >= 0) {
        lines.add(line.substring(at + EXPECT.length()));
      }
    }
    return lines;
  }

  /** Runs {@code java -cp <jar> <args>} from the project root. */
  private static Result run(String... args) {
    List<String> java = new ArrayList<>(List.of("-cp", JAR.toString()));
    java.addAll(List.of(args));
    return java(java);
  }

  /** Runs {@code java <args>} from the project root, with numbers written the same everywhere. */
  private static Result java(List<String> args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.language=en",
        "-Duser.country=US"));
    command.addAll(args);
    return Processes.run(command, ROOT, java.util.Map.of());
  }
}

package dev.belonging.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.examples.Processes.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command line's launcher, {@code belonging-examples/bin/belonging} ({@code belonging.cmd} through
 * {@code cmd /c} on Windows), as a real process from the project root, after {@code package} has built the
 * jar: it must give what {@code java -jar} gives, pass {@code BELONGING_JAVA_OPTS} to the JVM after its own
 * options, start from the build's class-data archive, and say where it looked when there is no jar.
 */
class LauncherIT {

  private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
  private static final String LAUNCHER_NAME = WINDOWS ? "belonging.cmd" : "belonging";
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
  private static final Path LAUNCHER = Path.of("belonging-examples", "bin", LAUNCHER_NAME);
  private static final String JAVA_HOME = System.getProperty("java.home");
  private static final List<String> REPORT = List.of("report", "--instrument", "builtin:shkv", "--responses",
      "belonging-examples/samples/acme-shkv.csv", "--by", "team,location", "--format", "json");

  @Test
  void theLauncherGivesWhatJavaDashJarGives() {
    List<String> launched = launch(LAUNCHER);
    launched.addAll(REPORT);
    Result viaLauncher = run(launched, Map.of("JAVA_HOME", JAVA_HOME));
    List<String> plain = new ArrayList<>(List.of(Path.of(JAVA_HOME, "bin", "java").toString(), "-jar",
        "belonging-examples/target/belonging-cli.jar"));
    plain.addAll(REPORT);
    Result viaJava = run(plain, Map.of());
    assertThat(viaLauncher.code()).as(viaLauncher.err()).isZero();
    assertThat(viaJava.code()).as(viaJava.err()).isZero();
    assertThat(viaLauncher.out()).startsWith("{").isEqualTo(viaJava.out());
  }

  @Test
  void itPassesTheUsersJavaOptionsLast() {
    // the JVM refuses an unknown option by name: proof that the variable reaches it
    Result refused = run(version(LAUNCHER),
        Map.of("JAVA_HOME", JAVA_HOME, "BELONGING_JAVA_OPTS", "-XX:+NoSuchBelongingOption"));
    assertThat(refused.code()).isNotZero();
    assertThat(refused.out() + refused.err()).contains("NoSuchBelongingOption");
    // later options win: the user's C2 setting replaces the launcher's C1-only one
    Result c2 = run(version(LAUNCHER),
        Map.of("JAVA_HOME", JAVA_HOME, "BELONGING_JAVA_OPTS", "-XX:TieredStopAtLevel=4 -Dfile.encoding=UTF-8"));
    assertThat(c2.code()).as(c2.err()).isZero();
    assertThat(c2.out()).startsWith("belonging ");
  }

  @Test
  void itStartsFromTheBuildsClassDataArchive(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("classes.log");
    Result r = run(version(LAUNCHER), Map.of("JAVA_HOME", JAVA_HOME,
        "BELONGING_JAVA_OPTS", classLog(log)));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(ROOT.resolve("belonging-examples/target/belonging-cli.jsa")).isRegularFile();
    // picocli's classes too, which the build re-encodes for the archive (CliJarIT)
    assertThat(Files.readString(log))
        .contains("dev.belonging.examples.cli.BelongingCli source: shared objects file")
        .contains("picocli.CommandLine source: shared objects file")
        .doesNotContain("picocli.CommandLine source: file:");
  }

  @Test
  void anArchiveThatNoLongerFitsTheJarIsIgnoredWithoutAWord(@TempDir Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path copy = Files.copy(ROOT.resolve(LAUNCHER), bin.resolve(LAUNCHER_NAME), StandardCopyOption.COPY_ATTRIBUTES);
    Path target = ROOT.resolve("belonging-examples/target");
    Files.copy(target.resolve("belonging-cli.jsa"), bin.resolve("belonging-cli.jsa"));
    Path jar = Files.copy(target.resolve("belonging-cli.jar"), bin.resolve("belonging-cli.jar"));
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(0)); // not the archived jar's
    Path log = dir.resolve("classes.log");
    Result r = run(version(copy), Map.of("JAVA_HOME", JAVA_HOME,
        "BELONGING_JAVA_OPTS", classLog(log)));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("belonging ");
    assertThat(Files.readString(log)).contains("dev.belonging.examples.cli.BelongingCli source: file:")
        .doesNotContain("dev.belonging.examples.cli.BelongingCli source: shared objects file");
  }

  @Test
  void withoutAJarItSaysWhereItLooked(@TempDir Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path copy = Files.copy(ROOT.resolve(LAUNCHER), bin.resolve(LAUNCHER_NAME), StandardCopyOption.COPY_ATTRIBUTES);
    Result r = run(version(copy), Map.of("JAVA_HOME", JAVA_HOME));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no belonging-cli.jar beside " + bin.toRealPath())
        .contains("mvn -B -q -DskipTests package");
  }

  @Test
  void aReportThatRunsOutOfHeapSaysHowToGiveItMoreAndLeavesNoFile(@TempDir Path dir) {
    String java = Path.of(JAVA_HOME, "bin", "java").toString();
    Path answers = dir.resolve("answers.csv");
    Result generated = run(List.of(java, "-jar", "belonging-examples/target/belonging-cli.jar", "generate",
        "--respondents", "100000", "--out", answers.toString()), Map.of());
    assertThat(generated.code()).as(generated.err()).isZero();
    Path report = dir.resolve("out").resolve("report.json");
    Result r = run(List.of(java, "-Xmx24m", "-jar", "belonging-examples/target/belonging-cli.jar", "report",
        "--instrument", "builtin:shkv", "--responses", answers.toString(), "--by", "team,tenure,team*tenure",
        "--format", "json", "--out", report.toString()), Map.of());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("belonging: out of memory: ")
        .contains("heap of ").contains("BELONGING_JAVA_OPTS=-Xmx1g").contains("java -Xmx1g -jar")
        .doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(report).doesNotExist();
  }

  /** The command that starts a launcher: the script itself, or {@code cmd /c} with it on Windows. */
  private static List<String> launch(Path launcher) {
    return new ArrayList<>(WINDOWS ? List.of("cmd", "/c", launcher.toString()) : List.of(launcher.toString()));
  }

  private static List<String> version(Path launcher) {
    List<String> command = launch(launcher);
    command.add("--version");
    return command;
  }

  /** The JVM option that logs every class loaded, and from where, into a file (quoted on Windows: C:). */
  private static String classLog(Path file) {
    return "-Xlog:class+load=info:file=" + (WINDOWS ? "\"" + file + "\"" : file.toString());
  }

  private static Result run(List<String> command, Map<String, String> environment) {
    Map<String, String> variables = new java.util.HashMap<>();
    variables.put("BELONGING_JAVA_OPTS", null); // none from the caller's environment
    variables.putAll(environment);
    return Processes.run(command, ROOT, variables);
  }
}

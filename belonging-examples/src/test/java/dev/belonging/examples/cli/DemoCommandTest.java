package dev.belonging.examples.cli;

import static dev.belonging.examples.cli.BelongingCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.examples.Processes;
import dev.belonging.examples.cli.BelongingCliTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  private static final List<String> FILES = List.of("responses.csv", "instrument.json", "report.txt",
      "report.json", "report.csv", "report.html");

  @TempDir
  Path tmp;

  @Test
  void writesTheDataAndEveryFormatOfItsReportAndSaysWhere() throws IOException {
    Path dir = tmp.resolve("demo");
    Run r = run("demo", "--out", dir.toString(), "--size", "150", "--seed", "7");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    for (String file : FILES) {
      assertThat(dir.resolve(file)).isNotEmptyFile();
      assertThat(r.out()).contains(dir.resolve(file).toString());
    }
    try (var entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(FILES);
    }
    assertThat(r.out()).contains("150 respondents (seed 7)").contains("report.html in a browser");
    assertThat(Files.readAllLines(dir.resolve("responses.csv"))).hasSize(151);
    assertThat(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8))
        .startsWith("<!DOCTYPE html>").endsWith("</html>");
    assertThat(Files.readString(dir.resolve("report.txt"))).contains("150 respondents");
    assertThat(Files.readString(dir.resolve("report.csv")))
        .startsWith("wave,segment,team,tenure,location,dimension,question,statistic,value,reason");
  }

  @Test
  void theReportCommandItPrintsGivesTheSameReportFromTheFiles() throws IOException {
    Path dir = tmp.resolve("demo");
    Run demo = run("demo", "--out", dir.toString(), "--size", "200", "--instrument", "builtin:pulse");
    assertThat(demo.code()).as(demo.err()).isZero();
    String jar = "java -jar belonging-cli.jar ";
    String command = demo.out().lines().filter(l -> l.contains(jar)).findFirst().orElseThrow();
    String args = command.substring(command.indexOf(jar) + jar.length()) + " --format json";
    assertThat(args).contains("--order \"tenure=<1y,1-3y,3-5y,5y+\"");
    Run again = run(Processes.words(args).toArray(String[]::new));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).isEqualTo(Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8));
  }

  @Test
  void theSameSeedWritesTheSameFilesAndAnotherSeedOthers() throws IOException {
    assertThat(run("demo", "--out", tmp.resolve("a").toString(), "--size", "60").code()).isZero();
    assertThat(run("demo", "--out", tmp.resolve("b").toString(), "--size", "60").code()).isZero();
    assertThat(run("demo", "--out", tmp.resolve("c").toString(), "--size", "60", "--seed", "1").code()).isZero();
    for (String file : FILES) {
      assertThat(tmp.resolve("b").resolve(file)).hasSameTextualContentAs(tmp.resolve("a").resolve(file));
    }
    assertThat(Files.readString(tmp.resolve("c").resolve("responses.csv")))
        .isNotEqualTo(Files.readString(tmp.resolve("a").resolve("responses.csv")));
  }

  @Test
  void refusesAFolderThatIsNotEmptyUnlessForced() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(dir.resolve("notes.txt"), "keep me");
    Run refused = run("demo", "--out", dir.toString(), "--size", "50");
    assertThat(refused.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(refused.err()).contains(dir + " is not empty").contains("--force").doesNotContain("Exception");
    try (var entries = Files.list(dir)) {
      assertThat(entries).containsExactly(dir.resolve("notes.txt"));
    }

    Run forced = run("demo", "--out", dir.toString(), "--size", "50", "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(dir.resolve("report.html")).isNotEmptyFile();
    assertThat(dir.resolve("notes.txt")).hasContent("keep me");
  }

  @Test
  void anEmptyExistingFolderIsFine() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    assertThat(run("demo", "--out", dir.toString(), "--size", "30").code()).isZero();
    assertThat(dir.resolve("report.json")).isNotEmptyFile();
  }

  @Test
  void badUsageExitsWithTwoAndWritesNothing() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Run onFile = run("demo", "--out", file.toString());
    assertThat(onFile.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(onFile.err()).contains("is a file");

    Path dir = tmp.resolve("never");
    Run zero = run("demo", "--out", dir.toString(), "--size", "0");
    assertThat(zero.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(zero.err()).contains("--size must be at least 1");
    Run unknown = run("demo", "--out", dir.toString(), "--instrument", "builtin:nope");
    assertThat(unknown.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(unknown.err()).contains("no built-in instrument \"nope\"");
    assertThat(dir).doesNotExist();
  }

  @Test
  void aBadInstrumentFileExitsWithOne() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"id\": \"x\"}");
    Run r = run("demo", "--out", tmp.resolve("d").toString(), "--instrument", bad.toString());
    assertThat(r.code()).isEqualTo(BelongingCli.BAD_DATA);
    assertThat(tmp.resolve("d")).doesNotExist();
  }
}

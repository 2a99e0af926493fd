package dev.belonging.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.examples.SharedData;
import dev.belonging.scoring.report.ReportText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BelongingCliTest {

  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BelongingCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  static String lq(String name) {
    return SharedData.file(name).toString();
  }

  @Test
  void theHelpListsEverySubcommandAndAMistypedOneIsNamedWithTheClosest() {
    Run help = run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("report", "trend", "generate", "instruments", "demo");

    Run typo = run("reprot", "--by", "team");
    assertThat(typo.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(typo.err()).contains("'reprot'").contains("belonging report");

    Run sub = run("report", "--help");
    assertThat(sub.code()).isZero();
    assertThat(sub.out()).startsWith("Usage: belonging report").doesNotContain("instruments");
  }

  @Test
  void reportsTheRealDataByCompany() {
    Run r = run("report", "--instrument", lq("lq2002.instrument.json"), "--responses", lq("lq2002.csv"),
        "--by", "company");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("2042 respondents").contains("company=C02").contains("leadership");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void theJsonStreamedIntoAFileIsTheJsonPrintedOnStandardOutput() throws IOException {
    Path out = tmp.resolve("report.json");
    String[] args = {"report", "--instrument", lq("attrition.instrument.json"), "--responses",
        lq("attrition.csv"), "--by", "department,role", "--format", "json"};
    Run printed = run(args);
    Run written = run(concat(args, "--out", out.toString()));

    assertThat(written.code()).as(written.err()).isZero();
    assertThat(printed.out()).startsWith("{").contains("\"department\"");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(printed.out());
  }

  @Test
  void aWrittenReportGetsTheDirectorysPermissionsForNewFilesAndLeavesNothingElse() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    Path out = dir.resolve("report.txt");
    String[] args = {"report", "--instrument", "builtin:shkv", "--responses",
        Path.of("samples", "acme-shkv.csv").toString(), "--by", "team", "--out", out.toString()};
    assertThat(run(args).code()).isZero();
    assertThat(run(args).code()).as("replacing it").isZero();

    assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("400 respondents");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.txt");
    }
    if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
      // what any new file there gets (the umask), not the owner-only mode of a temporary file
      Path plain = Files.createFile(tmp.resolve("plain"));
      assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
  }

  @Test
  void aReportThatCannotBeWrittenSaysWhereAndWhyAndLeavesNothing() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("reports"));
    Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
    String[] args = {"report", "--instrument", "builtin:shkv", "--responses",
        Path.of("samples", "acme-shkv.csv").toString(), "--by", "team", "--out"};

    Run onADirectory = run(concat(args, dir.toString()));
    assertThat(onADirectory.code()).isEqualTo(BelongingCli.BAD_DATA);
    assertThat(onADirectory.err()).isEqualTo("belonging: cannot write " + dir + ": it is a directory\n");

    Path under = file.resolve("report.txt");
    Run underAFile = run(concat(args, under.toString()));
    assertThat(underAFile.code()).isEqualTo(BelongingCli.BAD_DATA);
    assertThat(underAFile.err()).isEqualTo("belonging: cannot write " + under + ": "
        + file.toAbsolutePath() + " is not a directory\n");

    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("reports", "plain.txt");
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void fileErrorsAreDescribedInWords() {
    assertThat(Inputs.describe(new java.nio.file.AccessDeniedException("a.csv")))
        .isEqualTo("a.csv: permission denied");
    assertThat(Inputs.describe(new java.nio.file.NoSuchFileException("a.csv")))
        .isEqualTo("a.csv: no such file or directory");
    assertThat(Inputs.describe(new java.nio.file.NotDirectoryException("d"))).isEqualTo("d: not a directory");
    assertThat(Inputs.describe(new java.nio.file.FileSystemException("a.csv", null, "Read-only file system")))
        .isEqualTo("a.csv: Read-only file system");
    assertThat(Inputs.describe(new java.nio.file.FileSystemException("a.csv")))
        .isEqualTo("a.csv: FileSystemException");
    assertThat(Inputs.describe(new IOException("No space left on device")))
        .isEqualTo("No space left on device");
  }

  @Test
  void startsPreparingTheReaderOnlyForAnInstrumentFile() {
    assertThat(BelongingCli.prepareInstrumentReading(new String[] {"report", "--instrument", "x.json"}))
        .isTrue();
    assertThat(BelongingCli.prepareInstrumentReading(new String[] {"trend", "--instrument=x.json"})).isTrue();
    assertThat(BelongingCli.prepareInstrumentReading(new String[] {"report", "--instrument", "builtin:shkv"}))
        .isFalse();
    assertThat(BelongingCli.prepareInstrumentReading(new String[] {"report", "--instrument=builtin:pulse"}))
        .isFalse();
    assertThat(BelongingCli.prepareInstrumentReading(new String[] {"report", "--instrument"})).isFalse();
    assertThat(BelongingCli.prepareInstrumentReading(new String[] {"instruments", "shkv"})).isFalse();
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void writesJsonThatFollowsTheContract() throws IOException {
    Path out = tmp.resolve("report.json");
    Run r = run("report", "--instrument", lq("attrition.instrument.json"), "--responses",
        lq("attrition.csv"), "--by", "department,role,gender,role*tenure", "--format", "json", "--out",
        out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    JsonNode root = JsonMapper.shared().readTree(Files.readString(out));
    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("respondents").asInt()).isEqualTo(1470);
    // role × tenure has cells below k
    assertThat(root.get("suppression").get("primary").asInt()).isPositive();
  }

  @Test
  void writesTidyCsv() {
    Run r = run("report", "--instrument", lq("attrition.instrument.json"), "--responses",
        lq("attrition.csv"), "--by", "gender,role*tenure", "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().findFirst())
        .hasValue("wave,segment,gender,role,tenure,dimension,question,statistic,value,reason");
    assertThat(r.out()).contains(",all,,,,satisfaction,,mean,");
  }

  @Test
  void writesTheBundledSamplesReportAsOneHtmlPage() throws IOException {
    Path out = tmp.resolve("report.html");
    Run r = run("report", "--instrument", "builtin:shkv", "--responses", "samples/acme-shkv.csv", "--by",
        "team,location,tenure", "--format", "html", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>Seen, heard, known, valued</h1>")
        .contains("hidden: fewer than 5 respondents").endsWith("</html>");
  }

  @Test
  void everyFormatCarriesTheUnfavorableShare() {
    Run json = run("report", "--instrument", "builtin:shkv", "--responses", "samples/acme-shkv.csv",
        "--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode seen = JsonMapper.shared().readTree(json.out()).get("segments").get(0).get("dimensions").get("seen");
    assertThat(seen.has("mean")).isTrue();
    assertThat(seen.has("favorable")).isTrue();
    assertThat(seen.has("index")).isTrue();
    // favorable + unfavorable ≤ 1: the rest are the neutral answers
    assertThat(seen.get("unfavorable").asDouble()).isBetween(0.0, 1.0 - seen.get("favorable").asDouble());
    Run csv = run("report", "--instrument", "builtin:shkv", "--responses", "samples/acme-shkv.csv",
        "--format", "csv");
    assertThat(csv.out()).contains(",all,seen,,unfavorable,");
  }

  @Test
  void badResponsesExitWithOneAndListEveryProblem() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.file("lq2002.csv"), StandardCharsets.UTF_8);
    lines.set(5, lines.get(5).replaceFirst(",[0-9],", ",9,"));
    lines.set(9, lines.get(9).replaceFirst(",[0-9],", ",x,"));
    Path bad = tmp.resolve("bad.csv");
    Files.write(bad, lines, StandardCharsets.UTF_8);
    Path out = tmp.resolve("out.txt");
    Run r = run("report", "--instrument", lq("lq2002.instrument.json"), "--responses", bad.toString(),
        "--out", out.toString());
    assertThat(r.code()).isEqualTo(BelongingCli.BAD_DATA);
    assertThat(r.err()).contains("line 6").contains("line 10").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
    assertThat(tmp.toFile().list()).containsExactly("bad.csv");
  }

  @Test
  void problemsQuotingTheFileCannotDriveTheTerminal() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.file("lq2002.csv"), StandardCharsets.UTF_8);
    lines.set(5, lines.get(5).replaceFirst(",[0-9],", ",\u001b[2J\u001b]0;owned\u0007,"));
    Path bad = tmp.resolve("bad.csv");
    Files.write(bad, lines, StandardCharsets.UTF_8);
    for (String mode : List.of("--format=text", "--skip-invalid")) {
      Run r = run("report", "--instrument", lq("lq2002.instrument.json"), "--responses", bad.toString(), mode);
      assertThat(r.err()).as(mode).contains("line 6").contains("\uFFFD[2J\uFFFD]0;owned\uFFFD")
          .doesNotContain("\u001b").doesNotContain("\u0007");
    }
  }

  @Test
  void skipInvalidKeepsTheValidRowsAndReportsTheRejected() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.file("lq2002.csv"), StandardCharsets.UTF_8);
    lines.set(5, lines.get(5).replaceFirst(",[0-9],", ",9,"));
    Path bad = tmp.resolve("bad.csv");
    Files.write(bad, lines, StandardCharsets.UTF_8);
    Run r = run("report", "--instrument", lq("lq2002.instrument.json"), "--responses", bad.toString(),
        "--skip-invalid", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode root = JsonMapper.shared().readTree(r.out());
    assertThat(root.get("respondents").asInt()).isEqualTo(2041);
    assertThat(root.get("rejected").get(0).get("line").asInt()).isEqualTo(6);
    assertThat(root.get("rejected").get(0).get("message").asString()).doesNotContain("9");
    assertThat(r.err()).contains("line 6");
  }

  @Test
  void aFileWithAProblemOnManyRowsListsTheFirstFiftyThenCountsTheRest() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.file("lq2002.csv"), StandardCharsets.UTF_8);
    for (int i = 1; i <= 60; i++) {
      lines.set(i, lines.get(i).replaceFirst(",[0-9],", ",9,"));
    }
    Path bad = tmp.resolve("bad.csv");
    Files.write(bad, lines, StandardCharsets.UTF_8);
    Run strict = run("report", "--instrument", lq("lq2002.instrument.json"), "--responses", bad.toString());
    assertThat(strict.code()).isEqualTo(BelongingCli.BAD_DATA);
    List<String> err = strict.err().lines().toList();
    assertThat(err.get(0)).contains("(60 problems)");
    assertThat(err).hasSize(1 + 50 + 1);
    assertThat(err.get(1)).startsWith("  line 2, column ");
    assertThat(err.get(50)).startsWith("  line 51, column ");
    assertThat(err.get(51)).isEqualTo("  \u2026 and 10 more");

    Run skipped = run("report", "--instrument", lq("lq2002.instrument.json"), "--responses", bad.toString(),
        "--skip-invalid", "--format", "json");
    assertThat(skipped.code()).as(skipped.err()).isZero();
    assertThat(skipped.err().lines().toList()).hasSize(1 + 50 + 1)
        .endsWith("  \u2026 and 10 more; the report's rejected rows list every one");
    assertThat(JsonMapper.shared().readTree(skipped.out()).get("rejected")).hasSize(60);
  }

  @Test
  void aBadInstrumentExitsWithOne() throws IOException {
    Path inst = tmp.resolve("bad.json");
    Files.writeString(inst, "{ \"id\": \"x\", \"version\": \"1\", \"name\": \"x\",\n  \"scale\": {\"min\": 1}");
    Run r = run("report", "--instrument", inst.toString(), "--responses", lq("lq2002.csv"));
    assertThat(r.code()).isEqualTo(BelongingCli.BAD_DATA);
    assertThat(r.err()).contains("line").doesNotContain("\tat ");
  }

  @Test
  void badUsageExitsWithTwo() {
    assertThat(run("report", "--nope").code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(run("report", "--instrument", lq("lq2002.instrument.json"), "--responses", lq("lq2002.csv"),
        "--min-group", "1").code()).isEqualTo(BelongingCli.BAD_USAGE);
    Run by = run("report", "--instrument", lq("lq2002.instrument.json"), "--responses", lq("lq2002.csv"),
        "--by", "team");
    assertThat(by.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(by.err()).contains("\"team\"").contains("[company]");
    assertThat(run("report", "--instrument", "builtin:nope", "--responses", lq("lq2002.csv")).code())
        .isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(run("report", "--instrument", lq("lq2002.instrument.json"), "--responses", "missing.csv")
        .code()).isEqualTo(BelongingCli.BAD_USAGE);
  }

  private static final String[] SAMPLE = {"report", "--instrument", "builtin:shkv", "--responses",
      "samples/acme-shkv.csv", "--by", "tenure,location*tenure"};

  @Test
  void theOrderOptionListsAnAttributesValuesInItsOrderAndTheOthersNaturally() {
    Run natural = run(SAMPLE);
    assertThat(natural.code()).as(natural.err()).isZero();
    assertThat(rows(natural.out(), "tenure=")).containsExactly("1-3y", "3-5y", "5y+", "<1y");

    Run ordered = run(concat(SAMPLE, "--order", "tenure=<1y,1-3y,3-5y,5y+"));
    assertThat(ordered.code()).as(ordered.err()).isZero();
    assertThat(ordered.err()).isEmpty();
    assertThat(rows(ordered.out(), "tenure=")).containsExactly("<1y", "1-3y", "3-5y", "5y+");
    // within each location, the locations in natural order
    assertThat(rows(ordered.out(), "location=")).containsExactly("frontline;tenure=<1y", "frontline;tenure=1-3y",
        "frontline;tenure=3-5y", "frontline;tenure=5y+", "office;tenure=<1y", "office;tenure=1-3y",
        "office;tenure=3-5y", "office;tenure=5y+", "remote;tenure=<1y", "remote;tenure=1-3y",
        "remote;tenure=3-5y", "remote;tenure=5y+");
    // only the order differs: the same lines, numbers and all
    assertThat(ordered.out().lines().sorted().toList()).isEqualTo(natural.out().lines().sorted().toList());

    // a value no respondent has is named, and the report still written
    Run typo = run(concat(SAMPLE, "--order", "tenure=<1y,1-3,3-5y", "--order", "location=office"));
    assertThat(typo.code()).as(typo.err()).isZero();
    assertThat(typo.err()).isEqualTo("belonging: --order tenure: no respondent has the value \"1-3\"; the "
        + "values of tenure are [1-3y, 3-5y, 5y+, <1y]" + System.lineSeparator());
    assertThat(rows(typo.out(), "tenure=")).containsExactly("<1y", "3-5y", "1-3y", "5y+");
    assertThat(rows(typo.out(), "location=").get(0)).isEqualTo("office;tenure=<1y");
  }

  /** The first cells of a text report's first table's rows that start with a prefix, less the prefix. */
  private static List<String> rows(String text, String prefix) {
    String table = text.split("\\R\\R", -1)[2]; // the title, the reliability, then the mean scores
    return table.lines().filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).split(" +")[0]).toList();
  }

  @Test
  void readsFilesSeparatedBySemicolonsOrTabsWithTheSeparatorOption() throws IOException {
    String comma = Files.readString(Path.of("samples/acme-shkv.csv"));
    Run expected = run("report", "--instrument", "builtin:shkv", "--responses", "samples/acme-shkv.csv",
        "--by", "team", "--format", "json");
    for (String[] separator : new String[][] {{";", ";"}, {"tab", "\t"}, {"|", "|"}}) {
      Path file = Files.writeString(tmp.resolve("semi.csv"), comma.replace(",", separator[1]));
      Run r = run("report", "--instrument", "builtin:shkv", "--responses", file.toString(), "--by", "team",
          "--format", "json", "--separator", separator[0]);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).isEqualTo(expected.out());
    }
    Path semi = Files.writeString(tmp.resolve("semi.csv"), comma.replace(",", ";"));
    Run unsaid = run("report", "--instrument", "builtin:shkv", "--responses", semi.toString());
    assertThat(unsaid.code()).isEqualTo(BelongingCli.BAD_DATA);
    assertThat(unsaid.err()).contains("the header is one column holding ';': are the cells separated by ';'?");
    Run bad = run("report", "--instrument", "builtin:shkv", "--responses", semi.toString(), "--separator", ":");
    assertThat(bad.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(bad.err()).startsWith("belonging: --separator :: expected ',', ';', tab or '|'");
  }

  @Test
  void optionsMayBeKeptInAFileGivenAsAnArgument() throws IOException {
    Path args = Files.writeString(tmp.resolve("acme.args"), "--instrument builtin:shkv\n"
        + "--by tenure,location*tenure\n--order \"tenure=<1y,1-3y,3-5y,5y+\"\n");
    Run fromFile = run("report", "@" + args, "--responses", "samples/acme-shkv.csv");
    assertThat(fromFile.code()).as(fromFile.err()).isZero();
    assertThat(fromFile.out()).isEqualTo(run(concat(SAMPLE, "--order", "tenure=<1y,1-3y,3-5y,5y+")).out());
  }

  @Test
  void badOrdersAreUsageErrorsThatSayWhatIsWrong() {
    Object[][] cases = {
        {"tenure", "--order tenure: expected ATTRIBUTE=V1,V2,... with no empty value, such as "
            + "tenure=<1y,1-3y,3-5y,5y+"},
        {"=a,b", "--order =a,b: expected ATTRIBUTE=V1,V2,..."},
        {"tenure=a,,b", "--order tenure=a,,b: expected ATTRIBUTE=V1,V2,..."},
        {"tenure=a,b,a", "--order tenure=a,b,a: the value \"a\" of \"tenure\" is listed twice"},
        {"tenur=<1y", "--order tenur: \"tenur\" is not an attribute column; the attribute columns are [team, "
            + "tenure, location]"}};
    for (Object[] c : cases) {
      Run r = run(concat(SAMPLE, "--order", (String) c[0]));
      assertThat(r.code()).as((String) c[0]).isEqualTo(BelongingCli.BAD_USAGE);
      assertThat(r.err()).as((String) c[0]).startsWith("belonging: " + c[1]);
      assertThat(r.out()).isEmpty();
    }
    Run twice = run(concat(SAMPLE, "--order", "tenure=<1y", "--order", "tenure=5y+"));
    assertThat(twice.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(twice.err()).startsWith("belonging: --order lists the values of \"tenure\" twice");
  }

  @Test
  void everySubcommandHasHelpAndThereIsAVersion() {
    for (String sub : List.of("report", "trend", "generate", "instruments", "demo")) {
      Run r = run(sub, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("Usage: belonging " + sub);
    }
    assertThat(run("--version").out()).startsWith("belonging ");
  }

  @Test
  void theCommandListSummarisesEachSubcommandInASentence() {
    // the list shows each subcommand's first description line: a whole sentence, not a fragment
    String help = run("--help").out();
    String list = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:"));
    String[] entries = list.split("\\R(?=  [a-z])");
    assertThat(entries).hasSize(6); // the heading and five subcommands
    for (int i = 1; i < entries.length; i++) {
      assertThat(entries[i].strip()).as("summary of %s", entries[i].strip().split(" ")[0]).endsWith(".");
    }
  }

  @Test
  void listsAndPrintsTheBuiltInInstruments() {
    Run list = run("instruments");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("shkv").contains("safety").contains("fairness").contains("pulse");
    Run shkv = run("instruments", "shkv");
    assertThat(shkv.out()).contains("\"id\"").contains("seen");
  }

  @Test
  void theAdviceOnMemoryAsksForTwiceTheHeapInWholeGigabytes() {
    long mb = 1L << 20;
    assertThat(BelongingCli.moreHeap(24 * mb)).contains("heap of 24 MB")
        .contains("BELONGING_JAVA_OPTS=-Xmx1g for the launcher, or java -Xmx1g -jar belonging-cli.jar");
    assertThat(BelongingCli.moreHeap(1229 * mb)).contains("heap of 1229 MB").contains("-Xmx3g");
    assertThat(BelongingCli.moreHeap(6144 * mb)).contains("-Xmx12g");
  }

  @Test
  void aReportWhoseGuardRanOutOfWorkIsWarnedOfOnStandardError() {
    StringWriter reached = new StringWriter();
    BelongingCli.warnIfWorkBoundReached(new PrintWriter(reached, true), true);
    assertThat(reached.toString()).isEqualTo("belonging: "
        + ReportText.WORK_BOUND_NOTE + System.lineSeparator());
    StringWriter decided = new StringWriter();
    BelongingCli.warnIfWorkBoundReached(new PrintWriter(decided, true), false);
    assertThat(decided.toString()).isEmpty();
    // the bundled sample is decided within the bound: nothing on standard error
    assertThat(run(SAMPLE).err()).doesNotContain(ReportText.WORK_BOUND_NOTE);
  }
}

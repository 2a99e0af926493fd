package dev.belonging.examples.cli;

import static dev.belonging.examples.cli.BelongingCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.belonging.examples.cli.BelongingCliTest.Run;
import dev.belonging.examples.sample.SampleOrganisation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TrendCommandTest {

  private static final String Q1 = "2026-Q1=samples/acme-shkv.csv";
  private static final String Q2 = "2026-Q2=samples/acme-shkv-wave2.csv";
  private static final String PILOT = "team=" + SampleOrganisation.PILOT_TEAM;

  @TempDir
  Path tmp;

  private static Run trend(String... more) {
    List<String> args = new ArrayList<>(List.of("trend", "--instrument", "builtin:shkv", "--wave", Q1,
        "--wave", Q2, "--by", "team"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  /** The trend schema, read from the scoring module's sources, with the report schema it refers to. */
  private static Schema schema() throws IOException {
    Path dir = Path.of("..", "belonging-scoring", "src", "main", "resources", "dev", "belonging", "scoring");
    Map<String, String> schemas = Map.of(
        "https://belonging.dev/schema/trend-1.json", Files.readString(dir.resolve("trend/trend.schema.json")),
        "https://belonging.dev/schema/report-1.json", Files.readString(dir.resolve("report/report.schema.json")));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(schemas))
        .getSchema(SchemaLocation.of("https://belonging.dev/schema/trend-1.json"));
  }

  @Test
  void findsThePilotsEffectInTheBundledWaves() throws IOException {
    Run r = trend("--treated", PILOT, "--after", "2026-Q2", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(schema().validate(r.out(), InputFormat.JSON)).isEmpty();
    JsonNode root = JsonMapper.shared().readTree(r.out());
    assertThat(root.get("respondents").asInt()).isEqualTo(800);
    assertThat(root.get("waves")).hasSize(2);
    assertThat(root.get("interventions")).hasSize(4);
    for (JsonNode e : root.get("interventions")) {
      assertThat(e.get("treated").get("team").asString()).isEqualTo(SampleOrganisation.PILOT_TEAM);
      assertThat(e.get("suppressed").asBoolean()).isFalse();
      // the pilot raised the latent level by 0.6 points: every dimension's estimate is clearly positive
      assertThat(e.get("ciLow").asDouble()).as(e.toString()).isPositive();
      assertThat(e.get("pValue").asDouble()).isLessThan(0.01);
      assertThat(e.get("placeboRank").asInt()).isLessThanOrEqualTo(2);
      assertThat(e.get("placebos").size()).isGreaterThan(15);
    }
  }

  /** The README's trend command prints the lines the README shows. */
  @Test
  void theReadmesTrendExampleIsWhatTheCommandPrints() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "```sh\njava -jar belonging-examples/target/belonging-cli.jar (trend [^\n]*)\n```\n\n[^`]*```\n(.*?)```",
        java.util.regex.Pattern.DOTALL).matcher(readme);
    assertThat(m.find()).as("the trend example in README.md").isTrue();
    String[] args = m.group(1).replace("belonging-examples/samples/", "samples/").split(" ");
    Run r = run(args);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().replace(System.lineSeparator(), "\n")).contains(m.group(2));
  }

  @Test
  void writesTextCsvAndHtml() throws IOException {
    Run text = trend("--treated", PILOT, "--after", "2026-Q2");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("Intervention: " + PILOT + " from 2026-Q2 on").contains("parallel trends")
        .contains("placebo rank 1 of");
    Run csv = trend("--format", "csv");
    assertThat(csv.out().lines().findFirst())
        .hasValue("wave,segment,team,dimension,question,statistic,value,reason");
    assertThat(csv.out()).contains("\r\n2026-Q1,all,,seen,,mean,").contains("\r\n2026-Q2,all,,seen,,mean,")
        .contains("\r\n2026-Q2,all,,seen,,change[2026-Q1].difference,");
    Path out = tmp.resolve("trend.html");
    Run html = trend("--treated", PILOT, "--after", "2026-Q2", "--format", "html", "--out", out.toString());
    assertThat(html.code()).as(html.err()).isZero();
    String page = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("<h2 id=\"trend-heading\">Mean score by wave</h2>")
        .contains("(pilot)").contains("<polyline").contains("Did the intervention work?").endsWith("</html>");
  }

  @Test
  void aWaveWithoutAQuestionIsNamedAndStillAnalysed() throws IOException {
    Path wave2 = tmp.resolve("wave2.csv");
    List<String> lines = Files.readAllLines(Path.of("samples", "acme-shkv-wave2.csv"), StandardCharsets.UTF_8);
    int drop = List.of(lines.get(0).split(",")).indexOf("seen-3");
    List<String> without = new ArrayList<>();
    for (String line : lines) {
      List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
      cells.remove(drop);
      without.add(String.join(",", cells));
    }
    Files.write(wave2, without, StandardCharsets.UTF_8);
    Run r = run("trend", "--instrument", "builtin:shkv", "--wave", Q1, "--wave", "2026-Q2=" + wave2,
        "--by", "team", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("wave 2026-Q2 has no column for question seen-3");
    assertThat(schema().validate(r.out(), InputFormat.JSON)).isEmpty();
    JsonNode root = JsonMapper.shared().readTree(r.out());
    assertThat(root.get("missingQuestions")).hasSize(1);
    assertThat(root.get("missingQuestions").get(0).get("wave").asString()).isEqualTo("2026-Q2");
    assertThat(root.get("missingQuestions").get(0).get("question").asString()).isEqualTo("seen-3");
    JsonNode seen = null;
    for (JsonNode c : root.get("changes")) {
      if (c.get("attributes").isEmpty() && c.get("dimension").asString().equals("seen")) {
        seen = c;
      }
    }
    assertThat(seen).isNotNull();
    assertThat(seen.get("note").asString()).contains("without seen-3 (missing from 2026-Q2)");
    assertThat(seen.get("difference").isNumber()).isTrue();
  }

  @Test
  void aMissingUnreadableOrInvalidWaveFileIsBadDataWithAClearMessage() throws IOException {
    Run missing = run("trend", "--instrument", "builtin:shkv", "--wave", Q1, "--wave",
        "2026-Q2=" + tmp.resolve("nope.csv"));
    assertThat(missing.code()).isEqualTo(BelongingCli.BAD_DATA);
    assertThat(missing.err()).contains("wave 2026-Q2: no responses file").contains("nope.csv");
    assertThat(missing.err()).doesNotContain("Exception");

    Path dir = tmp.resolve("a-directory.csv");
    Files.createDirectories(dir);
    Run unreadable = run("trend", "--instrument", "builtin:shkv", "--wave", Q1, "--wave", "2026-Q2=" + dir);
    assertThat(unreadable.code()).isEqualTo(BelongingCli.BAD_DATA);
    assertThat(unreadable.err()).contains("wave 2026-Q2");

    Path bad = tmp.resolve("bad.csv");
    List<String> lines = new ArrayList<>(
        Files.readAllLines(Path.of("samples", "acme-shkv-wave2.csv"), StandardCharsets.UTF_8));
    lines.set(3, lines.get(3).replaceFirst(",office,\\d,", ",office,9,").replaceFirst(",remote,\\d,", ",remote,9,")
        .replaceFirst(",frontline,\\d,", ",frontline,9,"));
    Files.write(bad, lines, StandardCharsets.UTF_8);
    Run invalid = run("trend", "--instrument", "builtin:shkv", "--wave", Q1, "--wave", "2026-Q2=" + bad,
        "--out", tmp.resolve("never.json").toString());
    assertThat(invalid.code()).isEqualTo(BelongingCli.BAD_DATA);
    assertThat(invalid.err()).contains("wave 2026-Q2").contains("line 4").contains("seen-1")
        .contains("outside the scale");
    assertThat(tmp.resolve("never.json")).doesNotExist();

    Run skipped = run("trend", "--instrument", "builtin:shkv", "--wave", Q1, "--wave", "2026-Q2=" + bad,
        "--skip-invalid", "--format", "json");
    assertThat(skipped.code()).as(skipped.err()).isZero();
    assertThat(skipped.err()).contains("wave 2026-Q2: 1 rows rejected");
    assertThat(schema().validate(skipped.out(), InputFormat.JSON)).isEmpty();
    JsonNode rejected = JsonMapper.shared().readTree(skipped.out()).get("rejected");
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).get("wave").asString()).isEqualTo("2026-Q2");
    assertThat(rejected.get(0).get("line").asInt()).isEqualTo(4);
    assertThat(JsonMapper.shared().readTree(skipped.out()).get("waves").get(1).get("respondents").asInt())
        .isEqualTo(399);
  }

  @Test
  void aRejectedRowOfAWaveCannotDriveTheTerminal() throws IOException {
    Path bad = tmp.resolve("bad.csv");
    List<String> lines = new ArrayList<>(
        Files.readAllLines(Path.of("samples", "acme-shkv-wave2.csv"), StandardCharsets.UTF_8));
    lines.set(3, lines.get(3).replaceFirst(",(office|remote|frontline),\\d,", ",$1,\u001b[2J\u0007,"));
    Files.write(bad, lines, StandardCharsets.UTF_8);
    Run skipped = run("trend", "--instrument", "builtin:shkv", "--wave", Q1, "--wave", "2026-Q2=" + bad,
        "--skip-invalid", "--format", "json");
    assertThat(skipped.code()).as(skipped.err()).isZero();
    assertThat(skipped.err()).contains("line 4").contains("\uFFFD[2J\uFFFD")
        .doesNotContain("\u001b").doesNotContain("\u0007");
  }

  @Test
  void theOrderOptionOrdersEveryWavesSegmentsAndChanges() {
    Run r = trend("--by", "tenure", "--order", "tenure=<1y,1-3y,3-5y,5y+", "--order", "team=T17");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> means = r.out().lines().filter(l -> l.matches("(tenure|team)=\\S+ +seen .*"))
        .map(l -> l.split(" ")[0]).toList();
    assertThat(means.subList(0, 5)).containsExactly("team=T17", "team=T01", "team=T02", "team=T03", "team=T04");
    assertThat(means.subList(means.size() - 4, means.size()))
        .containsExactly("tenure=<1y", "tenure=1-3y", "tenure=3-5y", "tenure=5y+");
    List<String> changes = r.out().lines().filter(l -> l.matches("2026-Q1 -> 2026-Q2 +tenure=\\S+ +seen .*"))
        .map(l -> l.split(" +")[3]).toList();
    assertThat(changes).containsExactly("tenure=<1y", "tenure=1-3y", "tenure=3-5y", "tenure=5y+");

    Run unknown = trend("--order", "site=a");
    assertThat(unknown.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(unknown.err()).contains("--order site: \"site\" is not an attribute column");
  }

  @Test
  void anUnknownTreatedAttributeValueOrWaveIsBadUsage() {
    Run attribute = trend("--treated", "pilot=yes", "--after", "2026-Q2");
    assertThat(attribute.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(attribute.err()).contains("the treated attribute \"pilot\" is not an attribute of wave 2026-Q1")
        .contains("[team, tenure, location]");
    Run value = trend("--treated", "team=T99", "--after", "2026-Q2");
    assertThat(value.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(value.err()).contains("no respondent of any wave has team=T99").contains("T01");
    Run wave = trend("--treated", PILOT, "--after", "2026-Q3");
    assertThat(wave.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(wave.err()).contains("no wave 2026-Q3; the waves are [2026-Q1, 2026-Q2]");
    Run first = trend("--treated", PILOT, "--after", "2026-Q1");
    assertThat(first.code()).isEqualTo(BelongingCli.BAD_USAGE);
    Run alone = trend("--treated", PILOT);
    assertThat(alone.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(alone.err()).contains("--treated and --after go together");
    Run one = run("trend", "--instrument", "builtin:shkv", "--wave", Q1);
    assertThat(one.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(one.err()).contains("two or more --wave");
    Run malformed = run("trend", "--instrument", "builtin:shkv", "--wave", Q1, "--wave", "samples/x.csv");
    assertThat(malformed.code()).isEqualTo(BelongingCli.BAD_USAGE);
    assertThat(malformed.err()).contains("give LABEL=FILE.csv");
    for (Run r : List.of(attribute, value, wave, first, alone, one, malformed)) {
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }
}

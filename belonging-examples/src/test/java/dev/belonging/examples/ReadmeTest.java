package dev.belonging.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.io.ImportMode;
import dev.belonging.core.io.ImportResult;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Instrument;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportJson;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's code runs, and is exactly the code below: the docs cannot drift from the API. */
class ReadmeTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path THIS_FILE =
      Path.of("src", "test", "java", "dev", "belonging", "examples", "ReadmeTest.java");

  @Test
  void theReadmeSnippetIsTheCodeThisTestRuns() throws Exception {
    Matcher readme = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(README, StandardCharsets.UTF_8));
    assertThat(readme.find()).as("a java block in README.md").isTrue();
    Matcher here = Pattern.compile("// README start\\n(.*?)    // README end", Pattern.DOTALL)
        .matcher(Files.readString(THIS_FILE, StandardCharsets.UTF_8));
    assertThat(here.find()).isTrue();
    String code = here.group(1).lines().map(l -> l.length() >= 4 ? l.substring(4) : l.strip())
        .reduce("", (a, b) -> a + b + "\n");
    assertThat(readme.group(1)).isEqualTo(code);
  }

  @Test
  void theReadmeSnippetRuns() throws Exception {
    Path data = SharedData.dir();
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
    // README start
    Instrument instrument = InstrumentJson.read(data.resolve("attrition.instrument.json"));
    ImportResult imported = ResponseCsv.withDefaults(instrument)
        .withMode(ImportMode.SKIP_INVALID)
        .read(data.resolve("attrition.csv"));
    Report report = BelongingAnalysis.withDefaults(instrument)
        .withBreakdowns(Breakdown.of("department"), Breakdown.parse("role*tenure"))
        .analyze(imported.responses(), imported.problems());
    for (SegmentResult segment : report.segments()) {
      if (segment instanceof ShownSegment shown) {
        Statistic mean = shown.dimensions().get("satisfaction").mean();
        System.out.println(shown.segment().label() + ": " + mean);
      }
    }
    String json = ReportJson.toJson(report);
    // README end
      assertThat(json).contains("\"schemaVersion\" : 1");
    } finally {
      System.setOut(stdout);
    }
    String first = captured.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    assertThat(first).startsWith("all: ");
    // R: mean of all 1470 satisfaction scores, attrition_reference.txt "mean all satisfaction"
    assertThat(Double.parseDouble(first.substring(5))).isCloseTo(2.7208616780045349,
        org.assertj.core.data.Offset.offset(1e-12));
  }
}

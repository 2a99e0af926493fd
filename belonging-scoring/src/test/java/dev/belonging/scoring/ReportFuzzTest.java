package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.belonging.core.io.CsvLimits;
import dev.belonging.core.io.ImportMode;
import dev.belonging.core.io.ImportResult;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.InvalidResponsesException;
import dev.belonging.core.model.Problem;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportCsv;
import dev.belonging.scoring.report.ReportJson;
import dev.belonging.scoring.report.ReportSchema;
import dev.belonging.scoring.report.ReportText;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage-guided fuzzing of the whole {@code report} path: fuzzed bytes are read as responses (skipping
 * invalid rows), analysed with three breakdowns and a small k, and rendered as JSON, CSV and text. The only
 * acceptable outcomes are an {@link InvalidResponsesException} whose problems name a line (an empty file
 * has none), or a report whose JSON is strict JSON (and, replaying the corpus, conforms to the schema),
 * whose shown segments have at least k respondents, whose CSV has no text cell a spreadsheet would run and
 * only numbers as values (and is the same written as it goes), and whose text has no control character but
 * line ends. Any other exception, a hang or unbounded memory is a
 * failure.
 *
 * <p>In {@code mvn verify} this replays the inputs under
 * {@code src/test/resources/dev/belonging/scoring/ReportFuzzTestInputs/reportsAnyBytes/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see CONTRIBUTING.md).
 */
class ReportFuzzTest {

  private static final int K = 3;

  private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private static final ResponseCsv CSV = ResponseCsv.withDefaults(TinySurvey.INSTRUMENT)
      .withAttributes(List.of("team", "role"))
      .withMode(ImportMode.SKIP_INVALID)
      .withLimits(CsvLimits.defaults().withMaxCellChars(48).withMaxColumns(10).withMaxRows(40)
          .withMaxDistinctValues(6));

  private static final BelongingAnalysis ANALYSIS = BelongingAnalysis.withDefaults(TinySurvey.INSTRUMENT)
      .withBreakdowns(Breakdown.of("team"), Breakdown.of("role"), Breakdown.of("team", "role"))
      .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(K).withCommentThreshold(K));

  @FuzzTest(maxDuration = "10m")
  void reportsAnyBytes(byte[] data) throws IOException {
    ImportResult imported;
    try {
      imported = CSV.read(new ByteArrayInputStream(data), "fuzz.csv");
    } catch (InvalidResponsesException e) {
      for (Problem p : e.problems()) {
        assertThat(p.line() > 0 || p.message().equals("empty file")).as("located: %s", p).isTrue();
      }
      return;
    }
    Report report = ANALYSIS.analyze(imported.responses(), imported.problems());
    for (SegmentResult s : report.segments()) {
      if (s instanceof ShownSegment shown) {
        assertThat(shown.respondents()).as("respondents of %s", s.segment()).isGreaterThanOrEqualTo(K);
      }
    }
    String json = ReportJson.toJson(report);
    JsonNode tree = JSON.readTree(json); // strict: no NaN, no trailing content
    assertThat(tree.get("respondents").asLong()).isEqualTo(imported.responses().size());
    if (!FUZZING) {
      // the schema check costs as much as the analysis: run it on the corpus, not on every mutation
      assertThat(ReportSchema.violations(json)).as("schema violations of %s", json).isEmpty();
    }
    String csv = ReportCsv.render(report);
    checkCsv(csv);
    StringWriter streamed = new StringWriter();
    ReportCsv.write(report, streamed);
    assertThat(streamed.toString()).isEqualTo(csv);
    String text = ReportText.render(report);
    assertThat(text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
        || c == '\u202E' || c == '\u2066'))
        .as("control characters in %s", text).isEmpty();
  }

  /** Every cell but the value is text that does not start a formula; every value is empty or a number. */
  static void checkCsv(String csv) {
    List<List<String>> rows = parseCsv(csv);
    List<String> header = rows.get(0);
    int value = header.indexOf("value");
    assertThat(value).isPositive();
    for (List<String> row : rows) {
      assertThat(row).as("cells of %s", row).hasSameSizeAs(header);
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        if (i == value && row != header) {
          if (!cell.isEmpty()) {
            Double.parseDouble(cell);
          }
        } else if (!cell.isEmpty()) {
          assertThat("=+-@\t\r".indexOf(cell.charAt(0))).as("first character of text cell %s", cell)
              .isNegative();
        }
      }
    }
  }

  /** RFC 4180 with CR LF line ends, as {@link ReportCsv} writes it. */
  static List<List<String>> parseCsv(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    assertThat(quoted).as("unterminated quote").isFalse();
    assertThat(cell.length() == 0 && row.isEmpty()).as("text after the last line end").isTrue();
    return rows;
  }
}

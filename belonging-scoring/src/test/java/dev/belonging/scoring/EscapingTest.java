package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.core.model.Wave;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportCsv;
import dev.belonging.scoring.report.ReportJson;
import dev.belonging.scoring.report.ReportText;
import dev.belonging.scoring.trend.Survey;
import dev.belonging.scoring.trend.Treatment;
import dev.belonging.scoring.trend.TrendAnalysis;
import dev.belonging.scoring.trend.TrendCsv;
import dev.belonging.scoring.trend.TrendReport;
import dev.belonging.scoring.trend.TrendText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every string from the data (instrument name and ids, attribute values, comments) is escaped in every
 * rendering of the library: CSV cells that a spreadsheet would run as a formula get a leading {@code '}
 * while numbers stay as they are, text has no control character that a terminal would obey, JSON keeps
 * the value exactly and encodes what must be encoded. (HTML is the command line's; its tests are in
 * belonging-examples.)
 */
class EscapingTest {

  private static final String FORMULA_TEAM = "=cmd|' /C calc'!A0";
  private static final String TERMINAL_TEAM = "@team\u001b[31m\nforged line";
  private static final String COMMENT = "@SUM(1+1)\u001b]0;title\u0007 and \u202Eright to left";

  private static Report report;
  private static ResponseSet responses;
  private static BelongingAnalysis analysis;

  @BeforeAll
  static void analyse() {
    Instrument instrument = Instrument.of("=id", "@v", "<b>Name</b>\u001b[2J", Scale.of(1, 5, 4),
        List.of(Dimension.of("-voice", "=HYPERLINK(\"http://x\")")),
        List.of(
            Question.rating("@q1", "+one", "-voice"),
            Question.rating("\tq2", "\ttwo", "-voice"),
            Question.comment("=c", "-comment")));
    ResponseSet.Builder b = ResponseSet.builder(instrument).attributes(List.of("team"));
    for (int i = 0; i < 12; i++) {
      boolean low = i < 6;
      int answer = low ? 1 + i % 2 : 4 + i % 2;
      b.add(RespondentId.of("+r" + i), Map.of("team", low ? FORMULA_TEAM : TERMINAL_TEAM),
          Map.of("@q1", answer, "\tq2", answer), Map.of("=c", COMMENT + i % 2));
    }
    responses = b.build();
    analysis = BelongingAnalysis.withDefaults(instrument).withBreakdowns(Breakdown.of("team"))
        .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(3).withCommentThreshold(3));
    report = analysis.analyze(responses);
  }

  @Test
  void csvTextCellsThatWouldRunAsFormulasArePrefixedAndNumbersAreNot() {
    String csv = ReportCsv.render(report);
    ReportFuzzTest.checkCsv(csv);
    List<List<String>> rows = ReportFuzzTest.parseCsv(csv);
    List<String> header = rows.get(0);
    assertThat(header).containsExactly("wave", "segment", "team", "dimension", "question", "statistic",
        "value", "reason");
    assertThat(rows).anySatisfy(r -> assertThat(r.get(2)).isEqualTo("'" + FORMULA_TEAM));
    assertThat(rows).anySatisfy(r -> assertThat(r.get(2)).isEqualTo("'" + TERMINAL_TEAM));
    assertThat(rows).anySatisfy(r -> assertThat(r.get(3)).isEqualTo("'-voice"));
    assertThat(rows).anySatisfy(r -> assertThat(r.get(4)).isEqualTo("'@q1"));
    // the low team's gap is negative, and its numbers are written as numbers
    List<List<String>> differences = rows.stream().filter(r -> r.get(5).equals("gap.difference")).toList();
    assertThat(differences).anySatisfy(r -> {
      assertThat(r.get(6)).startsWith("-");
      assertThat(Double.parseDouble(r.get(6))).isEqualTo(report.gaps().stream()
          .filter(g -> g.segment().attributes().get("team").equals(FORMULA_TEAM)).findFirst().orElseThrow()
          .difference().value());
    });
  }

  @Test
  void theCsvWrittenAsItGoesIsTheCsvRenderedAndAFailedWriteIsSaid() {
    StringWriter streamed = new StringWriter();
    ReportCsv.write(report, streamed);
    assertThat(streamed.toString()).isEqualTo(ReportCsv.render(report));
    Writer failing = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> ReportCsv.write(report, failing)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("disk full");
  }

  @Test
  void aCellStartingWithATabOrCarriageReturnIsPrefixedToo() {
    // some spreadsheets skip leading white space before they look for a formula
    List<List<String>> rows = ReportFuzzTest.parseCsv(ReportCsv.render(report));
    assertThat(rows).anySatisfy(r -> assertThat(r.get(4)).isEqualTo("'\tq2"));
    assertThat(rows).noneSatisfy(r -> assertThat(r.get(4)).isEqualTo("\tq2"));
  }

  @Test
  void textHasNoControlCharacterAndNoForgedLine() {
    String text = ReportText.render(report);
    assertThat(text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r')).isEmpty();
    assertThat(text).doesNotContain("\u202E");
    assertThat(text).contains("<b>Name</b>\uFFFD[2J (=id v@v)");
    assertThat(text).contains("team=@team\uFFFD[31m forged line");
    assertThat(text).contains("@SUM(1+1)\uFFFD]0;title\uFFFD and \uFFFDright to left");
    assertThat(text.lines()).noneMatch(l -> l.startsWith("forged line"));
  }

  @Test
  void jsonKeepsEveryValueExactlyAndEncodesControlCharacters() {
    String json = ReportJson.toJson(report);
    assertThat(json.chars().filter(c -> Character.isISOControl(c) && c != '\n')).isEmpty();
    JsonNode tree = JsonMapper.builder().build().readTree(json);
    assertThat(tree.get("instrument").get("id").asString()).isEqualTo("=id");
    assertThat(tree.get("segments")).anySatisfy(s -> assertThat(s.get("attributes").path("team").asString(""))
        .isEqualTo(TERMINAL_TEAM));
    assertThat(tree.get("comments").get(0).get("texts").get(0).asString()).isEqualTo(COMMENT + 0);
  }

  @Test
  void theTrendReportEscapesWaveLabelsAndDataStringsToo() {
    TrendReport trend = TrendAnalysis.of(analysis)
        .withTreatment(Treatment.parse("team=" + TERMINAL_TEAM, "=after"))
        .analyze(Survey.of(responses.withWave(Wave.of("@before")), responses.withWave(Wave.of("=after"))));
    String text = TrendText.render(trend);
    assertThat(text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r')).isEmpty();
    assertThat(text).contains("team=@team\uFFFD[31m forged line");
    assertThat(text.lines()).noneMatch(l -> l.startsWith("forged line"));
    String csv = TrendCsv.render(trend);
    StringWriter streamed = new StringWriter();
    TrendCsv.write(trend, streamed);
    assertThat(streamed.toString()).isEqualTo(csv);
    List<List<String>> rows = ReportFuzzTest.parseCsv(csv);
    assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).isEqualTo("'@before"));
    assertThat(rows).anySatisfy(r -> assertThat(r.get(2)).isEqualTo("'" + FORMULA_TEAM));
    assertThat(rows).noneSatisfy(r -> assertThat(r.get(0)).isEqualTo("=after"));
  }
}

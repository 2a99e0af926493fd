package dev.belonging.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.belonging.core.SharedData;
import dev.belonging.core.model.AnswerColumn;
import dev.belonging.core.model.InvalidResponsesException;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.ResponseSet;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports the real data sets of {@code shared/data}. */
class ResponseCsvSharedDataTest {

  private static final ResponseCsv LQ2002 = ResponseCsv.withDefaults(TestInstruments.lq2002());

  @Test
  void lq2002ImportsWithoutProblems() throws IOException {
    ImportResult result = LQ2002.read(SharedData.file("lq2002.csv"));

    ResponseSet set = result.responses();
    assertThat(result.problems()).isEmpty();
    // 2042 respondents in 49 companies: the data README; also `awk -F, 'NR>1' | wc -l` and
    // `awk -F, 'NR>1{print $2}' | sort -u | wc -l` on the file
    assertThat(set.size()).isEqualTo(2042);
    assertThat(set.attributeNames()).containsExactly("company");
    assertThat(set.attribute("company").cardinality()).isEqualTo(49);
    // first data line: "s0001","C02",2,2,2,3,2,2,5,5,5,5,4,1,5,5,0,0,0,0,0
    assertThat(set.get(0).respondent().id().value()).isEqualTo("s0001");
    assertThat(set.get(0).respondent().attributes()).isEqualTo(Map.of("company", "C02"));
    assertThat(set.answers("LEAD04").value(0)).isEqualTo(3);
    assertThat(set.answers("TSIG01").value(0)).isEqualTo(1);
    assertThat(set.answers("HOSTIL05").value(0)).isEqualTo(0);
    for (String q : List.of("LEAD01", "TSIG03", "HOSTIL01")) {
      assertThat(set.answers(q).answered()).isEqualTo(2042);
    }
  }

  @Test
  void lq2002WithMissingCellsImportsThemAsMissingAnswers() throws IOException {
    ResponseSet set = LQ2002.read(SharedData.file("lq2002_missing.csv")).responses();

    assertThat(set.size()).isEqualTo(2042);
    // counted in the file with awk -F, 'NR>1 && $3==""' (LEAD01) and 'NR>1 && $21==""' (HOSTIL05)
    assertThat(2042 - set.answers("LEAD01").answered()).isEqualTo(103);
    assertThat(2042 - set.answers("HOSTIL05").answered()).isEqualTo(154);
    // every empty item cell of the file: awk -F, 'NR>1{for(i=3;i<=NF;i++) if($i=="") n++}' gives 2515
    int missing = 0;
    for (var q : set.instrument().questions()) {
      missing += 2042 - set.answers(q.id()).answered();
    }
    assertThat(missing).isEqualTo(2515);
    // the 40 soldiers who skipped every hostility item (data README)
    int skippedAll = 0;
    for (int row = 0; row < set.size(); row++) {
      boolean all = true;
      for (int i = 1; i <= 5; i++) {
        all &= set.answers("HOSTIL0" + i).isMissing(row);
      }
      skippedAll += all ? 1 : 0;
    }
    assertThat(skippedAll).isEqualTo(40);
    // line 2 is "s0001","C02",2,2,2,3,2,2,5,5,5,5,4,1,5,5,0,0,0,,0 and line 101 is
    // "s0100","C04",2,3,1,1,1,4,2,3,1,1,,2,4,4,3,1,2,3,0
    assertThat(set.answers("HOSTIL04").isMissing(0)).isTrue();
    assertThat(set.answers("HOSTIL05").value(0)).isEqualTo(0);
    assertThat(set.respondentId(99).value()).isEqualTo("s0100");
    assertThat(set.answers("LEAD11").isMissing(99)).isTrue();
    assertThat(set.answers("LEAD10").value(99)).isEqualTo(1);
  }

  @Test
  void attritionImportsWithItsSevenAttributes() throws IOException {
    ImportResult result = ResponseCsv.withDefaults(TestInstruments.attrition())
        .read(SharedData.file("attrition.csv"));

    ResponseSet set = result.responses();
    assertThat(result.problems()).isEmpty();
    assertThat(set.size()).isEqualTo(1470);
    assertThat(set.attributeNames())
        .containsExactly("department", "role", "gender", "overtime", "tenure", "travel", "left");
    // awk -F, 'NR>1{print $2}' attrition.csv | sort | uniq -c: 63 HR, 961 R&D, 446 Sales
    assertThat(set.attribute("department").values())
        .containsExactlyInAnyOrder("Human_Resources", "Research_Development", "Sales");
    long sales = set.stream().filter(r -> r.respondent().attributes().get("department").equals("Sales"))
        .count();
    assertThat(sales).isEqualTo(446);
    // last line: "e1470","Research_Development","Laboratory_Technician","Male","No","2-4",...,2,3,1,4,4
    assertThat(set.respondentId(1469).value()).isEqualTo("e1470");
    assertThat(set.answers("balance").value(1469)).isEqualTo(4);
  }

  @Test
  void lq2002WithInjectedBadRowsReportsExactlyThoseLines(@TempDir Path dir) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(SharedData.file("lq2002.csv"),
        StandardCharsets.UTF_8));
    // lines.get(i) is physical line i + 1
    lines.set(9, lines.get(9).replaceFirst(",\\d,", ",6,"));                     // line 10: LEAD01 = 6
    lines.set(499, lines.get(499).replaceFirst("\"s0499\"", "\"s0002\""));       // line 500: duplicate id
    lines.set(1000, lines.get(1000).replaceFirst(",\\d$", ",x"));                 // line 1001: HOSTIL05 = x
    lines.set(1500, lines.get(1500).replaceFirst(",\\d,\\d$", ",0"));             // line 1501: a cell short
    lines.set(2042, lines.get(2042).replaceFirst("\"s2042\"", "\"\""));           // line 2043: blank id
    Path file = dir.resolve("lq2002_bad.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);

    ImportResult result = LQ2002.withMode(ImportMode.SKIP_INVALID).read(file);

    assertThat(result.rejected()).extracting(RejectedRow::line).containsExactly(10L, 500L, 1001L, 1501L, 2043L);
    assertThat(result.problems()).extracting(Problem::column)
        .containsExactly("LEAD01", "respondent", "HOSTIL05", "", "respondent");
    assertThat(result.problems().get(1).message()).isEqualTo("duplicate respondent id (first on line 3)");
    assertThat(result.responses().size()).isEqualTo(2042 - 5);

    InvalidResponsesException e = catchThrowableOfType(InvalidResponsesException.class,
        () -> LQ2002.read(file));
    assertThat(e.problems()).isEqualTo(result.problems());
  }

  @Test
  void lq2002WrittenAndReadBackIsUnchanged(@TempDir Path dir) throws IOException {
    ResponseSet set = LQ2002.read(SharedData.file("lq2002_missing.csv")).responses();
    StringWriter text = new StringWriter();
    LQ2002.write(set, text);
    Path file = dir.resolve("copy.csv");
    LQ2002.write(set, file);

    assertThat(LQ2002.read(file).responses()).isEqualTo(set);
    assertThat(Files.readString(file)).isEqualTo(text.toString());
    // the only difference to the original is quoting (the original quotes ids and companies) and CR LF
    assertThat(text.toString().replace("\r\n", "\n"))
        .isEqualTo(Files.readString(SharedData.file("lq2002_missing.csv")).replace("\"", ""));
  }

  @Test
  void theSharedDataIsFoundFromTheModuleDirectory() {
    Path dir = SharedData.dir();

    assertThat(dir.resolve("README.md")).isRegularFile();
    assertThat(dir.getFileName().toString()).isEqualTo("data");
  }
}

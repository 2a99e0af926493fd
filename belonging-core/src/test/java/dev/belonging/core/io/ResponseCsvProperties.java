package dev.belonging.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.belonging.core.io.CsvGenerators.Csv;
import dev.belonging.core.io.CsvGenerators.Defect;
import dev.belonging.core.io.CsvGenerators.Row;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Response;
import dev.belonging.core.model.ResponseSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResponseCsvProperties {

  private static final ResponseCsv STRICT = ResponseCsv.withDefaults(CsvGenerators.INSTRUMENT)
      .withLimits(CsvLimits.defaults().withMaxCellChars(CsvGenerators.CELL_LIMIT));
  private static final ResponseCsv SKIP = STRICT.withMode(ImportMode.SKIP_INVALID);

  private static ImportResult read(ResponseCsv csv, Csv file) {
    try {
      return file.reader(csv).read(new ByteArrayInputStream(file.bytes()), "generated.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyValidRowSurvivesImportUnchanged() {
    qt().withExamples(300).forAll(CsvGenerators.validRows(), CsvGenerators.styles())
        .checkAssert((rows, style) -> {
          ResponseSet expected = CsvGenerators.expected(rows);

          ImportResult result = read(STRICT, CsvGenerators.write(rows, style));

          assertThat(result.rejected()).isEmpty();
          assertThat(result.responses()).isEqualTo(expected);
          assertThat(result.responses().asList()).isEqualTo(expected.asList());
        });
  }

  @Test
  void whatTheWriterWritesReadsBackEqual() {
    qt().withExamples(200).forAll(CsvGenerators.validRows(), CsvGenerators.styles())
        .checkAssert((rows, style) -> {
          ResponseSet set = CsvGenerators.expected(rows);
          StringWriter text = new StringWriter();
          ResponseCsv csv = STRICT.withSeparator(style.separator());
          try {
            csv.write(set, text);
            assertThat(csv.read(new StringReader(text.toString())).responses()).isEqualTo(set);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Also checks that every defect, line ending and multi-line rows really occur among the examples. */
  @Test
  void everyInvalidRowIsReportedWithItsOwnLine() {
    Set<Defect> defects = EnumSet.complementOf(EnumSet.of(Defect.NONE));
    Set<String> seen = new HashSet<>();
    qt().withExamples(300).forAll(CsvGenerators.rows(40, defects, 30), CsvGenerators.styles())
        .checkAssert((rows, style) -> {
          Csv file = CsvGenerators.write(rows, style);
          List<Long> invalidLines = new ArrayList<>();
          Map<Long, Row> rowAt = new HashMap<>();
          Map<String, Long> lineOfValidId = new HashMap<>();
          for (int r = 0; r < rows.size(); r++) {
            rowAt.put(file.lines()[r], rows.get(r));
            if (rows.get(r).defect() != Defect.NONE) {
              invalidLines.add(file.lines()[r]);
            } else {
              lineOfValidId.put(rows.get(r).id(), file.lines()[r]);
            }
          }

          ImportResult result = read(SKIP, file);

          assertThat(result.rejected()).extracting(RejectedRow::line).isEqualTo(invalidLines);
          assertThat(result.responses()).isEqualTo(CsvGenerators.expected(rows));
          for (RejectedRow rejected : result.rejected()) {
            Row row = rowAt.get(rejected.line());
            List<String> messages = rejected.problems().stream().map(Problem::message).toList();
            if (row.defect() == Defect.DUPLICATE_ID) {
              assertThat(messages).containsExactly(
                  "duplicate respondent id (first on line " + lineOfValidId.get(row.id()) + ")");
            } else if (row.defect() == Defect.TOO_FEW_CELLS || row.defect() == Defect.TOO_MANY_CELLS) {
              assertThat(messages).singleElement().asString()
                  .contains("too " + (row.defect() == Defect.TOO_FEW_CELLS ? "few" : "many") + " cells");
            } else {
              assertThat(messages).containsExactly(CsvGenerators.expectedMessage(row));
            }
            int index = rows.indexOf(row);
            long expectedLine = row.defect() == Defect.INVALID_UTF8 ? file.invalidByteLines()[index]
                : rejected.line();
            assertThat(rejected.problems()).extracting(Problem::line).containsOnly(expectedLine);
            seen.add(row.defect().name());
            if (expectedLine > rejected.line()) {
              seen.add("invalid bytes below the row's first line");
            }
          }
          for (int r = 0; r + 1 < rows.size(); r++) {
            if (file.lines()[r + 1] > file.lines()[r] + 1) {
              seen.add("a row over several lines");
            }
          }
          seen.add("line ending " + style.lineEnding().replace("\r", "CR").replace("\n", "LF"));
          if (style.byteOrderMark()) {
            seen.add("byte order mark");
          }
          seen.add("separator " + ResponseCsv.describeSeparator(style.separator()));
        });

    Set<String> wanted = new HashSet<>(List.of("a row over several lines", "invalid bytes below the "
        + "row's first line", "line ending LF", "line ending CRLF", "line ending CR", "byte order mark",
        "separator ','", "separator ';'", "separator a tab", "separator '|'"));
    for (Defect d : defects) {
      wanted.add(d.name());
    }
    assertThat(seen).containsAll(wanted);
  }

  @Test
  void theProblemsDoNotDependOnRowOrder() {
    Set<Defect> defects = EnumSet.complementOf(EnumSet.of(Defect.NONE, Defect.DUPLICATE_ID));
    qt().withExamples(200).forAll(CsvGenerators.rows(30, defects, 40), CsvGenerators.styles(),
        CsvGenerators.seeds()).checkAssert((rows, style, seed) -> {
          List<Integer> order = new ArrayList<>();
          for (int i = 0; i < rows.size(); i++) {
            order.add(i);
          }
          Collections.shuffle(order, new Random(seed));
          List<Row> permuted = order.stream().map(rows::get).toList();

          Map<Integer, List<String>> original = problemsByRow(rows, List.copyOf(identity(rows.size())),
              style);
          Map<Integer, List<String>> shuffled = problemsByRow(permuted, order, style);

          assertThat(shuffled).isEqualTo(original);
        });
  }

  private static List<Integer> identity(int n) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(i);
    }
    return ids;
  }

  /**
   * Reads rows and returns, by original row index, each problem as its column, message and line relative
   * to the row's first line, sorted; valid rows map to an empty list.
   */
  private static Map<Integer, List<String>> problemsByRow(List<Row> rows, List<Integer> originalIndex,
      CsvGenerators.Style style) {
    Csv file = CsvGenerators.write(rows, style);
    ImportResult result = read(SKIP, file);
    Map<Long, Integer> rowOfLine = new HashMap<>();
    Map<Integer, List<String>> byRow = new HashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      rowOfLine.put(file.lines()[r], originalIndex.get(r));
      byRow.put(originalIndex.get(r), new ArrayList<>());
    }
    for (RejectedRow rejected : result.rejected()) {
      List<String> list = byRow.get(rowOfLine.get(rejected.line()));
      for (Problem p : rejected.problems()) {
        list.add(p.column() + "|" + p.message() + "|+" + (p.line() - rejected.line()));
      }
      Collections.sort(list);
    }
    Set<Response> kept = new HashSet<>(result.responses().asList());
    assertThat(kept).hasSize(result.responses().size());
    return byRow;
  }
}

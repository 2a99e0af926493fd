package dev.belonging.core.io;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators for responses files: rows of the {@link TestInstruments#pulse() pulse} instrument with two
 * attributes, valid or with one defect each, and a CSV writer of its own (random quoting, line endings and
 * answer spellings) that records the physical line where each row starts.
 */
final class CsvGenerators {

  /** The instrument of the generated rows. */
  static final Instrument INSTRUMENT = TestInstruments.pulse();

  /** The attribute columns, in header order. */
  static final List<String> ATTRIBUTES = List.of("team", "site");

  /** The cell limit to read generated files with; valid cells are far shorter. */
  static final int CELL_LIMIT = 40;

  /** Stands for invalid bytes in text; the writer turns its UTF-8 byte into 0xFF. */
  private static final char INVALID_BYTE = '\u0001';

  private static final List<Question> RATINGS = INSTRUMENT.questions().stream()
      .filter(Question::isRating).toList();

  /** Pieces of ids, attribute values and comments: separators, quotes, line breaks, non-ASCII. */
  private static final List<String> TOKENS = List.of("a", "b", "z", "Q", "0", "7", " ", "  ", ",", ";", "|", "\"",
      "\n", "\r", "\r\n", "\t", "é", "漢", "😀", "ß", "#", "'", "=");

  private CsvGenerators() {}

  /** What is wrong with a row. */
  enum Defect {
    NONE, OUT_OF_SCALE, NOT_AN_ANSWER, TOO_FEW_CELLS, TOO_MANY_CELLS, BLANK_ID, DUPLICATE_ID,
    CELL_TOO_LONG, INVALID_UTF8
  }

  /**
   * A row as generated.
   *
   * @param id the respondent id, unique and non-blank among generated rows
   * @param attributes the values of {@link #ATTRIBUTES}
   * @param answers the raw answer per rating question, {@code null} when missing
   * @param comment the comment, possibly blank
   * @param defect what is wrong with the row
   * @param seed choices of the defect (which cell, which value)
   */
  record Row(String id, List<String> attributes, List<Integer> answers, String comment, Defect defect,
      long seed) {}

  /**
   * How a file is written.
   *
   * @param lineEnding {@code \n}, {@code \r\n} or {@code \r}
   * @param finalLineEnding whether the last row ends with a line ending
   * @param byteOrderMark whether the file starts with a UTF-8 byte order mark
   * @param quotePercent how often a cell that needs no quotes is quoted anyway
   * @param seed the random choices of the writer
   * @param separator the cell separator: a comma half the time, else a semicolon, a tab or a bar
   */
  record Style(String lineEnding, boolean finalLineEnding, boolean byteOrderMark, int quotePercent,
      long seed, char separator) {}

  /**
   * A written file.
   *
   * @param bytes the file's bytes
   * @param lines the 1-based physical line where each row starts, in row order
   * @param invalidByteLines the line of each row's invalid byte, 0 for a row without one
   * @param separator the cell separator it was written with
   */
  record Csv(byte[] bytes, long[] lines, long[] invalidByteLines, char separator) {

    /** A reader configured as the base, reading this file's separator. */
    ResponseCsv reader(ResponseCsv base) {
      return base.withSeparator(separator);
    }
  }

  /** Returns text of 0 to 8 {@linkplain #TOKENS tokens}. */
  static Gen<String> texts() {
    Gen<String> token = Generate.pick(TOKENS);
    return in -> {
      int n = integers().between(0, 8).generate(in);
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < n; i++) {
        b.append(token.generate(in));
      }
      return b.toString();
    };
  }

  /** Returns valid rows of 1 to 30 respondents with unique ids. */
  static Gen<List<Row>> validRows() {
    return rows(30, EnumSet.noneOf(Defect.class), 0);
  }

  /**
   * Returns rows of which about {@code defectPercent} percent have one of the given defects.
   *
   * @param maxRows the most rows
   * @param defects the defects to choose from
   * @param defectPercent how often a row has a defect
   */
  static Gen<List<Row>> rows(int maxRows, Set<Defect> defects, int defectPercent) {
    List<Defect> choices = List.copyOf(defects);
    Gen<String> text = texts();
    return in -> {
      int n = integers().between(1, maxRows).generate(in);
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String id = text.generate(in) + "#" + i;
        List<String> attributes = List.of(text.generate(in), text.generate(in));
        List<Integer> answers = new ArrayList<>();
        for (Question q : RATINGS) {
          Scale s = INSTRUMENT.scaleOf(q);
          boolean missing = integers().between(0, 3).generate(in) == 0;
          answers.add(missing ? null : integers().between(s.min(), s.max()).generate(in));
        }
        String comment = text.generate(in);
        Defect defect = Defect.NONE;
        if (!choices.isEmpty() && integers().between(1, 100).generate(in) <= defectPercent) {
          defect = choices.get(integers().between(0, choices.size() - 1).generate(in));
        }
        long seed = longs().between(0, Long.MAX_VALUE).generate(in);
        if (defect == Defect.DUPLICATE_ID) {
          List<Row> valid = rows.stream().filter(r -> r.defect() == Defect.NONE).toList();
          if (valid.isEmpty()) {
            defect = Defect.BLANK_ID;
          } else {
            id = valid.get((int) (seed % valid.size())).id();
          }
        }
        rows.add(new Row(id, attributes, answers, comment, defect, seed));
      }
      return rows;
    };
  }

  /** Returns writing styles. */
  static Gen<Style> styles() {
    return in -> new Style(Generate.pick(List.of("\n", "\r\n", "\r")).generate(in),
        Generate.booleans().generate(in), integers().between(0, 4).generate(in) == 0,
        Generate.pick(List.of(0, 10, 50, 100)).generate(in), longs().all().generate(in),
        Generate.pick(List.of(',', ',', ',', ';', '\t', '|')).generate(in));
  }

  /** Returns a seed, such as for a permutation. */
  static Gen<Long> seeds() {
    return longs().all();
  }

  /**
   * Returns the response set of the rows without a defect, built with the model's builder.
   *
   * @param rows the rows
   * @return the responses expected from importing them
   */
  static ResponseSet expected(List<Row> rows) {
    ResponseSet.Builder b = ResponseSet.builder(INSTRUMENT).attributes(ATTRIBUTES);
    for (Row row : rows) {
      if (row.defect() != Defect.NONE) {
        continue;
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int a = 0; a < ATTRIBUTES.size(); a++) {
        attributes.put(ATTRIBUTES.get(a), row.attributes().get(a));
      }
      Map<String, Integer> answers = new LinkedHashMap<>();
      for (int q = 0; q < RATINGS.size(); q++) {
        if (row.answers().get(q) != null) {
          answers.put(RATINGS.get(q).id(), row.answers().get(q));
        }
      }
      b.add(RespondentId.of(row.id()), attributes, answers, Map.of("note", row.comment()));
    }
    return b.build();
  }

  /**
   * Returns the problem message a row's defect must produce, or {@code null} for {@link Defect#NONE} and
   * for defects whose message depends on more than the row.
   *
   * @param row the row
   * @return the expected {@link dev.belonging.core.model.Problem#message()}
   */
  static String expectedMessage(Row row) {
    switch (row.defect()) {
      case OUT_OF_SCALE: {
        Scale s = INSTRUMENT.scaleOf(RATINGS.get(defectQuestion(row)));
        return "answer outside the scale " + s.min() + ".." + s.max();
      }
      case NOT_AN_ANSWER:
        return INSTRUMENT.scaleOf(RATINGS.get(defectQuestion(row))).labels().isEmpty()
            ? "answer not an integer" : "answer not an integer or a label of the scale";
      case BLANK_ID:
        return "blank respondent id";
      case CELL_TOO_LONG:
        return "cell longer than " + CELL_LIMIT + " characters";
      case INVALID_UTF8:
        return "invalid UTF-8";
      default:
        return null;
    }
  }

  private static int defectQuestion(Row row) {
    return (int) (row.seed() % RATINGS.size());
  }

  /**
   * Writes rows as a CSV file of the given style.
   *
   * @param rows the rows
   * @param style how to write them
   * @return the bytes and the line where each row starts
   */
  static Csv write(List<Row> rows, Style style) {
    Random random = new Random(style.seed());
    StringBuilder text = new StringBuilder();
    List<String> header = new ArrayList<>();
    header.add("respondent");
    header.addAll(ATTRIBUTES);
    INSTRUMENT.questions().forEach(q -> header.add(q.id()));
    writeRecord(text, header, style, random);
    int[] starts = new int[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      text.append(style.lineEnding());
      starts[r] = text.length();
      writeRecord(text, cells(rows.get(r), random), style, random);
    }
    if (style.finalLineEnding()) {
      text.append(style.lineEnding());
    }
    long[] lines = new long[rows.size()];
    long[] invalidByteLines = new long[rows.size()];
    long line = 1;
    int row = -1;
    for (int at = 0; at < text.length(); at++) {
      while (row + 1 < rows.size() && starts[row + 1] == at) {
        lines[++row] = line;
      }
      char c = text.charAt(at);
      if (c == '\r' || (c == '\n' && (at == 0 || text.charAt(at - 1) != '\r'))) {
        line++;
      } else if (c == INVALID_BYTE) {
        invalidByteLines[row] = line;
      }
    }
    byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == INVALID_BYTE) {
        utf8[i] = (byte) 0xFF;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (style.byteOrderMark()) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    out.writeBytes(utf8);
    return new Csv(out.toByteArray(), lines, invalidByteLines, style.separator());
  }

  private static List<String> cells(Row row, Random random) {
    List<String> cells = new ArrayList<>();
    cells.add(row.defect() == Defect.BLANK_ID ? List.of("", " ", "\t ").get((int) (row.seed() % 3))
        : row.id());
    cells.addAll(row.attributes());
    for (int q = 0; q < RATINGS.size(); q++) {
      cells.add(answer(INSTRUMENT.scaleOf(RATINGS.get(q)), row.answers().get(q), random));
    }
    cells.add(row.comment());
    int answerCell = 1 + ATTRIBUTES.size() + defectQuestion(row);
    Scale scale = INSTRUMENT.scaleOf(RATINGS.get(defectQuestion(row)));
    int k = (int) (row.seed() % 7);
    switch (row.defect()) {
      case OUT_OF_SCALE:
        cells.set(answerCell, Integer.toString(k % 2 == 0 ? scale.max() + 1 + k : scale.min() - 1 - k));
        break;
      case NOT_AN_ANSWER:
        cells.set(answerCell, List.of("x", "4.5", "1 2", "-", "agree", "５", "3a").get(k));
        break;
      case TOO_FEW_CELLS:
        cells.subList(cells.size() - 1 - k % (cells.size() - 1), cells.size()).clear();
        break;
      case TOO_MANY_CELLS:
        for (int i = 0; i <= k % 3; i++) {
          cells.add("extra" + i);
        }
        break;
      case CELL_TOO_LONG:
        cells.set(1, "L".repeat(CELL_LIMIT + 1 + k));
        break;
      case INVALID_UTF8:
        int cell = k % 2 == 0 ? 1 : cells.size() - 1;
        String value = cells.get(cell);
        int at = value.isEmpty() ? 0 : (int) (row.seed() % (value.length() + 1));
        if (at > 0 && at < value.length() && Character.isLowSurrogate(value.charAt(at))) {
          at--; // keep surrogate pairs whole
        }
        cells.set(cell, value.substring(0, at) + INVALID_BYTE + value.substring(at));
        break;
      default:
        break;
    }
    return cells;
  }

  /** Spells an answer as an integer, an integer in spaces, or a label; a missing one empty or blank. */
  private static String answer(Scale scale, Integer value, Random random) {
    if (value == null) {
      return random.nextInt(4) == 0 ? " " : "";
    }
    int choice = random.nextInt(10);
    if (choice >= 8) {
      for (Map.Entry<String, Integer> label : scale.labels().entrySet()) {
        if (label.getValue().equals(value)) {
          return label.getKey();
        }
      }
    }
    if (choice >= 6) {
      List<String> spaces = List.of("", " ", "\t", "  ");
      return spaces.get(random.nextInt(4)) + value + spaces.get(1 + random.nextInt(3));
    }
    return Integer.toString(value);
  }

  private static void writeRecord(StringBuilder text, List<String> cells, Style style, Random random) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        text.append(style.separator());
      }
      String cell = cells.get(i);
      boolean needsQuotes = cell.indexOf(style.separator()) >= 0 || cell.indexOf('"') >= 0
          || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
      if (needsQuotes || random.nextInt(100) < style.quotePercent()) {
        text.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        text.append(cell);
      }
    }
  }
}

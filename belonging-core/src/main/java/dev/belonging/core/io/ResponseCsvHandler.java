package dev.belonging.core.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streams the records of a responses file straight into a {@link ResponseSet.Builder}.
 *
 * <p>The first non-empty record is the header: it is checked and each column is mapped once to what it
 * holds (the id, an attribute, a rating or comment question, or nothing). Every later record is a row:
 * its cells go into the builder's staging cursor without a {@code String} per cell (ratings are parsed
 * from the characters, ids and attribute values are copied), and {@link ResponseSet.Builder#endRow} checks
 * ids and scales and keeps the row if it has no problem.
 *
 * <p>A problem that makes the rest of the file unreadable or concerns the whole file throws {@link Stop}.
 * Not thread-safe; one instance reads one file.
 */
final class ResponseCsvHandler extends AbstractBaseCsvCallbackHandler<Void> {

  private static final byte ID = 0;
  private static final byte ATTRIBUTE = 1;
  private static final byte RATING = 2;
  private static final byte COMMENT = 3;
  private static final byte IGNORED = 4;

  /** Values longer than this are shortened when quoted in a problem's detail. */
  private static final int QUOTE_LIMIT = 40;

  /** Answers above this magnitude are outside every scale; parsing stops adding digits. */
  private static final long ANSWER_CAP = 1_000_000_000L;

  private final Instrument instrument;
  private final String idColumn;
  private final List<String> namedAttributes; // null: every other column
  private final QuestionColumns questionColumns;
  private final CsvLimits limits;
  private final ResponseSet.Builder builder;
  private final Utf8Input utf8; // null when the caller decoded the text
  private int located; // malformed sequences found in cells so far

  // per question of the instrument
  private final int[] scaleMin;
  private final int[] scaleMax;
  private final char[][][] labelChars;
  private final int[][] labelValues;

  // the header
  private boolean headerDone;
  private long headerLine;
  private final List<String> header = new ArrayList<>();
  private final List<Problem> headerProblems = new ArrayList<>();
  private int columns;
  private byte[] kind;
  private int[] target;
  private int attributeCount;

  // the row being read
  private long rowLine;
  private long rowBreaks; // line breaks inside quoted cells of the row so far
  private final List<Problem> rowProblems = new ArrayList<>();

  // the outcome
  private long rows;
  private final List<RejectedRow> rejected = new ArrayList<>();

  ResponseCsvHandler(Instrument instrument, String idColumn, List<String> namedAttributes,
      QuestionColumns questionColumns, CsvLimits limits, ResponseSet.Builder builder, Utf8Input utf8) {
    this.instrument = instrument;
    this.idColumn = idColumn;
    this.namedAttributes = namedAttributes;
    this.questionColumns = questionColumns;
    this.limits = limits;
    this.builder = builder;
    this.utf8 = utf8;
    List<Question> qs = instrument.questions();
    scaleMin = new int[qs.size()];
    scaleMax = new int[qs.size()];
    labelChars = new char[qs.size()][][];
    labelValues = new int[qs.size()][];
    for (int q = 0; q < qs.size(); q++) {
      if (qs.get(q).isRating()) {
        Scale scale = instrument.scaleOf(qs.get(q));
        scaleMin[q] = scale.min();
        scaleMax[q] = scale.max();
        Map<String, Integer> labels = scale.labels();
        labelChars[q] = new char[labels.size()][];
        labelValues[q] = new int[labels.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : labels.entrySet()) {
          labelChars[q][i] = e.getKey().toCharArray();
          labelValues[q][i] = e.getValue();
          i++;
        }
      }
    }
  }

  /** Thrown to stop reading; carries the problems that stopped it. */
  static final class Stop extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    Stop(List<Problem> problems) {
      super(problems.get(0).toString(), null, false, false);
      this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
      return problems;
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // FastCSV callbacks

  @Override
  protected void handleBegin(long startingLineNumber) {
    rowLine = startingLineNumber;
    rowBreaks = 0;
    if (headerDone) {
      rowProblems.clear();
      builder.beginRow();
    }
  }

  @Override
  protected void handleField(int index, char[] buf, int off, int len, boolean quoted) {
    long breaksBefore = rowBreaks;
    if (quoted && len > 0) {
      rowBreaks += lineBreaks(buf, off, off + len);
    }
    if (!headerDone) {
      headerField(index, buf, off, len, breaksBefore);
      return;
    }
    if (utf8 != null && utf8.malformed() != located
        && hasMarker(buf, off, len, breaksBefore, index < columns ? header.get(index) : "")) {
      if (index < columns && kind[index] == ID) {
        builder.id(buf, off, Math.min(len, limits.maxCellChars()));
      }
      return;
    }
    if (index >= columns) {
      return; // counted in buildRecord
    }
    if (len > limits.maxCellChars()) {
      rowProblems.add(Problem.ofCell(rowLine, header.get(index),
          "cell longer than " + limits.maxCellChars() + " characters",
          "cell of " + len + " characters is longer than the limit of " + limits.maxCellChars()));
      if (kind[index] == ID) {
        builder.id(buf, off, limits.maxCellChars()); // not blank, so that no second problem follows
      }
      return;
    }
    switch (kind[index]) {
      case ID:
        builder.id(buf, off, len);
        break;
      case ATTRIBUTE:
        builder.attribute(target[index], buf, off, len);
        break;
      case RATING:
        if (len == 1 && buf[off] >= '0' && buf[off] <= '9') {
          builder.answer(target[index], buf[off] - '0'); // the common cell: one digit
        } else {
          rating(target[index], index, buf, off, len);
        }
        break;
      case COMMENT:
        builder.comment(target[index], new String(buf, off, len));
        break;
      default:
        break;
    }
  }

  @Override
  protected Void buildRecord() {
    if (getRecordType() != RecordType.DATA) {
      return null; // an empty line
    }
    if (!headerDone) {
      finishHeader();
      return null;
    }
    rows++;
    if (rows > limits.maxRows()) {
      throw new Stop(List.of(Problem.ofCell(rowLine, "", "more than " + limits.maxRows() + " rows")));
    }
    int cells = getFieldCount();
    if (cells != columns) {
      String message = "row has " + cells + (cells == 1 ? " cell" : " cells") + " but the header has "
          + columns + " (too " + (cells < columns ? "few" : "many") + " cells)";
      rowProblems.add(Problem.ofCell(rowLine, "", message));
    }
    if (builder.endRow(rowLine, rowProblems)) {
      for (int a = 0; a < attributeCount; a++) {
        if (builder.attributeCardinality(a) > limits.maxDistinctValues()) {
          throw new Stop(List.of(Problem.ofCell(rowLine, attributeName(a),
              "attribute with more than " + limits.maxDistinctValues() + " distinct values",
              "attribute \"" + attributeName(a) + "\" has more than " + limits.maxDistinctValues()
                  + " distinct values; is it an id or free text? Name the attributes to import")));
        }
      }
    } else {
      rejected.add(RejectedRow.of(rowLine, rowProblems));
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------------
  // the end of the input

  /** Returns the rejected rows so far, in file order. */
  List<RejectedRow> rejected() {
    return rejected;
  }

  /** Returns every problem found so far: the header's, then the rejected rows'. */
  List<Problem> problemsSoFar() {
    List<Problem> all = new ArrayList<>(headerProblems);
    for (RejectedRow r : rejected) {
      all.addAll(r.problems());
    }
    return all;
  }

  /**
   * Checks the file as a whole after its last record.
   *
   * @throws Stop if the file is empty or has a header but no rows
   */
  void finish() {
    if (!headerDone) {
      throw new Stop(List.of(Problem.ofCell(0, "", "empty file", "the file is empty: no header, no rows")));
    }
    if (rows == 0) {
      throw new Stop(List.of(Problem.ofCell(headerLine, "", "header without rows",
          "the file has a header but no rows")));
    }
  }

  /**
   * Handles a quoted cell that was never closed: the parser read the rest of the input into it. The row
   * it belongs to is rejected.
   *
   * @throws Stop if the quote is in the header
   */
  void unterminatedQuote() {
    Problem problem = Problem.ofCell(rowLine, columnAt(getFieldCount()), "unterminated quote",
        "a quoted cell of the row starting on line " + rowLine
            + " is never closed; it runs to the end of the file");
    if (!headerDone) {
      throw new Stop(List.of(problem));
    }
    rows++;
    rowProblems.add(problem);
    rejected.add(RejectedRow.of(rowLine, rowProblems));
  }

  /**
   * Returns the problem for malformed CSV after which the parser cannot go on.
   *
   * @param parserMessage the parser's description
   * @param bufferExceeded whether the parser stopped because a cell outgrew its buffer
   * @param bufferSize the parser's buffer size, in characters
   * @return the problem, at the line where the malformed record starts
   */
  Problem malformed(String parserMessage, boolean bufferExceeded, int bufferSize) {
    String column = columnAt(getFieldCount());
    if (utf8 != null && utf8.malformed() != located) {
      return Problem.ofCell(rowLine, column, "invalid UTF-8",
          "invalid UTF-8: bytes that are not UTF-8 text where a quoted cell ends; save the file as UTF-8");
    }
    if (bufferExceeded) {
      return Problem.ofCell(rowLine, column, "cell too long to read",
          "a cell starting on line " + rowLine + " is longer than " + bufferSize
              + " characters, too long to read on (often a quote that is never closed)");
    }
    return Problem.ofCell(rowLine, column, "malformed CSV", "malformed CSV: " + parserMessage);
  }

  private String columnAt(int index) {
    return headerDone && index < columns ? header.get(index) : "";
  }

  // ---------------------------------------------------------------------------------------------------
  // the header

  private void headerField(int index, char[] buf, int off, int len, long breaksBefore) {
    if (index >= limits.maxColumns()) {
      return;
    }
    if (utf8 != null && utf8.malformed() != located) {
      hasMarker(buf, off, len, breaksBefore, "");
    }
    if (len > limits.maxCellChars()) {
      headerProblems.add(Problem.ofCell(rowLine, "", "column name longer than " + limits.maxCellChars()
          + " characters", "column " + (index + 1) + " has a name of " + len + " characters"));
      header.add(new String(buf, off, limits.maxCellChars()));
      return;
    }
    header.add(new String(buf, off, len));
  }

  private void finishHeader() {
    headerDone = true;
    headerLine = rowLine;
    List<Problem> problems = new ArrayList<>(headerProblems);
    headerProblems.clear();
    int count = getFieldCount();
    if (count > limits.maxColumns()) {
      problems.add(Problem.ofCell(headerLine, "", "more than " + limits.maxColumns() + " columns",
          "the header has " + count + " columns, more than the limit of " + limits.maxColumns()));
    }
    columns = header.size();
    Map<String, Integer> firstColumn = new HashMap<>();
    for (int i = 0; i < columns; i++) {
      String name = header.get(i);
      if (name.isBlank()) {
        problems.add(Problem.ofCell(headerLine, "", "column without a name",
            "column " + (i + 1) + " has no name"));
        continue;
      }
      Integer before = firstColumn.putIfAbsent(name, i);
      if (before != null) {
        problems.add(Problem.ofCell(headerLine, name, "duplicate column name",
            "column name \"" + name + "\" appears in columns " + (before + 1) + " and " + (i + 1)));
      }
    }
    if (!firstColumn.containsKey(idColumn)) {
      problems.add(Problem.ofCell(headerLine, idColumn, "no respondent id column",
          "the header has no column \"" + idColumn + "\" for the respondent id" + hint(idColumn)
              + "; the columns are " + header));
    }
    Set<String> absent = new LinkedHashSet<>();
    for (Question q : instrument.questions()) {
      if (!firstColumn.containsKey(q.id())) {
        if (questionColumns == QuestionColumns.REQUIRED) {
          problems.add(Problem.ofCell(headerLine, q.id(), "question column missing from the header",
              "the header has no column for question \"" + q.id() + "\"" + hint(q.id())));
        } else {
          absent.add(q.id());
        }
      }
    }
    List<String> attributes = new ArrayList<>();
    if (namedAttributes != null) {
      for (String name : namedAttributes) {
        if (!firstColumn.containsKey(name)) {
          problems.add(Problem.ofCell(headerLine, name, "attribute column missing from the header",
              "the header has no column for attribute \"" + name + "\"" + hint(name)));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new Stop(problems);
    }
    kind = new byte[columns];
    target = new int[columns];
    Map<String, Integer> attributeIndex = new HashMap<>();
    if (namedAttributes != null) {
      for (int a = 0; a < namedAttributes.size(); a++) {
        attributeIndex.put(namedAttributes.get(a), a);
      }
      attributes.addAll(namedAttributes);
    }
    for (int i = 0; i < columns; i++) {
      String name = header.get(i);
      int q = instrument.indexOf(name);
      if (name.equals(idColumn)) {
        kind[i] = ID;
      } else if (q >= 0) {
        kind[i] = instrument.questions().get(q).isRating() ? RATING : COMMENT;
        target[i] = q;
      } else if (namedAttributes == null) {
        kind[i] = ATTRIBUTE;
        target[i] = attributes.size();
        attributes.add(name);
      } else if (attributeIndex.containsKey(name)) {
        kind[i] = ATTRIBUTE;
        target[i] = attributeIndex.get(name);
      } else {
        kind[i] = IGNORED;
      }
    }
    attributeCount = attributes.size();
    builder.idColumn(idColumn).attributes(attributes).absentQuestions(absent);
  }

  /** Points at a column whose name differs from the wanted one only in case or surrounding spaces. */
  private String hint(String wanted) {
    String key = wanted.strip().toLowerCase(Locale.ROOT);
    for (String name : header) {
      if (!name.equals(wanted) && name.strip().toLowerCase(Locale.ROOT).equals(key)) {
        return " (column \"" + name + "\" differs only in case or spaces)";
      }
    }
    return "";
  }

  private String attributeName(int a) {
    for (int i = 0; i < columns; i++) {
      if (kind[i] == ATTRIBUTE && target[i] == a) {
        return header.get(i);
      }
    }
    return "";
  }

  // ---------------------------------------------------------------------------------------------------
  // cells

  /**
   * Parses a rating cell and stages it: an integer (surrounding spaces and tabs allowed, an optional sign)
   * or, failing that, a label of the question's scale; a blank cell is a missing answer. No allocation
   * unless the cell is a problem.
   */
  private void rating(int q, int index, char[] buf, int off, int len) {
    String column = header.get(index);
    int start = off;
    int end = off + len;
    while (start < end && (buf[start] == ' ' || buf[start] == '\t')) {
      start++;
    }
    while (end > start && (buf[end - 1] == ' ' || buf[end - 1] == '\t')) {
      end--;
    }
    if (start == end) {
      return; // missing answer
    }
    int i = start;
    boolean negative = buf[i] == '-';
    if (negative || buf[i] == '+') {
      i++;
    }
    long value = 0;
    boolean integer = i < end;
    for (; i < end; i++) {
      int digit = buf[i] - '0';
      if (digit < 0 || digit > 9) {
        integer = false;
        break;
      }
      if (value < ANSWER_CAP) {
        value = value * 10 + digit;
      }
    }
    if (integer) {
      if (value >= ANSWER_CAP) {
        String range = scaleMin[q] + ".." + scaleMax[q];
        rowProblems.add(Problem.ofCell(rowLine, column, "answer outside the scale " + range,
            "answer " + quote(buf, start, end - start) + " is outside the scale " + range));
      } else {
        builder.answer(q, (int) (negative ? -value : value));
      }
      return;
    }
    char[][] labels = labelChars[q];
    for (int l = 0; l < labels.length; l++) {
      if (labels[l].length == end - start && regionMatches(labels[l], buf, start)) {
        builder.answer(q, labelValues[q][l]);
        return;
      }
    }
    String range = scaleMin[q] + ".." + scaleMax[q];
    if (labels.length == 0) {
      rowProblems.add(Problem.ofCell(rowLine, column, "answer not an integer",
          "answer " + quote(buf, off, len) + " is not an integer on the scale " + range));
    } else {
      rowProblems.add(Problem.ofCell(rowLine, column, "answer not an integer or a label of the scale",
          "answer " + quote(buf, off, len) + " is neither an integer on the scale " + range
              + " nor one of its labels " + instrument.scaleOf(instrument.questions().get(q)).labels()
                  .keySet()));
    }
  }

  private static boolean regionMatches(char[] label, char[] buf, int start) {
    for (int i = 0; i < label.length; i++) {
      if (label[i] != buf[start + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Looks for markers of invalid UTF-8 in a cell; reports the first at the line where it is and counts
   * them all as located.
   */
  private boolean hasMarker(char[] buf, int off, int len, long breaksBefore, String column) {
    int first = -1;
    for (int i = off; i < off + len; i++) {
      if (Utf8Input.isMarker(buf, off, i)) {
        located++;
        if (first < 0) {
          first = i;
        }
      }
    }
    if (first < 0) {
      return false;
    }
    long line = rowLine + breaksBefore + lineBreaks(buf, off, first);
    Problem problem = Problem.ofCell(line, column, "invalid UTF-8",
        "invalid UTF-8: the cell holds bytes that are not UTF-8 text; save the file as UTF-8");
    (headerDone ? rowProblems : headerProblems).add(problem);
    return true;
  }

  /** Counts line breaks as the parser does: CR LF, CR and LF each end one line. */
  private static long lineBreaks(char[] buf, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      char c = buf[i];
      if (c == '\r' || (c == '\n' && (i == from || buf[i - 1] != '\r'))) {
        n++;
      }
    }
    return n;
  }

  /** Quotes a value for a problem's detail, shortened and with line breaks and tabs escaped. */
  private static String quote(char[] buf, int off, int len) {
    StringBuilder b = new StringBuilder(Math.min(len, QUOTE_LIMIT) + 8).append('"');
    for (int i = off; i < off + Math.min(len, QUOTE_LIMIT); i++) {
      char c = buf[i];
      switch (c) {
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        case '\t':
          b.append("\\t");
          break;
        default:
          b.append(c);
      }
    }
    if (len > QUOTE_LIMIT) {
      b.append('…');
    }
    return b.append('"').toString();
  }
}

package dev.belonging.core.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.ResponseSet;
import java.util.ArrayList;
import java.util.List;

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

  private static final byte ID = CsvHeader.ID;
  private static final byte ATTRIBUTE = CsvHeader.ATTRIBUTE;
  private static final byte RATING = CsvHeader.RATING;
  private static final byte COMMENT = CsvHeader.COMMENT;

  private final Instrument instrument;
  private final String idColumn;
  private final List<String> namedAttributes; // null: every other column
  private final QuestionColumns questionColumns;
  private final CsvLimits limits;
  private final ResponseSet.Builder builder;
  private final Utf8Input utf8; // null when the caller decoded the text
  private int located; // malformed sequences found in cells so far

  private final RatingCells ratings;

  // the header
  private boolean headerDone;
  private long headerLine;
  private final List<String> header = new ArrayList<>();
  private final List<Problem> headerProblems = new ArrayList<>();
  private CsvHeader mapped;
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
    this.ratings = new RatingCells(instrument);
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
      rowProblems.add(CsvHeader.cellCount(rowLine, cells, columns));
    }
    if (builder.endRow(rowLine, rowProblems)) {
      for (int a = 0; a < attributeCount; a++) {
        if (builder.attributeCardinality(a) > limits.maxDistinctValues()) {
          throw new Stop(List.of(mapped.tooManyValues(rowLine, a, limits)));
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
    List<Problem> earlier = new ArrayList<>(headerProblems);
    headerProblems.clear();
    mapped = CsvHeader.map(header, getFieldCount(), headerLine, earlier, instrument, idColumn,
        namedAttributes, questionColumns, limits);
    columns = mapped.columns();
    kind = mapped.kind;
    target = mapped.target;
    attributeCount = mapped.attributes.size();
    builder.idColumn(idColumn).attributes(mapped.attributes).absentQuestions(mapped.absent);
  }

  // ---------------------------------------------------------------------------------------------------
  // cells

  /** Parses a rating cell and stages it; a blank cell is a missing answer. */
  private void rating(int q, int index, char[] buf, int off, int len) {
    int value = ratings.parse(q, header.get(index), rowLine, buf, off, len, rowProblems);
    if (value > RatingCells.INVALID) {
      builder.answer(q, value);
    }
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
}

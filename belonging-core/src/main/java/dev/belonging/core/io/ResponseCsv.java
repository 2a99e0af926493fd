package dev.belonging.core.io;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import dev.belonging.core.model.AnswerColumn;
import dev.belonging.core.model.AttributeColumn;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.InvalidResponsesException;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.core.model.Wave;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes responses files: CSV (RFC 4180), UTF-8, one row per respondent.
 *
 * <p><b>Format.</b> Cells are separated by commas, or by the {@linkplain #withSeparator(char) separator}
 * chosen. The first non-empty line is the header. The column named by {@link #idColumn()}
 * (default {@code respondent}) holds the respondent id; every column whose name equals a question id holds
 * that question's answers; the other columns are respondent attributes, in header order, or only those
 * named with {@link #withAttributes(List)} (then the rest are ignored). Cells are read as follows.
 * <ul>
 *   <li>A rating cell holds an integer on the question's scale, optionally signed and surrounded by spaces
 *       or tabs ({@code " 4 "} is 4), or else a label of the scale, compared exactly after those spaces
 *       are removed ({@link Scale#labels()}). An empty or blank cell is a missing answer.
 *   <li>A comment cell ({@link dev.belonging.core.model.QuestionType#COMMENT}) is kept as text; a blank one
 *       is no comment.
 *   <li>Ids and attribute values are kept exactly as written, spaces included.
 * </ul>
 * A UTF-8 byte order mark is skipped; lines may end in CR LF, LF or CR; empty lines are ignored; quoted
 * cells may contain separators, doubled quotes and line breaks.
 *
 * <p><b>Problems.</b> Each is reported with the 1-based physical line where its row starts (a row whose
 * quoted cells span lines reports its first line; invalid bytes report the line they are on) and the
 * column name ({@code ""} for the whole row): an answer outside the scale, an answer that is not an
 * integer (nor a label), a row with too few or too many cells, an unterminated quote, invalid UTF-8, a
 * blank or duplicate respondent id, a cell longer than {@link CsvLimits#maxCellChars()}. A problem's
 * {@linkplain Problem#message() message} names neither the respondent nor the answer, its
 * {@linkplain Problem#detail() detail} quotes the value. In {@link ImportMode#STRICT} mode (the default)
 * any problem rejects the file with an {@link InvalidResponsesException} that lists every problem found;
 * in {@link ImportMode#SKIP_INVALID} mode the valid rows are imported and every rejected row is returned
 * with all of its problems. Problems about the whole file reject it in both modes: an empty file, a
 * header without rows, a duplicate or blank column name, a missing id, question (unless
 * {@link QuestionColumns#OPTIONAL}) or named attribute column, and the column, row and distinct-value
 * limits of {@link CsvLimits}; so does malformed quoting in the middle of the file, after which the rest
 * cannot be read.
 *
 * <p><b>Speed and memory.</b> A regular file ({@link #read(Path)}) is read as bytes, without decoding to
 * characters, in chunks of a few MiB parsed on every available processor and merged in file order into the
 * response set's columns; the result, problems and messages included, is exactly what one thread reading
 * the file from start to end gives (a quoted cell's line breaks cannot fool the cuts between chunks: a
 * chunk whose start turns out to lie inside a quoted cell is parsed again from where the previous record
 * really ended). About 300 MB/s per core once the JVM has compiled it. Memory holds the columns and a chunk
 * per thread, not the file. Files that need character-level handling (invalid UTF-8, a quote inside an
 * unquoted cell or text after a closing quote, an unterminated quote, a cell longer than the cell limit in
 * bytes, a record over 1 MiB, problems of the header or of the file as a whole, the row and distinct-value
 * limits) are read again by the streaming reader, which reports them. Streams and readers
 * ({@link #read(InputStream, String)}, {@link #read(Reader, String)}) are read by that streaming reader
 * (FastCSV's callback handler, one thread), straight into the columns with no object per cell and without
 * holding the input.
 *
 * <p>This class is immutable and thread-safe; each read uses its own state.
 */
public final class ResponseCsv {

  /** The default name of the respondent id column. */
  public static final String DEFAULT_ID_COLUMN = "respondent";

  private static final int MIN_PARSER_BUFFER = 16 << 20;
  private static final String UNCLOSED_QUOTE = "Unclosed quoted field";
  private static final String BUFFER_EXCEEDED = "maximum buffer size";

  private final Instrument instrument;
  private final String idColumn;
  private final List<String> attributes; // null: every column that is neither the id nor a question
  private final Wave wave;
  private final ImportMode mode;
  private final QuestionColumns questionColumns;
  private final CsvLimits limits;
  private final char separator;

  private ResponseCsv(Instrument instrument, String idColumn, List<String> attributes, Wave wave,
      ImportMode mode, QuestionColumns questionColumns, CsvLimits limits, char separator) {
    this.instrument = instrument;
    this.idColumn = idColumn;
    this.attributes = attributes;
    this.wave = wave;
    this.mode = mode;
    this.questionColumns = questionColumns;
    this.limits = limits;
    this.separator = separator;
  }

  /**
   * Returns a reader for responses to an instrument with the defaults: id column {@code respondent}, every
   * other non-question column an attribute, the {@linkplain Wave#DEFAULT default wave},
   * {@link ImportMode#STRICT}, {@link QuestionColumns#REQUIRED} and {@link CsvLimits#defaults()}.
   *
   * @param instrument the instrument answered
   * @return the reader
   */
  public static ResponseCsv withDefaults(Instrument instrument) {
    return new ResponseCsv(Objects.requireNonNull(instrument, "instrument"), DEFAULT_ID_COLUMN, null,
        Wave.DEFAULT, ImportMode.STRICT, QuestionColumns.REQUIRED, CsvLimits.defaults(), ',');
  }

  /**
   * Returns a copy that reads the respondent id from another column.
   *
   * @param name the column name, non-blank, neither a question id nor a named attribute
   * @return the reader
   * @throws IllegalArgumentException if the name is blank, a question id or a named attribute
   */
  public ResponseCsv withIdColumn(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("the id column name must not be blank");
    }
    if (instrument.indexOf(name) >= 0) {
      throw new IllegalArgumentException("id column \"" + name + "\" is a question of instrument \""
          + instrument.id() + "\"");
    }
    if (attributes != null && attributes.contains(name)) {
      throw new IllegalArgumentException("id column \"" + name + "\" is also named as an attribute");
    }
    return new ResponseCsv(instrument, name, attributes, wave, mode, questionColumns, limits, separator);
  }

  /**
   * Returns a copy that imports only these attribute columns, in this order, and ignores every other
   * column that is neither the id nor a question; a named attribute missing from the header rejects the
   * file.
   *
   * @param names the attribute column names, distinct and non-blank, neither a question id nor the id
   *     column; empty for no attributes
   * @return the reader
   * @throws IllegalArgumentException if a name is blank, repeated, a question id or the id column
   */
  public ResponseCsv withAttributes(List<String> names) {
    List<String> copy = List.copyOf(names);
    Set<String> seen = new HashSet<>();
    for (String name : copy) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("an attribute name must not be blank");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("attribute \"" + name + "\" is named twice");
      }
      if (instrument.indexOf(name) >= 0) {
        throw new IllegalArgumentException("attribute \"" + name + "\" is a question of instrument \""
            + instrument.id() + "\"");
      }
      if (name.equals(idColumn)) {
        throw new IllegalArgumentException("attribute \"" + name + "\" is the id column");
      }
    }
    return new ResponseCsv(instrument, idColumn, copy, wave, mode, questionColumns, limits, separator);
  }

  /**
   * Returns a copy that puts the responses in a wave.
   *
   * @param newWave the wave
   * @return the reader
   */
  public ResponseCsv withWave(Wave newWave) {
    return new ResponseCsv(instrument, idColumn, attributes, Objects.requireNonNull(newWave, "wave"), mode,
        questionColumns, limits, separator);
  }

  /**
   * Returns a copy with another import mode.
   *
   * @param newMode what to do with invalid rows
   * @return the reader
   */
  public ResponseCsv withMode(ImportMode newMode) {
    return new ResponseCsv(instrument, idColumn, attributes, wave, Objects.requireNonNull(newMode, "mode"),
        questionColumns, limits, separator);
  }

  /**
   * Returns a copy that requires, or does not require, a column for every question.
   *
   * @param newQuestionColumns whether a question column may be missing from the header
   * @return the reader
   */
  public ResponseCsv withQuestionColumns(QuestionColumns newQuestionColumns) {
    return new ResponseCsv(instrument, idColumn, attributes, wave, mode,
        Objects.requireNonNull(newQuestionColumns, "questionColumns"), limits, separator);
  }

  /**
   * Returns a copy with other limits.
   *
   * @param newLimits the limits
   * @return the reader
   */
  public ResponseCsv withLimits(CsvLimits newLimits) {
    return new ResponseCsv(instrument, idColumn, attributes, wave, mode, questionColumns,
        Objects.requireNonNull(newLimits, "limits"), separator);
  }

  /** The cell separators a file may use. */
  static final String SEPARATORS = ",;\t|";

  /**
   * Returns a copy that reads files whose cells are separated by another character: {@code ';'}, as
   * spreadsheets write "CSV" where the comma is the decimal mark, a tab for tab-separated exports, or
   * {@code '|'}. Quoting is the same for every separator: a cell that holds the separator, a quote or a line
   * break is quoted, and a quote inside it is doubled.
   *
   * @param newSeparator {@code ','} (the default), {@code ';'}, {@code '\t'} or {@code '|'}
   * @return the reader
   * @throws IllegalArgumentException for any other character
   */
  public ResponseCsv withSeparator(char newSeparator) {
    return new ResponseCsv(instrument, idColumn, attributes, wave, mode, questionColumns, limits,
        requireSeparator(newSeparator));
  }

  /**
   * Checks that a character may separate cells, for configurations that pass one on to a reader later.
   *
   * @param separator the character
   * @return the character: {@code ','}, {@code ';'}, {@code '\t'} or {@code '|'}
   * @throws IllegalArgumentException for any other character
   */
  public static char requireSeparator(char separator) {
    if (SEPARATORS.indexOf(separator) < 0) {
      throw new IllegalArgumentException("the separator must be ',', ';', a tab or '|', not "
          + describeSeparator(separator));
    }
    return separator;
  }

  /** A separator as messages name it: quoted, or "a tab". */
  static String describeSeparator(char c) {
    return c == '\t' ? "a tab" : Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
  }

  /**
   * Returns the instrument answered.
   *
   * @return the instrument
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * Returns the name of the respondent id column.
   *
   * @return the column name
   */
  public String idColumn() {
    return idColumn;
  }

  /**
   * Returns the attribute columns to import.
   *
   * @return the names, unmodifiable; empty when every column that is neither the id nor a question is an
   *     attribute
   */
  public Optional<List<String>> attributes() {
    return Optional.ofNullable(attributes);
  }

  /**
   * Returns the wave the responses are put in.
   *
   * @return the wave
   */
  public Wave wave() {
    return wave;
  }

  /**
   * Returns what happens to invalid rows.
   *
   * @return the mode
   */
  public ImportMode mode() {
    return mode;
  }

  /**
   * Returns whether every question needs a column.
   *
   * @return the question column rule
   */
  public QuestionColumns questionColumns() {
    return questionColumns;
  }

  /**
   * Returns the limits.
   *
   * @return the limits
   */
  public CsvLimits limits() {
    return limits;
  }

  /**
   * Returns the character that separates cells.
   *
   * @return {@code ','}, {@code ';'}, {@code '\t'} or {@code '|'}
   */
  public char separator() {
    return separator;
  }

  // ---------------------------------------------------------------------------------------------------
  // reading

  /**
   * Reads a responses file; problems name the file. A regular file is parsed in chunks on every available
   * processor (see the class description); the result does not depend on their number.
   *
   * @param file the file, UTF-8
   * @return the imported responses and, with {@link ImportMode#SKIP_INVALID}, the rejected rows
   * @throws InvalidResponsesException with every problem found, if the file cannot be imported (see the
   *     class description)
   * @throws IOException if the file cannot be read
   */
  public ImportResult read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    if (Files.isRegularFile(file)) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        ImportResult fast = ChunkedCsvReader.read(this, ChunkedCsvReader.Source.of(channel),
            file.toString(), ChunkedCsvReader.DEFAULT_CHUNK_BYTES, ChunkedCsvReader.defaultThreads());
        if (fast != null) {
          return fast;
        }
      }
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * Reads responses from a stream of UTF-8 bytes; the stream is read to its end and not closed.
   *
   * @param in the bytes
   * @return the imported responses and, with {@link ImportMode#SKIP_INVALID}, the rejected rows
   * @throws InvalidResponsesException with every problem found, if the input cannot be imported
   * @throws IOException if the stream cannot be read
   */
  public ImportResult read(InputStream in) throws IOException {
    return read(in, "input");
  }

  /**
   * Reads responses from a stream of UTF-8 bytes; the stream is read to its end and not closed.
   *
   * @param in the bytes
   * @param sourceName what to call the input in messages, such as a file name
   * @return the imported responses and, with {@link ImportMode#SKIP_INVALID}, the rejected rows
   * @throws InvalidResponsesException with every problem found, if the input cannot be imported
   * @throws IOException if the stream cannot be read
   */
  public ImportResult read(InputStream in, String sourceName) throws IOException {
    Objects.requireNonNull(sourceName, "sourceName");
    Utf8Input utf8 = new Utf8Input(Objects.requireNonNull(in, "in"));
    return parse(utf8, utf8, sourceName);
  }

  /**
   * Reads responses from decoded text; the reader is read to its end and not closed. The caller chose the
   * decoding, so invalid bytes cannot be detected here: prefer {@link #read(InputStream, String)}.
   *
   * @param reader the text
   * @return the imported responses and, with {@link ImportMode#SKIP_INVALID}, the rejected rows
   * @throws InvalidResponsesException with every problem found, if the input cannot be imported
   * @throws IOException if the reader fails
   */
  public ImportResult read(Reader reader) throws IOException {
    return read(reader, "input");
  }

  /**
   * Reads responses from decoded text; the reader is read to its end and not closed. A leading byte
   * order mark is skipped.
   *
   * @param reader the text
   * @param sourceName what to call the input in messages, such as a file name
   * @return the imported responses and, with {@link ImportMode#SKIP_INVALID}, the rejected rows
   * @throws InvalidResponsesException with every problem found, if the input cannot be imported
   * @throws IOException if the reader fails
   */
  public ImportResult read(Reader reader, String sourceName) throws IOException {
    Objects.requireNonNull(sourceName, "sourceName");
    PushbackReader text = new PushbackReader(Objects.requireNonNull(reader, "reader"), 1);
    int first = text.read();
    if (first >= 0 && first != '\uFEFF') {
      text.unread(first);
    }
    return parse(text, null, sourceName);
  }

  private ImportResult parse(Reader text, Utf8Input utf8, String source) throws IOException {
    ResponseSet.Builder builder = ResponseSet.builder(instrument).wave(wave);
    ResponseCsvHandler handler = new ResponseCsvHandler(instrument, idColumn, attributes, questionColumns,
        limits, builder, utf8);
    int bufferSize = parserBufferSize(limits);
    CsvReader<Void> csv = CsvReader.builder()
        .fieldSeparator(separator)
        .quoteCharacter('"')
        .commentStrategy(CommentStrategy.NONE)
        .skipEmptyLines(true)
        .allowUnclosedQuote(false) // text after a closing quote is an error by default, too
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .maxBufferSize(bufferSize)
        .build(handler, text);
    try {
      try {
        // every record builds to null, so the first hasNext() reads the whole input
        Iterator<Void> records = csv.iterator();
        while (records.hasNext()) {
          records.next();
        }
      } catch (ResponseCsvHandler.Stop stop) {
        throw stop;
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } catch (RuntimeException e) {
        ResponseCsvHandler.Stop stop = stopIn(e);
        if (stop != null) {
          throw stop;
        }
        if (!(e instanceof CsvParseException)) {
          throw e;
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith(UNCLOSED_QUOTE)) {
          handler.unterminatedQuote();
        } else {
          throw new ResponseCsvHandler.Stop(List.of(
              handler.malformed(message, message.contains(BUFFER_EXCEEDED), bufferSize)));
        }
      }
      handler.finish();
    } catch (ResponseCsvHandler.Stop stop) {
      List<Problem> problems = handler.problemsSoFar();
      problems.addAll(stop.problems());
      throw new InvalidResponsesException("cannot read responses from " + source, problems);
    }
    List<Problem> problems = handler.problemsSoFar();
    if (mode == ImportMode.STRICT && !problems.isEmpty()) {
      throw new InvalidResponsesException("invalid responses in " + source, problems);
    }
    return ImportResult.of(builder.build(), handler.rejected());
  }

  private static ResponseCsvHandler.Stop stopIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ResponseCsvHandler.Stop s) {
        return s;
      }
    }
    return null;
  }

  /**
   * The parser buffers one cell at a time; its buffer is larger than the cell limit, so that a cell over
   * the limit is reported as a problem of its row and reading goes on.
   */
  private static int parserBufferSize(CsvLimits limits) {
    long wanted = 2L * limits.maxCellChars() + 65_536;
    return (int) Math.min(Integer.MAX_VALUE - 64, Math.max(MIN_PARSER_BUFFER, wanted));
  }

  // ---------------------------------------------------------------------------------------------------
  // writing

  /**
   * Writes responses as CSV that this reader reads back unchanged: the header is the id column, the
   * attributes in the set's order, then the questions in instrument order (without absent ones); one row
   * per respondent; missing answers and comments are empty cells. Cells are separated by this reader's
   * {@linkplain #separator() separator}; quoting follows RFC 4180 (only cells that need it are quoted),
   * lines end in CR LF. The writer is flushed, not closed.
   *
   * @param responses the responses, to this reader's instrument
   * @param out where to write
   * @throws IllegalArgumentException if the responses answer another instrument, or an attribute has the
   *     id column's name
   * @throws IOException if writing fails
   */
  public void write(ResponseSet responses, Writer out) throws IOException {
    Objects.requireNonNull(responses, "responses");
    Objects.requireNonNull(out, "out");
    if (!responses.instrument().equals(instrument)) {
      throw new IllegalArgumentException("the responses answer instrument \"" + responses.instrument().id()
          + "\", not \"" + instrument.id() + "\"");
    }
    if (responses.attributeNames().contains(idColumn)) {
      throw new IllegalArgumentException("attribute \"" + idColumn + "\" has the id column's name");
    }
    List<String> head = new ArrayList<>();
    head.add(idColumn);
    head.addAll(responses.attributeNames());
    List<Question> questions = new ArrayList<>();
    for (Question q : instrument.questions()) {
      if (!responses.absentQuestions().contains(q.id())) {
        questions.add(q);
        head.add(q.id());
      }
    }
    List<AttributeColumn> attributeColumns = new ArrayList<>();
    for (String name : responses.attributeNames()) {
      attributeColumns.add(responses.attribute(name));
    }
    AnswerColumn[] answers = new AnswerColumn[questions.size()];
    String[][] texts = new String[questions.size()][];
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      if (q.isRating()) {
        answers[i] = responses.answers(q.id());
        Scale scale = answers[i].scale();
        texts[i] = new String[scale.points()];
        for (int v = scale.min(); v <= scale.max(); v++) {
          texts[i][v - scale.min()] = Integer.toString(v);
        }
      }
    }
    try {
      CsvWriter csv = CsvWriter.builder()
          .fieldSeparator(separator)
          .quoteStrategy(QuoteStrategies.REQUIRED)
          .lineDelimiter(LineDelimiter.CRLF)
          .build(out);
      csv.writeRecord(head);
      for (int row = 0; row < responses.size(); row++) {
        CsvWriter.CsvWriterRecord record = csv.writeRecord();
        record.writeField(responses.respondentId(row).value());
        for (AttributeColumn a : attributeColumns) {
          record.writeField(a.value(row));
        }
        for (int i = 0; i < questions.size(); i++) {
          if (answers[i] != null) {
            AnswerColumn c = answers[i];
            record.writeField(c.isMissing(row) ? "" : texts[i][c.value(row) - c.scale().min()]);
          } else {
            record.writeField(responses.comment(questions.get(i).id(), row).orElse(""));
          }
        }
        record.endRecord();
      }
      csv.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Writes responses to a UTF-8 file (without a byte order mark), replacing it; see
   * {@link #write(ResponseSet, Writer)}.
   *
   * @param responses the responses, to this reader's instrument
   * @param file the file
   * @throws IllegalArgumentException if the responses answer another instrument, or an attribute has the
   *     id column's name
   * @throws IOException if writing fails
   */
  public void write(ResponseSet responses, Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(responses, out);
    }
  }

  @Override
  public String toString() {
    return "ResponseCsv[instrument " + instrument.id() + ", id column " + idColumn + ", attributes "
        + (attributes == null ? "every other column" : attributes) + ", wave " + wave.label() + ", " + mode
        + ", question columns " + questionColumns + ", " + limits + ", separator "
        + describeSeparator(separator) + "]";
  }
}

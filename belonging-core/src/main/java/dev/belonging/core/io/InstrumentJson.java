package dev.belonging.core.io;

import dev.belonging.core.internal.json.Definitions;
import dev.belonging.core.internal.json.InstrumentDefinition;
import dev.belonging.core.internal.json.InstrumentMappers;
import dev.belonging.core.internal.json.JsonProblems;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.InvalidInstrumentException;
import dev.belonging.core.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes instrument files (CONTRACTS.md §1).
 *
 * <p>Reading is strict, because a typo must not silently change a score. Unknown fields are an error,
 * except top-level keys starting with {@code x-}, which are skipped (and not written back); so are
 * repeated keys, values of the wrong JSON type (no {@code "5"} for {@code 5}, no {@code 4.5} for an
 * integer), and content after the object. Every problem is reported in one
 * {@link InvalidInstrumentException}:
 * <ul>
 *   <li>malformed JSON, an unknown field or a value of the wrong type stops reading; the exception has
 *       that one problem with its line, character column and JSON path;</li>
 *   <li>otherwise the definition is validated as a whole (Jakarta Validation), and the exception lists
 *       every violation with its path, such as {@code questions[3].dimension: no dimension "nope"} or
 *       {@code scale.favorableFrom: favorableFrom 6 must be above min and at most max of the scale
 *       1..5}.</li>
 * </ul>
 * Input is UTF-8 (a byte order mark is skipped). Reading is bounded by {@link InstrumentLimits}: by
 * default at most {@value #MAX_CHARS} characters, {@value InstrumentLimits#DEFAULT_MAX_NESTING_DEPTH}
 * levels of nesting, strings of {@value InstrumentLimits#DEFAULT_MAX_STRING_CHARS} characters,
 * {@value InstrumentLimits#DEFAULT_MAX_QUESTIONS} questions and
 * {@value InstrumentLimits#DEFAULT_MAX_DIMENSIONS} dimensions; the methods that take an
 * {@code InstrumentLimits} read with others. An input over a limit is an invalid instrument, never an
 * {@link OutOfMemoryError}.
 *
 * <p>Writing is pretty-printed with two-space indentation and {@code \n} line ends, fields in the order of
 * the contract; defaults are left out ({@code "type": "rating"}, {@code "reverse": false}, an
 * {@code unfavorableTo} that equals the default, empty labels), so that {@code write} then {@code read}
 * gives an equal instrument and a file written twice is the same byte for byte.
 *
 * <p>The methods are static: this class has no state but one immutable Jackson mapper, built on first use
 * or ahead of it by {@link #prepare()}, and is thread-safe. To read or write the model's types inside JSON
 * of your own, register {@link BelongingJacksonModule} in your mapper.
 */
public final class InstrumentJson {

  /** The largest instrument file read with the default limits, in characters (16 MiB). */
  public static final int MAX_CHARS = InstrumentLimits.DEFAULT_MAX_CHARS;

  private InstrumentJson() {}

  /** The writer, built on first use (class initialization is lazy and thread-safe). */
  private static final class Holder {
    static final ObjectWriter WRITER = InstrumentMappers.defaults().writerWithDefaultPrettyPrinter();

    private Holder() {}
  }

  /**
   * Starts building what the first read needs, the JSON mapper and the validator of instrument definitions,
   * on two daemon threads and returns at once. In a fresh JVM they take a few hundred milliseconds of class
   * loading and reflection: a program that will read an instrument file can call this as early as it can
   * (the command line does so on its first line), so that the cost overlaps its other start-up work. A read
   * waits for whatever is still being built; without this call the first read builds the mapper itself and
   * the validator on a daemon thread while it parses. Calling it again, or after a read, does nothing.
   */
  public static void prepare() {
    InstrumentMappers.prepareInBackground();
    Definitions.prepareInBackground();
  }

  /**
   * Reads an instrument from a file.
   *
   * @param file the file, UTF-8
   * @return the instrument
   * @throws InvalidInstrumentException with every problem found, each with its location
   * @throws IOException if the file cannot be read
   */
  public static Instrument read(Path file) throws IOException {
    return read(file, InstrumentLimits.defaults());
  }

  /**
   * Reads an instrument from a file within limits.
   *
   * @param file the file, UTF-8
   * @param limits the limits
   * @return the instrument
   * @throws InvalidInstrumentException with every problem found, each with its location, or the limit
   *     exceeded
   * @throws IOException if the file cannot be read
   */
  public static Instrument read(Path file, InstrumentLimits limits) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(limits, "limits");
    try (InputStream in = Files.newInputStream(file)) {
      return parse(decode(in, "instrument file " + file, limits), "invalid instrument file " + file, limits);
    }
  }

  /**
   * Reads an instrument from a stream of UTF-8 bytes, to its end. The stream is not closed.
   *
   * @param in the stream
   * @return the instrument
   * @throws InvalidInstrumentException with every problem found, each with its location
   * @throws IOException if the stream cannot be read
   */
  public static Instrument read(InputStream in) throws IOException {
    return read(in, InstrumentLimits.defaults());
  }

  /**
   * Reads an instrument from a stream of UTF-8 bytes within limits, to its end or to the first limit
   * exceeded. The stream is not closed.
   *
   * @param in the stream
   * @param limits the limits
   * @return the instrument
   * @throws InvalidInstrumentException with every problem found, each with its location, or the limit
   *     exceeded
   * @throws IOException if the stream cannot be read
   */
  public static Instrument read(InputStream in, InstrumentLimits limits) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(limits, "limits");
    return parse(decode(in, "instrument", limits), "invalid instrument", limits);
  }

  /**
   * Reads an instrument from a character stream, to its end. The reader is not closed.
   *
   * @param reader the reader
   * @return the instrument
   * @throws InvalidInstrumentException with every problem found, each with its location
   * @throws IOException if the reader fails
   */
  public static Instrument read(Reader reader) throws IOException {
    return read(reader, InstrumentLimits.defaults());
  }

  /**
   * Reads an instrument from a character stream within limits, to its end or to the first limit exceeded.
   * The reader is not closed.
   *
   * @param reader the reader
   * @param limits the limits
   * @return the instrument
   * @throws InvalidInstrumentException with every problem found, each with its location, or the limit
   *     exceeded
   * @throws IOException if the reader fails
   */
  public static Instrument read(Reader reader, InstrumentLimits limits) throws IOException {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(limits, "limits");
    StringBuilder b = new StringBuilder();
    char[] buf = new char[8192];
    for (int n = reader.read(buf); n >= 0; n = reader.read(buf)) {
      if (b.length() + n > limits.maxChars()) {
        throw tooLarge("instrument", "invalid instrument", limits);
      }
      b.append(buf, 0, n);
    }
    return parse(b.toString(), "invalid instrument", limits);
  }

  /**
   * Reads an instrument from JSON text.
   *
   * @param json the text
   * @return the instrument
   * @throws InvalidInstrumentException with every problem found, each with its location
   */
  public static Instrument parse(String json) {
    return parse(json, InstrumentLimits.defaults());
  }

  /**
   * Reads an instrument from JSON text within limits.
   *
   * @param json the text
   * @param limits the limits
   * @return the instrument
   * @throws InvalidInstrumentException with every problem found, each with its location, or the limit
   *     exceeded
   */
  public static Instrument parse(String json, InstrumentLimits limits) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(limits, "limits");
    if (json.length() > limits.maxChars()) {
      throw tooLarge("instrument", "invalid instrument", limits);
    }
    return parse(json, "invalid instrument", limits);
  }

  /**
   * Returns an instrument as the text of an instrument file: pretty-printed JSON ending with a line end.
   *
   * @param instrument the instrument
   * @return the JSON text
   */
  public static String toJson(Instrument instrument) {
    return Holder.WRITER.writeValueAsString(InstrumentDefinition.of(Objects.requireNonNull(instrument,
        "instrument"))) + "\n";
  }

  /**
   * Writes an instrument as {@link #toJson(Instrument)} does. The writer is flushed, not closed.
   *
   * @param instrument the instrument
   * @param out where to write
   * @throws IOException if writing fails
   */
  public static void write(Instrument instrument, Writer out) throws IOException {
    out.write(toJson(instrument));
    out.flush();
  }

  /**
   * Writes an instrument as UTF-8 text, as {@link #toJson(Instrument)} does. The stream is flushed, not
   * closed.
   *
   * @param instrument the instrument
   * @param out where to write
   * @throws IOException if writing fails
   */
  public static void write(Instrument instrument, OutputStream out) throws IOException {
    write(instrument, new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /**
   * Writes an instrument to a file as UTF-8 text, as {@link #toJson(Instrument)} does, replacing the file.
   *
   * @param instrument the instrument
   * @param file the file
   * @throws IOException if writing fails
   */
  public static void write(Instrument instrument, Path file) throws IOException {
    Files.writeString(file, toJson(instrument), StandardCharsets.UTF_8);
  }

  private static Instrument parse(String json, String summary, InstrumentLimits limits) {
    // the validator is needed only after parsing: let it start meanwhile on another thread
    Definitions.prepareInBackground();
    String text = !json.isEmpty() && json.charAt(0) == '\uFEFF' ? json.substring(1) : json;
    JsonMapper mapper = InstrumentMappers.of(limits);
    InstrumentDefinition definition;
    try {
      definition = mapper.readValue(text, InstrumentDefinition.class);
    } catch (JacksonException e) {
      throw new InvalidInstrumentException(summary, List.of(JsonProblems.of(e, text, mapper)));
    }
    if (definition == null) {
      throw new InvalidInstrumentException(summary,
          List.of(Problem.ofPath("", "expected a JSON object, not null")));
    }
    List<Problem> tooMany = new ArrayList<>();
    if (definition.questions() != null && definition.questions().size() > limits.maxQuestions()) {
      tooMany.add(Problem.ofPath("questions", "more than " + limits.maxQuestions() + " questions ("
          + definition.questions().size() + "; InstrumentLimits.maxQuestions)"));
    }
    if (definition.dimensions() != null && definition.dimensions().size() > limits.maxDimensions()) {
      tooMany.add(Problem.ofPath("dimensions", "more than " + limits.maxDimensions() + " dimensions ("
          + definition.dimensions().size() + "; InstrumentLimits.maxDimensions)"));
    }
    if (!tooMany.isEmpty()) {
      throw new InvalidInstrumentException(summary, tooMany);
    }
    return Definitions.toModel(definition, InstrumentDefinition::toModel, summary);
  }

  /** Decodes strict UTF-8, reporting the line and column of an invalid byte sequence. */
  private static String decode(InputStream in, String what, InstrumentLimits limits) throws IOException {
    String summary = "invalid " + what;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(8192);
    CharBuffer chars = CharBuffer.allocate(8192);
    StringBuilder text = new StringBuilder();
    boolean end = false;
    while (!end) {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        end = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
      CoderResult result = decoder.decode(bytes, chars, end);
      if (result.isError()) {
        chars.flip();
        text.append(chars);
        throw new InvalidInstrumentException(summary, List.of(invalidUtf8(text)));
      }
      chars.flip();
      text.append(chars);
      chars.clear();
      bytes.compact();
      if (text.length() > limits.maxChars()) {
        throw tooLarge(what, summary, limits);
      }
    }
    CoderResult flush = decoder.flush(chars);
    if (flush.isError()) {
      throw new InvalidInstrumentException(summary, List.of(invalidUtf8(text)));
    }
    chars.flip();
    text.append(chars);
    return text.toString();
  }

  private static Problem invalidUtf8(CharSequence before) {
    long line = 1;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return Problem.ofPosition(line, before.length() - lineStart + 1L, "", "invalid UTF-8 byte sequence");
  }

  private static InvalidInstrumentException tooLarge(String what, String summary, InstrumentLimits limits) {
    return new InvalidInstrumentException(summary, List.of(Problem.ofPath("",
        what + " is larger than " + limits.maxChars() + " characters (InstrumentLimits.maxChars)")));
  }
}

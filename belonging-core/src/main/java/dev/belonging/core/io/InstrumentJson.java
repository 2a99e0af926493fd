package dev.belonging.core.io;

import dev.belonging.core.internal.json.Definitions;
import dev.belonging.core.internal.json.InstrumentDefinition;
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
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

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
 * Input is UTF-8 (a byte order mark is skipped) and at most {@value #MAX_CHARS} characters.
 *
 * <p>Writing is pretty-printed with two-space indentation and {@code \n} line ends, fields in the order of
 * the contract; defaults are left out ({@code "type": "rating"}, {@code "reverse": false}, an
 * {@code unfavorableTo} that equals the default, empty labels), so that {@code write} then {@code read}
 * gives an equal instrument and a file written twice is the same byte for byte.
 *
 * <p>The methods are static: this class has no state but one immutable Jackson mapper, built on first use,
 * and is thread-safe. To read or write the model's types inside JSON of your own, register
 * {@link BelongingJacksonModule} in your mapper.
 */
public final class InstrumentJson {

  /** The largest instrument file read, in characters (16 MiB). */
  public static final int MAX_CHARS = 16 * 1024 * 1024;

  private InstrumentJson() {}

  /** The mapper and writer, built on first use (class initialization is lazy and thread-safe). */
  private static final class Holder {
    static final JsonMapper MAPPER;
    static final ObjectWriter WRITER;

    static {
      DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectNameValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"));
      MAPPER = JsonMapper.builder()
          .addModule(new BelongingJacksonModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
          .withCoercionConfig(LogicalType.Textual, c -> c
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .defaultPrettyPrinter(printer)
          .build();
      WRITER = MAPPER.writerWithDefaultPrettyPrinter();
    }

    private Holder() {}
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
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return parse(decode(in, "instrument file " + file), "invalid instrument file " + file);
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
    Objects.requireNonNull(in, "in");
    return parse(decode(in, "instrument"), "invalid instrument");
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
    Objects.requireNonNull(reader, "reader");
    StringBuilder b = new StringBuilder();
    char[] buf = new char[8192];
    for (int n = reader.read(buf); n >= 0; n = reader.read(buf)) {
      if (b.length() + n > MAX_CHARS) {
        throw tooLarge("instrument", "invalid instrument");
      }
      b.append(buf, 0, n);
    }
    return parse(b.toString(), "invalid instrument");
  }

  /**
   * Reads an instrument from JSON text.
   *
   * @param json the text
   * @return the instrument
   * @throws InvalidInstrumentException with every problem found, each with its location
   */
  public static Instrument parse(String json) {
    Objects.requireNonNull(json, "json");
    if (json.length() > MAX_CHARS) {
      throw tooLarge("instrument", "invalid instrument");
    }
    return parse(json, "invalid instrument");
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

  private static Instrument parse(String json, String summary) {
    String text = !json.isEmpty() && json.charAt(0) == '\uFEFF' ? json.substring(1) : json;
    InstrumentDefinition definition;
    try {
      definition = Holder.MAPPER.readValue(text, InstrumentDefinition.class);
    } catch (JacksonException e) {
      throw new InvalidInstrumentException(summary, List.of(JsonProblems.of(e, text, Holder.MAPPER)));
    }
    if (definition == null) {
      throw new InvalidInstrumentException(summary,
          List.of(Problem.ofPath("", "expected a JSON object, not null")));
    }
    return Definitions.toModel(definition, InstrumentDefinition::toModel, summary);
  }

  /** Decodes strict UTF-8, reporting the line and column of an invalid byte sequence. */
  private static String decode(InputStream in, String what) throws IOException {
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
      if (text.length() > MAX_CHARS) {
        throw tooLarge(what, summary);
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

  private static InvalidInstrumentException tooLarge(String what, String summary) {
    return new InvalidInstrumentException(summary,
        List.of(Problem.ofPath("", what + " is larger than " + MAX_CHARS + " characters")));
  }
}

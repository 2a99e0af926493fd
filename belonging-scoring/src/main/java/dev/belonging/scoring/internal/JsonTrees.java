package dev.belonging.scoring.internal;

import dev.belonging.core.model.Instrument;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.TokenBuffer;

/**
 * The parts that the report's JSON and the trend report's JSON share: the header, the segments, a
 * statistic (its value, or {@code null} with its reason under {@code undefined}), attributes, and the
 * indented text. One place, so that both documents write them alike.
 *
 * <p>The methods are static and thread-safe.
 */
public final class JsonTrees {

  /** Indents; leaves the caller's stream open (writing a document does not end the caller's output). */
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .build();

  private JsonTrees() {}

  /**
   * Returns an empty object node.
   *
   * @return the node
   */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * Puts the header every report starts with: {@code schemaVersion}, {@code instrument}, {@code minGroupSize},
   * {@code policy} and {@code suppression}.
   *
   * @param root the document
   * @param instrument the instrument
   * @param policy the anonymity policy
   * @param primary the segments suppressed below k
   * @param secondary the segments suppressed to protect a smaller group
   */
  public static void putHeader(ObjectNode root, Instrument instrument, AnonymityPolicy policy, int primary,
      int secondary) {
    root.put("schemaVersion", Report.SCHEMA_VERSION);
    ObjectNode id = root.putObject("instrument");
    id.put("id", instrument.id());
    id.put("version", instrument.version());
    root.put("minGroupSize", policy.minGroupSize());
    ObjectNode p = root.putObject("policy");
    p.put("minGroupSize", policy.minGroupSize());
    p.put("commentThreshold", policy.commentThreshold());
    ObjectNode suppression = root.putObject("suppression");
    suppression.put("primary", primary);
    suppression.put("secondary", secondary);
  }

  /**
   * Puts a report's segments: shown ones with their counts, dimensions and questions, suppressed ones with
   * their reason only.
   *
   * @param o the object to put them in
   * @param name the array's name
   * @param segments the segments, in order
   */
  public static void putSegments(ObjectNode o, String name, List<SegmentResult> segments) {
    segments(name, segments).putInto(o);
  }

  /**
   * Returns a report's segments as a long array: shown ones with their counts, dimensions and questions,
   * suppressed ones with their reason only.
   *
   * @param name the array's name
   * @param segments the segments, in order
   * @return the array
   */
  public static LongArray<SegmentResult> segments(String name, List<SegmentResult> segments) {
    return new LongArray<>(name, segments, JsonTrees::writeSegment);
  }

  /**
   * Writes one item of a long array as a JSON object: the one definition of its layout, from which both the
   * streamed text and the tree are made.
   *
   * @param <T> the items' type
   */
  @FunctionalInterface
  public interface ItemWriter<T> {

    /**
     * Writes the item's object, from its start to its end.
     *
     * @param g the generator
     * @param item the item
     */
    void write(JsonGenerator g, T item);
  }

  /**
   * Returns the tree of what a writer writes for an item: its tokens, buffered and read back, so that the
   * tree holds the values the writer gave (an {@code int} as an int node, a {@code long} as a long one).
   *
   * @param <T> the item's type
   * @param writer the writer
   * @param item the item
   * @return the item's object
   */
  public static <T> ObjectNode node(ItemWriter<? super T> writer, T item) {
    try (TokenBuffer tokens = TokenBuffer.forGeneration()) {
      writer.write(tokens, item);
      try (JsonParser parser = tokens.asParser()) {
        return (ObjectNode) MAPPER.readTree(parser);
      }
    }
  }

  /**
   * Returns the nodes of a list's items, in order, as {@link #node} gives them. Each node depends on its
   * item alone, so the nodes of a long list are built in parallel on the common fork-join pool.
   */
  private static <T> List<ObjectNode> nodes(List<T> items, ItemWriter<? super T> writer) {
    Stream<T> stream = items.size() >= PARALLEL_NODES ? items.parallelStream() : items.stream();
    return stream.<ObjectNode>map(item -> node(writer, item)).toList();
  }

  /** Lists from which on their nodes are built in parallel. */
  private static final int PARALLEL_NODES = 256;

  /** A segment's object: shown with its counts, dimensions and questions, suppressed with its reason only. */
  private static void writeSegment(JsonGenerator g, SegmentResult s) {
    g.writeStartObject();
    writeAttributes(g, "attributes", s.segment());
    g.writeBooleanProperty("suppressed", s.isSuppressed());
    if (s instanceof SuppressedSegment x) {
      g.writeStringProperty("reasonCode", x.reasonCode().code());
      g.writeStringProperty("reason", x.reason());
      g.writeEndObject();
      return;
    }
    ShownSegment shown = (ShownSegment) s;
    g.writeNumberProperty("respondents", shown.respondents());
    g.writeObjectPropertyStart("dimensions");
    shown.dimensions().forEach((id, d) -> {
      g.writeObjectPropertyStart(id);
      g.writeNumberProperty("respondents", d.respondents());
      Map<String, Statistic> statistics = d.statistics();
      writeStatistics(g, statistics.keySet().toArray(String[]::new),
          statistics.values().toArray(Statistic[]::new));
      g.writeEndObject();
    });
    g.writeEndObject();
    g.writeObjectPropertyStart("questions");
    shown.questions().forEach((id, q) -> {
      g.writeObjectPropertyStart(id);
      g.writeNumberProperty("respondents", q.respondents());
      writeStatistics(g, QUESTION_STATISTICS, q.mean(), q.favorable());
      g.writeEndObject();
    });
    g.writeEndObject();
    g.writeEndObject();
  }

  private static final String[] QUESTION_STATISTICS = {"mean", "favorable"};

  /**
   * Writes a segment's attributes as an object.
   *
   * @param g the generator
   * @param name the name
   * @param segment the segment ({@code {}} for the population)
   */
  public static void writeAttributes(JsonGenerator g, String name, Segment segment) {
    g.writeObjectPropertyStart(name);
    segment.attributes().forEach(g::writeStringProperty);
    g.writeEndObject();
  }

  /**
   * Writes a run of statistics, the members of an object that {@link #putStatistic} puts one after another:
   * each value, or {@code null} with its reason under {@code undefined}, an object that follows the first
   * {@code null} and holds every reason of the run.
   *
   * @param g the generator
   * @param names the statistics' names, distinct, none {@code undefined}
   * @param statistics the statistics, as many
   */
  public static void writeStatistics(JsonGenerator g, String[] names, Statistic... statistics) {
    boolean reasons = false;
    for (int i = 0; i < statistics.length; i++) {
      Statistic s = statistics[i];
      if (s.isDefined()) {
        g.writeNumberProperty(names[i], s.value());
        continue;
      }
      g.writeNullProperty(names[i]);
      if (!reasons) {
        reasons = true;
        g.writeObjectPropertyStart("undefined");
        for (int j = i; j < statistics.length; j++) {
          if (!statistics[j].isDefined()) {
            g.writeStringProperty(names[j], statistics[j].reason());
          }
        }
        g.writeEndObject();
      }
    }
  }

  /**
   * Puts a segment's attributes as an object.
   *
   * @param o the object to put them in
   * @param name the name
   * @param segment the segment ({@code {}} for the population)
   */
  public static void putAttributes(ObjectNode o, String name, Segment segment) {
    ObjectNode attrs = o.putObject(name);
    segment.attributes().forEach(attrs::put);
  }

  /**
   * Puts a statistic: its value, or {@code null} and its reason under {@code undefined}.
   *
   * @param o the object
   * @param name the statistic's name
   * @param s the statistic
   */
  public static void putStatistic(ObjectNode o, String name, Statistic s) {
    if (s.isDefined()) {
      o.put(name, s.value());
    } else {
      o.putNull(name);
      ObjectNode undefined = o.has("undefined") ? (ObjectNode) o.get("undefined") : o.putObject("undefined");
      undefined.put(name, s.reason());
    }
  }

  /**
   * Returns a document as indented text with a final line end.
   *
   * @param root the document
   * @return the text
   */
  public static String text(JsonNode root) {
    return MAPPER.writeValueAsString(root) + System.lineSeparator();
  }

  /**
   * Writes a document as {@link #text(JsonNode)} returns it, straight to a writer, without building the
   * text first (a large report is megabytes of it), and flushes.
   *
   * @param root the document
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void write(JsonNode root, Writer out) {
    unchecked(() -> {
      MAPPER.writeValue(out, root);
      out.write(System.lineSeparator());
      out.flush();
    });
  }

  /**
   * Writes a document as {@link #text(JsonNode)} returns it, encoded in UTF-8, straight to a stream without
   * building the text first, and flushes.
   *
   * @param root the document
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void write(JsonNode root, OutputStream out) {
    unchecked(() -> {
      MAPPER.writeValue(out, root);
      out.write(System.lineSeparator().getBytes(StandardCharsets.UTF_8));
      out.flush();
    });
  }

  /**
   * A long array at the end of a document, its items written a batch at a time as it is written, so that a
   * large document's text is never all held at once.
   *
   * @param <T> the items' type
   * @param name the array's name in the document
   * @param items the items, in order
   * @param writer writes an item's object, from the item alone (items are written on several threads)
   */
  public record LongArray<T>(String name, List<T> items, ItemWriter<? super T> writer) {

    /** Puts the whole array into a tree. */
    void putInto(ObjectNode o) {
      o.putArray(name).addAll(nodes(items, writer));
    }

    /**
     * Writes the array's text as a member of a document's root object, as the document's printer would:
     * {@code [ }, the items' objects separated by {@code , }, then {@code  ]} ({@code [ ]} when empty).
     * Windows of batches are rendered in parallel on the common fork-join pool, each batch's nodes built,
     * written and dropped together; the window is then written in order.
     */
    void write(OutputStream out) throws IOException {
      out.write(MAPPER.writeValueAsBytes(name));
      out.write(" : [".getBytes(StandardCharsets.UTF_8));
      int size = items.size();
      if (size == 0) {
        out.write(" ]".getBytes(StandardCharsets.UTF_8));
        return;
      }
      out.write(' ');
      int batches = (size + BATCH - 1) / BATCH;
      for (int first = 0; first < batches; first += WINDOW) {
        int from = first;
        List<Text> texts = IntStream.range(from, Math.min(batches, from + WINDOW)).parallel()
            .mapToObj(b -> render(items.subList(b * BATCH, Math.min(size, (b + 1) * BATCH))))
            .toList();
        for (int i = 0; i < texts.size(); i++) {
          if (from + i > 0) {
            out.write(',');
            out.write(' ');
          }
          texts.get(i).writeItems(out);
        }
      }
      out.write(" ]".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The items' objects as they stand in the document's array, separated by {@code , }: written as a
     * top-level array, whose brackets {@code [ } and {@code  ]} the caller leaves out, by a printer that
     * indents objects one level deeper than the top level does.
     */
    private Text render(List<T> part) {
      Text text = new Text();
      try (JsonGenerator g = ITEMS.createGenerator(text)) {
        g.writeStartArray();
        for (T item : part) {
          writer.write(g, item);
        }
        g.writeEndArray();
      }
      return text;
    }
  }

  /**
   * A batch's text, {@code [ } items {@code  ]}, in blocks of {@value #BLOCK} bytes: it grows without
   * copying what it holds (a batch of segments is a few megabytes, and a buffer doubled as it fills
   * allocates twice that and copies it), and is written without a copy.
   */
  static final class Text extends OutputStream {
    static final int BLOCK = 1 << 16;
    private final int blockSize;
    private final List<byte[]> full = new ArrayList<>();
    private byte[] block;
    private int count; // bytes in block
    private long size;

    Text() {
      this(BLOCK);
    }

    /** A text in blocks of {@code blockSize} bytes (small ones are for tests). */
    Text(int blockSize) {
      this.blockSize = blockSize;
      this.block = new byte[blockSize];
    }

    @Override
    public void write(int b) {
      if (count == blockSize) {
        next();
      }
      block[count++] = (byte) b;
      size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      Objects.checkFromIndexSize(off, len, b.length);
      size += len;
      while (len > 0) {
        if (count == blockSize) {
          next();
        }
        int n = Math.min(len, blockSize - count);
        System.arraycopy(b, off, block, count, n);
        count += n;
        off += n;
        len -= n;
      }
    }

    private void next() {
      full.add(block);
      block = new byte[blockSize];
      count = 0;
    }

    /** Writes the items: every byte but the first two ({@code [ }) and the last two ({@code  ]}). */
    void writeItems(OutputStream out) throws IOException {
      long from = 2;
      long to = size - 2;
      long at = 0;
      for (int i = 0; i <= full.size(); i++) {
        byte[] b = i < full.size() ? full.get(i) : block;
        int length = i < full.size() ? blockSize : count;
        long start = Math.max(from, at);
        long end = Math.min(to, at + length);
        if (start < end) {
          out.write(b, (int) (start - at), (int) (end - start));
        }
        at += length;
      }
    }
  }

  /**
   * Writes the items of a document's long arrays: as {@link #MAPPER} does, but with objects indented one
   * level deeper, as they stand inside the root object.
   */
  private static final ObjectWriter ITEMS = MAPPER.writer().with(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultPrettyPrinter.Indenter() {
        @Override
        public void writeIndentation(JsonGenerator g, int level) {
          DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.writeIndentation(g, level + 1);
        }

        @Override
        public boolean isInline() {
          return false;
        }
      }));

  /** Batches of a {@link LongArray} rendered at once, in parallel, before they are written. */
  static final int WINDOW = 8;

  /** Items per batch of a {@link LongArray}, rendered by one thread. */
  static final int BATCH = 256;

  /**
   * Returns a document, its head's members then the long arrays, as one tree.
   *
   * @param head the members that come first
   * @param arrays the arrays that follow, in order
   * @return the tree (the head itself, with the arrays put in)
   */
  public static ObjectNode tree(ObjectNode head, List<LongArray<?>> arrays) {
    arrays.forEach(a -> a.putInto(head));
    return head;
  }

  /**
   * Returns a document, its head's members then the long arrays, as the text {@link #text(JsonNode)} gives
   * for its {@link #tree}.
   *
   * @param head the members that come first
   * @param arrays the arrays that follow, in order
   * @return the text
   */
  public static String text(ObjectNode head, List<LongArray<?>> arrays) {
    StringWriter out = new StringWriter();
    write(head, arrays, out);
    return out.toString();
  }

  /**
   * Writes a document, its head's members then the long arrays, as {@link #text(ObjectNode, List)} returns
   * it, straight to a writer, building the arrays' nodes a batch at a time, and flushes.
   *
   * @param head the members that come first
   * @param arrays the arrays that follow, in order
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void write(ObjectNode head, List<LongArray<?>> arrays, Writer out) {
    unchecked(() -> {
      // the text is written as UTF-8 bytes and decoded in pieces, each whole characters
      stream(head, arrays, new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(new String(b, off, len, StandardCharsets.UTF_8));
        }
      });
      out.write(System.lineSeparator());
      out.flush();
    });
  }

  /**
   * Writes a document, its head's members then the long arrays, as {@link #text(ObjectNode, List)} returns
   * it, encoded in UTF-8, straight to a stream, building the arrays' nodes a batch at a time, and flushes.
   *
   * @param head the members that come first
   * @param arrays the arrays that follow, in order
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void write(ObjectNode head, List<LongArray<?>> arrays, OutputStream out) {
    unchecked(() -> {
      stream(head, arrays, out);
      out.write(System.lineSeparator().getBytes(StandardCharsets.UTF_8));
      out.flush();
    });
  }

  /** Writing that may fail. */
  private interface Writing {
    void run() throws IOException;
  }

  /** Runs a write, its failure an {@link UncheckedIOException} with the cause the JDK or Jackson gave. */
  private static void unchecked(Writing writing) {
    try {
      writing.run();
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a document whose long arrays follow its head: the head as the mapper prints it, less its
   * closing brace, then each array as a member ({@code ,}, a line end, two spaces, the array), then the
   * closing brace on a line of its own.
   */
  private static void stream(ObjectNode head, List<LongArray<?>> arrays, OutputStream out) throws IOException {
    byte[] lineEnd = System.lineSeparator().getBytes(StandardCharsets.UTF_8);
    if (arrays.isEmpty()) {
      out.write(MAPPER.writeValueAsBytes(head));
      return;
    }
    byte[] text = MAPPER.writeValueAsBytes(head); // "{ }", or "{", its members and a line end, "}"
    boolean members = !head.isEmpty();
    out.write(text, 0, members ? text.length - lineEnd.length - 1 : 1);
    for (int i = 0; i < arrays.size(); i++) {
      if (members || i > 0) {
        out.write(',');
      }
      out.write(lineEnd);
      out.write(' ');
      out.write(' ');
      arrays.get(i).write(out);
    }
    out.write(lineEnd);
    out.write('}');
  }

}

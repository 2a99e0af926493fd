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
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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
    o.putArray(name).addAll(nodes(segments, JsonTrees::segment));
  }

  /**
   * Returns the nodes of a list's items, in order. Each node depends on its item alone, so the nodes of a
   * long list are built in parallel on the common fork-join pool.
   *
   * @param <T> the items' type
   * @param items the items
   * @param node an item's node
   * @return the nodes
   */
  public static <T> List<ObjectNode> nodes(List<T> items, Function<? super T, ObjectNode> node) {
    Stream<T> stream = items.size() >= PARALLEL_NODES ? items.parallelStream() : items.stream();
    return stream.<ObjectNode>map(node).toList();
  }

  /** Lists from which on their nodes are built in parallel. */
  private static final int PARALLEL_NODES = 256;

  /** A segment's node: shown with its counts, dimensions and questions, suppressed with its reason only. */
  private static ObjectNode segment(SegmentResult s) {
    ObjectNode so = object();
    putAttributes(so, "attributes", s.segment());
    so.put("suppressed", s.isSuppressed());
    if (s instanceof SuppressedSegment x) {
      so.put("reasonCode", x.reasonCode().code());
      so.put("reason", x.reason());
      return so;
    }
    ShownSegment shown = (ShownSegment) s;
    so.put("respondents", shown.respondents());
    ObjectNode dims = so.putObject("dimensions");
    shown.dimensions().forEach((id, d) -> {
      ObjectNode dn = dims.putObject(id);
      dn.put("respondents", d.respondents());
      for (Map.Entry<String, Statistic> e : d.statistics().entrySet()) {
        putStatistic(dn, e.getKey(), e.getValue());
      }
    });
    ObjectNode questions = so.putObject("questions");
    shown.questions().forEach((id, q) -> {
      ObjectNode qn = questions.putObject(id);
      qn.put("respondents", q.respondents());
      putStatistic(qn, "mean", q.mean());
      putStatistic(qn, "favorable", q.favorable());
    });
    return so;
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
    try {
      MAPPER.writeValue(out, root);
      out.write(System.lineSeparator());
      out.flush();
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    try {
      MAPPER.writeValue(out, root);
      out.write(System.lineSeparator().getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(e.getCause());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.belonging.scoring.report;

import static dev.belonging.scoring.internal.JsonTrees.putStatistic;

import dev.belonging.core.model.Problem;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.internal.JsonTrees;
import dev.belonging.scoring.reliability.Reliability;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Report} as JSON (CONTRACTS §4, {@code schemaVersion} {@value Report#SCHEMA_VERSION}; the
 * JSON Schema is the resource {@value #SCHEMA_RESOURCE} of this module).
 *
 * <p>Numbers are written at full double precision. An undefined statistic is {@code null} and its object
 * says why in {@code "undefined": {"sd": "one score"}}; the output never contains NaN. A suppressed segment
 * carries only its attributes and reason. Each entry of {@code gaps} has {@code attributes}, {@code
 * dimension}, {@code comparison} ({@code rest}, or {@code segment} with the {@code reference} segment's
 * attributes), {@code detector}, {@code effectSizeType}, {@code difference}, {@code effectSize}, {@code
 * ciLow}, {@code ciHigh}, {@code pValue}, {@code qValue} and {@code flagged}, in the report's order (by
 * q-value, then decreasing |effect size|).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReportJson {

  /** The class-path location of the report's JSON Schema. */
  public static final String SCHEMA_RESOURCE = "/dev/belonging/scoring/report/report.schema.json";


  private ReportJson() {}

  /**
   * Returns the report as a JSON tree.
   *
   * @param report the report
   * @return the tree
   */
  public static ObjectNode toTree(Report report) {
    return JsonTrees.tree(head(report), arrays(report));
  }

  /** The members before the long arrays: the header, respondents, rejected rows and reliability. */
  private static ObjectNode head(Report report) {
    ObjectNode root = JsonTrees.object();
    JsonTrees.putHeader(root, report.instrument(), report.policy(),
        report.suppressed(SuppressionReason.BELOW_K), report.suppressed(SuppressionReason.COMPLEMENTARY));
    root.put("respondents", report.respondents());
    ArrayNode rejected = root.putArray("rejected");
    for (Problem p : report.rejected()) {
      ObjectNode r = rejected.addObject();
      r.put("line", p.line());
      r.put("column", p.column());
      r.put("message", p.message());
    }
    ObjectNode reliability = root.putObject("reliability");
    for (Reliability r : report.reliability()) {
      ObjectNode o = reliability.putObject(r.dimensionId());
      putStatistic(o, "alpha", r.alpha());
      o.put("items", r.items());
    }
    return root;
  }

  /** The long arrays that end the document: segments, gaps, and comments when a question takes them. */
  private static List<JsonTrees.LongArray<?>> arrays(Report report) {
    List<JsonTrees.LongArray<?>> arrays = new ArrayList<>();
    arrays.add(JsonTrees.segments("segments", report.segments()));
    arrays.add(new JsonTrees.LongArray<>("gaps", report.gaps(), ReportJson::writeGap));
    if (report.instrument().questions().stream().anyMatch(q -> !q.isRating())) {
      arrays.add(new JsonTrees.LongArray<>("comments", report.comments(), ReportJson::writeComments));
    }
    return arrays;
  }

  /** A comment set's object. */
  private static void writeComments(JsonGenerator g, CommentSet c) {
    g.writeStartObject();
    JsonTrees.writeAttributes(g, "attributes", c.segment());
    g.writeStringProperty("question", c.question());
    g.writeArrayPropertyStart("texts");
    for (String text : c.texts()) {
      g.writeString(text);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** A gap's object. */
  private static void writeGap(JsonGenerator g, Gap gap) {
    g.writeStartObject();
    JsonTrees.writeAttributes(g, "attributes", gap.segment());
    g.writeStringProperty("dimension", gap.dimension());
    g.writeStringProperty("comparison", gap.comparison().code());
    gap.reference().ifPresent(r -> JsonTrees.writeAttributes(g, "reference", r));
    g.writeStringProperty("detector", gap.detector());
    g.writeStringProperty("effectSizeType", gap.effectSizeType());
    JsonTrees.writeStatistics(g, GAP_STATISTICS, gap.difference(), gap.effectSize(), gap.ciLow(), gap.ciHigh(),
        gap.pValue(), gap.qValue());
    g.writeBooleanProperty("flagged", gap.flagged());
    g.writeEndObject();
  }

  private static final String[] GAP_STATISTICS = {"difference", "effectSize", "ciLow", "ciHigh", "pValue", "qValue"};

  /**
   * Returns the report as indented JSON text.
   *
   * @param report the report
   * @return the JSON
   */
  public static String toJson(Report report) {
    return JsonTrees.text(head(report), arrays(report));
  }

  /**
   * Writes the report as indented JSON, the text {@link #toJson(Report)} returns, without building that
   * text first, and flushes.
   *
   * @param report the report
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void write(Report report, Writer out) {
    JsonTrees.write(head(report), arrays(report), out);
  }

  /**
   * Writes the report as indented JSON encoded in UTF-8, the bytes of the text {@link #toJson(Report)}
   * returns, without building that text first, and flushes. For a large report (megabytes of JSON) this is
   * the fastest way to a file: the text is neither held in memory nor encoded a second time.
   *
   * @param report the report
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void write(Report report, OutputStream out) {
    JsonTrees.write(head(report), arrays(report), out);
  }
}

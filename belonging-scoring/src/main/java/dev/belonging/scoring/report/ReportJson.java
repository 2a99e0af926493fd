package dev.belonging.scoring.report;

import dev.belonging.core.model.Problem;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.reliability.Reliability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
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

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ReportJson() {}

  /**
   * Returns the report as a JSON tree.
   *
   * @param report the report
   * @return the tree
   */
  public static ObjectNode toTree(Report report) {
    ObjectNode root = NODES.objectNode();
    root.put("schemaVersion", Report.SCHEMA_VERSION);
    ObjectNode instrument = root.putObject("instrument");
    instrument.put("id", report.instrument().id());
    instrument.put("version", report.instrument().version());
    root.put("minGroupSize", report.policy().minGroupSize());
    ObjectNode policy = root.putObject("policy");
    policy.put("minGroupSize", report.policy().minGroupSize());
    policy.put("commentThreshold", report.policy().commentThreshold());
    ObjectNode suppression = root.putObject("suppression");
    suppression.put("primary", report.suppressed(SuppressionReason.BELOW_K));
    suppression.put("secondary", report.suppressed(SuppressionReason.COMPLEMENTARY));
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
    ArrayNode segments = root.putArray("segments");
    for (SegmentResult s : report.segments()) {
      ObjectNode o = segments.addObject();
      ObjectNode attrs = o.putObject("attributes");
      s.segment().attributes().forEach(attrs::put);
      o.put("suppressed", s.isSuppressed());
      if (s instanceof SuppressedSegment x) {
        o.put("reasonCode", x.reasonCode().code());
        o.put("reason", x.reason());
        continue;
      }
      ShownSegment shown = (ShownSegment) s;
      o.put("respondents", shown.respondents());
      ObjectNode dims = o.putObject("dimensions");
      shown.dimensions().forEach((id, d) -> {
        ObjectNode dn = dims.putObject(id);
        dn.put("respondents", d.respondents());
        for (Map.Entry<String, Statistic> e : d.statistics().entrySet()) {
          putStatistic(dn, e.getKey(), e.getValue());
        }
      });
      ObjectNode questions = o.putObject("questions");
      shown.questions().forEach((id, q) -> {
        ObjectNode qn = questions.putObject(id);
        qn.put("respondents", q.respondents());
        putStatistic(qn, "mean", q.mean());
        putStatistic(qn, "favorable", q.favorable());
      });
    }
    ArrayNode gaps = root.putArray("gaps");
    for (Gap g : report.gaps()) {
      ObjectNode o = gaps.addObject();
      ObjectNode attrs = o.putObject("attributes");
      g.segment().attributes().forEach(attrs::put);
      o.put("dimension", g.dimension());
      o.put("comparison", g.comparison().code());
      g.reference().ifPresent(r -> {
        ObjectNode ref = o.putObject("reference");
        r.attributes().forEach(ref::put);
      });
      o.put("detector", g.detector());
      o.put("effectSizeType", g.effectSizeType());
      putStatistic(o, "difference", g.difference());
      putStatistic(o, "effectSize", g.effectSize());
      putStatistic(o, "ciLow", g.ciLow());
      putStatistic(o, "ciHigh", g.ciHigh());
      putStatistic(o, "pValue", g.pValue());
      putStatistic(o, "qValue", g.qValue());
      o.put("flagged", g.flagged());
    }
    if (report.instrument().questions().stream().anyMatch(q -> !q.isRating())) {
      ArrayNode comments = root.putArray("comments");
      for (CommentSet c : report.comments()) {
        ObjectNode o = comments.addObject();
        ObjectNode attrs = o.putObject("attributes");
        c.segment().attributes().forEach(attrs::put);
        o.put("question", c.question());
        ArrayNode texts = o.putArray("texts");
        c.texts().forEach(texts::add);
      }
    }
    return root;
  }

  /**
   * Returns the report as indented JSON text.
   *
   * @param report the report
   * @return the JSON
   */
  public static String toJson(Report report) {
    return MAPPER.writeValueAsString(toTree(report)) + System.lineSeparator();
  }

  /**
   * Writes the report as indented JSON.
   *
   * @param report the report
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void write(Report report, Writer out) {
    try {
      out.write(toJson(report));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts a statistic: its value, or null plus the reason under {@code undefined}. */
  private static void putStatistic(ObjectNode o, String name, Statistic s) {
    if (s.isDefined()) {
      o.put(name, s.value());
    } else {
      o.putNull(name);
      ObjectNode undefined = o.has("undefined") ? (ObjectNode) o.get("undefined") : o.putObject("undefined");
      undefined.put(name, s.reason());
    }
  }
}

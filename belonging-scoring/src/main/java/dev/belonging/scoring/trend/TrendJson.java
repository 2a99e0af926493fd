package dev.belonging.scoring.trend;

import static dev.belonging.scoring.internal.JsonTrees.putAttributes;
import static dev.belonging.scoring.internal.JsonTrees.putStatistic;

import dev.belonging.core.model.Problem;
import dev.belonging.scoring.internal.JsonTrees;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SuppressionReason;
import java.io.UncheckedIOException;
import java.io.Writer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link TrendReport} as JSON (CONTRACTS §4, the trend report, {@code schemaVersion}
 * {@value Report#SCHEMA_VERSION}; the JSON Schema is the resource {@value #SCHEMA_RESOURCE} of this module).
 *
 * <p>The header is the one-wave report's: {@code schemaVersion}, {@code instrument}, {@code minGroupSize},
 * {@code policy}, {@code suppression} (summed over the waves), {@code respondents} (summed over the waves)
 * and {@code rejected} (every wave's, each entry with its {@code wave}). Then {@code waves}: per wave, oldest
 * first, {@code label}, {@code respondents} and {@code segments} exactly as in a one-wave report;
 * {@code missingQuestions}: {@code {wave, question}}; {@code changes}: {@code attributes}, {@code dimension},
 * {@code from}, {@code to}, {@code difference}, {@code ciLow}, {@code ciHigh}, {@code pValue}, {@code qValue}
 * and, when the change is computed from fewer questions, {@code note}; with a treatment,
 * {@code interventions}: {@code treated}, {@code after}, {@code dimension}, {@code suppressed}, then either
 * {@code reasonCode} and {@code reason}, or {@code estimate}, {@code standardError}, {@code ciLow},
 * {@code ciHigh}, {@code pValue}, {@code degreesOfFreedom}, {@code placebos} ({@code attributes},
 * {@code estimate}, {@code standardError}), {@code placeboRank} (when there are placebos) and {@code note}
 * (when there is one).
 *
 * <p>Numbers are full double precision; an undefined statistic is {@code null} with its reason under
 * {@code "undefined"}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TrendJson {

  /** The class-path location of the trend report's JSON Schema. */
  public static final String SCHEMA_RESOURCE = "/dev/belonging/scoring/trend/trend.schema.json";


  private TrendJson() {}

  /**
   * Returns the trend report as a JSON tree.
   *
   * @param report the report
   * @return the tree
   */
  public static ObjectNode toTree(TrendReport report) {
    ObjectNode root = JsonTrees.object();
    JsonTrees.putHeader(root, report.instrument(), report.policy(),
        report.waves().stream().mapToInt(r -> r.suppressed(SuppressionReason.BELOW_K)).sum(),
        report.waves().stream().mapToInt(r -> r.suppressed(SuppressionReason.COMPLEMENTARY)).sum());
    root.put("respondents", report.respondents());
    ArrayNode rejected = root.putArray("rejected");
    for (Report wave : report.waves()) {
      for (Problem p : wave.rejected()) {
        ObjectNode r = rejected.addObject();
        r.put("wave", wave.wave().label());
        r.put("line", p.line());
        r.put("column", p.column());
        r.put("message", p.message());
      }
    }
    ArrayNode waves = root.putArray("waves");
    for (Report wave : report.waves()) {
      ObjectNode w = waves.addObject();
      w.put("label", wave.wave().label());
      w.put("respondents", wave.respondents());
      JsonTrees.putSegments(w, "segments", wave.segments());
    }
    ArrayNode missing = root.putArray("missingQuestions");
    for (MissingQuestion m : report.missingQuestions()) {
      ObjectNode o = missing.addObject();
      o.put("wave", m.wave().label());
      o.put("question", m.question());
    }
    ArrayNode changes = root.putArray("changes");
    for (Change c : report.changes()) {
      ObjectNode o = changes.addObject();
      putAttributes(o, "attributes", c.segment());
      o.put("dimension", c.dimension());
      o.put("from", c.from());
      o.put("to", c.to());
      putStatistic(o, "difference", c.difference());
      putStatistic(o, "ciLow", c.ciLow());
      putStatistic(o, "ciHigh", c.ciHigh());
      putStatistic(o, "pValue", c.pValue());
      putStatistic(o, "qValue", c.qValue());
      if (!c.note().isEmpty()) {
        o.put("note", c.note());
      }
    }
    if (report.treatment().isPresent()) {
      ArrayNode interventions = root.putArray("interventions");
      for (InterventionResult r : report.interventions()) {
        ObjectNode o = interventions.addObject();
        putAttributes(o, "treated", r.treated());
        o.put("after", r.after());
        o.put("dimension", r.dimension());
        o.put("suppressed", r.isSuppressed());
        if (r instanceof SuppressedIntervention s) {
          o.put("reasonCode", s.reasonCode().code());
          o.put("reason", s.reason());
          continue;
        }
        InterventionEstimate e = (InterventionEstimate) r;
        putStatistic(o, "estimate", e.estimate());
        putStatistic(o, "standardError", e.standardError());
        putStatistic(o, "ciLow", e.ciLow());
        putStatistic(o, "ciHigh", e.ciHigh());
        putStatistic(o, "pValue", e.pValue());
        o.put("degreesOfFreedom", e.degreesOfFreedom());
        ArrayNode placebos = o.putArray("placebos");
        for (Placebo p : e.placebos()) {
          ObjectNode po = placebos.addObject();
          putAttributes(po, "attributes", p.segment());
          putStatistic(po, "estimate", p.estimate());
          putStatistic(po, "standardError", p.standardError());
        }
        e.placeboRank().ifPresent(rank -> o.put("placeboRank", rank));
        if (!e.note().isEmpty()) {
          o.put("note", e.note());
        }
      }
    }
    return root;
  }

  /**
   * Returns the trend report as indented JSON text.
   *
   * @param report the report
   * @return the JSON
   */
  public static String toJson(TrendReport report) {
    return JsonTrees.text(toTree(report));
  }

  /**
   * Writes the trend report as indented JSON.
   *
   * @param report the report
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void write(TrendReport report, Writer out) {
    JsonTrees.write(toTree(report), out);
  }
}

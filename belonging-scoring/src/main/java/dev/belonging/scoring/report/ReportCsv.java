package dev.belonging.scoring.report;

import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.reliability.Reliability;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Report} as tidy long rows for R and pandas (CONTRACTS §3), one statistic per row, with the
 * header {@code wave,segment,<one column per attribute named in any breakdown, in the order first
 * named>,dimension,question,statistic,value,reason}.
 *
 * <p>{@code wave} is empty outside trend reports; {@code segment} is {@code all} or {@code
 * team=T2;tenure=new}; {@code question} is empty for dimension rows; {@code value} is empty and {@code
 * reason} set when a number is suppressed or undefined. Reliability rows belong to segment {@code all} with
 * statistic {@code alpha}.
 *
 * <p>Gaps follow the segments, in the report's order (by q-value), seven rows per gap, in the gap's segment
 * (its label and attribute columns) with the {@code dimension} column set and {@code question} empty. The
 * statistic names are {@code gap.difference}, {@code gap.<effect size type>} (e.g. {@code gap.hedges-g},
 * {@code gap.rank-biserial}, {@code gap.cohens-h}: the type names the detector's effect size), {@code
 * gap.ciLow}, {@code gap.ciHigh}, {@code gap.pValue}, {@code gap.qValue} and {@code gap.flagged} (1 or 0). A
 * gap against a reference segment instead of the rest of the population names it in the prefix: {@code
 * gap[team=T1].difference}. An undefined gap number has an empty value and its reason.
 *
 * <p>Fields are quoted per RFC 4180 when needed; text cells that start with {@code =},
 * {@code +}, {@code -} or {@code @} (CONTRACTS §3), or with a tab or carriage return (which some
 * spreadsheets skip before reading a formula), are prefixed with {@code '} so that spreadsheets do not run
 * them as formulas; numbers, such as a negative difference, are never altered. Lines end with CRLF.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReportCsv {

  /** The first characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private ReportCsv() {}

  /**
   * Renders a report as tidy CSV.
   *
   * @param report the report
   * @return the CSV text
   */
  public static String render(Report report) {
    Set<String> attributeSet = new LinkedHashSet<>();
    for (Breakdown b : report.breakdowns()) {
      attributeSet.addAll(b.attributes());
    }
    List<String> attributes = List.copyOf(attributeSet);
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("wave", "segment"));
    header.addAll(attributes);
    header.addAll(List.of("dimension", "question", "statistic", "value", "reason"));
    line(out, header, header.size());

    String wave = "";
    for (Reliability r : report.reliability()) {
      row(out, wave, "all", Map.of(), attributes, r.dimensionId(), "", "alpha", r.alpha());
    }
    for (SegmentResult s : report.segments()) {
      String label = s.segment().label();
      Map<String, String> values = s.segment().attributes();
      if (s instanceof SuppressedSegment x) {
        row(out, wave, label, values, attributes, "", "", "respondents", Statistic.undefined(x.reason()));
        continue;
      }
      ShownSegment shown = (ShownSegment) s;
      row(out, wave, label, values, attributes, "", "", "respondents", Statistic.of(shown.respondents()));
      shown.dimensions().forEach((id, d) -> {
        row(out, wave, label, values, attributes, id, "", "respondents", Statistic.of(d.respondents()));
        d.statistics().forEach((name, v) -> row(out, wave, label, values, attributes, id, "", name, v));
      });
      shown.questions().forEach((id, q) -> {
        String dim = report.instrument().question(id).flatMap(x -> x.dimensionId()).orElse("");
        row(out, wave, label, values, attributes, dim, id, "respondents", Statistic.of(q.respondents()));
        row(out, wave, label, values, attributes, dim, id, "mean", q.mean());
        row(out, wave, label, values, attributes, dim, id, "favorable", q.favorable());
      });
    }
    for (Gap g : report.gaps()) {
      String label = g.segment().label();
      Map<String, String> values = g.segment().attributes();
      String prefix = g.reference().map(r -> "gap[" + r.label() + "].").orElse("gap.");
      String dim = g.dimension();
      row(out, wave, label, values, attributes, dim, "", prefix + "difference", g.difference());
      row(out, wave, label, values, attributes, dim, "", prefix + g.effectSizeType(), g.effectSize());
      row(out, wave, label, values, attributes, dim, "", prefix + "ciLow", g.ciLow());
      row(out, wave, label, values, attributes, dim, "", prefix + "ciHigh", g.ciHigh());
      row(out, wave, label, values, attributes, dim, "", prefix + "pValue", g.pValue());
      row(out, wave, label, values, attributes, dim, "", prefix + "qValue", g.qValue());
      row(out, wave, label, values, attributes, dim, "", prefix + "flagged", Statistic.of(g.flagged() ? 1 : 0));
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String wave, String segment, Map<String, String> values,
      List<String> attributes, String dimension, String question, String statistic, Statistic value) {
    List<String> cells = new ArrayList<>();
    cells.add(text(wave));
    cells.add(text(segment));
    for (String a : attributes) {
      cells.add(text(values.getOrDefault(a, "")));
    }
    cells.add(text(dimension));
    cells.add(text(question));
    cells.add(text(statistic));
    cells.add(value.isDefined() ? number(value.value()) : "");
    cells.add(text(value.reason()));
    line(out, cells, cells.size());
  }

  private static void line(StringBuilder out, List<String> cells, int n) {
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(cells.get(i)));
    }
    out.append("\r\n");
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** Neutralises a text cell that a spreadsheet would read as a formula. */
  static String text(String s) {
    if (!s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }

  private static String quote(String s) {
    boolean needs = false;
    for (int i = 0; i < s.length() && !needs; i++) {
      char c = s.charAt(i);
      needs = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}

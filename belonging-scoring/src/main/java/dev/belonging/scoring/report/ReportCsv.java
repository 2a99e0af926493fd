package dev.belonging.scoring.report;

import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.reliability.Reliability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
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
 * <p>Rows are written by {@link TidyCsv}: quoted per RFC 4180 when needed, text cells that start with
 * {@code =}, {@code +}, {@code -} or {@code @}, or with a tab or carriage return (which some spreadsheets
 * skip before reading a formula), prefixed with {@code '} so that spreadsheets do not run them as formulas,
 * numbers (such as a negative difference) never altered, lines ending with CRLF.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReportCsv {

  private ReportCsv() {}

  /**
   * Renders a report as tidy CSV.
   *
   * @param report the report
   * @return the CSV text
   */
  public static String render(Report report) {
    TidyCsv out = TidyCsv.withAttributes(attributes(report.breakdowns()));
    appendRows(out, report, "");
    return out.toString();
  }

  /**
   * Writes a report as tidy CSV, the text {@link #render} returns, without building that text first, and
   * flushes: the CSV of a report of many small teams is hundreds of megabytes.
   *
   * @param report the report
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void write(Report report, Writer out) {
    appendRows(TidyCsv.writingTo(attributes(report.breakdowns()), out), report, "");
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the attribute columns of some breakdowns: every attribute named, in the order first named.
   *
   * @param breakdowns the breakdowns
   * @return the attribute names
   */
  public static List<String> attributes(List<Breakdown> breakdowns) {
    Set<String> attributeSet = new LinkedHashSet<>();
    for (Breakdown b : breakdowns) {
      attributeSet.addAll(b.attributes());
    }
    return List.copyOf(attributeSet);
  }

  /**
   * Appends a report's rows (without a header) to a tidy CSV document, in the order {@link #render} writes
   * them.
   *
   * @param out the document, with the attribute columns of the report's breakdowns
   * @param report the report
   * @param wave the {@code wave} column's value: {@code ""} for a one-wave report, the wave's label in a
   *     trend report
   */
  public static void appendRows(TidyCsv out, Report report, String wave) {
    for (Reliability r : report.reliability()) {
      out.row(wave, Segment.population(), r.dimensionId(), "", "alpha", r.alpha());
    }
    for (SegmentResult s : report.segments()) {
      Segment segment = s.segment();
      if (s instanceof SuppressedSegment x) {
        out.row(wave, segment, "", "", "respondents", Statistic.undefined(x.reason()));
        continue;
      }
      ShownSegment shown = (ShownSegment) s;
      out.row(wave, segment, "", "", "respondents", Statistic.of(shown.respondents()));
      shown.dimensions().forEach((id, d) -> {
        out.row(wave, segment, id, "", "respondents", Statistic.of(d.respondents()));
        d.statistics().forEach((name, v) -> out.row(wave, segment, id, "", name, v));
      });
      shown.questions().forEach((id, q) -> {
        String dim = report.instrument().question(id).flatMap(x -> x.dimensionId()).orElse("");
        out.row(wave, segment, dim, id, "respondents", Statistic.of(q.respondents()));
        out.row(wave, segment, dim, id, "mean", q.mean());
        out.row(wave, segment, dim, id, "favorable", q.favorable());
      });
    }
    for (Gap g : report.gaps()) {
      Segment segment = g.segment();
      String prefix = g.reference().map(r -> "gap[" + r.label() + "].").orElse("gap.");
      String dim = g.dimension();
      out.row(wave, segment, dim, "", prefix + "difference", g.difference());
      out.row(wave, segment, dim, "", prefix + g.effectSizeType(), g.effectSize());
      out.row(wave, segment, dim, "", prefix + "ciLow", g.ciLow());
      out.row(wave, segment, dim, "", prefix + "ciHigh", g.ciHigh());
      out.row(wave, segment, dim, "", prefix + "pValue", g.pValue());
      out.row(wave, segment, dim, "", prefix + "qValue", g.qValue());
      out.row(wave, segment, dim, "", prefix + "flagged", Statistic.of(g.flagged() ? 1 : 0));
    }
  }
}

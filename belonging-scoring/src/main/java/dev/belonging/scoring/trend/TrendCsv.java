package dev.belonging.scoring.trend;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportCsv;
import dev.belonging.scoring.report.TidyCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link TrendReport} as the tidy CSV of CONTRACTS §3 with the {@code wave} column filled.
 *
 * <p>First every wave's report, exactly as {@link ReportCsv} writes a one-wave report, with the wave's label
 * in {@code wave}. Then one row per missing question: {@code wave} the wave, segment {@code all}, the
 * question's dimension and id, statistic {@code missing}, an empty value and the reason. Then five rows per
 * change, in the later wave with the earlier one named in the statistic: {@code change[2026-Q1].difference},
 * {@code .ciLow}, {@code .ciHigh}, {@code .pValue}, {@code .qValue}. Then, per intervention dimension, in the
 * wave the intervention began and the treated segment: {@code did.estimate}, {@code did.standardError},
 * {@code did.ciLow}, {@code did.ciHigh}, {@code did.pValue}, {@code did.df} and {@code did.placeboRank}
 * (a suppressed estimate is one {@code did.estimate} row with an empty value and the reason), and per placebo
 * in its own segment {@code did.placebo.estimate} and {@code did.placebo.standardError}.
 *
 * <p>The attribute columns are those of the breakdowns, then the treated attribute if no breakdown names
 * it.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TrendCsv {

  private TrendCsv() {}

  /**
   * Renders a trend report as tidy CSV.
   *
   * @param report the report
   * @return the CSV text
   */
  public static String render(TrendReport report) {
    TidyCsv out = TidyCsv.withAttributes(attributes(report));
    rows(out, report);
    return out.toString();
  }

  /**
   * Writes a trend report as tidy CSV, the text {@link #render} returns, without building that text first,
   * and flushes.
   *
   * @param report the report
   * @param out where to write; not closed
   * @throws UncheckedIOException if writing fails
   */
  public static void write(TrendReport report, Writer out) {
    rows(TidyCsv.writingTo(attributes(report), out), report);
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The breakdowns' attributes, then the treated attribute if no breakdown names it. */
  private static List<String> attributes(TrendReport report) {
    List<String> attributes = new ArrayList<>(ReportCsv.attributes(report.breakdowns()));
    report.treatment().ifPresent(t -> {
      if (!attributes.contains(t.attribute())) {
        attributes.add(t.attribute());
      }
    });
    return attributes;
  }

  private static void rows(TidyCsv out, TrendReport report) {
    for (Report wave : report.waves()) {
      ReportCsv.appendRows(out, wave, wave.wave().label());
    }
    Segment all = Segment.population();
    for (MissingQuestion m : report.missingQuestions()) {
      String dim = report.instrument().question(m.question()).flatMap(q -> q.dimensionId()).orElse("");
      out.row(m.wave().label(), all, dim, m.question(), "missing",
          Statistic.undefined("the question is missing from this wave's file"));
    }
    for (Change c : report.changes()) {
      String prefix = "change[" + c.from() + "].";
      out.row(c.to(), c.segment(), c.dimension(), "", prefix + "difference", c.difference());
      out.row(c.to(), c.segment(), c.dimension(), "", prefix + "ciLow", c.ciLow());
      out.row(c.to(), c.segment(), c.dimension(), "", prefix + "ciHigh", c.ciHigh());
      out.row(c.to(), c.segment(), c.dimension(), "", prefix + "pValue", c.pValue());
      out.row(c.to(), c.segment(), c.dimension(), "", prefix + "qValue", c.qValue());
    }
    for (InterventionResult r : report.interventions()) {
      if (r instanceof SuppressedIntervention s) {
        out.row(s.after(), s.treated(), s.dimension(), "", "did.estimate", Statistic.undefined(s.reason()));
        continue;
      }
      InterventionEstimate e = (InterventionEstimate) r;
      out.row(e.after(), e.treated(), e.dimension(), "", "did.estimate", e.estimate());
      out.row(e.after(), e.treated(), e.dimension(), "", "did.standardError", e.standardError());
      out.row(e.after(), e.treated(), e.dimension(), "", "did.ciLow", e.ciLow());
      out.row(e.after(), e.treated(), e.dimension(), "", "did.ciHigh", e.ciHigh());
      out.row(e.after(), e.treated(), e.dimension(), "", "did.pValue", e.pValue());
      out.row(e.after(), e.treated(), e.dimension(), "", "did.df", Statistic.of(e.degreesOfFreedom()));
      out.row(e.after(), e.treated(), e.dimension(), "", "did.placeboRank", e.placeboRank().isPresent()
          ? Statistic.of(e.placeboRank().getAsInt())
          : Statistic.undefined("no placebo: the treated attribute is no breakdown, or no other value has k "
              + "scores in every wave"));
      for (Placebo p : e.placebos()) {
        out.row(e.after(), p.segment(), e.dimension(), "", "did.placebo.estimate", p.estimate());
        out.row(e.after(), p.segment(), e.dimension(), "", "did.placebo.standardError", p.standardError());
      }
    }
  }
}

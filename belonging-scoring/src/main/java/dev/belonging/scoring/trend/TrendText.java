package dev.belonging.scoring.trend;

import static dev.belonging.scoring.report.ReportText.printable;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Problem;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportText;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a {@link TrendReport} as plain text for terminals: a header naming the waves, the missing
 * questions, a table of mean scores per segment, dimension and wave (a dash where a wave does not show it),
 * the changes with their 95 % intervals and q-values (those with q &lt; 0.05 marked), and, with a treatment,
 * the intervention's estimate per dimension with its placebo rank and what the estimate assumes. Numbers are
 * rounded for people; the JSON has them in full.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TrendText {

  /** What a difference-in-differences estimate assumes, in the words the reports use. */
  public static final String ASSUMPTIONS = "The estimate assumes parallel trends (without the intervention "
      + "the treated group would have changed as everyone else did) and no spill-over (the intervention did "
      + "not change the others). Its p-value treats respondents as independent, but a treated team is one "
      + "cluster: read it with the placebo rank, the place of the treated estimate among the same estimates "
      + "for every other team (1 = the largest).";

  private TrendText() {}

  /**
   * Renders a trend report.
   *
   * @param report the report
   * @return the text, ending with a line separator
   */
  public static String render(TrendReport report) {
    String nl = System.lineSeparator();
    StringBuilder b = new StringBuilder();
    b.append(printable(report.instrument().name())).append(" (").append(printable(report.instrument().id()))
        .append(" v").append(printable(report.instrument().version())).append("), ")
        .append(report.waves().size()).append(" waves: ");
    List<String> waves = new ArrayList<>();
    for (Report w : report.waves()) {
      waves.add(printable(w.wave().label()) + " (" + w.respondents() + " respondents)");
    }
    b.append(String.join(", ", waves)).append("; groups smaller than ")
        .append(report.policy().minGroupSize()).append(" are not shown.").append(nl);
    if (report.workBoundReached()) {
      b.append(ReportText.WORK_BOUND_NOTE).append(nl);
    }
    for (Report w : report.waves()) {
      if (!w.rejected().isEmpty()) {
        b.append(printable(w.wave().label())).append(": ").append(w.rejected().size())
            .append(" problems in rejected rows:").append(nl);
        for (Problem p : w.rejected()) {
          b.append("  ").append(printable(p.location())).append(": ").append(printable(p.message()))
              .append(nl);
        }
      }
    }
    for (MissingQuestion m : report.missingQuestions()) {
      b.append("Question ").append(printable(m.question())).append(" is missing from ")
          .append(printable(m.wave().label()))
          .append(": its dimension's changes use the questions both waves share.").append(nl);
    }

    b.append(nl).append("Mean score by wave").append(nl);
    List<String> header = new ArrayList<>(List.of("segment", "dimension"));
    report.waves().forEach(w -> header.add(printable(w.wave().label())));
    List<List<String>> rows = new ArrayList<>();
    for (Segment s : segments(report)) {
      for (Dimension d : report.instrument().dimensions()) {
        List<String> row = new ArrayList<>(List.of(printable(s.label()), printable(d.id())));
        boolean any = false;
        for (Report w : report.waves()) {
          Optional<DimensionResult> r = dimension(w, s, d.id());
          any |= r.isPresent();
          row.add(r.map(x -> format(x.mean(), 2)).orElse("-"));
        }
        if (any) {
          rows.add(row);
        }
      }
    }
    table(b, header, rows, nl);

    if (!report.changes().isEmpty()) {
      b.append(nl).append("Changes (later minus earlier, Welch 95% CI; q: Benjamini-Hochberg over all "
          + "changes; * q < 0.05)").append(nl);
      List<List<String>> changes = new ArrayList<>();
      for (Change c : report.changes()) {
        boolean flagged = c.qValue().isDefined() && c.qValue().value() < 0.05;
        changes.add(List.of(printable(c.from()) + " -> " + printable(c.to()), printable(c.segment().label()),
            printable(c.dimension()), signed(c.difference()),
            "[" + format(c.ciLow(), 2) + ", " + format(c.ciHigh(), 2) + "]",
            "p " + probability(c.pValue()), "q " + probability(c.qValue()) + (flagged ? " *" : ""),
            c.note()));
      }
      table(b, List.of("waves", "segment", "dimension", "change", "95% CI", "p", "q", "note"), changes, nl);
    }

    if (report.treatment().isPresent()) {
      Treatment t = report.treatment().get();
      b.append(nl).append("Intervention: ").append(printable(t.segment().label())).append(" from ")
          .append(printable(t.after()))
          .append(" on, difference in differences against everyone else").append(nl);
      for (InterventionResult r : report.interventions()) {
        b.append("  ").append(printable(r.dimension())).append(": ");
        if (r instanceof SuppressedIntervention s) {
          b.append("not shown (").append(s.reason()).append(")").append(nl);
          continue;
        }
        InterventionEstimate e = (InterventionEstimate) r;
        b.append(signed(e.estimate())).append(" points (95% CI ").append(format(e.ciLow(), 2)).append(" to ")
            .append(format(e.ciHigh(), 2)).append("), SE ").append(format(e.standardError(), 3))
            .append(", p ").append(probability(e.pValue()));
        if (e.placeboRank().isPresent()) {
          b.append("; placebo rank ").append(e.placeboRank().getAsInt()).append(" of ")
              .append(e.placebos().size() + 1);
        }
        if (!e.note().isEmpty()) {
          b.append("; ").append(printable(e.note()));
        }
        b.append(nl);
      }
      b.append(ASSUMPTIONS).append(nl);
    }
    return b.toString();
  }

  /** Every segment any wave reports, in the order first reported. */
  static List<Segment> segments(TrendReport report) {
    Set<Segment> out = new LinkedHashSet<>();
    for (Report w : report.waves()) {
      for (SegmentResult s : w.segments()) {
        out.add(s.segment());
      }
    }
    return List.copyOf(out);
  }

  private static Optional<DimensionResult> dimension(Report wave, Segment segment, String dimension) {
    return wave.segment(segment).filter(s -> s instanceof ShownSegment)
        .map(s -> ((ShownSegment) s).dimensions().get(dimension));
  }

  private static String signed(Statistic s) {
    return s.isDefined() ? String.format(Locale.ROOT, "%+.2f", s.value()) : "n/a";
  }

  /** A p- or q-value to three decimals, or {@code < 0.001}. */
  private static String probability(Statistic s) {
    return s.isDefined() && s.value() < 0.001 ? "< 0.001" : format(s, 3);
  }

  private static String format(Statistic s, int digits) {
    return s.isDefined() ? String.format(Locale.ROOT, "%." + digits + "f", s.value()) : "n/a";
  }

  private static void table(StringBuilder b, List<String> header, List<List<String>> rows, String nl) {
    int[] width = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> r : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        line.append(String.format(Locale.ROOT, "%-" + width[i] + "s", r.get(i)));
        if (i < r.size() - 1) {
          line.append("  ");
        }
      }
      b.append(line.toString().stripTrailing()).append(nl);
    }
  }
}

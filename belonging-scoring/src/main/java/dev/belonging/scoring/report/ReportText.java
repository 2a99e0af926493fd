package dev.belonging.scoring.report;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Problem;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.reliability.Reliability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Report} as plain text for terminals: a header, then one aligned table of segments ×
 * dimensions per statistic, numbers rounded for people, suppressed segments marked with their reason.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReportText {

  private ReportText() {}

  /**
   * Renders a report, showing each dimension's mean, favorable share (as %) and index when present.
   *
   * @param report the report
   * @return the text, ending with a line separator
   */
  public static String render(Report report) {
    String nl = System.lineSeparator();
    StringBuilder b = new StringBuilder();
    b.append(report.instrument().name()).append(" (").append(report.instrument().id()).append(" v")
        .append(report.instrument().version()).append(")").append(nl);
    b.append(report.respondents()).append(" respondents; groups smaller than ")
        .append(report.policy().minGroupSize()).append(" are not shown");
    int primary = report.suppressed(SuppressionReason.BELOW_K);
    int secondary = report.suppressed(SuppressionReason.COMPLEMENTARY);
    if (primary + secondary > 0) {
      b.append(" (").append(primary).append(" suppressed as too small");
      if (secondary > 0) {
        b.append(", ").append(secondary).append(" to protect smaller groups");
      }
      b.append(")");
    }
    b.append(".").append(nl);
    if (!report.rejected().isEmpty()) {
      b.append(report.rejected().size()).append(" problems in rejected rows:").append(nl);
      for (Problem p : report.rejected()) {
        b.append("  ").append(p.location()).append(": ").append(p.message()).append(nl);
      }
    }
    if (!report.reliability().isEmpty()) {
      b.append(nl).append("Reliability (Cronbach's alpha): ");
      List<String> parts = new ArrayList<>();
      for (Reliability r : report.reliability()) {
        parts.add(r.dimensionId() + " " + (r.alpha().isDefined() ? fixed(r.alpha().value(), 2) : "n/a"));
      }
      b.append(String.join(", ", parts)).append(nl);
    }
    List<Dimension> dims = report.instrument().dimensions();
    table(b, report, dims, "mean", "Mean score", 2, 1);
    table(b, report, dims, "favorable", "Favorable (% of answers)", 0, 100);
    table(b, report, dims, "index", "Index (0-100)", 0, 1);
    table(b, report, dims, "net", "Net score", 0, 1);
    if (!report.comments().isEmpty()) {
      b.append(nl).append("Comments").append(nl);
      for (CommentSet c : report.comments()) {
        b.append("  ").append(c.segment().label()).append(", ").append(c.question()).append(" (")
            .append(c.texts().size()).append(")").append(nl);
        for (String t : c.texts()) {
          b.append("    - ").append(t.replace("\r", " ").replace("\n", " ")).append(nl);
        }
      }
    }
    return b.toString();
  }

  private static void table(StringBuilder b, Report report, List<Dimension> dims, String statistic,
      String title, int decimals, double factor) {
    boolean any = report.segments().stream().anyMatch(s -> s instanceof ShownSegment x
        && x.dimensions().values().stream().anyMatch(d -> d.statistics().containsKey(statistic)));
    if (!any) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[dims.size() + 2];
    header[0] = "segment";
    header[1] = "n";
    for (int i = 0; i < dims.size(); i++) {
      header[i + 2] = dims.get(i).id();
    }
    rows.add(header);
    for (SegmentResult s : report.segments()) {
      String[] row = new String[dims.size() + 2];
      row[0] = s.segment().label();
      if (s instanceof SuppressedSegment x) {
        row[1] = "-";
        for (int i = 0; i < dims.size(); i++) {
          row[i + 2] = i == 0 ? "(" + x.reason() + ")" : "";
        }
      } else {
        ShownSegment shown = (ShownSegment) s;
        row[1] = Long.toString(shown.respondents());
        for (int i = 0; i < dims.size(); i++) {
          DimensionResult d = shown.dimensions().get(dims.get(i).id());
          Statistic v = d == null ? null : d.statistics().get(statistic);
          row[i + 2] = v == null ? "*" : v.isDefined() ? fixed(v.value() * factor, decimals) : "n/a";
        }
      }
      rows.add(row);
    }
    int[] width = new int[header.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        if (!(r[i].startsWith("(") && i == 2)) {
          width[i] = Math.max(width[i], r[i].length());
        }
      }
    }
    String nl = System.lineSeparator();
    b.append(nl).append(title).append(nl);
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        if (i > 0) {
          line.append("  ");
        }
        boolean left = i == 0 || r[i].startsWith("(");
        line.append(left ? pad(r[i], width[i], false) : pad(r[i], width[i], true));
      }
      b.append(line.toString().stripTrailing()).append(nl);
    }
    b.append("(* fewer than ").append(report.policy().minGroupSize())
        .append(" scores in this dimension; n/a undefined)").append(nl);
  }

  private static String pad(String s, int width, boolean right) {
    if (s.length() >= width) {
      return s;
    }
    String spaces = " ".repeat(width - s.length());
    return right ? spaces + s : s + spaces;
  }

  private static String fixed(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}

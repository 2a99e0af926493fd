package dev.belonging.scoring.report;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Problem;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.gaps.DifferenceUnit;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.reliability.Reliability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Report} as plain text for terminals: a header, then one aligned table of segments ×
 * dimensions per statistic, numbers rounded for people, suppressed segments marked with their reason; then
 * the gaps: the flagged ones first, each as a sentence ("team=T2, tenure=new" reads "T2, new: leadership
 * climate 0.42 points lower than everyone else (95% CI 0.20 to 0.63), q = 0.004, Hedges' g = -0.45"), then
 * a table of the others.
 *
 * <p>Every string from the data (instrument name and ids, attribute values, comment texts, column names of
 * rejected rows) is printed with its line ends and tabs as spaces and its other control and bidirectional
 * formatting characters as U+FFFD, so that a value cannot forge a line or send commands to the terminal.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ReportText {

  /**
   * The sentence a report shows when its guard reached the bound on its work
   * ({@link Report#workBoundReached()}).
   */
  public static final String WORK_BOUND_NOTE = "The anonymity check reached its work limit: some groups were"
      + " suppressed, or some of their numbers left out, without proof that showing them would reveal a"
      + " smaller group; with fewer crossed breakdowns it can decide each one.";

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
    b.append(printable(report.instrument().name())).append(" (").append(printable(report.instrument().id()))
        .append(" v").append(printable(report.instrument().version())).append(")").append(nl);
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
    if (report.workBoundReached()) {
      b.append(WORK_BOUND_NOTE).append(nl);
    }
    if (!report.rejected().isEmpty()) {
      b.append(report.rejected().size()).append(" problems in rejected rows:").append(nl);
      for (Problem p : report.rejected()) {
        b.append("  ").append(printable(p.location())).append(": ").append(printable(p.message())).append(nl);
      }
    }
    if (!report.reliability().isEmpty()) {
      b.append(nl).append("Reliability (Cronbach's alpha): ");
      List<String> parts = new ArrayList<>();
      for (Reliability r : report.reliability()) {
        parts.add(printable(r.dimensionId()) + " " + (r.alpha().isDefined() ? fixed(r.alpha().value(), 2) : "n/a"));
      }
      b.append(String.join(", ", parts)).append(nl);
    }
    List<Dimension> dims = report.instrument().dimensions();
    table(b, report, dims, "mean", "Mean score", 2, 1);
    table(b, report, dims, "favorable", "Favorable (% of answers)", 0, 100);
    table(b, report, dims, "index", "Index (0-100)", 0, 1);
    table(b, report, dims, "net", "Net score", 0, 1);
    gaps(b, report);
    if (!report.comments().isEmpty()) {
      b.append(nl).append("Comments").append(nl);
      for (CommentSet c : report.comments()) {
        b.append("  ").append(printable(c.segment().label())).append(", ").append(printable(c.question())).append(" (")
            .append(c.texts().size()).append(")").append(nl);
        for (String t : c.texts()) {
          b.append("    - ").append(printable(t)).append(nl);
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
      header[i + 2] = printable(dims.get(i).id());
    }
    rows.add(header);
    boolean hidden = false;
    boolean undefined = false;
    for (SegmentResult s : report.segments()) {
      String[] row = new String[dims.size() + 2];
      row[0] = printable(s.segment().label());
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
          hidden |= v == null;
          undefined |= v != null && !v.isDefined();
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
    // the legend explains the marks the table uses, and only those
    List<String> legend = new ArrayList<>();
    if (hidden) {
      legend.add("* fewer than " + report.policy().minGroupSize() + " scores in this dimension");
    }
    if (undefined) {
      legend.add("n/a undefined");
    }
    if (!legend.isEmpty()) {
      b.append('(').append(String.join("; ", legend)).append(')').append(nl);
    }
  }

  private static void gaps(StringBuilder b, Report report) {
    if (report.gaps().isEmpty()) {
      return;
    }
    String nl = System.lineSeparator();
    List<Gap> flagged = report.gaps().stream().filter(Gap::flagged).toList();
    b.append(nl).append("Gaps: ").append(flagged.size()).append(" flagged of ").append(report.gaps().size())
        .append(nl);
    for (Gap g : flagged) {
      b.append("  ").append(sentence(report, g)).append(nl);
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"segment", "dimension", "difference", "95% CI", "q", "effect"});
    for (Gap g : report.gaps()) {
      if (!g.flagged()) {
        rows.add(new String[] {printable(g.segment().label()), printable(g.dimension()), number(g.difference(), g),
            g.ciLow().isDefined() && g.ciHigh().isDefined()
                ? number(g.ciLow(), g) + " to " + number(g.ciHigh(), g) : "n/a",
            q(g.qValue()), g.effectSize().isDefined() ? fixed(g.effectSize().value(), 2) : "n/a"});
      }
    }
    if (rows.size() == 1) {
      return;
    }
    b.append(nl).append("Gaps not flagged").append(nl);
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        if (i > 0) {
          line.append("  ");
        }
        line.append(pad(r[i], width[i], i >= 2));
      }
      b.append(line.toString().stripTrailing()).append(nl);
    }
    b.append("(differences ").append(unit(report.gaps().get(0).differenceUnit()))
        .append("; effect: ").append(effectName(report.gaps().get(0).effectSizeType())).append(")").append(nl);
  }

  /**
   * Says a gap in words: "T2, new: leadership climate 0.42 points lower than everyone else (95% CI 0.20 to
   * 0.63), q = 0.004, Hedges' g = -0.45".
   */
  static String sentence(Report report, Gap g) {
    StringBuilder s = new StringBuilder();
    s.append(people(g.segment())).append(": ").append(dimensionName(report, g.dimension())).append(' ');
    String than = g.reference().map(r -> "than " + people(r)).orElse("than everyone else");
    if (!g.difference().isDefined()) {
      return s.append("cannot be compared ").append(than).append(" (").append(g.difference().reason())
          .append(")").toString();
    }
    double d = g.difference().value();
    boolean share = g.differenceUnit() == DifferenceUnit.SHARE;
    double factor = share ? 100 : 1;
    int decimals = share ? 0 : 2;
    String amount = fixed(Math.abs(d) * factor, decimals);
    if (Double.parseDouble(amount) == 0) {
      s.append("about the same as ").append(than.substring(5));
    } else if (share) {
      s.append(amount).append(" percentage points ").append(d < 0 ? "less" : "more").append(" favorable ")
          .append(than);
    } else {
      s.append(amount).append(" points ").append(d < 0 ? "lower" : "higher").append(' ').append(than);
    }
    if (g.ciLow().isDefined() && g.ciHigh().isDefined()) {
      // the interval of the gap's size, in the direction the sentence names
      double low = d < 0 ? -g.ciHigh().value() : g.ciLow().value();
      double high = d < 0 ? -g.ciLow().value() : g.ciHigh().value();
      s.append(" (95% CI ").append(fixed(low * factor, decimals)).append(" to ")
          .append(fixed(high * factor, decimals)).append(")");
    }
    s.append(", q ").append(g.qValue().isDefined() && g.qValue().value() < 0.001 ? "< 0.001"
        : "= " + q(g.qValue()));
    if (g.effectSize().isDefined()) {
      s.append(", ").append(effectName(g.effectSizeType())).append(" = ")
          .append(fixed(g.effectSize().value(), 2));
    }
    return s.toString();
  }

  /** The segment's attribute values, "T2, new". */
  private static String people(Segment segment) {
    return printable(String.join(", ", segment.attributes().values()));
  }

  private static String dimensionName(Report report, String id) {
    String name = printable(report.instrument().dimensions().stream().filter(d -> d.id().equals(id))
        .map(Dimension::name).findFirst().orElse(id));
    // lowercase a leading capital unless the name starts with an acronym ("NPS")
    if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isLowerCase(name.charAt(1))) {
      return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
    return name;
  }

  private static String effectName(String type) {
    return switch (type) {
      case "hedges-g" -> "Hedges' g";
      case "rank-biserial" -> "rank-biserial r";
      case "cohens-h" -> "Cohen's h";
      default -> type;
    };
  }

  private static String unit(DifferenceUnit unit) {
    return unit == DifferenceUnit.SHARE ? "in percentage points of favorable answers" : "in score points";
  }

  private static String number(Statistic v, Gap g) {
    if (!v.isDefined()) {
      return "n/a";
    }
    return g.differenceUnit() == DifferenceUnit.SHARE ? fixed(v.value() * 100, 1) : fixed(v.value(), 2);
  }

  private static String q(Statistic q) {
    if (!q.isDefined()) {
      return "n/a";
    }
    return q.value() < 0.001 ? "<0.001" : fixed(q.value(), 3);
  }

  /**
   * Returns a string from the data as this class prints it, safe for a terminal: line ends and tabs
   * become spaces, so that a value cannot start a line of its own; every other control character (the
   * escape that starts a terminal command among them) and every bidirectional formatting character
   * (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), which could make text read in another
   * order than it is stored, becomes U+FFFD. Other characters are kept.
   *
   * @param s the string, such as an attribute value, a comment or a problem's detail
   * @return the string with those characters replaced; {@code s} itself when there are none
   */
  public static String printable(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char r = c == '\n' || c == '\r' || c == '\t' ? ' ' : Character.isISOControl(c) || isBidiControl(c)
          ? '\uFFFD' : c;
      if (r != c && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        b.append(r);
      }
    }
    return b == null ? s : b.toString();
  }

  private static boolean isBidiControl(char c) {
    return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
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

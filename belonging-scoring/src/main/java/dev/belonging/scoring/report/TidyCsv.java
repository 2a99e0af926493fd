package dev.belonging.scoring.report;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A writer of the tidy CSV of CONTRACTS §3: the fixed header {@code wave,segment,<one column per attribute
 * named in any breakdown>,dimension,question,statistic,value,reason}, then one statistic per row. Shared by
 * {@link ReportCsv} and the trend report's CSV, so that both read the same in R and pandas.
 *
 * <p>Fields are quoted per RFC 4180 when needed; text cells that start with {@code =}, {@code +}, {@code -}
 * or {@code @}, or with a tab or carriage return (which some spreadsheets skip before reading a formula), are
 * prefixed with {@code '} so that spreadsheets do not run them as formulas; numbers are
 * never altered (integers without a decimal point, others as {@link Double#toString(double)}). An undefined
 * statistic has an empty value and its reason. Lines end with CRLF.
 *
 * <p>Instances are mutable and not thread-safe: create one per document.
 */
public final class TidyCsv {

  /** First characters that make a spreadsheet read a cell as a formula (or skip ahead to one). */
  private static final String FORMULA_STARTS = "=+-@\t\r";


  private final List<String> attributes;
  private final StringBuilder out = new StringBuilder();

  private TidyCsv(List<String> attributes) {
    this.attributes = List.copyOf(attributes);
    List<String> header = new ArrayList<>(List.of("wave", "segment"));
    header.addAll(this.attributes);
    header.addAll(List.of("dimension", "question", "statistic", "value", "reason"));
    line(header);
  }

  /**
   * Starts a document with its header.
   *
   * @param attributes the attribute columns, in the order first named by the breakdowns
   * @return the writer, holding the header line
   */
  public static TidyCsv withAttributes(List<String> attributes) {
    return new TidyCsv(attributes);
  }

  /**
   * Returns the attribute columns.
   *
   * @return the attribute names
   */
  public List<String> attributes() {
    return attributes;
  }

  /**
   * Appends one row.
   *
   * @param wave the wave label, {@code ""} outside trend reports
   * @param segment the segment (its label and its values in the attribute columns)
   * @param dimension the dimension id, or {@code ""}
   * @param question the question id, or {@code ""} for dimension rows
   * @param statistic the statistic's name
   * @param value the value; undefined gives an empty value and the reason
   * @return this writer
   */
  public TidyCsv row(String wave, Segment segment, String dimension, String question, String statistic,
      Statistic value) {
    List<String> cells = new ArrayList<>();
    cells.add(text(wave));
    cells.add(text(segment.label()));
    for (String a : attributes) {
      cells.add(text(segment.attributes().getOrDefault(a, "")));
    }
    cells.add(text(dimension));
    cells.add(text(question));
    cells.add(text(statistic));
    cells.add(value.isDefined() ? number(value.value()) : "");
    cells.add(text(value.reason()));
    line(cells);
    return this;
  }

  /**
   * Returns the document so far.
   *
   * @return the CSV text
   */
  @Override
  public String toString() {
    return out.toString();
  }

  private void line(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
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
    Objects.requireNonNull(s, "cell");
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

package dev.belonging.scoring.report;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * <p>Instances are mutable and not thread-safe: create one per document, in memory ({@link #withAttributes})
 * or written as it goes ({@link #writingTo}).
 */
public final class TidyCsv {

  /** First characters that make a spreadsheet read a cell as a formula (or skip ahead to one). */
  private static final String FORMULA_STARTS = "=+-@\t\r";


  private final List<String> attributes;
  private final Appendable out;
  // the segment of the last row and its cells (label and attribute values, quoted): a segment has many rows
  private Segment lastSegment;
  private String lastSegmentCells;

  private TidyCsv(List<String> attributes, Appendable out) {
    this.attributes = List.copyOf(attributes);
    this.out = Objects.requireNonNull(out, "out");
    List<String> header = new ArrayList<>(List.of("wave", "segment"));
    header.addAll(this.attributes);
    header.addAll(List.of("dimension", "question", "statistic", "value", "reason"));
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < header.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(quote(header.get(i)));
    }
    append(line.append("\r\n"));
  }

  /**
   * Starts a document in memory with its header; {@link #toString()} returns it.
   *
   * @param attributes the attribute columns, in the order first named by the breakdowns
   * @return the writer, holding the header line
   */
  public static TidyCsv withAttributes(List<String> attributes) {
    return new TidyCsv(attributes, new StringBuilder());
  }

  /**
   * Starts a document written as it goes, with its header, to a writer or another {@link Appendable}: a
   * report of hundreds of thousands of segments is hundreds of megabytes of rows, which need not be held.
   *
   * @param attributes the attribute columns, in the order first named by the breakdowns
   * @param out where the rows go; not flushed or closed
   * @return the writer, which has written the header line
   * @throws UncheckedIOException if writing fails
   */
  public static TidyCsv writingTo(List<String> attributes, Appendable out) {
    return new TidyCsv(attributes, out);
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
    if (segment != lastSegment) {
      StringBuilder cells = new StringBuilder(quote(text(segment.label())));
      for (String a : attributes) {
        cells.append(',').append(quote(text(segment.attributes().getOrDefault(a, ""))));
      }
      lastSegment = segment;
      lastSegmentCells = cells.toString();
    }
    StringBuilder line = new StringBuilder(96);
    line.append(quote(text(wave))).append(',').append(lastSegmentCells).append(',')
        .append(quote(text(dimension))).append(',').append(quote(text(question))).append(',')
        .append(quote(text(statistic))).append(',').append(value.isDefined() ? number(value.value()) : "")
        .append(',').append(quote(text(value.reason()))).append("\r\n");
    append(line);
    return this;
  }

  /**
   * Returns the document so far when it is in memory ({@link #withAttributes}); else what the
   * {@link Appendable} it writes to returns.
   *
   * @return the CSV text
   */
  @Override
  public String toString() {
    return out.toString();
  }

  private void append(CharSequence text) {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

package dev.belonging.examples.html;

/**
 * One section of the HTML report: a heading, a chart with its table, and the text around them. The report
 * lists its sections in order ({@link HtmlReport}); a section that has nothing to show for a report (no
 * comments, no reliability) is left out, with its entry in the table of contents. Sections read the report
 * through a {@link ReportView} and write through {@link Markup}, so that everything from the data is
 * escaped.
 *
 * <p>Implementations are immutable and thread-safe.
 */
interface ReportSection {

  /**
   * Returns the section's fragment identifier, a constant such as {@code heatmap}.
   *
   * @return the id
   */
  String id();

  /**
   * Returns the section's heading.
   *
   * @return the heading
   */
  String title();

  /**
   * Returns whether the report has something for this section.
   *
   * @param view the report
   * @return whether to render it
   */
  boolean appliesTo(ReportView view);

  /**
   * Writes the section's content, below its heading.
   *
   * @param view the report
   * @param html the document
   */
  void render(ReportView view, Markup html);
}

/**
 * The HTML report: one self-contained page (inline CSS and SVG, no script, nothing fetched) rendered from a
 * {@link dev.belonging.scoring.report.Report} by {@link dev.belonging.examples.html.HtmlReport}, with every
 * string from the data escaped by {@link dev.belonging.examples.html.Html}.
 */
package dev.belonging.examples.html;

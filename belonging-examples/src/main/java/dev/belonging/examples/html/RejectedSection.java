package dev.belonging.examples.html;

import dev.belonging.core.model.Problem;

/**
 * The input rows that were left out ({@code --skip-invalid}), one line per problem, with messages that name
 * no respondent and no answer. Present only when rows were rejected.
 *
 * <p>This class is immutable and thread-safe.
 */
final class RejectedSection implements ReportSection {

  @Override
  public String id() {
    return "rejected";
  }

  @Override
  public String title() {
    return "Rows left out of the analysis";
  }

  @Override
  public boolean appliesTo(ReportView view) {
    return !view.report().rejected().isEmpty();
  }

  @Override
  public void render(ReportView view, Markup html) {
    html.element("p", "These rows of the responses file had problems and are not counted above.");
    html.open("table");
    int n = view.report().rejected().size();
    html.element("caption", n + (n == 1 ? " problem" : " problems"));
    html.open("thead");
    html.open("tr");
    html.element("th", "Line", "scope", "col");
    html.element("th", "Column", "scope", "col", "class", "text");
    html.element("th", "Problem", "scope", "col", "class", "text");
    html.close("tr");
    html.close("thead");
    html.open("tbody");
    for (Problem p : view.report().rejected()) {
      html.open("tr");
      html.element("td", p.line() > 0 ? Long.toString(p.line()) : "");
      html.element("td", p.column(), "class", "text");
      html.element("td", p.message(), "class", "text");
      html.close("tr");
    }
    html.close("tbody");
    html.close("table");
  }
}

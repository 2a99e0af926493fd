package dev.belonging.examples.html;

import dev.belonging.scoring.report.CommentSet;

/**
 * The comments the report may show: per shown group and comment question, the texts in the report's
 * (sorted) order. Present only when the report has comments, which it has only for groups with at least
 * the comment threshold of commenters.
 *
 * <p>This class is immutable and thread-safe.
 */
final class CommentsSection implements ReportSection {

  @Override
  public String id() {
    return "comments";
  }

  @Override
  public String title() {
    return "Comments";
  }

  @Override
  public boolean appliesTo(ReportView view) {
    return !view.report().comments().isEmpty();
  }

  @Override
  public void render(ReportView view, Markup html) {
    html.element("p", "Comments are shown only for groups where at least "
        + view.report().policy().commentThreshold() + " people commented, in alphabetical order, so that "
        + "their order says nothing about who wrote them.");
    for (CommentSet c : view.report().comments()) {
      html.element("h3", ReportView.fullLabel(c.segment()) + ": " + view.questionText(c.question()));
      html.element("p", c.texts().size() + (c.texts().size() == 1 ? " comment" : " comments"), "class", "note");
      html.open("ul", "class", "comments");
      for (String t : c.texts()) {
        html.element("li", t);
      }
      html.close("ul");
    }
  }
}

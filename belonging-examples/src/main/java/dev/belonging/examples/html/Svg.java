package dev.belonging.examples.html;

import static dev.belonging.examples.html.Numbers.coordinate;

/**
 * Small pieces of inline SVG shared by the charts: the hatching of hidden cells and positioned text.
 *
 * <p>This class is immutable and thread-safe.
 */
final class Svg {

  private Svg() {}

  /**
   * Opens an {@code <svg>} element that is one image for assistive technology, labelled by its title and
   * description, and writes them.
   *
   * @param html the document
   * @param id a fragment id prefix, a constant of the renderer
   * @param width the width
   * @param height the height
   * @param title the image's title
   * @param description the image's description
   */
  static void open(Markup html, String id, double width, double height, String title, String description) {
    html.open("svg", "id", id, "role", "img", "aria-labelledby", id + "-title " + id + "-desc",
        "viewBox", "0 0 " + coordinate(width) + " " + coordinate(height),
        "width", coordinate(width), "height", coordinate(height));
    html.element("title", title, "id", id + "-title");
    html.element("desc", description, "id", id + "-desc");
  }

  /**
   * Defines the two hatchings: {@code <id>-hatch} for hidden segments and {@code <id>-hatch-light} for a
   * dimension hidden inside a shown segment.
   *
   * @param html the document
   * @param id the chart's id prefix
   */
  static void hatchings(Markup html, String id) {
    html.open("defs");
    hatching(html, id + "-hatch", Palette.HIDDEN, Palette.HATCH, "2.5");
    hatching(html, id + "-hatch-light", "#f7f7f7", "#b4b4b4", "1");
    html.close("defs");
  }

  private static void hatching(Markup html, String id, String background, String line, String width) {
    html.open("pattern", "id", id, "width", "7", "height", "7", "patternUnits", "userSpaceOnUse",
        "patternTransform", "rotate(45)");
    html.leaf("rect", "width", "7", "height", "7", "fill", background);
    html.leaf("line", "x1", "0", "y1", "0", "x2", "0", "y2", "7", "stroke", line, "stroke-width", width);
    html.close("pattern");
  }

  /**
   * Writes a text.
   *
   * @param html the document
   * @param x the x coordinate
   * @param y the baseline
   * @param anchor {@code start}, {@code middle} or {@code end}
   * @param cssClass the class, or {@code ""} for none
   * @param fill the colour
   * @param text the text, escaped
   */
  static void text(Markup html, double x, double y, String anchor, String cssClass, String fill, String text) {
    if (cssClass.isEmpty()) {
      html.element("text", text, "x", coordinate(x), "y", coordinate(y), "text-anchor", anchor, "fill", fill);
    } else {
      html.element("text", text, "x", coordinate(x), "y", coordinate(y), "text-anchor", anchor, "fill", fill,
          "class", cssClass);
    }
  }

  /**
   * Writes a rectangle.
   *
   * @param html the document
   * @param x the left
   * @param y the top
   * @param width the width
   * @param height the height
   * @param fill the fill: a colour or a {@code url(#id)} of a pattern of this page
   */
  static void rect(Markup html, double x, double y, double width, double height, String fill) {
    html.leaf("rect", "x", coordinate(x), "y", coordinate(y), "width", coordinate(width), "height",
        coordinate(height), "fill", fill);
  }
}

package dev.belonging.examples.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes HTML and inline SVG. Element and attribute names are the renderer's own (checked against a
 * pattern); every attribute value and every text goes through {@link Html#escape(String)}, so no string
 * handed to this class can become markup. Attributes that could run code or load a resource (event
 * handlers, {@code style}, {@code src}, a link that is not to a fragment of the page) are refused.
 * Elements must be closed in order, and {@link #finish()} checks that all were.
 *
 * <p>Not thread-safe: one instance writes one document.
 */
final class Markup {

  private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9-]*");

  /** Elements written without content: HTML void elements and the SVG shapes the report draws. */
  private static final Set<String> LEAVES = Set.of("meta", "br", "hr", "rect", "line", "path", "circle",
      "polyline", "stop");

  private final StringBuilder out = new StringBuilder(1 << 16);
  private final Deque<String> open = new ArrayDeque<>();

  /** Starts a document with the HTML doctype. */
  Markup() {
    out.append("<!DOCTYPE html>\n");
  }

  /**
   * Opens an element.
   *
   * @param tag the element name
   * @param attributes name, value, name, value…; values are escaped
   * @return this
   */
  Markup open(String tag, String... attributes) {
    if (LEAVES.contains(tag)) {
      throw new IllegalArgumentException("<" + tag + "> has no content; use leaf");
    }
    start(tag, attributes);
    out.append('>');
    open.push(tag);
    return this;
  }

  /**
   * Writes an element without content ({@code <meta>}, or an SVG shape such as {@code <rect/>}).
   *
   * @param tag the element name, one of the leaves
   * @param attributes name, value, name, value…; values are escaped
   * @return this
   */
  Markup leaf(String tag, String... attributes) {
    if (!LEAVES.contains(tag)) {
      throw new IllegalArgumentException("<" + tag + "> is not written without content");
    }
    start(tag, attributes);
    out.append("/>");
    return this;
  }

  /**
   * Closes the innermost open element.
   *
   * @param tag its name, checked
   * @return this
   */
  Markup close(String tag) {
    String top = open.poll();
    if (!tag.equals(top)) {
      throw new IllegalStateException("closing <" + tag + "> but the open element is <" + top + ">");
    }
    out.append("</").append(tag).append('>');
    if (tag.equals("p") || tag.equals("div") || tag.equals("section") || tag.equals("tr")
        || tag.equals("li") || tag.equals("svg") || tag.equals("table") || tag.equals("figure")
        || tag.equals("head") || tag.equals("header") || tag.equals("ul") || tag.equals("details")) {
      out.append('\n');
    }
    return this;
  }

  /**
   * Writes text, escaped.
   *
   * @param text the text
   * @return this
   */
  Markup text(String text) {
    out.append(Html.escape(text));
    return this;
  }

  /**
   * Writes an element with text content.
   *
   * @param tag the element name
   * @param text its text, escaped
   * @param attributes name, value, name, value…; values are escaped
   * @return this
   */
  Markup element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /**
   * Writes a {@code <style>} element with the report's own style sheet, a constant of this package.
   *
   * @param css the style sheet; must not contain {@code <}
   * @return this
   */
  Markup styleSheet(String css) {
    if (css.indexOf('<') >= 0) {
      throw new IllegalArgumentException("a style sheet must not contain '<'");
    }
    out.append("<style>").append(css).append("</style>\n");
    return this;
  }

  /**
   * Returns the document.
   *
   * @return the HTML
   * @throws IllegalStateException if an element is still open
   */
  String finish() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    return out.toString();
  }

  private void start(String tag, String... attributes) {
    checkName(tag);
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs: " + attributes.length);
    }
    out.append('<').append(tag);
    for (int i = 0; i < attributes.length; i += 2) {
      checkAttribute(attributes[i], attributes[i + 1]);
      out.append(' ').append(attributes[i]).append("=\"")
          .append(Html.escape(attributes[i + 1])).append('"');
    }
  }

  /**
   * Refuses what could run code or load anything: event handlers, inline styles, sources, and links that
   * are not to a fragment of this document.
   */
  private static void checkAttribute(String name, String value) {
    checkName(name);
    Objects.requireNonNull(value, name);
    if (name.startsWith("on") || name.equals("style") || name.equals("src") || name.equals("srcset")
        || name.equals("action") || name.equals("formaction") || name.equals("xmlns")
        || ((name.equals("href") || name.equals("xlinkHref")) && !value.startsWith("#"))) {
      throw new IllegalArgumentException("the report does not write " + name + "=\"" + value + "\"");
    }
  }

  private static void checkName(String name) {
    if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
      throw new IllegalArgumentException("not an element or attribute name of the report: " + name);
    }
  }
}

package dev.belonging.examples.html;

import java.util.Objects;

/**
 * The one escaping helper of the HTML report: every string that comes from the data (segment values,
 * attribute names, dimension and question names, reasons, comments, problem messages) passes through
 * {@link #escape(String)} before it becomes markup, whether it lands in element text, in a double-quoted
 * attribute value, or inside inline SVG.
 *
 * <p>Audit notes: the escaped form contains none of {@code < > " ' &} except as the start of the five
 * character references this method writes, so it can neither open a tag, nor close an attribute value, nor
 * start another character reference. It is safe in text and in double- or single-quoted attribute values,
 * which are the only places the report puts data (never in an unquoted attribute, a {@code style}, a URL,
 * an event handler, a comment or a {@code <style>} or {@code <script>} element; the report has no script).
 * Characters that HTML does not allow in a document (C0 and C1 controls other than tab, line feed and
 * carriage return, lone surrogates, and the noncharacters U+FFFE and U+FFFF) become U+FFFD, so that hostile
 * input cannot make the file malformed.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Html {

  private static final char REPLACEMENT = '\uFFFD';

  private Html() {}

  /**
   * Escapes a string for HTML text and quoted attribute values: {@code &} → {@code &amp;}, {@code <} →
   * {@code &lt;}, {@code >} → {@code &gt;}, {@code "} → {@code &quot;}, {@code '} → {@code &#39;}, and
   * characters not allowed in an HTML document → U+FFFD.
   *
   * @param text the text, from the data
   * @return the escaped text
   */
  public static String escape(String text) {
    Objects.requireNonNull(text, "text");
    StringBuilder b = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      String replacement = replacement(text, i, c);
      if (replacement == null) {
        if (b != null) {
          b.append(c);
          if (Character.isHighSurrogate(c)) {
            b.append(text.charAt(++i));
          }
        } else if (Character.isHighSurrogate(c)) {
          i++;
        }
        continue;
      }
      if (b == null) {
        b = new StringBuilder(n + 16);
        b.append(text, 0, i);
      }
      b.append(replacement);
    }
    return b == null ? text : b.toString();
  }

  /** Returns what replaces the character at i, or null when it is kept (a valid pair counts as kept). */
  private static String replacement(String text, int i, char c) {
    switch (c) {
      case '&':
        return "&amp;";
      case '<':
        return "&lt;";
      case '>':
        return "&gt;";
      case '"':
        return "&quot;";
      case '\'':
        return "&#39;";
      case '\t':
      case '\n':
      case '\r':
        return null;
      default:
        break;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF') {
      return String.valueOf(REPLACEMENT);
    }
    if (Character.isHighSurrogate(c)) {
      boolean paired = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      return paired ? null : String.valueOf(REPLACEMENT);
    }
    if (Character.isLowSurrogate(c)) {
      return String.valueOf(REPLACEMENT);
    }
    return null;
  }
}

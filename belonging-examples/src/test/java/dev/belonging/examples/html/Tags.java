package dev.belonging.examples.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lists the tags of an HTML text whose attribute values are double-quoted (the report's own output, and
 * chromium's serialised DOM): a {@code <} followed by a letter or {@code /} starts a tag, which ends at the
 * first {@code >} outside quotes. A {@code <} inside an attribute value does not start a tag, as in HTML.
 */
final class Tags {

  /**
   * A tag.
   *
   * @param name its lower-case name, with a leading {@code /} for an end tag
   * @param text the whole tag, attributes included
   */
  record Tag(String name, String text) {

    /** Returns the names of the tag's attributes, lower-case, found outside the quoted values. */
    List<String> attributes() {
      String bare = text.replaceAll("\"[^\"]*\"", "\"\"");
      List<String> names = new ArrayList<>();
      java.util.regex.Matcher m = ATTRIBUTE.matcher(bare);
      while (m.find()) {
        names.add(m.group(1).toLowerCase(Locale.ROOT));
      }
      return names;
    }
  }

  private static final java.util.regex.Pattern ATTRIBUTE =
      java.util.regex.Pattern.compile("\\s([^\\s=\"'<>/]+)\\s*=");

  private Tags() {}

  static List<Tag> of(String html) {
    List<Tag> tags = new ArrayList<>();
    int i = 0;
    int n = html.length();
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) {
        break;
      }
      char c = html.charAt(lt + 1);
      if (!(Character.isLetter(c) || c == '/')) {
        i = lt + 1;
        continue;
      }
      int j = lt + 1;
      boolean quoted = false;
      while (j < n && (quoted || html.charAt(j) != '>')) {
        if (html.charAt(j) == '"') {
          quoted = !quoted;
        }
        j++;
      }
      String text = html.substring(lt, Math.min(j + 1, n));
      int end = lt + 1;
      while (end < n && (Character.isLetterOrDigit(html.charAt(end)) || html.charAt(end) == '/'
          || html.charAt(end) == '-')) {
        end++;
      }
      tags.add(new Tag(html.substring(lt + 1, end).toLowerCase(Locale.ROOT), text));
      i = j + 1;
    }
    return tags;
  }
}

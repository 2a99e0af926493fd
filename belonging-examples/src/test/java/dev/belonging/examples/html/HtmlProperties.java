package dev.belonging.examples.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class HtmlProperties {

  /** Strings rich in markup: the special characters, words, controls and both halves of surrogates. */
  private static final Gen<String> MARKUP = lists().of(Generate.pick(List.of("<", ">", "&", "\"", "'", "a", " ",
      "script", "&amp;", "&#39;", "\u0000", "\u0085", "\uD83D", "\uDE00", "\uD83D\uDE00", "\uFFFF", "\n", "=")))
      .ofSizeBetween(0, 12).map(parts -> String.join("", parts));

  @Test
  void escapedTextHasNoMarkupCharactersExceptTheReferencesItWrites() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(HtmlProperties::check);
    qt().forAll(MARKUP).checkAssert(HtmlProperties::check);
  }

  @Test
  void unescapingGivesBackTheTextWithDisallowedCharactersReplaced() {
    qt().forAll(MARKUP).checkAssert(HtmlProperties::roundTrip);
    qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(HtmlProperties::roundTrip);
  }

  private static void roundTrip(String s) {
    String back = Html.escape(s).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
    assertThat(back).hasSameSizeAs(s);
    for (int i = 0; i < s.length(); i++) {
      assertThat(back.charAt(i) == s.charAt(i) || back.charAt(i) == '\uFFFD').as("at %d", i).isTrue();
    }
  }

  private static void check(String s) {
    String e = Html.escape(s);
    assertThat(e).doesNotContain("<", ">", "\"", "'");
    String rest = e.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").replace("&quot;", "")
        .replace("&#39;", "");
    assertThat(rest).doesNotContain("&");
    for (int i = 0; i < e.length(); i++) {
      char c = e.charAt(i);
      assertThat(c < 0x20 && c != '\t' && c != '\n' && c != '\r').as("control at %d", i).isFalse();
      assertThat(c >= 0x7F && c <= 0x9F).as("C1 control at %d", i).isFalse();
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < e.length() && Character.isLowSurrogate(e.charAt(i + 1))).isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
      }
    }
  }
}

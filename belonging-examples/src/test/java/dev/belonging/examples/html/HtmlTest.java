package dev.belonging.examples.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesTheFiveCharactersThatMeanSomethingInTextAndAttributes() {
    assertThat(Html.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(Html.escape("a & b \"c\" 'd'")).isEqualTo("a &amp; b &quot;c&quot; &#39;d&#39;");
    assertThat(Html.escape("&amp;")).isEqualTo("&amp;amp;");
  }

  @Test
  void returnsPlainTextUnchanged() {
    String plain = "Team T01 \u00b7 1\u20133y \u00e9 \uD83D\uDE00\ttab\nline\r";
    assertThat(Html.escape(plain)).isSameAs(plain);
  }

  @Test
  void replacesCharactersAnHtmlDocumentMayNotContain() {
    assertThat(Html.escape("a\u0000b\u0008c\u000Bd\u007Fe\u0085f\uFFFEg\uFFFF"))
        .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFD");
  }

  @Test
  void replacesLoneSurrogatesAndKeepsPairs() {
    assertThat(Html.escape("x\uD83Dy")).isEqualTo("x\uFFFDy");
    assertThat(Html.escape("x\uDE00y")).isEqualTo("x\uFFFDy");
    assertThat(Html.escape("\uD83D")).isEqualTo("\uFFFD");
    assertThat(Html.escape("<\uD83D\uDE00>")).isEqualTo("&lt;\uD83D\uDE00&gt;");
  }

  @Test
  void keepsWhatComesBeforeAndAfterAnEscape() {
    assertThat(Html.escape("\uD83D\uDE00 & \uD83D\uDE00")).isEqualTo("\uD83D\uDE00 &amp; \uD83D\uDE00");
  }
}

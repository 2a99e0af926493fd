package dev.belonging.examples.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkupTest {

  @Test
  void escapesEveryAttributeValueAndText() {
    String html = new Markup().open("p", "title", "\"><script>x</script>").text("<b>&</b>").close("p").finish();
    assertThat(html).isEqualTo("<!DOCTYPE html>\n<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">"
        + "&lt;b&gt;&amp;&lt;/b&gt;</p>\n");
  }

  @Test
  void writesShapesAndVoidElementsWithoutContent() {
    String html = new Markup().open("svg").leaf("rect", "width", "3").close("svg").finish();
    assertThat(html).endsWith("<svg><rect width=\"3\"/></svg>\n");
    assertThatThrownBy(() -> new Markup().leaf("p")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Markup().open("rect")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAttributesThatRunCodeOrLoadSomething() {
    for (String[] a : new String[][] {{"onclick", "x"}, {"onload", "x"}, {"style", "color:red"},
        {"src", "x.png"}, {"href", "https://example.org/"}, {"href", "//example.org/"},
        {"href", "javascript:alert(1)"}, {"xmlns", "x"}}) {
      assertThatThrownBy(() -> new Markup().open("a", a[0], a[1])).as(a[0] + "=" + a[1])
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(new Markup().open("a", "href", "#heatmap").close("a").finish()).contains("href=\"#heatmap\"");
  }

  @Test
  void refusesNamesThatAreNotPlainIdentifiers() {
    assertThatThrownBy(() -> new Markup().open("p onclick=x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Markup().open("p", "a b", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Markup().open("p", "title")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checksThatElementsAreClosedInOrder() {
    assertThatThrownBy(() -> new Markup().open("p").open("b").close("p"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("<b>");
    assertThatThrownBy(() -> new Markup().open("p").finish()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Markup().styleSheet("p{}</style><script>"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

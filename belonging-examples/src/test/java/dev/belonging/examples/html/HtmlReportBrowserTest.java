package dev.belonging.examples.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.examples.cli.BelongingCli;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless chromium: the bundled sample's report as the command line writes it
 * must draw a real page and make no request; a page made of hostile names must come out of the browser's
 * parser with no element the report does not write. Fails in CI when chromium is missing ({@link
 * Chromium#require()}).
 */
class HtmlReportBrowserTest {

  @TempDir
  Path tmp;

  /** Writes the bundled sample's report with the command line, as a person would. */
  private Path sampleReport() {
    Path out = tmp.resolve("acme-report.html");
    StringWriter err = new StringWriter();
    int code = BelongingCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "report",
        "--instrument", "builtin:shkv", "--responses", "samples/acme-shkv.csv", "--by", "team,location,tenure",
        "--format", "html", "--out", out.toString());
    assertThat(code).as(err.toString()).isEqualTo(BelongingCli.OK);
    return out;
  }

  @Test
  void theSampleReportDrawsAPageWithTheHeatmapAndItsHatching() throws Exception {
    Chromium chromium = Chromium.require();
    Path page = sampleReport();
    Chromium.Run run = chromium.screenshot(page, Files.createDirectories(tmp.resolve("shot")));
    BufferedImage image = ImageIO.read(run.screenshot().toFile());
    assertThat(image).as("a PNG screenshot").isNotNull();
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(2000);
    Set<Integer> colours = new HashSet<>();
    long nonWhite = 0;
    long muchLower = 0;
    long muchHigher = 0;
    long hatch = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        nonWhite += rgb == 0xFFFFFF ? 0 : 1;
        muchLower += rgb == 0xB2182B ? 1 : 0;
        muchHigher += rgb == 0x2166AC ? 1 : 0;
        hatch += rgb == 0x8C8C8C ? 1 : 0;
      }
    }
    long pixels = (long) image.getWidth() * image.getHeight();
    assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
    assertThat(nonWhite).as("non-white pixels of %d", pixels).isGreaterThan(pixels / 10);
    // the heatmap's cells: T04 is much lower and T11 much higher than everyone in several dimensions, and six
    // teams are hidden (hatched rows); a cell is 158 × 24 pixels
    assertThat(muchLower).as("pixels of much-lower cells").isGreaterThan(5 * 158 * 20);
    assertThat(muchHigher).as("pixels of much-higher cells").isGreaterThan(5 * 158 * 20);
    assertThat(hatch).as("pixels of hatching").isGreaterThan(1000);
  }

  @Test
  void theSampleReportMakesNoRequest() throws Exception {
    Chromium chromium = Chromium.require();
    Path page = sampleReport();
    Chromium.Run run = chromium.screenshot(page, Files.createDirectories(tmp.resolve("net")));
    assertThat(Files.readString(page, StandardCharsets.UTF_8)).doesNotContainPattern("(?i)https?:");
    assertThat(Chromium.pageRequests(run.netLog()))
        .as("requests of the page (all requests: %s)", Chromium.allRequests(run.netLog())).isEmpty();
    String dom = chromium.dumpDom(page, Files.createDirectories(tmp.resolve("dom")));
    assertThat(dom).contains("Seen, heard, known, valued").contains("Clearly lower than everyone else")
        .contains("<svg id=\"gaps-chart-0\" role=\"img\"");
    for (Tags.Tag tag : Tags.of(dom)) {
      assertThat(tag.attributes()).as(tag.text()).doesNotContain("src", "srcset", "action", "data", "poster");
      assertThat(tag.text()).doesNotContainPattern("(?i)\\shref=\"(?!#)");
    }
  }

  @Test
  void theNetworkCheckSeesAPageThatLoadsSomething() throws Exception {
    Chromium chromium = Chromium.require();
    // .invalid never resolves (RFC 6761): the requests are made, and logged, but reach nobody
    Path page = tmp.resolve("loads.html");
    Files.writeString(page, "<!DOCTYPE html><html><head><title>x</title>"
        + "<link rel=\"stylesheet\" href=\"https://belonging.invalid/x.css\"></head>"
        + "<body><img src=\"http://belonging.invalid/x.png\" alt=\"\"></body></html>", StandardCharsets.UTF_8);
    Chromium.Run run = chromium.screenshot(page, Files.createDirectories(tmp.resolve("control")));
    assertThat(Chromium.pageRequests(run.netLog()))
        .contains("https://belonging.invalid/x.css", "http://belonging.invalid/x.png");
  }

  @Test
  void hostileNamesComeOutOfTheBrowsersParserAsText() throws Exception {
    Chromium chromium = Chromium.require();
    Path page = tmp.resolve("hostile.html");
    Files.writeString(page, HtmlReport.render(Reports.hostile()), StandardCharsets.UTF_8);
    String dom = chromium.dumpDom(page, Files.createDirectories(tmp.resolve("hostile")));
    List<Tags.Tag> tags = Tags.of(dom);
    assertThat(tags).isNotEmpty();
    for (Tags.Tag tag : tags) {
      String name = tag.name().startsWith("/") ? tag.name().substring(1) : tag.name();
      assertThat(HtmlReportTest.ELEMENTS).as(tag.text()).contains(name);
      for (String attribute : tag.attributes()) {
        assertThat(attribute).as(tag.text()).doesNotStartWith("on").isNotIn("style", "src", "srcset");
      }
    }
    // the browser serialises text with < escaped: the team's name is text, in SVG and in the table
    assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;</text>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;</th>");
  }
}

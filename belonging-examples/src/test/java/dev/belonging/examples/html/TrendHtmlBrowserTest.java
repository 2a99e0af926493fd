package dev.belonging.examples.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.examples.cli.BelongingCli;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the bundled trend page in headless chromium: it must draw the small charts, the pilot's in its own
 * colour, and make no request. Fails in CI when chromium is missing ({@link Chromium#require()}).
 */
class TrendHtmlBrowserTest {

  @TempDir
  Path tmp;

  private Path trendPage() {
    Path out = tmp.resolve("acme-trend.html");
    StringWriter err = new StringWriter();
    int code = BelongingCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "trend",
        "--instrument", "builtin:shkv", "--wave", "2026-Q1=samples/acme-shkv.csv", "--wave",
        "2026-Q2=samples/acme-shkv-wave2.csv", "--by", "team", "--treated", "team=T17", "--after", "2026-Q2",
        "--format", "html", "--out", out.toString());
    assertThat(code).as(err.toString()).isEqualTo(BelongingCli.OK);
    return out;
  }

  @Test
  void theBundledTrendPageDrawsTheChartsAndLoadsNothing() throws Exception {
    Chromium chromium = Chromium.require();
    Path page = trendPage();
    Chromium.Run run = chromium.screenshot(page, Files.createDirectories(tmp.resolve("shot")));
    BufferedImage image = ImageIO.read(run.screenshot().toFile());
    assertThat(image).as("a PNG screenshot").isNotNull();
    long pilot = 0;
    long others = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        pilot += rgb == 0xB2182B ? 1 : 0;
        others += rgb == 0x2166AC ? 1 : 0;
      }
    }
    // the first dimension's charts fill the first screen: one pilot line and about twenty team lines
    assertThat(pilot).as("pixels of the pilot's line and points").isGreaterThan(100);
    assertThat(others).as("pixels of the other teams' lines").isGreaterThan(15 * pilot);
    assertThat(Files.readString(page, StandardCharsets.UTF_8)).doesNotContainPattern("(?i)https?:");
    assertThat(Chromium.pageRequests(run.netLog()))
        .as("requests of the page (all requests: %s)", Chromium.allRequests(run.netLog())).isEmpty();
  }
}

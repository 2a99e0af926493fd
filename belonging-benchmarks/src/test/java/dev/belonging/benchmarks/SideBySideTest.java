package dev.belonging.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SideBySideTest {

  private static final Path BIN = Path.of(System.getProperty("user.dir")).getParent()
      .resolve("belonging-examples").resolve("bin");

  @Test
  void thePhasesRunWithTheLaunchersOptions() throws IOException {
    String options = String.join(" ", SideBySide.LAUNCHER_OPTIONS);
    // with and without the class-data archive
    assertThat(Files.readString(BIN.resolve("belonging")))
        .contains("exec \"$java\" " + options + " \"-XX:SharedArchiveFile=$archive\"")
        .contains("exec \"$java\" " + options + " $BELONGING_JAVA_OPTS \"$@\"");
    assertThat(Files.readString(BIN.resolve("belonging.cmd")))
        .contains("\"%JAVA%\" " + options + " %CDS% %BELONGING_JAVA_OPTS% -jar \"%JAR%\" %*");
  }
}

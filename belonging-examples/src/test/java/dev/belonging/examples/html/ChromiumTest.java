package dev.belonging.examples.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The rule for a missing browser: a failure in CI, a skip elsewhere, never a silent pass. */
class ChromiumTest {

  @TempDir
  Path tmp;

  @Test
  void aMissingBrowserFailsTheTestInCi() {
    assertThatThrownBy(() -> Chromium.require(Optional.empty(), "true"))
        .isInstanceOf(AssertionFailedError.class).hasMessageContaining("chromium is not installed")
        .hasMessageContaining("apt-get install -y chromium");
  }

  @Test
  void aMissingBrowserSkipsTheTestElsewhere() {
    assertThatThrownBy(() -> Chromium.require(Optional.empty(), null)).isInstanceOf(TestAbortedException.class);
    assertThatThrownBy(() -> Chromium.require(Optional.empty(), "false"))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void findsAnExecutableChromiumOnTheSearchPath() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    assertThat(Chromium.find(empty.toString())).isEmpty();
    assertThat(Chromium.find(null)).isEmpty();
    Path exe = Files.createFile(bin.resolve("chromium"));
    assertThat(Chromium.find(bin.toString())).as("not executable").isEmpty();
    Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(Chromium.find(empty + File.pathSeparator + bin)).hasValue(exe);
  }
}

package dev.belonging.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Checks belonging-cli.jar as the build leaves it, after {@code package}: every class in it is in a
 * class-file format that the class-data archive holds (Java 6 or later), and the classes the build
 * re-encoded for that (picocli's, compiled for Java 5; see {@code src/build/java/ClassFileUpgrade.java})
 * pass the JVM's verifier by their new frames.
 */
class CliJarIT {

  private static final Path JAR = Path.of(System.getProperty("user.dir")).toAbsolutePath()
      .resolve(Path.of("target", "belonging-cli.jar"));

  @Test
  void everyClassIsInAFormatTheClassDataArchiveHolds() throws IOException {
    List<String> old = new ArrayList<>();
    int classes = 0;
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      Enumeration<? extends ZipEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.getName().endsWith(".class")) {
          classes++;
          byte[] head = jar.getInputStream(e).readNBytes(8);
          int major = (head[6] & 0xff) << 8 | (head[7] & 0xff);
          if (major < 50) {
            old.add(e.getName() + " " + major);
          }
        }
      }
    }
    assertThat(classes).isGreaterThan(1000);
    assertThat(old).isEmpty();
  }

  @Test
  void picocliIsThereAsJava8ClassFilesThatTheVerifierAccepts() throws IOException, ReflectiveOperationException {
    List<String> names = new ArrayList<>();
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      Enumeration<? extends ZipEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.getName().startsWith("picocli/") && e.getName().endsWith(".class")) {
          byte[] head = jar.getInputStream(e).readNBytes(8);
          assertThat((head[6] & 0xff) << 8 | (head[7] & 0xff)).as(e.getName()).isEqualTo(52);
          names.add(e.getName().substring(0, e.getName().length() - ".class".length()).replace('/', '.'));
        }
      }
    }
    assertThat(names).contains("picocli.CommandLine").hasSizeGreaterThan(100);
    // a fresh loader, so that each class is read from the jar and verified as it is linked (initialising
    // links); under the boot loader only, since the platform loader hands picocli's package to the test's own
    try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, null)) {
      for (String name : names) {
        Class<?> c = Class.forName(name, true, loader);
        assertThat(c.getClassLoader()).isSameAs(loader);
      }
    }
  }
}

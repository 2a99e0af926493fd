package dev.belonging.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, Integer> versions = classFileVersions();
    assertThat(versions).hasSizeGreaterThan(1000);
    assertThat(versions).allSatisfy((name, major) -> assertThat(major).as(name).isGreaterThanOrEqualTo(50));
  }

  @Test
  void picocliIsThereAsJava8ClassFilesThatTheVerifierAccepts() throws IOException, ReflectiveOperationException {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Integer> e : classFileVersions().entrySet()) {
      if (e.getKey().startsWith("picocli/")) {
        assertThat(e.getValue()).as(e.getKey()).isEqualTo(52);
        names.add(e.getKey().substring(0, e.getKey().length() - ".class".length()).replace('/', '.'));
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

  /** Every class file of the jar by its entry's name, with its major version, in the jar's order. */
  private static Map<String, Integer> classFileVersions() throws IOException {
    Map<String, Integer> versions = new LinkedHashMap<>();
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      Enumeration<? extends ZipEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.getName().endsWith(".class")) {
          byte[] head = jar.getInputStream(e).readNBytes(8);
          versions.put(e.getName(), (head[6] & 0xff) << 8 | (head[7] & 0xff));
        }
      }
    }
    return versions;
  }
}

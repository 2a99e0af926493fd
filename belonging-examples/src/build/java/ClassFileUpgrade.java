import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step of belonging-cli.jar: re-encodes, in place, every class file of the jar older than Java 6
 * (class-file major version below 50) as a Java 8 class file with the stack map frames such a file carries,
 * and leaves every other entry as it was, in the same order with the same times.
 *
 * <p>Why: the JVM's class-data archive, from which bin/belonging starts, does not hold classes older than
 * Java 6, so those are found, read and verified from the jar in every run. picocli is compiled for Java 5,
 * and its 170-odd classes that parse a command line were the larger part of the command line's start. The
 * re-encoding adds frames (computed by ASM from the bytecode and the classes of the jar) and raises the
 * version; the instructions and attributes stay as they were, so the classes behave as before,
 * and the JVM verifies them by their frames when it loads them. A class that cannot be re-encoded (one with
 * the subroutine instructions of the oldest compilers, which later formats forbid) is left as it was, with
 * a warning.
 *
 * <p>Run by the build with the JDK's source launcher and ASM on the class path:
 * {@code java -cp asm.jar ClassFileUpgrade.java target/belonging-cli.jar}. Exits with 2 on wrong use and
 * 1 on an error; otherwise prints nothing but a warning for each class left as it was.
 */
public final class ClassFileUpgrade {

  /** The first class-file major version that the class-data archive holds (Java 6). */
  private static final int ARCHIVED_FROM = 50;

  private ClassFileUpgrade() {}

  /**
   * Re-encodes the old class files of a jar.
   *
   * @param args the jar
   * @throws IOException if the jar cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java -cp asm.jar ClassFileUpgrade.java JAR");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgrading");
    List<String> left = new ArrayList<>();
    try (ZipFile in = new ZipFile(jar.toFile());
        URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()},
            ClassLoader.getPlatformClassLoader());
        OutputStream file = Files.newOutputStream(upgraded);
        ZipOutputStream out = new ZipOutputStream(file)) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        byte[] bytes = in.getInputStream(entry).readAllBytes();
        if (entry.getName().endsWith(".class") && majorVersion(bytes) < ARCHIVED_FROM) {
          try {
            bytes = upgrade(bytes, classes);
          } catch (RuntimeException e) {
            left.add(entry.getName() + " (" + e.getMessage() + ")");
          }
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        if (entry.getComment() != null) {
          copy.setComment(entry.getComment());
        }
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(upgraded);
      System.err.println("ClassFileUpgrade: " + jar + ": " + e);
      System.exit(1);
    }
    Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
    for (String name : left) {
      System.err.println("ClassFileUpgrade: warning: left in its old format, so outside the class-data archive: "
          + name);
    }
  }

  /** The major version of a class file, or {@link Integer#MAX_VALUE} if the bytes are not one. */
  private static int majorVersion(byte[] bytes) {
    if (bytes.length < 8 || (bytes[0] & 0xff) != 0xca || (bytes[1] & 0xff) != 0xfe
        || (bytes[2] & 0xff) != 0xba || (bytes[3] & 0xff) != 0xbe) {
      return Integer.MAX_VALUE;
    }
    return (bytes[6] & 0xff) << 8 | (bytes[7] & 0xff);
  }

  /** The class as a Java 8 class file with computed frames; the common super classes from {@code classes}. */
  private static byte[] upgrade(byte[] bytes, ClassLoader classes) {
    ClassReader reader = new ClassReader(bytes);
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected ClassLoader getClassLoader() {
        return classes;
      }
    };
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public void visit(int version, int access, String name, String signature, String superName,
          String[] interfaces) {
        super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
      }
    }, 0);
    return writer.toByteArray();
  }
}

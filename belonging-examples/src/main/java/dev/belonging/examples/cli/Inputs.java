package dev.belonging.examples.cli;

import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.model.Instrument;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reading the inputs and writing the output of a command, the same way for every subcommand. */
final class Inputs {

  private static final String BUILTIN = "builtin:";

  private Inputs() {}

  /** Loads {@code builtin:NAME} or an instrument file. */
  static Instrument instrument(String source) throws IOException {
    if (source.startsWith(BUILTIN)) {
      String name = source.substring(BUILTIN.length());
      if (!Instruments.builtin().contains(name)) {
        throw new BelongingCli.UsageException("no built-in instrument \"" + name + "\"; there are "
            + Instruments.builtin());
      }
      return Instruments.builtin(name);
    }
    Path path = Path.of(source);
    if (!Files.isRegularFile(path)) {
      throw new BelongingCli.UsageException("no instrument file " + path
          + " (give a JSON file or builtin:NAME, one of " + Instruments.builtin() + ")");
    }
    return InstrumentJson.read(path);
  }

  /** Checks that a responses file exists. */
  static Path existingFile(Path path, String what) {
    if (!Files.isRegularFile(path)) {
      throw new BelongingCli.UsageException("no " + what + " file " + path);
    }
    return path;
  }

  /**
   * Writes text to a file through a temporary file in the same directory, moved into place at the end,
   * so that a failure leaves no partial file; or to standard output when {@code out} is null.
   */
  static void write(Path out, String text, Writer stdout) throws IOException {
    if (out == null) {
      stdout.write(text);
      stdout.flush();
      return;
    }
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".belonging-", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}

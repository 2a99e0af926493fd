package dev.belonging.examples.cli;

import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.model.Instrument;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Reading the inputs and writing the output of a command, the same way for every subcommand. */
final class Inputs {

  /** The prefix of a built-in instrument's name on the command line. */
  static final String BUILTIN = "builtin:";

  /** The buffer between a streamed output and its file. */
  private static final int FILE_BUFFER_BYTES = 1 << 16;

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
   * What a command writes: the same content as UTF-8 bytes to a file or as characters to standard output.
   * A large report is streamed to its file rather than built as one string first.
   */
  interface Output {

    /** Writes the content as UTF-8 bytes; the stream is not closed. */
    void writeTo(OutputStream utf8) throws IOException;

    /** Writes the content as characters; the writer is not closed. */
    void writeTo(Writer chars) throws IOException;

    /**
     * Returns output that a writer of characters makes as it goes; to a stream, the characters are encoded
     * as UTF-8 through a buffer.
     */
    static Output of(Consumer<Writer> writer) {
      return new Output() {
        @Override
        public void writeTo(OutputStream utf8) throws IOException {
          Writer chars = new BufferedWriter(new OutputStreamWriter(utf8, StandardCharsets.UTF_8), 1 << 16);
          writer.accept(chars);
          chars.flush();
        }

        @Override
        public void writeTo(Writer chars) throws IOException {
          writer.accept(chars);
          chars.flush();
        }
      };
    }

    /** Returns text already rendered as the output. */
    static Output of(String text) {
      return new Output() {
        @Override
        public void writeTo(OutputStream utf8) throws IOException {
          utf8.write(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void writeTo(Writer chars) throws IOException {
          chars.write(text);
        }
      };
    }
  }

  /** Writes text as {@link #write(Path, Output, Writer)} does. */
  static void write(Path out, String text, Writer stdout) throws IOException {
    write(out, Output.of(text), stdout);
  }

  /**
   * Writes output to a file through a temporary file in the same directory, moved into place at the end,
   * so that a failure leaves no partial file; or to standard output when {@code out} is null. The file gets
   * the permissions of any new file in its directory (the process's umask), as other tools' output does.
   */
  static void write(Path out, Output output, Writer stdout) throws IOException {
    if (out == null) {
      output.writeTo(stdout);
      stdout.flush();
      return;
    }
    try {
      writeFile(out, output);
    } catch (IOException e) {
      throw new IOException("cannot write " + out + ": " + describe(e), e);
    } catch (java.io.UncheckedIOException e) {
      throw new IOException("cannot write " + out + ": " + describe(e.getCause()), e);
    }
  }

  private static void writeFile(Path out, Output output) throws IOException {
    if (Files.isDirectory(out)) {
      throw new IOException("it is a directory");
    }
    Path dir = out.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new IOException(e.getFile() + " is not a directory", e);
    }
    Path tmp;
    try {
      tmp = newFile(dir);
    } catch (AccessDeniedException e) {
      // name the directory, not the temporary file
      AccessDeniedException denied = new AccessDeniedException(dir.toString());
      denied.initCause(e);
      throw denied;
    }
    try {
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), FILE_BUFFER_BYTES)) {
        output.writeTo(file);
      }
      try {
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Says what went wrong with a file in words: the file and the reason ({@code permission denied}, {@code no
   * such file or directory}), where the exception's own message may be the file's name alone.
   *
   * @param e the exception
   * @return the description
   */
  static String describe(IOException e) {
    if (e instanceof AccessDeniedException x) {
      return x.getFile() + ": permission denied";
    }
    if (e instanceof NoSuchFileException x) {
      return x.getFile() + ": no such file or directory";
    }
    if (e instanceof NotDirectoryException x) {
      return x.getFile() + ": not a directory";
    }
    if (e instanceof FileSystemException x && x.getReason() == null) {
      return x.getFile() + ": " + e.getClass().getSimpleName();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** Numbers the temporary files of this process. */
  private static final AtomicLong TEMPORARY_FILES = new AtomicLong();

  /**
   * Creates a new, empty file in a directory under a name no other file there has. Unlike {@link
   * Files#createTempFile}, whose file only its owner may read (a report moved into place would keep that),
   * and whose random name costs a secure random generator's start-up, the name is the process id and a
   * number; creating fails rather than follow or replace anything already there, and another name is tried.
   */
  private static Path newFile(Path dir) throws IOException {
    String prefix = ".belonging-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
    for (int attempt = 1; ; attempt++) {
      Path tmp = dir.resolve(prefix + TEMPORARY_FILES.incrementAndGet() + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }
}

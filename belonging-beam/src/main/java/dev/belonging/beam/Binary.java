package dev.belonging.beam;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.CoderException;

/**
 * The coders' binary forms: a leading version byte, strings as UTF-8 with an int length (no 64 KiB limit),
 * and counts.
 */
final class Binary {

  private Binary() {}

  /**
   * Opens a form for reading and checks its version byte.
   *
   * @param in the bytes
   * @param form what the bytes hold, for the message ("report", "response row", …)
   * @param version the one version this library reads
   * @return the bytes after the version
   * @throws CoderException if the version is another
   */
  static DataInputStream versioned(InputStream in, String form, int version) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int found = data.readUnsignedByte();
    if (found != version) {
      throw new CoderException(form + " form version " + found + " is not supported (this library reads "
          + "version " + version + ")");
    }
    return data;
  }

  static void writeString(DataOutput out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInput in) throws IOException {
    byte[] bytes = new byte[count(in.readInt())];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static int count(int n) throws CoderException {
    if (n < 0) {
      throw new CoderException("negative length " + n + ": the bytes are not of this coder");
    }
    return n;
  }
}

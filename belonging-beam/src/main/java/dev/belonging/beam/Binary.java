package dev.belonging.beam;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.CoderException;

/** Strings and counts in the coders' binary forms: UTF-8 with an int length, no 64 KiB limit. */
final class Binary {

  private Binary() {}

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

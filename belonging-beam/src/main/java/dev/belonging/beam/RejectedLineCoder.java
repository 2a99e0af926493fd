package dev.belonging.beam;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * The binary form of a {@link RejectedLine}: a version byte ({@value #VERSION}), then its components.
 * Deterministic.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RejectedLineCoder extends CustomCoder<RejectedLine> {

  /** The version of the binary form. */
  public static final int VERSION = 1;

  private static final long serialVersionUID = 1L;
  private static final RejectedLineCoder INSTANCE = new RejectedLineCoder();

  private RejectedLineCoder() {}

  /**
   * Returns the coder.
   *
   * @return the coder
   */
  public static RejectedLineCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(RejectedLine value, OutputStream outStream) throws IOException {
    DataOutputStream out = new DataOutputStream(outStream);
    out.writeByte(VERSION);
    Binary.writeString(out, value.file());
    out.writeLong(value.line());
    Binary.writeString(out, value.column());
    Binary.writeString(out, value.message());
    Binary.writeString(out, value.detail());
    out.flush();
  }

  @Override
  public RejectedLine decode(InputStream inStream) throws IOException {
    DataInputStream in = Binary.versioned(inStream, "rejected line", VERSION);
    try {
      return new RejectedLine(Binary.readString(in), in.readLong(), Binary.readString(in),
          Binary.readString(in), Binary.readString(in));
    } catch (IllegalArgumentException e) {
      throw new CoderException(e.getMessage(), e);
    }
  }

  /** Deterministic: fixed order, no maps. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of();
  }
}

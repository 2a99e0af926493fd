package dev.belonging.beam;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * The binary form of a {@link ResponseRow}: deterministic (maps are written sorted by key) and versioned
 * (a leading version byte, {@value #VERSION}).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ResponseRowCoder extends CustomCoder<ResponseRow> {

  /** The version of the binary form. */
  public static final int VERSION = 1;

  private static final long serialVersionUID = 1L;
  private static final ResponseRowCoder INSTANCE = new ResponseRowCoder();

  private ResponseRowCoder() {}

  /**
   * Returns the coder.
   *
   * @return the coder
   */
  public static ResponseRowCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(ResponseRow row, OutputStream outStream) throws IOException {
    DataOutputStream out = new DataOutputStream(outStream);
    out.writeByte(VERSION);
    writeMap(out, row.attributes());
    out.writeInt(row.answers().size());
    for (Map.Entry<String, Integer> e : row.answers().entrySet()) {
      Binary.writeString(out, e.getKey());
      out.writeInt(e.getValue());
    }
    writeMap(out, row.comments());
    out.flush();
  }

  @Override
  public ResponseRow decode(InputStream inStream) throws IOException {
    DataInputStream in = Binary.versioned(inStream, "response row", VERSION);
    Map<String, String> attributes = readMap(in);
    Map<String, Integer> answers = new TreeMap<>();
    int n = Binary.count(in.readInt());
    for (int i = 0; i < n; i++) {
      answers.put(Binary.readString(in), in.readInt());
    }
    return ResponseRow.of(attributes, answers, readMap(in));
  }

  private static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      Binary.writeString(out, e.getKey());
      Binary.writeString(out, e.getValue());
    }
  }

  private static Map<String, String> readMap(DataInputStream in) throws IOException {
    Map<String, String> map = new TreeMap<>();
    int n = Binary.count(in.readInt());
    for (int i = 0; i < n; i++) {
      map.put(Binary.readString(in), Binary.readString(in));
    }
    return map;
  }

  /** Deterministic: maps are written in key order. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public List<? extends org.apache.beam.sdk.coders.Coder<?>> getCoderArguments() {
    return List.of();
  }
}

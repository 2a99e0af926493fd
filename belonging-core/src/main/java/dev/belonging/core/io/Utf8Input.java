package dev.belonging.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes UTF-8 strictly, skipping a leading byte order mark.
 *
 * <p>The JDK's readers replace invalid bytes silently; this one puts {@link #MARKER} in their place (one
 * per malformed sequence) and counts them, so that the CSV handler can find the cell that held them and
 * report its line. The marker is an unpaired low surrogate, which decoding valid UTF-8 never produces
 * (a low surrogate from valid input always follows a high one), so it cannot be confused with data.
 *
 * <p>Not thread-safe.
 */
final class Utf8Input extends Reader {

  /** The character put in place of each malformed byte sequence. */
  static final char MARKER = '\uDFFF';

  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES).flip();
  private boolean eof;
  private boolean started;
  private boolean done;
  private int malformed;

  Utf8Input(InputStream in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  /** Returns how many malformed sequences were replaced by {@link #MARKER} so far. */
  int malformed() {
    return malformed;
  }

  /** Returns whether {@code buf[i]} is a marker rather than the low half of a valid surrogate pair. */
  static boolean isMarker(char[] buf, int start, int i) {
    return buf[i] == MARKER && (i == start || !Character.isHighSurrogate(buf[i - 1]));
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, cbuf.length);
    if (len == 0) {
      return 0;
    }
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    if (done) {
      return -1;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (out.hasRemaining()) {
      CoderResult result = decoder.decode(bytes, out, eof);
      if (result.isError()) {
        if (!out.hasRemaining()) {
          break;
        }
        bytes.position(bytes.position() + result.length());
        out.put(MARKER);
        malformed++;
      } else if (result.isOverflow()) {
        break;
      } else if (eof) {
        decoder.flush(out);
        done = true;
        break;
      } else if (out.position() > off) {
        break;
      } else {
        fill();
      }
    }
    int n = out.position() - off;
    return n == 0 && done ? -1 : n;
  }

  private void skipByteOrderMark() throws IOException {
    while (bytes.remaining() < 3 && !eof) {
      fill();
    }
    if (bytes.remaining() >= 3 && (bytes.get(bytes.position()) & 0xFF) == 0xEF
        && (bytes.get(bytes.position() + 1) & 0xFF) == 0xBB
        && (bytes.get(bytes.position() + 2) & 0xFF) == 0xBF) {
      bytes.position(bytes.position() + 3);
    }
  }

  private void fill() throws IOException {
    bytes.compact();
    try {
      int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
    } finally {
      bytes.flip();
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

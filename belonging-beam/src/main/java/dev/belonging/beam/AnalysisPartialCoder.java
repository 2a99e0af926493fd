package dev.belonging.beam;

import dev.belonging.scoring.AnalysisAccumulator;
import dev.belonging.scoring.BelongingAnalysis;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * The binary form of a combine's {@link AnalysisPartial}: a version byte ({@value #VERSION}), then the
 * accumulator's own versioned form ({@link AnalysisAccumulator#writeTo}). Deterministic: equal partial
 * analyses give equal bytes (atoms are written sorted by their values, comment texts sorted), whatever
 * order their rows arrived in. Decoding checks that the bytes were written for the same instrument,
 * missing-answer policy and breakdown attributes.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AnalysisPartialCoder extends CustomCoder<AnalysisPartial> {

  /** The version of this coder's form. */
  public static final int VERSION = 1;

  private static final long serialVersionUID = 1L;

  /** Makes the analysis the accumulators are of. */
  private final AnalysisFactory factory;
  private transient BelongingAnalysis analysis;

  private AnalysisPartialCoder(AnalysisFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * Returns the coder for an analysis.
   *
   * @param factory makes the analysis
   * @return the coder
   */
  public static AnalysisPartialCoder of(AnalysisFactory factory) {
    return new AnalysisPartialCoder(factory);
  }

  private BelongingAnalysis analysis() {
    if (analysis == null) {
      analysis = Analyses.of(factory);
    }
    return analysis;
  }

  @Override
  public void encode(AnalysisPartial value, OutputStream outStream) throws IOException {
    DataOutputStream out = new DataOutputStream(outStream);
    out.writeByte(VERSION);
    value.accumulator().writeTo(out);
    out.flush();
  }

  @Override
  public AnalysisPartial decode(InputStream inStream) throws IOException {
    DataInputStream in = Binary.versioned(inStream, "partial analysis", VERSION);
    try {
      return new AnalysisPartial(AnalysisAccumulator.readFrom(analysis(), in));
    } catch (CoderException e) {
      throw e;
    } catch (IOException e) {
      throw new CoderException(e.getMessage(), e);
    }
  }

  /** Deterministic: atoms and texts are written in sorted order. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of();
  }
}

package dev.belonging.beam;

import dev.belonging.scoring.BelongingAnalysis;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.beam.sdk.util.SerializableUtils;

/**
 * Makes each distinct analysis once per JVM: a runner deserializes functions and coders many times (per
 * bundle, per thread), and making an analysis may read and validate an instrument file. Factories are
 * told apart by their serialized form; a {@link BelongingAnalysis} is immutable and thread-safe, so one
 * is shared.
 */
final class Analyses {

  private static final Map<ByteBuffer, BelongingAnalysis> MADE = new ConcurrentHashMap<>();

  private Analyses() {}

  static BelongingAnalysis of(AnalysisFactory factory) {
    ByteBuffer key = ByteBuffer.wrap(SerializableUtils.serializeToByteArray(factory));
    return MADE.computeIfAbsent(key, k -> factory.create());
  }
}

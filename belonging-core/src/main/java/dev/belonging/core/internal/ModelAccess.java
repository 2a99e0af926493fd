package dev.belonging.core.internal;

import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Wave;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Lets the importer of this module hand finished columns to {@link ResponseSet} without a public
 * constructor on the model: the model registers its factory here when its class is initialised, and this
 * package is not exported, so nothing outside the module can reach it.
 *
 * <p>Thread-safe: the factory is published through class initialisation and a volatile field.
 */
public final class ModelAccess {

  private static volatile ResponseSets responseSets;

  private ModelAccess() {}

  /** Builds a response set from finished columns. */
  @FunctionalInterface
  public interface ResponseSets {

    /**
     * Builds a response set that takes over the arrays given (they must not be changed afterwards).
     *
     * @param instrument the instrument answered
     * @param wave the wave
     * @param attributeNames the attributes, in order
     * @param absentQuestions the questions without a column
     * @param size the number of rows
     * @param idBytes the ids' UTF-8 bytes one after another (and possibly unused bytes after them)
     * @param idOffsets at least {@code size + 1} offsets: row {@code i}'s id is {@code
     *     idOffsets[i]..idOffsets[i+1]}
     * @param answerCodes by question index, at least {@code size} answer codes (0 = missing, else
     *     answer - min + 1), {@code null} for comment questions
     * @param missingRows by question index, the rows whose code is 0 as bits (bit {@code i} of word
     *     {@code w} for row {@code 64 w + i}), set for every such row below {@code size} and no other; at
     *     least {@code (size + 63) / 64} words; {@code null} for comment questions, and for a rating
     *     question whose missing rows are to be found from its codes
     * @param comments by question index, {@code size} texts or {@code null}s, {@code null} for ratings
     * @param attributeValues per attribute its values by code, in first-seen order
     * @param attributeCodes per attribute the code of each row, at least {@code size} of them, in the
     *     narrowest width that holds the attribute's values: a {@code byte[]} for at most 256 values, a
     *     {@code short[]} for at most 65536, an {@code int[]} beyond (codes read unsigned)
     * @return the response set
     */
    ResponseSet fromColumns(Instrument instrument, Wave wave, List<String> attributeNames,
        Set<String> absentQuestions, int size, byte[] idBytes, int[] idOffsets, byte[][] answerCodes,
        long[][] missingRows, String[][] comments, List<List<String>> attributeValues,
        Object[] attributeCodes);
  }

  /**
   * Registers the model's factory; called once by {@link ResponseSet}'s class initialisation.
   *
   * @param factory the factory
   */
  public static void setResponseSets(ResponseSets factory) {
    responseSets = Objects.requireNonNull(factory, "factory");
  }

  /**
   * Returns the model's factory, initialising {@link ResponseSet} first if needed.
   *
   * @return the factory
   */
  public static ResponseSets responseSets() {
    ResponseSets factory = responseSets;
    if (factory == null) {
      try {
        MethodHandles.lookup().ensureInitialized(ResponseSet.class);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      factory = responseSets;
    }
    return factory;
  }
}

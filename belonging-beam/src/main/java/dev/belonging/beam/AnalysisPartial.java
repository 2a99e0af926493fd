package dev.belonging.beam;

import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.AnalysisAccumulator;
import dev.belonging.scoring.BelongingAnalysis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The accumulator of {@link AnalyzeResponses}' combine: an {@link AnalysisAccumulator} plus the rows
 * added since it was last brought up to date. Rows are added to the accumulator in blocks of
 * {@value #BLOCK} (one columnar pass per block rather than one per row); {@link #accumulator()} adds the
 * rest first, which does not change the respondents it stands for.
 *
 * <p>Mutable and not thread-safe, as a combine's accumulator is.
 */
public final class AnalysisPartial {

  /** Rows held before they are added to the accumulator in one pass. */
  static final int BLOCK = 4096;

  private final AnalysisAccumulator accumulator;
  private final List<String> attributes;
  private ResponseSet.Builder pending;
  private int pendingRows;

  AnalysisPartial(AnalysisAccumulator accumulator) {
    this.accumulator = Objects.requireNonNull(accumulator, "accumulator");
    this.attributes = accumulator.attributes();
  }

  /**
   * Returns an empty partial analysis.
   *
   * @param analysis the analysis
   * @return the partial analysis
   */
  public static AnalysisPartial of(BelongingAnalysis analysis) {
    return new AnalysisPartial(analysis.newAccumulator());
  }

  /**
   * Adds one respondent's row.
   *
   * @param row the row; it must have every attribute the analysis's breakdowns name
   * @return this partial analysis
   * @throws IllegalArgumentException if the row lacks a breakdown attribute or does not fit the instrument
   *     (an unknown question, an answer outside its scale)
   */
  public AnalysisPartial add(ResponseRow row) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : attributes) {
      String value = row.attributes().get(name);
      if (value == null) {
        throw new IllegalArgumentException("the row has no attribute \"" + name + "\"; it has "
            + row.attributes().keySet());
      }
      values.put(name, value);
    }
    if (pending == null) {
      pending = ResponseSet.builder(accumulator.analysis().instrument()).attributes(attributes);
    }
    try {
      pending.add(RespondentId.of(Integer.toString(pendingRows + 1)), values, row.answers(), row.comments());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the row does not fit the analysis: " + e.getMessage(), e);
    }
    if (++pendingRows == BLOCK) {
      flush();
    }
    return this;
  }

  /**
   * Adds another partial analysis's respondents into this one.
   *
   * @param other a partial analysis of the same analysis
   * @return this partial analysis
   */
  public AnalysisPartial merge(AnalysisPartial other) {
    accumulator().merge(other.accumulator());
    return this;
  }

  /**
   * Returns the accumulator of every row added, after adding the held rows to it.
   *
   * @return the accumulator (this partial analysis's own: changing it changes this)
   */
  public AnalysisAccumulator accumulator() {
    flush();
    return accumulator;
  }

  private void flush() {
    if (pendingRows > 0) {
      accumulator.add(pending.build());
    }
    pending = null;
    pendingRows = 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnalysisPartial p && accumulator().equals(p.accumulator());
  }

  @Override
  public int hashCode() {
    return accumulator().hashCode();
  }

  @Override
  public String toString() {
    return "AnalysisPartial[" + accumulator + ", " + pendingRows + " rows held]";
  }
}

package dev.belonging.beam;

import dev.belonging.core.model.Wave;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.report.Report;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Combines respondents' rows into the guarded {@link Report} of an analysis. The accumulator is an
 * {@link AnalysisPartial} (the library's mergeable {@link dev.belonging.scoring.AnalysisAccumulator}):
 * adding rows and merging accumulators is exact integer addition, associative and commutative, so any
 * split of the rows into bundles and any merge order give the same report, equal to
 * {@link BelongingAnalysis#analyze} on all the rows. The anonymity guard, the gaps and reliability run once,
 * in {@link #extractOutput}, on the merged statistics.
 *
 * <p>This class is immutable after construction; Beam serializes it to the workers, which make the
 * analysis with the {@link AnalysisFactory}.
 */
public final class AnalysisCombineFn extends Combine.CombineFn<ResponseRow, AnalysisPartial, Report> {

  private static final long serialVersionUID = 1L;

  /** Makes the analysis on each worker. */
  private final AnalysisFactory factory;
  /** The reports' wave label, or null for the default wave. */
  private final String waveLabel;
  private transient BelongingAnalysis analysis;

  private AnalysisCombineFn(AnalysisFactory factory, String waveLabel) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.waveLabel = waveLabel;
  }

  /**
   * Returns the combine of an analysis, reporting the default wave.
   *
   * @param factory makes the analysis
   * @return the combine
   */
  public static AnalysisCombineFn of(AnalysisFactory factory) {
    return new AnalysisCombineFn(factory, null);
  }

  /**
   * Returns a copy that labels its reports with a wave.
   *
   * @param label the wave's label
   * @return the combine
   */
  public AnalysisCombineFn withWave(String label) {
    Wave.of(label); // validates
    return new AnalysisCombineFn(factory, label);
  }

  private BelongingAnalysis analysis() {
    if (analysis == null) {
      analysis = Analyses.of(factory);
    }
    return analysis;
  }

  @Override
  public AnalysisPartial createAccumulator() {
    return AnalysisPartial.of(analysis());
  }

  @Override
  public AnalysisPartial addInput(AnalysisPartial partial, ResponseRow row) {
    return partial.add(row);
  }

  @Override
  public AnalysisPartial mergeAccumulators(Iterable<AnalysisPartial> partials) {
    AnalysisPartial merged = null;
    for (AnalysisPartial p : partials) {
      merged = merged == null ? p : merged.merge(p);
    }
    return merged == null ? createAccumulator() : merged;
  }

  @Override
  public AnalysisPartial compact(AnalysisPartial partial) {
    partial.accumulator();
    return partial;
  }

  @Override
  public Report extractOutput(AnalysisPartial partial) {
    Wave wave = waveLabel == null ? Wave.DEFAULT : Wave.of(waveLabel);
    return partial.accumulator().report(wave, List.of());
  }

  @Override
  public Coder<AnalysisPartial> getAccumulatorCoder(CoderRegistry registry, Coder<ResponseRow> inputCoder) {
    return AnalysisPartialCoder.of(factory);
  }

  @Override
  public Coder<Report> getDefaultOutputCoder(CoderRegistry registry, Coder<ResponseRow> inputCoder) {
    return ReportCoder.of(factory);
  }
}

package dev.belonging.beam;

import dev.belonging.scoring.report.Report;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The analysis as a composite transform: rows of respondents in, the guarded {@link Report} out, equal to
 * {@link dev.belonging.scoring.BelongingAnalysis#analyze} on the same rows. The heavy part, one pass over
 * the rows into exact mergeable statistics, runs in parallel in the {@link AnalysisCombineFn}; the guard,
 * the gaps and reliability run once on the merged statistics.
 * <pre>{@code
 * PCollection<Report> report = rows.apply(AnalyzeResponses.with(factory));
 * PCollection<KV<String, Report>> perOrganisation = keyedRows.apply(AnalyzeResponses.perKey(factory));
 * }</pre>
 *
 * <p>{@link #with} makes one report of all the input (none for an empty input: there is nobody to report
 * on); {@link #perKey} one report per key (per organisation), from that key's rows only.
 *
 * <p>This class is immutable.
 */
public final class AnalyzeResponses extends PTransform<PCollection<ResponseRow>, PCollection<Report>> {

  private static final long serialVersionUID = 1L;

  /** Makes the analysis on each worker. */
  private final AnalysisFactory factory;
  /** The combine of the rows into the report. */
  private final AnalysisCombineFn combine;

  private AnalyzeResponses(AnalysisFactory factory, AnalysisCombineFn combine) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.combine = combine;
  }

  /**
   * Returns the analysis of all the input rows as one population.
   *
   * @param factory makes the analysis on each worker
   * @return the transform
   */
  public static AnalyzeResponses with(AnalysisFactory factory) {
    return new AnalyzeResponses(factory, AnalysisCombineFn.of(factory));
  }

  /**
   * Returns the analysis of each key's rows (an organisation's), one report per key.
   *
   * @param factory makes the analysis on each worker
   * @param <K> the key type
   * @return the transform
   */
  public static <K> PerKey<K> perKey(AnalysisFactory factory) {
    return new PerKey<>(factory, AnalysisCombineFn.of(factory));
  }

  /**
   * Returns a copy whose report is of a labelled wave.
   *
   * @param label the wave's label
   * @return the transform
   */
  public AnalyzeResponses withWave(String label) {
    return new AnalyzeResponses(factory, combine.withWave(label));
  }

  @Override
  public PCollection<Report> expand(PCollection<ResponseRow> rows) {
    return rows.apply("Analyse", Combine.globally(combine).withoutDefaults()).setCoder(ReportCoder.of(factory));
  }

  /**
   * The analysis of each key's rows: one report per key, never mixing two keys' respondents.
   *
   * @param <K> the key type
   */
  public static final class PerKey<K>
      extends PTransform<PCollection<KV<K, ResponseRow>>, PCollection<KV<K, Report>>> {

    private static final long serialVersionUID = 1L;

    /** Makes the analysis on each worker. */
    private final AnalysisFactory factory;
    /** The combine of each key's rows into its report. */
    private final AnalysisCombineFn combine;

    private PerKey(AnalysisFactory factory, AnalysisCombineFn combine) {
      this.factory = factory;
      this.combine = combine;
    }

    /**
     * Returns a copy whose reports are of a labelled wave.
     *
     * @param label the wave's label
     * @return the transform
     */
    public PerKey<K> withWave(String label) {
      return new PerKey<>(factory, combine.withWave(label));
    }

    @Override
    public PCollection<KV<K, Report>> expand(PCollection<KV<K, ResponseRow>> rows) {
      Coder<K> keyCoder = ((KvCoder<K, ResponseRow>) rows.getCoder()).getKeyCoder();
      return rows.apply("Analyse per key", Combine.perKey(combine))
          .setCoder(KvCoder.of(keyCoder, ReportCoder.of(factory)));
    }
  }
}

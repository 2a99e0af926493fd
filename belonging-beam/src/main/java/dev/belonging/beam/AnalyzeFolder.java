package dev.belonging.beam;

import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.model.Instrument;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The example pipeline: every responses file matching a pattern, analysed into guarded reports, one per
 * organisation when {@code --organisation} names the attribute that tells them apart. Writes
 * {@code reports.jsonl} (one report per line, the report JSON of the contract, with the organisation's
 * value under {@code "organisation"} when keyed) and {@code rejected.txt} (every problem of every row not
 * analysed, with its file and line) into {@code --output}.
 * <pre>
 * --input=surveys/*.csv --output=out --instrument=builtin:shkv --by=team,team*tenure --minGroup=5
 *     [--organisation=org] [--idColumn=respondent] [--runner=DirectRunner|FlinkRunner|SparkRunner|DataflowRunner]
 * </pre>
 */
public final class AnalyzeFolder {

  private AnalyzeFolder() {}

  /** The pipeline's options, besides Beam's own ({@code --runner} and the runner's). */
  public interface Options extends PipelineOptions {

    /**
     * Returns the responses files.
     *
     * @return a file pattern
     */
    @Description("Responses files (CSV), a pattern such as surveys/*.csv")
    @Validation.Required
    String getInput();

    /**
     * Sets the responses files.
     *
     * @param value a file pattern
     */
    void setInput(String value);

    /**
     * Returns the output folder.
     *
     * @return the folder
     */
    @Description("Folder for reports.jsonl and rejected.txt")
    @Validation.Required
    String getOutput();

    /**
     * Sets the output folder.
     *
     * @param value the folder
     */
    void setOutput(String value);

    /**
     * Returns the instrument.
     *
     * @return builtin:NAME or a JSON file
     */
    @Description("The instrument: builtin:NAME or an instrument JSON file")
    @Default.String("builtin:shkv")
    String getInstrument();

    /**
     * Sets the instrument.
     *
     * @param value builtin:NAME or a JSON file
     */
    void setInstrument(String value);

    /**
     * Returns the breakdowns.
     *
     * @return comma-separated breakdowns, {@code *} joining attributes
     */
    @Description("Breakdowns, comma-separated; * joins attributes into an intersection (team*tenure)")
    @Default.String("")
    String getBy();

    /**
     * Sets the breakdowns.
     *
     * @param value comma-separated breakdowns
     */
    void setBy(String value);

    /**
     * Returns k.
     *
     * @return the minimum group size
     */
    @Description("The minimum group size k (at least 2)")
    @Default.Integer(AnonymityPolicy.DEFAULT_MIN_GROUP_SIZE)
    int getMinGroup();

    /**
     * Sets k.
     *
     * @param value the minimum group size
     */
    void setMinGroup(int value);

    /**
     * Returns the attribute that names the organisation.
     *
     * @return the attribute, or empty for one report of everything
     */
    @Description("The attribute that names the organisation: one report per value (empty: one report)")
    @Default.String("")
    String getOrganisation();

    /**
     * Sets the attribute that names the organisation.
     *
     * @param value the attribute, or empty
     */
    void setOrganisation(String value);

    /**
     * Returns the id column.
     *
     * @return the header of the respondent id column
     */
    @Description("The respondent id column")
    @Default.String("respondent")
    String getIdColumn();

    /**
     * Sets the id column.
     *
     * @param value the header
     */
    void setIdColumn(String value);
  }

  /**
   * Makes the analysis from the options' text on each worker.
   *
   * @param instrument {@code builtin:NAME} or a JSON file
   * @param by comma-separated breakdowns, {@code *} joining attributes
   * @param minGroup k, the minimum group size
   */
  record Configuration(String instrument, String by, int minGroup) implements AnalysisFactory {

    private static final long serialVersionUID = 1L;

    @Override
    public BelongingAnalysis create() {
      Instrument parsed;
      try {
        parsed = instrument.startsWith("builtin:") ? Instruments.builtin(instrument.substring(8))
            : InstrumentJson.read(Path.of(instrument));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the instrument " + instrument, e);
      }
      List<Breakdown> breakdowns = new ArrayList<>();
      for (String b : by.split(",")) {
        if (!b.isBlank()) {
          breakdowns.add(Breakdown.parse(b.trim()));
        }
      }
      return BelongingAnalysis.withDefaults(parsed).withBreakdowns(breakdowns)
          .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(minGroup));
    }
  }

  /**
   * Builds the pipeline of the options (without running it).
   *
   * @param options the options
   * @return the pipeline
   */
  public static Pipeline build(Options options) {
    Configuration factory = new Configuration(options.getInstrument(), options.getBy(), options.getMinGroup());
    factory.create(); // fail now, not on the workers, if the instrument or a breakdown is wrong
    Pipeline pipeline = Pipeline.create(options);
    PCollectionTuple read = pipeline
        .apply("Match", FileIO.match().filepattern(options.getInput()))
        .apply("Open", FileIO.readMatches())
        .apply("Read", ReadResponses.of(factory).withIdColumn(options.getIdColumn()));
    PCollection<ResponseRow> rows = read.get(ReadResponses.ROWS);
    PCollection<String> lines;
    String organisation = options.getOrganisation();
    if (organisation.isEmpty()) {
      lines = rows.apply("Analyse", AnalyzeResponses.with(factory))
          .apply("To JSON", MapElements.into(TypeDescriptors.strings())
              .via((Report r) -> ReportJson.toTree(r).toString()));
    } else {
      lines = rows
          .apply("Key by " + organisation, WithKeys.of((ResponseRow r) -> organisationOf(r, organisation))
              .withKeyType(TypeDescriptors.strings()))
          .apply("Analyse", AnalyzeResponses.<String>perKey(factory))
          .apply("To JSON", MapElements.into(TypeDescriptors.strings()).via((KV<String, Report> kv) -> {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("organisation", kv.getKey());
            line.set("report", ReportJson.toTree(kv.getValue()));
            return line.toString();
          }));
    }
    String out = options.getOutput().endsWith("/") ? options.getOutput() : options.getOutput() + "/";
    lines.setCoder(StringUtf8Coder.of())
        .apply("Write reports", TextIO.write().to(out + "reports").withSuffix(".jsonl").withoutSharding());
    read.get(ReadResponses.REJECTED)
        .apply("Describe", MapElements.into(TypeDescriptors.strings()).via(RejectedLine::toString))
        .apply("Write rejected", TextIO.write().to(out + "rejected").withSuffix(".txt").withoutSharding());
    return pipeline;
  }

  private static String organisationOf(ResponseRow row, String attribute) {
    String value = row.attributes().get(attribute);
    if (value == null) {
      throw new IllegalArgumentException("a row has no attribute \"" + attribute + "\" to name its "
          + "organisation; its attributes are " + row.attributes().keySet());
    }
    return value;
  }

  /**
   * Runs the pipeline and waits for it.
   *
   * @param args the options, as {@code --name=value}
   */
  public static void main(String[] args) {
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    build(options).run().waitUntilFinish();
  }
}

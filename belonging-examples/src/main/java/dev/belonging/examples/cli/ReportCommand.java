package dev.belonging.examples.cli;

import dev.belonging.core.io.ImportResult;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.examples.html.HtmlReport;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.FavorableShare;
import dev.belonging.scoring.IndexScore;
import dev.belonging.scoring.MeanScore;
import dev.belonging.scoring.ScoringStrategy;
import dev.belonging.scoring.UnfavorableShare;
import dev.belonging.scoring.ValueOrder;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportCsv;
import dev.belonging.scoring.report.ReportJson;
import dev.belonging.scoring.report.ReportText;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code belonging report}: one wave of responses to a guarded report. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Scores one wave of responses per dimension, for the population and every breakdown.",
        "No group smaller than the minimum group size can be seen in the report it writes."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:report written", "1:bad data (its problems listed)", "2:bad usage"})
final class ReportCommand implements Callable<Integer> {

  /** The statistics of every format: unfavorable with favorable lets a reader see the neutral rest. */
  static final List<ScoringStrategy> STRATEGIES =
      List.of(new MeanScore(), new FavorableShare(), new UnfavorableShare(), new IndexScore());

  /** The output formats. */
  enum Format { text, json, csv, html }

  @Spec
  CommandSpec spec;

  @Option(names = "--instrument", required = true, paramLabel = "FILE.json|builtin:NAME",
      description = "The instrument: a JSON file or builtin:NAME.")
  String instrument;

  @Option(names = "--responses", required = true, paramLabel = "FILE.csv",
      description = "The responses, one row per respondent (UTF-8 CSV).")
  Path responses;

  @Mixin
  AnalysisOptions options = new AnalysisOptions();

  @Override
  public Integer call() throws Exception {
    List<Breakdown> breakdowns = options.breakdowns();
    ValueOrder order = options.valueOrder();
    Instrument inst = Inputs.instrument(instrument);
    ResponseCsv reader = options.reader(inst);
    ImportResult imported = reader.read(Inputs.existingFile(responses, "responses"));
    ResponseSet set = imported.responses();
    List<Problem> rejected = imported.problems();
    AnalysisOptions.requireAttributes(breakdowns, set, "");
    AnalysisOptions.checkOrder(order, List.of(set), spec.commandLine().getErr());
    if (!rejected.isEmpty()) {
      spec.commandLine().getErr().println("belonging: " + imported.rejected().size()
          + " rows rejected (" + rejected.size() + " problems):");
      BelongingCli.listProblems(spec.commandLine().getErr(), rejected, "; the report's rejected rows list every one");
    }
    Report report = analysis(inst, breakdowns, options.policy()).withValueOrder(order).analyze(set, rejected);
    Inputs.write(options.out, output(report, options.format), spec.commandLine().getOut());
    BelongingCli.warnIfWorkBoundReached(spec.commandLine().getErr(), report.workBoundReached());
    return BelongingCli.OK;
  }

  /** Returns the analysis every subcommand that writes a report runs: the same statistics everywhere. */
  static BelongingAnalysis analysis(Instrument instrument, List<Breakdown> breakdowns,
      AnonymityPolicy policy) {
    return BelongingAnalysis.withDefaults(instrument)
        .withBreakdowns(breakdowns)
        .withPolicy(policy)
        .withStrategies(STRATEGIES);
  }

  /**
   * Returns a report's output in a format: JSON and CSV, which grow with the segments, are streamed; text
   * and HTML are rendered first.
   */
  static Inputs.Output output(Report report, Format format) {
    return switch (format) {
      case json -> new Inputs.Output() {
        @Override
        public void writeTo(OutputStream utf8) {
          ReportJson.write(report, utf8);
        }

        @Override
        public void writeTo(Writer chars) {
          ReportJson.write(report, chars);
        }
      };
      case csv -> Inputs.Output.of(chars -> ReportCsv.write(report, chars));
      default -> Inputs.Output.of(render(report, format));
    };
  }

  /** Renders a report in a format. */
  static String render(Report report, Format format) {
    return switch (format) {
      case text -> ReportText.render(report);
      case json -> ReportJson.toJson(report);
      case csv -> ReportCsv.render(report);
      case html -> HtmlReport.render(report);
    };
  }
}

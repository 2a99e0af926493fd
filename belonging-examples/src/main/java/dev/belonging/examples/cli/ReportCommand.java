package dev.belonging.examples.cli;

import dev.belonging.core.io.ImportMode;
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
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportCsv;
import dev.belonging.scoring.report.ReportJson;
import dev.belonging.scoring.report.ReportText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code belonging report}: one wave of responses to a guarded report. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Scores one wave of responses per dimension, for the population and every breakdown,",
        "and writes a report in which no group smaller than the minimum group size can be seen."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:report written", "1:bad data (every problem listed)", "2:bad usage"})
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

  @Option(names = "--id-column", defaultValue = "respondent", paramLabel = "NAME",
      description = "The respondent id column (default: ${DEFAULT-VALUE}).")
  String idColumn;

  @Option(names = "--attributes", split = ",", paramLabel = "a,b,c",
      description = "The attribute columns (default: every column that is neither the id nor a question).")
  List<String> attributes;

  @Option(names = "--by", split = ",", paramLabel = "team,tenure,team*tenure",
      description = "Breakdowns; '*' joins attributes into an intersection.")
  List<String> by = new ArrayList<>();

  @Option(names = "--min-group", defaultValue = "5", paramLabel = "K",
      description = "The minimum group size k, at least 2 (default: ${DEFAULT-VALUE}).")
  int minGroup;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
  Path out;

  @Option(names = "--skip-invalid",
      description = "Keep every valid row and list the rejected ones, instead of rejecting the file.")
  boolean skipInvalid;

  @Override
  public Integer call() throws Exception {
    if (minGroup < 2) {
      throw new BelongingCli.UsageException("--min-group must be at least 2, not " + minGroup);
    }
    List<Breakdown> breakdowns = new ArrayList<>();
    for (String b : by) {
      try {
        breakdowns.add(Breakdown.parse(b));
      } catch (IllegalArgumentException e) {
        throw new BelongingCli.UsageException("--by " + b + ": " + e.getMessage());
      }
    }
    Instrument inst = Inputs.instrument(instrument);
    ResponseCsv reader = ResponseCsv.withDefaults(inst)
        .withIdColumn(idColumn)
        .withMode(skipInvalid ? ImportMode.SKIP_INVALID : ImportMode.STRICT);
    if (attributes != null) {
      reader = reader.withAttributes(attributes);
    }
    ImportResult imported = reader.read(Inputs.existingFile(responses, "responses"));
    ResponseSet set = imported.responses();
    List<Problem> rejected = imported.problems();
    for (Breakdown b : breakdowns) {
      for (String a : b.attributes()) {
        if (!set.attributeNames().contains(a)) {
          throw new BelongingCli.UsageException("--by " + b + ": \"" + a
              + "\" is not an attribute column; the attribute columns are " + set.attributeNames());
        }
      }
    }
    if (!rejected.isEmpty()) {
      spec.commandLine().getErr().println("belonging: " + imported.rejected().size()
          + " rows rejected (" + rejected.size() + " problems):");
      for (Problem p : rejected) {
        spec.commandLine().getErr().println("  " + ReportText.printable(p.toString()));
      }
    }
    Report report = BelongingAnalysis.withDefaults(inst)
        .withBreakdowns(breakdowns)
        .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(minGroup))
        .withStrategies(STRATEGIES)
        .analyze(set, rejected);
    String text = switch (format) {
      case text -> ReportText.render(report);
      case json -> ReportJson.toJson(report);
      case csv -> ReportCsv.render(report);
      case html -> HtmlReport.render(report);
    };
    Inputs.write(out, text, spec.commandLine().getOut());
    return BelongingCli.OK;
  }
}

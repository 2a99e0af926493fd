package dev.belonging.examples.cli;

import dev.belonging.core.io.ImportResult;
import dev.belonging.core.io.QuestionColumns;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.InvalidResponsesException;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Wave;
import dev.belonging.examples.html.TrendHtml;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.ValueOrder;
import dev.belonging.scoring.trend.Survey;
import dev.belonging.scoring.trend.Treatment;
import dev.belonging.scoring.trend.TrendAnalysis;
import dev.belonging.scoring.trend.TrendCsv;
import dev.belonging.scoring.trend.TrendJson;
import dev.belonging.scoring.trend.TrendReport;
import dev.belonging.scoring.trend.TrendText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code belonging trend}: several waves of responses to changes over time and an intervention estimate. */
@Command(name = "trend", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compares waves of the same survey: what changed for every shown group and dimension.",
        "With --treated and --after, also whether an intervention worked (difference in differences, with"
            + " a placebo check across the other groups)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:report written", "1:bad data (its problems listed)", "2:bad usage"})
final class TrendCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--instrument", required = true, paramLabel = "FILE.json|builtin:NAME",
      description = "The instrument: a JSON file or builtin:NAME.")
  String instrument;

  @Option(names = "--wave", required = true, paramLabel = "LABEL=FILE.csv",
      description = "A wave's label and responses file; two or more, oldest first.")
  List<String> waves = new ArrayList<>();

  @Mixin
  AnalysisOptions options = new AnalysisOptions();

  @Option(names = "--treated", paramLabel = "ATTRIBUTE=VALUE",
      description = "The group that received the intervention, e.g. team=T3 or pilot=yes.")
  String treated;

  @Option(names = "--after", paramLabel = "LABEL",
      description = "The first wave after the intervention began (with --treated).")
  String after;

  @Override
  public Integer call() throws Exception {
    List<Breakdown> breakdowns = options.breakdowns();
    ValueOrder order = options.valueOrder();
    Map<String, Path> files = waveFiles();
    Treatment treatment = treatment();
    Instrument inst = Inputs.instrument(instrument);
    ResponseCsv reader = options.reader(inst).withQuestionColumns(QuestionColumns.OPTIONAL);
    List<ResponseSet> sets = new ArrayList<>();
    Map<String, List<Problem>> rejected = new LinkedHashMap<>();
    for (Map.Entry<String, Path> wave : files.entrySet()) {
      ImportResult imported = read(reader.withWave(Wave.of(wave.getKey())), wave.getKey(), wave.getValue());
      ResponseSet set = imported.responses();
      AnalysisOptions.requireAttributes(breakdowns, set, " of wave " + wave.getKey());
      if (!imported.problems().isEmpty()) {
        spec.commandLine().getErr().println("belonging: wave " + wave.getKey() + ": "
            + imported.rejected().size() + " rows rejected (" + imported.problems().size() + " problems):");
        BelongingCli.listProblems(spec.commandLine().getErr(), imported.problems(),
            "; the report's rejected rows list every one");
      }
      for (String q : set.absentQuestions()) {
        spec.commandLine().getErr().println("belonging: wave " + wave.getKey() + " has no column for question "
            + q + "; its dimension is compared on the questions the waves share");
      }
      sets.add(set);
      rejected.put(wave.getKey(), imported.problems());
    }
    AnalysisOptions.checkOrder(order, sets, spec.commandLine().getErr());
    Survey survey = Survey.of(sets);
    for (Map.Entry<String, List<Problem>> e : rejected.entrySet()) {
      survey = survey.withRejected(e.getKey(), e.getValue());
    }
    TrendAnalysis analysis = TrendAnalysis.of(BelongingAnalysis.withDefaults(inst)
            .withBreakdowns(breakdowns)
            .withPolicy(options.policy())
            .withStrategies(ReportCommand.STRATEGIES)
            .withValueOrder(order))
        .withTreatment(treatment);
    try {
      analysis.requireTreatmentOf(survey);
    } catch (IllegalArgumentException e) {
      throw new BelongingCli.UsageException("--treated " + treated + " --after " + after + ": "
          + e.getMessage());
    }
    TrendReport report = analysis.analyze(survey);
    Inputs.Output output = switch (options.format) {
      case text -> Inputs.Output.of(TrendText.render(report));
      case json -> Inputs.Output.of(TrendJson.toJson(report));
      case csv -> Inputs.Output.of(chars -> TrendCsv.write(report, chars));
      case html -> Inputs.Output.of(TrendHtml.render(report));
    };
    Inputs.write(options.out, output, spec.commandLine().getOut());
    BelongingCli.warnIfWorkBoundReached(spec.commandLine().getErr(), report.workBoundReached());
    return BelongingCli.OK;
  }

  /** Parses the {@code --wave} options, in order. */
  private Map<String, Path> waveFiles() {
    Map<String, Path> files = new LinkedHashMap<>();
    for (String w : waves) {
      int eq = w.indexOf('=');
      if (eq <= 0 || eq == w.length() - 1) {
        throw new BelongingCli.UsageException("--wave " + w + ": give LABEL=FILE.csv, e.g. 2026-Q1=q1.csv");
      }
      String label = w.substring(0, eq);
      if (label.isBlank()) {
        throw new BelongingCli.UsageException("--wave " + w + ": the label is blank");
      }
      if (files.put(label, Path.of(w.substring(eq + 1))) != null) {
        throw new BelongingCli.UsageException("--wave " + w + ": the label " + label + " is used twice");
      }
    }
    if (files.size() < 2) {
      throw new BelongingCli.UsageException("give two or more --wave LABEL=FILE.csv, oldest first, not "
          + files.size());
    }
    return files;
  }

  private Treatment treatment() {
    if (treated == null && after == null) {
      return null;
    }
    if (treated == null || after == null) {
      throw new BelongingCli.UsageException("--treated and --after go together: give both or neither");
    }
    try {
      return Treatment.parse(treated, after);
    } catch (IllegalArgumentException e) {
      throw new BelongingCli.UsageException("--treated " + treated + ": " + e.getMessage());
    }
  }

  /** Reads one wave, naming the wave in every error. */
  private static ImportResult read(ResponseCsv reader, String label, Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("wave " + label + ": no responses file " + file);
    }
    try {
      return reader.read(file);
    } catch (InvalidResponsesException e) {
      throw new InvalidResponsesException("wave " + label + " (" + file + "): " + e.getMessage(), e.problems());
    } catch (IOException e) {
      throw new IOException("wave " + label + ": cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

package dev.belonging.examples.cli;

import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.examples.sample.SampleOrganisation;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.ValueOrder;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code belonging demo}: a synthetic organisation's responses, its instrument and its report in every
 * format, written into one folder, to see what the library does before giving it real data.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes a synthetic organisation's responses, their instrument and their report into a"
        + " folder.", "The report is by team, tenure and location, as text, JSON, CSV and HTML."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:files written", "1:bad data (the instrument)",
        "2:bad usage (including a folder that is not empty, without --force)"})
final class DemoCommand implements Callable<Integer> {

  /** The folder written when {@code --out} is not given. */
  static final String DEFAULT_FOLDER = "belonging-demo";

  @Spec
  CommandSpec spec;

  @Option(names = "--out", defaultValue = DEFAULT_FOLDER, paramLabel = "DIR",
      description = "The folder to write; created if missing, refused if not empty unless --force "
          + "(default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--size", defaultValue = "400", paramLabel = "N",
      description = "How many respondents, at least 1 (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--seed", defaultValue = "" + SampleOrganisation.DEFAULT_SEED, paramLabel = "SEED",
      description = "The random seed; the same seed gives the same files (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--instrument", defaultValue = "builtin:shkv", paramLabel = "FILE.json|builtin:NAME",
      description = "The instrument the organisation answers (default: ${DEFAULT-VALUE}).")
  String instrument;

  @Option(names = "--force",
      description = "Write into a folder that is not empty, replacing the demo's files.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    if (size < 1) {
      throw new BelongingCli.UsageException("--size must be at least 1, not " + size);
    }
    checkFolder();
    Instrument inst = Inputs.instrument(instrument);
    ResponseSet responses = SampleOrganisation.of(size, seed).responses(inst);
    List<Breakdown> breakdowns = new ArrayList<>();
    for (String attribute : SampleOrganisation.attributes()) {
      breakdowns.add(Breakdown.of(attribute));
    }
    Report report = ReportCommand.analysis(inst, breakdowns, AnonymityPolicy.withDefaults())
        .withValueOrder(SampleOrganisation.valueOrder())
        .analyze(responses);

    Map<String, String> files = new LinkedHashMap<>();
    files.put("responses.csv", GenerateCommand.csv(inst, responses));
    files.put("instrument.json", InstrumentJson.toJson(inst));
    for (ReportCommand.Format format : ReportCommand.Format.values()) {
      files.put("report." + (format == ReportCommand.Format.text ? "txt" : format.name()),
          ReportCommand.render(report, format));
    }
    Files.createDirectories(out);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("A synthetic organisation of %d respondents (seed %d) answering %s, in %s:%n", size, seed,
        inst.id(), out);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = out.resolve(file.getKey());
      Inputs.write(path, file.getValue(), stdout);
      stdout.printf("  %-40s %s%n", path, describe(file.getKey()));
    }
    stdout.printf("Open %s in a browser. The same report from the files:%n", out.resolve("report.html"));
    stdout.printf("  java -jar %s report --instrument %s --responses %s --by %s%s%n", jar(),
        out.resolve("instrument.json"), out.resolve("responses.csv"),
        String.join(",", SampleOrganisation.attributes()), orderOptions(SampleOrganisation.valueOrder()));
    stdout.flush();
    return BelongingCli.OK;
  }

  /** The {@code --order} options that give an order, each quoted for the shell (Unix and Windows alike). */
  static String orderOptions(ValueOrder order) {
    StringBuilder options = new StringBuilder();
    for (String attribute : order.attributes()) {
      options.append(" --order \"").append(attribute).append('=')
          .append(String.join(",", order.values(attribute))).append('"');
    }
    return options.toString();
  }

  /** Refuses a path that is a file, or a folder with something in it unless {@code --force}. */
  private void checkFolder() throws IOException {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new BelongingCli.UsageException("--out " + out + " is a file, not a folder");
    }
    if (!force) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new BelongingCli.UsageException("--out " + out + " is not empty; choose another folder, or "
              + "add --force to write the demo's files into it (files of the same name are replaced)");
        }
      }
    }
  }

  /** Returns the jar this runs from, relative to the working directory when inside it. */
  static String jar() {
    try {
      Path location = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!location.getFileName().toString().endsWith(".jar")) {
        return "belonging-cli.jar";
      }
      Path cwd = Path.of("").toAbsolutePath();
      return location.startsWith(cwd) ? cwd.relativize(location).toString() : location.toString();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return "belonging-cli.jar";
    }
  }

  private static String describe(String file) {
    return switch (file) {
      case "responses.csv" -> "the answers, one row per respondent";
      case "instrument.json" -> "the instrument: questions, scales, dimensions";
      case "report.txt" -> "the report for a terminal";
      case "report.json" -> "the report as JSON (schema version 1)";
      case "report.csv" -> "the report as tidy rows for R and pandas";
      case "report.html" -> "the report as one page for people";
      default -> "";
    };
  }
}

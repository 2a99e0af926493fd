package dev.belonging.examples.cli;

import dev.belonging.core.io.ImportMode;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every analysing subcommand shares: how to read responses, how to break down, k, output. */
final class AnalysisOptions {

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
  ReportCommand.Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
  Path out;

  @Option(names = "--skip-invalid",
      description = "Keep every valid row and list the rejected ones, instead of rejecting the file.")
  boolean skipInvalid;

  /** Checks k and parses the breakdowns. */
  List<Breakdown> breakdowns() {
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
    return breakdowns;
  }

  /** The anonymity policy with {@code --min-group}. */
  AnonymityPolicy policy() {
    return AnonymityPolicy.withDefaults().withMinGroupSize(minGroup);
  }

  /** A reader of responses to the instrument with the id column, attributes and import mode asked for. */
  ResponseCsv reader(Instrument instrument) {
    ResponseCsv reader = ResponseCsv.withDefaults(instrument)
        .withIdColumn(idColumn)
        .withMode(skipInvalid ? ImportMode.SKIP_INVALID : ImportMode.STRICT);
    return attributes == null ? reader : reader.withAttributes(attributes);
  }

  /** Fails with a usage error when a breakdown names an attribute the responses lack. */
  static void requireAttributes(List<Breakdown> breakdowns, ResponseSet set, String where) {
    for (Breakdown b : breakdowns) {
      for (String a : b.attributes()) {
        if (!set.attributeNames().contains(a)) {
          throw new BelongingCli.UsageException("--by " + b + ": \"" + a + "\" is not an attribute column"
              + where + "; the attribute columns are " + set.attributeNames());
        }
      }
    }
  }
}

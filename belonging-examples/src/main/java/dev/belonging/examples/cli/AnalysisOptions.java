package dev.belonging.examples.cli;

import dev.belonging.core.io.ImportMode;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.ValueOrder;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/** The options every analysing subcommand shares: how to read responses, how to break down, k, output. */
final class AnalysisOptions {

  @Option(names = "--id-column", defaultValue = "respondent", paramLabel = "NAME",
      description = "The respondent id column (default: ${DEFAULT-VALUE}).")
  String idColumn;

  @Option(names = "--attributes", split = ",", paramLabel = "a,b,c",
      description = "The attribute columns (default: every column that is neither the id nor a question).")
  List<String> attributes;

  @Option(names = "--separator", defaultValue = ",", paramLabel = "CHAR",
      description = "The responses' cell separator: ',', ';', tab or '|' (default: ${DEFAULT-VALUE}).")
  String separator;

  @Option(names = "--by", split = ",", paramLabel = "team,tenure,team*tenure",
      description = "Breakdowns; '*' joins attributes into an intersection.")
  List<String> by = new ArrayList<>();

  @Option(names = "--order", paramLabel = "ATTRIBUTE=V1,V2,...",
      description = {"Shows an attribute's values in this order, e.g. \"tenure=<1y,1-3y,3-5y,5y+\" (quoted for "
          + "the shell); repeat it for more attributes. Values not listed follow in natural order, in which "
          + "numbers compare as numbers (T2 before T10), the order used for every attribute not listed."})
  List<String> order = new ArrayList<>();

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

  /**
   * The order of each breakdown's segments: natural, with the values {@code --order} lists first.
   *
   * @throws BelongingCli.UsageException if an {@code --order} is not {@code ATTRIBUTE=V1,V2,...} with
   *     distinct values, or lists an attribute twice
   */
  ValueOrder valueOrder() {
    ValueOrder result = ValueOrder.natural();
    for (String o : order) {
      int eq = o.indexOf('=');
      String attribute = eq < 0 ? "" : o.substring(0, eq).strip();
      List<String> values = eq < 0 ? List.of() : List.of(o.substring(eq + 1).split(",", -1));
      if (attribute.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
        throw new BelongingCli.UsageException("--order " + o + ": expected ATTRIBUTE=V1,V2,... with no empty "
            + "value, such as tenure=<1y,1-3y,3-5y,5y+");
      }
      if (result.attributes().contains(attribute)) {
        throw new BelongingCli.UsageException("--order lists the values of \"" + attribute + "\" twice");
      }
      try {
        result = result.withValues(attribute, values);
      } catch (IllegalArgumentException e) {
        throw new BelongingCli.UsageException("--order " + o + ": " + e.getMessage());
      }
    }
    return result;
  }

  /**
   * Fails with a usage error when {@code --order} names an attribute the responses lack, and warns of a
   * listed value that none of them has: a mistyped value would otherwise be passed over without a word,
   * while one fixed order may well serve many organisations, not all of which have every value.
   */
  static void checkOrder(ValueOrder order, List<ResponseSet> sets, PrintWriter err) {
    for (String attribute : order.attributes()) {
      Set<String> known = new TreeSet<>(ValueOrder::compareNaturally);
      for (ResponseSet set : sets) {
        if (!set.attributeNames().contains(attribute)) {
          throw new BelongingCli.UsageException("--order " + attribute + ": \"" + attribute
              + "\" is not an attribute column; the attribute columns are " + set.attributeNames());
        }
        known.addAll(set.attribute(attribute).values());
      }
      Set<String> unknown = new LinkedHashSet<>(order.values(attribute));
      unknown.removeAll(known);
      if (!unknown.isEmpty()) {
        List<String> shown = known.stream().limit(SHOWN_VALUES).toList();
        err.println("belonging: --order " + attribute + ": no respondent has the value"
            + (unknown.size() == 1 ? " \"" + unknown.iterator().next() + "\"" : "s " + unknown)
            + "; the values of " + attribute + " are " + shown
            + (known.size() > shown.size() ? " and " + (known.size() - shown.size()) + " more" : ""));
      }
    }
  }

  /** Values of an attribute named at most in a warning. */
  private static final int SHOWN_VALUES = 20;

  /** The anonymity policy with {@code --min-group}. */
  AnonymityPolicy policy() {
    return AnonymityPolicy.withDefaults().withMinGroupSize(minGroup);
  }

  /** The separator {@code --separator} names: one of the characters a reader takes, or {@code tab}. */
  char separator() {
    String s = separator.equals("tab") || separator.equals("\\t") ? "\t" : separator;
    try {
      if (s.length() == 1) {
        return ResponseCsv.requireSeparator(s.charAt(0));
      }
    } catch (IllegalArgumentException e) {
      // named below
    }
    throw new BelongingCli.UsageException("--separator " + separator + ": expected ',', ';', tab or '|'");
  }

  /** A reader of responses to the instrument with the id column, attributes and import mode asked for. */
  ResponseCsv reader(Instrument instrument) {
    ResponseCsv reader = ResponseCsv.withDefaults(instrument)
        .withIdColumn(idColumn)
        .withMode(skipInvalid ? ImportMode.SKIP_INVALID : ImportMode.STRICT)
        .withSeparator(separator());
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

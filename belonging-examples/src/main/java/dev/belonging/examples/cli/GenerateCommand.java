package dev.belonging.examples.cli;

import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.examples.sample.SampleOrganisation;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code belonging generate}: a realistic synthetic responses file, for trying things out. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes synthetic responses of a sample organisation to an instrument.",
        "Teams of uneven size (some below k), tenure bands, and office, remote and frontline staff."})
final class GenerateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--instrument", defaultValue = "builtin:shkv", paramLabel = "FILE.json|builtin:NAME",
      description = "The instrument to answer (default: ${DEFAULT-VALUE}).")
  String instrument;

  @Option(names = "--respondents", defaultValue = "400", paramLabel = "N",
      description = "How many respondents (default: ${DEFAULT-VALUE}).")
  int respondents;

  @Option(names = "--seed", defaultValue = "" + SampleOrganisation.DEFAULT_SEED, paramLabel = "SEED",
      description = "The random seed; the same seed gives the same file (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--wave", defaultValue = "1", paramLabel = "N",
      description = "The wave: the same teams, other people (default: ${DEFAULT-VALUE}).")
  int wave;

  @Option(names = "--pilot", paramLabel = "TEAM",
      description = "A team whose pilot raises its scores from wave 2 on, e.g. " + SampleOrganisation.PILOT_TEAM
          + ".")
  String pilot;

  @Option(names = "--out", paramLabel = "FILE.csv", description = "Write here instead of standard output.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (respondents < 0) {
      throw new BelongingCli.UsageException("--respondents must not be negative, not " + respondents);
    }
    if (wave < 1) {
      throw new BelongingCli.UsageException("--wave must be at least 1, not " + wave);
    }
    Instrument inst = Inputs.instrument(instrument);
    SampleOrganisation organisation = SampleOrganisation.of(respondents, seed).inWave(wave);
    if (pilot != null) {
      organisation = organisation.withPilot(pilot, SampleOrganisation.PILOT_EFFECT);
    }
    Inputs.write(out, csv(inst, organisation.responses(inst)), spec.commandLine().getOut());
    return BelongingCli.OK;
  }

  /** Writes responses as the CSV file {@code report} reads. */
  static String csv(Instrument instrument, ResponseSet responses) throws IOException {
    StringWriter csv = new StringWriter();
    ResponseCsv.withDefaults(instrument).write(responses, csv);
    return csv.toString();
  }
}

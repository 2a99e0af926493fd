package dev.belonging.examples.cli;

import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code belonging instruments}: the built-in instruments. */
@Command(name = "instruments", mixinStandardHelpOptions = true,
    description = {"Lists the built-in instruments, or prints one as JSON to start your own from."})
final class InstrumentsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "Print this instrument as JSON.")
  String name;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (name != null) {
      out.print(InstrumentJson.toJson(Inputs.instrument("builtin:" + name)));
      out.flush();
      return BelongingCli.OK;
    }
    for (String n : Instruments.builtin()) {
      Instrument i = Instruments.builtin(n);
      StringBuilder dims = new StringBuilder();
      for (Dimension d : i.dimensions()) {
        dims.append(dims.length() == 0 ? "" : ", ").append(d.id()).append(" (")
            .append(i.questionsOf(d.id()).size()).append(")");
      }
      out.printf("%-10s %s: %s%n", n, i.name(), dims);
    }
    out.flush();
    return BelongingCli.OK;
  }
}

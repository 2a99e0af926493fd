package dev.belonging.examples.cli;

import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.model.BelongingException;
import dev.belonging.core.model.Problem;
import dev.belonging.scoring.report.ReportText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code belonging} command line: {@code report}, {@code generate}, {@code instruments} and
 * {@code demo}.
 *
 * <p>Exit codes: 0 when the output was written; 1 for bad data (instrument or responses), with the problems
 * listed on standard error (the first 50, then how many more); 2 for bad usage (an unknown option, k below
 * 2, a breakdown attribute that is not a column). No stack trace is printed for any of these, and no output
 * file is left behind on failure.
 */
@Command(name = "belonging", mixinStandardHelpOptions = true,
    versionProvider = BelongingCli.Version.class,
    description = "Belonging metrics from anonymous workplace surveys, with anonymity guarded.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:output written", "1:bad data (instrument or responses), or too little memory",
        "2:bad usage"})
public final class BelongingCli implements Runnable {

  /** Exit code: the output was written. */
  public static final int OK = 0;
  /** Exit code: the instrument or the responses are invalid. */
  public static final int BAD_DATA = 1;
  /** Exit code: the command line is invalid. */
  public static final int BAD_USAGE = 2;

  private static final String INSTRUMENT_OPTION = "--instrument";

  /** Held so that the level set on it is not lost when an unreferenced logger is collected. */
  private static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    VALIDATOR_LOG.setLevel(Level.WARNING); // before the validator may start on another thread
    prepareInstrumentReading(args);
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command line with the given output streams and returns the exit code.
   *
   * @param out standard output
   * @param err standard error
   * @param args the arguments
   * @return the exit code
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    VALIDATOR_LOG.setLevel(Level.WARNING);
    CommandLine cli = new CommandLine(new BelongingCli());
    addSubcommands(cli, args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof BelongingException data) {
        // messages quote the file's values: print them so that they cannot drive the terminal
        commandLine.getErr().println("belonging: " + ReportText.printable(firstLine(data.getMessage())));
        listProblems(commandLine.getErr(), data.problems(), "");
        return BAD_DATA;
      }
      if (e instanceof UsageException usage) {
        commandLine.getErr().println("belonging: " + ReportText.printable(usage.getMessage()));
        commandLine.getErr().println("Try 'belonging " + commandLine.getCommandName() + " --help'.");
        return BAD_USAGE;
      }
      java.io.IOException io = e instanceof java.io.IOException x ? x
          : e instanceof java.io.UncheckedIOException x ? x.getCause() : null;
      if (io != null) {
        commandLine.getErr().println("belonging: " + ReportText.printable(Inputs.describe(io)));
        return BAD_DATA;
      }
      throw e;
    });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // the report's structures are unreachable by now: there is room to say what happened and what to do
      err.println("belonging: out of memory: " + moreHeap(Runtime.getRuntime().maxMemory()));
      code = BAD_DATA;
    }
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Says how to give the JVM a larger heap than it had, twice as large in whole gigabytes: through the
   * launcher's variable or the {@code java} command's option.
   *
   * @param maxHeap the heap the JVM had, in bytes
   * @return the advice
   */
  static String moreHeap(long maxHeap) {
    long gigabytes = Math.max(1, (2 * maxHeap + (1L << 30) - 1) >> 30);
    return "the report needed more than the JVM's heap of " + (maxHeap >> 20) + " MB; give it more, for"
        + " example BELONGING_JAVA_OPTS=-Xmx" + gigabytes + "g for the launcher, or java -Xmx" + gigabytes
        + "g -jar belonging-cli.jar";
  }

  /** The subcommands, in the order the help lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("report", ReportCommand::new);
    m.put("trend", TrendCommand::new);
    m.put("generate", GenerateCommand::new);
    m.put("instruments", InstrumentsCommand::new);
    m.put("demo", DemoCommand::new);
    return m;
  }

  /**
   * Says on standard error that a report's guard reached its bound on work
   * ({@link dev.belonging.scoring.report.Report#workBoundReached()}), whatever the format the report went
   * out in: a reader of a JSON or HTML file may not see it otherwise.
   */
  static void warnIfWorkBoundReached(PrintWriter err, boolean reached) {
    if (reached) {
      err.println("belonging: " + ReportText.WORK_BOUND_NOTE);
    }
  }

  /**
   * Lists problems on standard error, one per line, made safe for a terminal (messages quote the file's
   * values): the first {@value BelongingException#MAX_LISTED}, then how many more there are, followed by
   * {@code whereAll}. A file coded on another scale has a problem on every row, and a listing of each one
   * would bury the first of them.
   */
  static void listProblems(PrintWriter err, List<Problem> problems, String whereAll) {
    int n = problems.size();
    for (int i = 0; i < Math.min(n, BelongingException.MAX_LISTED); i++) {
      err.println("  " + ReportText.printable(problems.get(i).toString()));
    }
    if (n > BelongingException.MAX_LISTED) {
      err.println("  \u2026 and " + (n - BelongingException.MAX_LISTED) + " more" + whereAll);
    }
  }

  /**
   * Adds the subcommand the arguments start with, or every subcommand when they start with none (for the
   * help, the version, or the message that names the subcommands there are). Picocli builds a command's
   * model from its annotations, which takes time at start-up; a run needs only its own.
   */
  private static void addSubcommands(CommandLine cli, String[] args) {
    Supplier<Object> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
    if (only != null) {
      cli.addSubcommand(args[0], only.get());
    } else {
      SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    }
  }

  /**
   * Starts building the instrument file reader (Jackson's mapper and Hibernate Validator, a few hundred
   * milliseconds in a fresh JVM) on other threads when the arguments name an instrument file, so that it
   * overlaps parsing the command line; the read waits for it. Built-in instruments need no validator.
   *
   * @return whether it started
   */
  static boolean prepareInstrumentReading(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String value = null;
      if (args[i].equals(INSTRUMENT_OPTION) && i + 1 < args.length) {
        value = args[i + 1];
      } else if (args[i].startsWith(INSTRUMENT_OPTION + "=")) {
        value = args[i].substring(INSTRUMENT_OPTION.length() + 1);
      }
      if (value != null && !value.startsWith(Inputs.BUILTIN)) {
        InstrumentJson.prepare();
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.endsWith(":") ? line.substring(0, line.length() - 1) : line;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line that names something that does not exist or is out of range. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = BelongingCli.class.getPackage().getImplementationVersion();
      return new String[] {"belonging " + (v == null ? "development build" : v)};
    }
  }
}

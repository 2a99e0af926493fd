import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scoring and gaps by team: each team's belonging index per dimension, and the teams that clearly differ
 * from everyone else (Welch's test against the rest of the organisation, Benjamini–Hochberg over every
 * gap).
 *
 * <p>From the project root, after {@code mvn -B -q -DskipTests package}:
 * <pre>
 * java -cp belonging-examples/target/belonging-cli.jar belonging-examples/examples/GapsByTeam.java \
 *     [RESPONSES.csv [INSTRUMENT.json [ATTRIBUTE]]]
 * </pre>
 * Without arguments it reads the bundled sample: belonging-examples/samples/acme-shkv.csv, the built-in
 * instrument shkv, by team.
 */
public class GapsByTeam {

  /** Held, so that the quieter level stays set: the validator announces itself at INFO otherwise. */
  static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

  // expect: Belonging index by team
  // expect: T04
  // expect: hidden: fewer than 5 respondents
  // expect: Clear gaps
  // expect: team=T04 on seen: lower by 0.98 points (95 % CI 0.73 to 1.23)

  public static void main(String[] args) throws Exception {
    VALIDATOR_LOG.setLevel(Level.WARNING);
    Path responses = Path.of(args.length > 0 ? args[0] : "belonging-examples/samples/acme-shkv.csv");
    Instrument instrument = args.length > 1
        ? InstrumentJson.read(Path.of(args[1])) : Instruments.builtin("shkv");
    String attribute = args.length > 2 ? args[2] : "team";

    ResponseSet set = ResponseCsv.withDefaults(instrument).read(responses).responses();
    Report report = BelongingAnalysis.withDefaults(instrument)
        .withBreakdowns(Breakdown.of(attribute))
        .analyze(set);

    System.out.printf("%s: %d respondents; groups under %d are hidden%n%n", instrument.name(),
        report.respondents(), report.policy().minGroupSize());
    System.out.printf("Belonging index by %s (0-100)%n%-12s%6s", attribute, "", "n");
    for (Dimension d : instrument.dimensions()) {
      System.out.printf("%9s", d.id());
    }
    System.out.println();
    for (SegmentResult result : report.segments()) {
      String name = result.segment().isPopulation()
          ? "everyone" : result.segment().attributes().get(attribute);
      if (result instanceof SuppressedSegment hidden) {
        System.out.printf("%-12s%6s   hidden: %s%n", name, "-", hidden.reason());
        continue;
      }
      ShownSegment shown = (ShownSegment) result;
      System.out.printf("%-12s%6d", name, shown.respondents());
      for (Dimension d : instrument.dimensions()) {
        var dimension = shown.dimensions().get(d.id());
        Statistic index = dimension == null ? Statistic.undefined("hidden") : dimension.statistic("index");
        System.out.printf("%9s", index.isDefined() ? String.format("%.0f", index.value()) : "-");
      }
      System.out.println();
    }

    // A gap is flagged when its q-value is under 0.05 and Hedges' g is at least 0.2 in size.
    System.out.println();
    System.out.println("Clear gaps (each group against everyone else; q < 0.05 and |g| >= 0.2):");
    int flagged = 0;
    for (Gap gap : report.gaps()) {
      if (!gap.flagged()) {
        continue;
      }
      flagged++;
      double d = gap.difference().value();
      boolean lower = d < 0;
      System.out.printf("  %s on %s: %s by %.2f points (95 %% CI %.2f to %.2f), g = %.2f, q = %.2g%n",
          gap.segment().label(), gap.dimension(), lower ? "lower" : "higher", Math.abs(d),
          lower ? -gap.ciHigh().value() : gap.ciLow().value(),
          lower ? -gap.ciLow().value() : gap.ciHigh().value(),
          gap.effectSize().value(), gap.qValue().value());
    }
    System.out.printf("%d of %d gaps are clear; the others may be chance.%n", flagged, report.gaps().size());
  }
}

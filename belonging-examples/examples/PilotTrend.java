import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.io.QuestionColumns;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Wave;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.trend.Change;
import dev.belonging.scoring.trend.InterventionEstimate;
import dev.belonging.scoring.trend.InterventionResult;
import dev.belonging.scoring.trend.Survey;
import dev.belonging.scoring.trend.Treatment;
import dev.belonging.scoring.trend.TrendAnalysis;
import dev.belonging.scoring.trend.TrendReport;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A wave-over-wave trend with a pilot: did the team that tried something new improve more than everyone
 * else? Difference in differences per dimension (the coefficient of {@code treated:after} in
 * {@code score ~ treated * after}, as R's {@code lm}), with the placebo check: the same estimate for every
 * other team, and where the pilot team's estimate ranks among them.
 *
 * <p>From the project root, after {@code mvn -B -q -DskipTests package}:
 * <pre>
 * java -cp belonging-examples/target/belonging-cli.jar belonging-examples/examples/PilotTrend.java \
 *     [BEFORE.csv AFTER.csv [INSTRUMENT.json [ATTRIBUTE=VALUE]]]
 * </pre>
 * Without arguments it reads the two bundled waves (belonging-examples/samples/acme-shkv.csv and
 * acme-shkv-wave2.csv, in which team T17 ran a pilot), the built-in instrument shkv, by team.
 */
public class PilotTrend {

  /** Held, so that the quieter level stays set: the validator announces itself at INFO otherwise. */
  static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

  // expect: Changes from before to after, clear ones only
  // expect: Pilot team=T17 from wave after on
  // expect: seen: +0.78 points (95 % CI 0.39 to 1.17), p < 0.001, placebo rank 1 of 23

  public static void main(String[] args) throws Exception {
    VALIDATOR_LOG.setLevel(Level.WARNING);
    Path before = Path.of(args.length > 1 ? args[0] : "belonging-examples/samples/acme-shkv.csv");
    Path after = Path.of(args.length > 1 ? args[1] : "belonging-examples/samples/acme-shkv-wave2.csv");
    Instrument instrument = args.length > 2
        ? InstrumentJson.read(Path.of(args[2])) : Instruments.builtin("shkv");
    Treatment pilot = Treatment.parse(args.length > 3 ? args[3] : "team=T17", "after");
    String attribute = pilot.segment().attributes().keySet().iterator().next();

    // Each file is one wave; a question missing from a wave's file is reported, not guessed.
    ResponseCsv reader = ResponseCsv.withDefaults(instrument).withQuestionColumns(QuestionColumns.OPTIONAL);
    ResponseSet first = reader.withWave(Wave.of("before")).read(before).responses();
    ResponseSet second = reader.withWave(Wave.of("after")).read(after).responses();
    Survey survey = Survey.of(first, second);

    TrendReport trend = TrendAnalysis.of(BelongingAnalysis.withDefaults(instrument)
            .withBreakdowns(Breakdown.of(attribute)))
        .withTreatment(pilot)
        .analyze(survey);

    System.out.printf("%s: %d respondents in %d waves; groups under %d are hidden in every wave%n%n",
        instrument.name(), trend.respondents(), trend.waves().size(), trend.policy().minGroupSize());
    trend.missingQuestions().forEach(m -> System.out.println("missing: " + m));

    // Welch's test per group and dimension, Benjamini–Hochberg over every change of the report.
    System.out.println("Changes from before to after, clear ones only (q < 0.05)");
    for (Change c : trend.changes()) {
      if (c.qValue().isDefined() && c.qValue().value() < 0.05) {
        String group = c.segment().isPopulation() ? "everyone" : c.segment().label();
        double q = c.qValue().value();
        System.out.printf("  %-20s %-8s %+.2f points (95 %% CI %.2f to %.2f), %s%n", group, c.dimension(),
            c.difference().value(), c.ciLow().value(), c.ciHigh().value(),
            q < 0.001 ? "q < 0.001" : String.format("q %.3f", q));
      }
    }

    System.out.printf("%nPilot %s from wave after on, against everyone else%n", pilot.segment().label());
    for (InterventionResult result : trend.interventions()) {
      if (!(result instanceof InterventionEstimate e)) {
        System.out.println("  " + result.dimension() + ": hidden (too few people to show it safely)");
        continue;
      }
      String p = e.pValue().value() < 0.001 ? "p < 0.001" : String.format("p %.3f", e.pValue().value());
      String rank = e.placeboRank().isPresent()
          ? String.format(", placebo rank %d of %d", e.placeboRank().getAsInt(), e.placebos().size() + 1) : "";
      System.out.printf("  %s: %+.2f points (95 %% CI %.2f to %.2f), %s%s%n", e.dimension(),
          e.estimate().value(), e.ciLow().value(), e.ciHigh().value(), p, rank);
    }
    System.out.println();
    System.out.println("It assumes parallel trends (without the pilot the team would have moved as the others");
    System.out.println("did) and no spill-over; one team is one cluster, which is why the placebo rank is there.");
  }
}

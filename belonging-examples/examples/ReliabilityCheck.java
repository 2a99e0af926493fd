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
import dev.belonging.scoring.reliability.CronbachAlpha;
import dev.belonging.scoring.reliability.ItemReliability;
import dev.belonging.scoring.reliability.Reliability;
import dev.belonging.scoring.report.Report;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks an instrument's reliability before trusting subgroup gaps: Cronbach's alpha per dimension over
 * everyone's answers (pairwise-complete covariances, as R's psych::alpha), alpha without each question and
 * each question's correlation with the rest; then the team gaps, read only on the dimensions whose alpha
 * reaches the bar. A dimension whose questions do not hang together gives noisy scores, and a gap between
 * two small groups on such a dimension says little.
 *
 * <p>From the project root, after {@code mvn -B -q -DskipTests package}:
 * <pre>
 * java -cp belonging-examples/target/belonging-cli.jar belonging-examples/examples/ReliabilityCheck.java \
 *     [RESPONSES.csv [INSTRUMENT.json [ATTRIBUTE [BAR]]]]
 * </pre>
 * Without arguments it reads the bundled sample: belonging-examples/samples/acme-shkv.csv, the built-in
 * instrument shkv, by team, bar 0.7.
 */
public class ReliabilityCheck {

  // expect: Cronbach's alpha per dimension (bar 0.70)
  // expect: seen        0.75  3 questions
  // expect: alpha without it
  // expect: Dimensions to compare groups on: seen, heard, known, valued
  // expect: team=T04 on seen: -0.98 points

  /** Held, so that the quieter level stays set: the validator announces itself at INFO otherwise. */
  static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

  public static void main(String[] args) throws Exception {
    VALIDATOR_LOG.setLevel(Level.WARNING);
    Path responses = Path.of(args.length > 0 ? args[0] : "belonging-examples/samples/acme-shkv.csv");
    Instrument instrument = args.length > 1
        ? InstrumentJson.read(Path.of(args[1])) : Instruments.builtin("shkv");
    String attribute = args.length > 2 ? args[2] : "team";
    double bar = args.length > 3 ? Double.parseDouble(args[3]) : 0.7;

    ResponseSet set = ResponseCsv.withDefaults(instrument).read(responses).responses();
    Map<String, Reliability> reliability = CronbachAlpha.withDefaults().computeAll(set);

    System.out.printf("Cronbach's alpha per dimension (bar %.2f), %d respondents%n", bar, set.size());
    Set<String> trusted = new LinkedHashSet<>();
    for (Dimension d : instrument.dimensions()) {
      Reliability r = reliability.get(d.id());
      Statistic alpha = r.alpha();
      boolean reaches = alpha.isDefined() && alpha.value() >= bar;
      if (reaches) {
        trusted.add(d.id());
      }
      System.out.printf("  %-10s %5s  %d questions%s%n", d.id(),
          alpha.isDefined() ? String.format("%.2f", alpha.value()) : "n/a", r.items(),
          reaches ? "" : alpha.isDefined() ? "  below the bar" : "  undefined: " + alpha.reason());
      for (ItemReliability item : r.itemStatistics()) {
        Statistic without = item.alphaIfDeleted();
        Statistic rest = item.itemRestCorrelation();
        System.out.printf("      %-14s alpha without it %5s, correlation with the rest %5s%s%n",
            item.questionId(), format(without), format(rest),
            alpha.isDefined() && without.isDefined() && without.value() > alpha.value()
                ? "  <- the dimension is more consistent without this question" : "");
      }
    }
    System.out.println();
    System.out.println("Dimensions to compare groups on: "
        + (trusted.isEmpty() ? "none" : String.join(", ", trusted)));

    Report report = BelongingAnalysis.withDefaults(instrument)
        .withBreakdowns(Breakdown.of(attribute))
        .analyze(set);
    System.out.println("Clear gaps on those dimensions (each group against everyone else):");
    int ignored = 0;
    for (Gap gap : report.gaps()) {
      if (!gap.flagged()) {
        continue;
      }
      if (!trusted.contains(gap.dimension())) {
        ignored++;
        continue;
      }
      System.out.printf("  %s on %s: %+.2f points (95 %% CI %+.2f to %+.2f)%n", gap.segment().label(),
          gap.dimension(), gap.difference().value(), gap.ciLow().value(), gap.ciHigh().value());
    }
    if (ignored > 0) {
      System.out.printf("%d flagged gaps are on dimensions below the bar and are not read here.%n", ignored);
    }
  }

  static String format(Statistic s) {
    return s.isDefined() ? String.format("%.2f", s.value()) : "n/a";
  }
}

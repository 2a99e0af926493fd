import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.FavorableShare;
import dev.belonging.scoring.MeanScore;
import dev.belonging.scoring.ScoringStrategy;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportJson;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A scoring strategy of your own, plugged into the analysis next to the standard ones: the share of
 * <em>people</em> whose dimension score is favorable, where the standard {@code favorable} is the share of
 * <em>answers</em>. It is computed from the segment's exact score histogram, so it works on merged
 * partitions and is guarded like every other statistic: a hidden group shows none of it.
 *
 * <p>From the project root, after {@code mvn -B -q -DskipTests package}:
 * <pre>
 * java -cp belonging-examples/target/belonging-cli.jar belonging-examples/examples/CustomStrategy.java \
 *     [RESPONSES.csv [INSTRUMENT.json [ATTRIBUTE]]]
 * </pre>
 * Without arguments it reads the bundled sample: belonging-examples/samples/acme-shkv.csv, the built-in
 * instrument shkv, by location.
 */
public class CustomStrategy {

  // Everyone's share on "seen", recomputed in Python 3 from the CSV (reverse-coded items, at least half
  // answered, score >= favorableFrom): 77 of 399 people with a score, 0.19298245614035087.
  // expect: "favorablePeople" : 0.19298245614035087
  // expect: heard: mean 3.22, favorable answers 37%, favorable people 19%
  // expect: location=remote

  /**
   * The share of members with a score whose score is at least the scale's {@code favorableFrom}: with c
   * answered items and coded total {@code c·min + t}, the score {@code min + t/c} is favorable when
   * {@code t >= c·(favorableFrom − min)}. Undefined when nobody has a score.
   */
  record FavorablePeople() implements ScoringStrategy {

    @Override
    public String name() {
      return "favorablePeople";
    }

    @Override
    public Statistic score(DimensionStatistics statistics) {
      long scored = statistics.scored();
      if (scored == 0) {
        return Statistic.undefined("no scores");
      }
      Scale scale = statistics.scale();
      int range = scale.max() - scale.min();
      long favorable = 0;
      for (int c = 1; c <= statistics.items(); c++) {
        for (int t = c * (scale.favorableFrom() - scale.min()); t <= c * range; t++) {
          favorable += statistics.count(c, t);
        }
      }
      return Statistic.of((double) favorable / scored);
    }
  }

  /** Held, so that the quieter level stays set: the validator announces itself at INFO otherwise. */
  static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

  public static void main(String[] args) throws Exception {
    VALIDATOR_LOG.setLevel(Level.WARNING);
    Path responses = Path.of(args.length > 0 ? args[0] : "belonging-examples/samples/acme-shkv.csv");
    Instrument instrument = args.length > 1
        ? InstrumentJson.read(Path.of(args[1])) : Instruments.builtin("shkv");
    String attribute = args.length > 2 ? args[2] : "location";

    ResponseSet set = ResponseCsv.withDefaults(instrument).read(responses).responses();
    Report report = BelongingAnalysis.withDefaults(instrument)
        .withBreakdowns(Breakdown.of(attribute))
        .withStrategies(List.of(new MeanScore(), new FavorableShare(), new FavorablePeople()))
        .analyze(set);

    for (SegmentResult result : report.segments()) {
      System.out.println(result.segment().label());
      if (!(result instanceof ShownSegment shown)) {
        System.out.println("  hidden");
        continue;
      }
      shown.dimensions().forEach((id, d) -> System.out.printf(
          "  %s: mean %s, favorable answers %s, favorable people %s%n", id, fixed(d, "mean"),
          percent(d, "favorable"), percent(d, "favorablePeople")));
    }
    // the custom statistic travels in the JSON like the standard ones
    String json = ReportJson.toJson(report);
    System.out.println(json.lines().filter(l -> l.contains("\"favorablePeople\"")).findFirst().orElseThrow()
        .strip());
  }

  static String fixed(DimensionResult d, String name) {
    Statistic s = d.statistic(name);
    return s.isDefined() ? String.format("%.2f", s.value()) : "n/a";
  }

  static String percent(DimensionResult d, String name) {
    Statistic s = d.statistic(name);
    return s.isDefined() ? String.format("%.0f%%", s.value() * 100) : "n/a";
  }
}

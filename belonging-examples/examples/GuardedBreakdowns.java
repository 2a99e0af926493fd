import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.privacy.AuditResult;
import dev.belonging.scoring.privacy.DisclosureAudit;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import dev.belonging.scoring.report.SuppressionReason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Guarding a breakdown set of your own: teams, locations and every team × location cell in one report.
 * The analysis hides each group under k (below k), and then every further group whose numbers, together
 * with the others, would let a smaller group be worked out (complementary suppression). The program lists
 * what is hidden and why, shows for one team how a hidden cell would have given a small group away, and
 * audits the published report once more on its own.
 *
 * <p>From the project root, after {@code mvn -B -q -DskipTests package}:
 * <pre>
 * java -cp belonging-examples/target/belonging-cli.jar belonging-examples/examples/GuardedBreakdowns.java \
 *     [RESPONSES.csv [INSTRUMENT.json [GROUP [SUBGROUP [K]]]]]
 * </pre>
 * Without arguments it reads the bundled sample: belonging-examples/samples/acme-shkv.csv, the built-in
 * instrument shkv, team × location, k = 5.
 */
public class GuardedBreakdowns {

  // expect: Breakdowns: team, location, team*location (k = 5)
  // expect: hidden below k: 43
  // expect: hidden to protect a smaller group: 16
  // expect: team=T03;location=office: suppressed to protect a smaller group
  // expect: Why team=T03;location=office is hidden: team=T03 has 10 people
  // expect: Audit of the published report: clean

  /** Held, so that the quieter level stays set: the validator announces itself at INFO otherwise. */
  static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

  public static void main(String[] args) throws Exception {
    VALIDATOR_LOG.setLevel(Level.WARNING);
    Path responses = Path.of(args.length > 0 ? args[0] : "belonging-examples/samples/acme-shkv.csv");
    Instrument instrument = args.length > 1
        ? InstrumentJson.read(Path.of(args[1])) : Instruments.builtin("shkv");
    String group = args.length > 2 ? args[2] : "team";
    String subgroup = args.length > 3 ? args[3] : "location";
    int k = args.length > 4 ? Integer.parseInt(args[4]) : 5;

    ResponseSet set = ResponseCsv.withDefaults(instrument).read(responses).responses();
    List<Breakdown> breakdowns = List.of(Breakdown.of(group), Breakdown.of(subgroup),
        Breakdown.of(group, subgroup));
    AnonymityPolicy policy = AnonymityPolicy.withDefaults().withMinGroupSize(k);
    Report report = BelongingAnalysis.withDefaults(instrument)
        .withBreakdowns(breakdowns)
        .withPolicy(policy)
        .analyze(set);

    System.out.printf("Breakdowns: %s (k = %d)%n", String.join(", ",
        breakdowns.stream().map(Breakdown::toString).toList()), k);
    System.out.printf("  groups: %d, shown: %d%n", report.segments().size(),
        report.segments().stream().filter(s -> !s.isSuppressed()).count());
    System.out.printf("  hidden below k: %d%n", report.suppressed(SuppressionReason.BELOW_K));
    System.out.printf("  hidden to protect a smaller group: %d%n",
        report.suppressed(SuppressionReason.COMPLEMENTARY));

    System.out.println();
    System.out.println("Hidden groups and why:");
    SuppressedSegment example = null;
    for (SegmentResult result : report.segments()) {
      if (result instanceof SuppressedSegment hidden) {
        System.out.printf("  %s: %s%n", hidden.segment().label(), hidden.reason());
        if (example == null && hidden.reasonCode() == SuppressionReason.COMPLEMENTARY
            && hidden.segment().attributes().size() == 2) {
          example = hidden;
        }
      } else if (result instanceof ShownSegment shown) {
        for (String dimension : instrument.dimensions().stream().map(d -> d.id()).toList()) {
          if (!shown.dimensions().containsKey(dimension)) {
            System.out.printf("  %s, dimension %s: too few scores, or a smaller group to protect%n",
                shown.segment().label(), dimension);
          }
        }
      }
    }

    if (example != null) {
      explain(report, example, group, subgroup);
    }

    // Several reports of the same responses (a dashboard's drill-downs) can be audited together the same way.
    AuditResult audit = DisclosureAudit.of(policy).audit(set, report);
    System.out.println();
    System.out.println("Audit of the published report: " + (audit.isClean()
        ? "clean, no group of 1 to " + (k - 1) + " people can be worked out from it"
        : audit.leaks().size() + " leaks: " + audit.leaks()));
  }

  /**
   * Shows, with headcounts only, why a cell is hidden: were it shown, its group's count minus the shown
   * cells would single out the small cells that are hidden for being below k.
   */
  static void explain(Report report, SuppressedSegment cell, String group, String subgroup) {
    String value = cell.segment().attributes().get(group);
    ShownSegment whole = (ShownSegment) report.segment(Segment.of(Map.of(group, value))).orElseThrow();
    List<String> shown = new ArrayList<>();
    List<String> small = new ArrayList<>();
    for (SegmentResult s : report.segments()) {
      Map<String, String> a = s.segment().attributes();
      if (a.size() == 2 && value.equals(a.get(group)) && !s.segment().equals(cell.segment())) {
        if (s instanceof ShownSegment x) {
          shown.add(a.get(subgroup) + " " + x.respondents());
        } else {
          small.add(a.get(subgroup) + " (" + ((SuppressedSegment) s).reason() + ")");
        }
      }
    }
    System.out.println();
    System.out.printf("Why %s is hidden: %s has %d people; shown cells: %s; hidden cells: %s.%n",
        cell.segment().label(), whole.segment().label(), whole.respondents(),
        shown.isEmpty() ? "none" : String.join(", ", shown), String.join(", ", small));
    System.out.println("Were it shown, the group's count and sums minus the shown cells would give away "
        + "the small hidden cells, and with them their people's answers.");
  }
}

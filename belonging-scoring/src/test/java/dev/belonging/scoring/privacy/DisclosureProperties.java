package dev.belonging.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.Response;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.MissingPolicy;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import dev.belonging.scoring.report.SuppressionReason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The guard and the audit against the exhaustive attacker, on generated small organisations. */
class DisclosureProperties {

  static AnonymityPolicy policy(int k, int extra) {
    return AnonymityPolicy.withDefaults().withMinGroupSize(k).withCommentThreshold(k + extra);
  }

  static BelongingAnalysis analysis(AnonymityPolicy policy) {
    return BelongingAnalysis.withDefaults(Organisations.INSTRUMENT).withPolicy(policy)
        .withBreakdowns(Organisations.BREAKDOWNS);
  }

  @Test
  void aGuardedReportNeverLetsASmallGroupBeDerived() {
    AtomicInteger cellsAtLeastK = new AtomicInteger();
    AtomicInteger shownCells = new AtomicInteger();
    AtomicInteger complementary = new AtomicInteger();
    AtomicInteger cases = new AtomicInteger();
    AtomicInteger naiveLeaks = new AtomicInteger();
    AtomicInteger loneRemote = new AtomicInteger();
    AtomicInteger smallTeam = new AtomicInteger();
    AtomicInteger skippers = new AtomicInteger();
    qt().withExamples(300).forAll(Organisations.organisations(), integers().between(3, 5),
        integers().between(0, 3)).checkAssert((teams, k, extra) -> {
          ResponseSet set = Organisations.responses(teams);
          AnonymityPolicy policy = policy(k, extra);
          Report report = analysis(policy).analyze(set);
          Attacker.Groups leaks = Attacker.minimalLeaks(set, List.of(report), policy, MissingPolicy.AT_LEAST_HALF);
          assertThat(leaks.isClean()).as("leaks %s", leaks).isTrue();
          cases.incrementAndGet();
          Report naive = HandReports.report(set, Organisations.BREAKDOWNS, policy, HandReports.minimumSizeOnly(
              set, Organisations.BREAKDOWNS, policy, MissingPolicy.AT_LEAST_HALF));
          if (!Attacker.minimalLeaks(set, List.of(naive), policy, MissingPolicy.AT_LEAST_HALF).isClean()) {
            naiveLeaks.incrementAndGet();
          }
          for (Organisations.Team t : teams) {
            loneRemote.addAndGet(t.remote() == Organisations.Remote.LONE ? 1 : 0);
            smallTeam.addAndGet(t.size() < k ? 1 : 0);
            skippers.addAndGet(t.skip() != Organisations.Skip.NOBODY ? 1 : 0);
          }
          for (SegmentResult s : report.segments()) {
            if (!(s instanceof SuppressedSegment x && x.reasonCode() == SuppressionReason.BELOW_K)) {
              cellsAtLeastK.incrementAndGet();
              if (!s.isSuppressed()) {
                shownCells.incrementAndGet();
              } else {
                complementary.incrementAndGet();
              }
            }
          }
        });
    System.out.printf("cases %d, cells >= k %d, shown %d, complementary %d, naive leaks %d%n", cases.get(),
        cellsAtLeastK.get(), shownCells.get(), complementary.get(), naiveLeaks.get());
    assertThat(naiveLeaks.get()).as("the minimum-size rule alone leaks in many generated cases")
        .isGreaterThan(cases.get() / 3);
    assertThat(loneRemote.get()).as("teams with a lone remote member").isGreaterThan(cases.get() / 4);
    assertThat(smallTeam.get()).as("teams below k").isGreaterThan(cases.get() / 4);
    assertThat(skippers.get()).as("teams where people skip a dimension").isGreaterThan(cases.get() / 2);
    assertThat(complementary.get()).as("complementary suppressions happen").isPositive();
    assertThat(2L * shownCells.get()).as("at least half of the cells with k or more are shown")
        .isGreaterThanOrEqualTo(cellsAtLeastK.get());
  }

  @Test
  void aGuardOutOfWorkSaysSoRevealsNoGroupAndOtherwiseDecidesAsWithoutABound() {
    // with little work the guard refuses rows it could not decide: it must say so, and what it shows must
    // still be clean; when it does not say so, every refusal was proven and it decides as without a bound
    AtomicInteger reached = new AtomicInteger();
    AtomicInteger decided = new AtomicInteger();
    qt().withExamples(150).forAll(Organisations.organisations(), integers().between(3, 5),
        integers().between(1, 300), integers().between(1, 300)).checkAssert((teams, k, headcount, figures) -> {
          ResponseSet set = Organisations.responses(teams);
          AnonymityPolicy policy = policy(k, 0);
          Disclosure exact = DisclosureGuard.of(policy).guard(set, Organisations.BREAKDOWNS);
          Disclosure bounded = DisclosureGuard.of(policy).withWork(headcount, figures)
              .guard(set, Organisations.BREAKDOWNS);
          assertThat(exact.workBoundReached()).isFalse();
          if (bounded.workBoundReached()) {
            reached.incrementAndGet();
            List<HandReports.Shown> shown = new ArrayList<>();
            for (Segment segment : bounded.segments()) {
              if (bounded.isShown(segment)) {
                shown.add(new HandReports.Shown(segment, bounded.dimensions(segment), bounded.questions(segment),
                    bounded.comments(segment)));
              }
            }
            Report report = HandReports.report(set, Organisations.BREAKDOWNS, policy, shown);
            assertThat(DisclosureAudit.of(policy).audit(set, report).isClean()).isTrue();
          } else {
            decided.incrementAndGet();
            for (Segment segment : exact.segments()) {
              assertThat(bounded.suppression(segment)).as("%s", segment).isEqualTo(exact.suppression(segment));
              assertThat(bounded.dimensions(segment)).isEqualTo(exact.dimensions(segment));
              assertThat(bounded.questions(segment)).isEqualTo(exact.questions(segment));
              assertThat(bounded.comments(segment)).isEqualTo(exact.comments(segment));
            }
          }
        });
    assertThat(reached.get()).as("guards that ran out of work").isGreaterThan(20);
    assertThat(decided.get()).as("guards that decided every row").isGreaterThan(20);
  }

  @Test
  void theAuditAgreesWithTheExhaustiveAttackerOnEveryShownSet() {
    AtomicInteger leaky = new AtomicInteger();
    AtomicInteger clean = new AtomicInteger();
    qt().withExamples(400).forAll(Organisations.smallOrganisations(), integers().between(2, 5),
        integers().between(0, 2), longs().all()).checkAssert((teams, k, extra, seed) -> {
          ResponseSet set = Organisations.responses(teams);
          AnonymityPolicy policy = policy(k, extra);
          Random random = new Random(seed);
          double p = 0.3 + 0.6 * random.nextDouble();
          // half of the cases show any figures with contributors, below the thresholds too; the others only
          // figures with enough contributors, as the minimum-size rule would
          boolean anySize = random.nextBoolean();
          List<HandReports.Shown> shown = HandReports.select(set, Organisations.BREAKDOWNS,
              MissingPolicy.AT_LEAST_HALF, (figure, n) -> n > 0 && random.nextDouble() < p
                  && (anySize || n >= HandReports.threshold(figure, policy)));
          Report report = HandReports.report(set, Organisations.BREAKDOWNS, policy, shown);
          Attacker.Groups expected = Attacker.minimalLeaks(set, List.of(report), policy,
              MissingPolicy.AT_LEAST_HALF);
          AuditResult audit = DisclosureAudit.of(policy).withLeakLimit(100_000).audit(set, report);
          assertThat(audit.isTruncated()).isFalse();
          assertThat(Attacker.of(audit, set.instrument())).isEqualTo(expected);
          assertThat(audit.isClean()).isEqualTo(expected.isClean());
          (audit.isClean() ? clean : leaky).incrementAndGet();
        });
    assertThat(leaky.get()).as("shown sets with leaks").isGreaterThan(50);
    assertThat(clean.get()).as("clean shown sets").isGreaterThan(20);
  }

  @Test
  void everyWitnessReallyCombinesToTheGroup() {
    qt().withExamples(100).forAll(Organisations.smallOrganisations(), integers().between(3, 5), longs().all())
        .checkAssert((teams, k, seed) -> {
          ResponseSet set = Organisations.responses(teams);
          AnonymityPolicy policy = policy(k, 0);
          Random random = new Random(seed);
          Report report = HandReports.report(set, Organisations.BREAKDOWNS, policy, HandReports.select(set,
              Organisations.BREAKDOWNS, MissingPolicy.AT_LEAST_HALF, (f, n) -> random.nextBoolean()));
          for (Leak leak : DisclosureAudit.of(policy).audit(set, report).leaks()) {
            // Σ coefficient · contributors(segment) = denominator · contributors(group), figure by figure
            BigInteger sum = BigInteger.ZERO;
            for (Leak.Term t : leak.witness()) {
              long n = HandReports.counts(set, t.segment(), MissingPolicy.AT_LEAST_HALF).get(leak.figure());
              sum = sum.add(t.coefficient().multiply(BigInteger.valueOf(n)));
            }
            assertThat(sum).isEqualTo(leak.denominator().multiply(BigInteger.valueOf(leak.contributors())));
            assertThat(leak.contributors()).isBetween(1L, HandReports.threshold(leak.figure(), policy) - 1);
          }
        });
  }

  @Test
  void suppressionIsMonotonicAndMaximal() {
    AtomicInteger reShown = new AtomicInteger();
    AtomicInteger omittedFigures = new AtomicInteger();
    qt().withExamples(80).forAll(Organisations.organisations(), integers().between(3, 5),
        integers().between(0, 2)).checkAssert((teams, k, extra) -> {
          ResponseSet set = Organisations.responses(teams);
          AnonymityPolicy policy = policy(k, extra);
          DisclosureAudit audit = DisclosureAudit.of(policy).withLeakLimit(1);
          Report report = analysis(policy).analyze(set);
          List<HandReports.Shown> shown = HandReports.shownBy(report);
          assertThat(audit.audit(set, report).isClean()).isTrue();
          // monotonic: showing less never leaks
          for (HandReports.Shown s : shown) {
            List<HandReports.Shown> less = HandReports.filter(shown, x -> x != s);
            assertThat(audit.audit(set, HandReports.report(set, Organisations.BREAKDOWNS, policy, less))
                .isClean()).isTrue();
          }
          // maximal: showing a complementary segment again leaks
          for (var segment : HandReports.complementary(report)) {
            List<HandReports.Shown> more = new ArrayList<>(shown);
            more.add(new HandReports.Shown(segment, Set.of(), Set.of(), Set.of()));
            assertThat(audit.audit(set, HandReports.report(set, Organisations.BREAKDOWNS, policy, more))
                .isClean()).as("showing %s again", segment).isFalse();
            reShown.incrementAndGet();
          }
          // maximal: showing an omitted figure with enough contributors again leaks
          for (int i = 0; i < shown.size(); i++) {
            HandReports.Shown s = shown.get(i);
            var counts = HandReports.counts(set, s.segment(), MissingPolicy.AT_LEAST_HALF);
            for (Figure f : counts.keySet()) {
              if (f.kind() == Figure.Kind.HEADCOUNT || f.kind() == Figure.Kind.ANSWERS
                  || counts.get(f) < HandReports.threshold(f, policy) || showsFigure(s, f)) {
                continue;
              }
              List<HandReports.Shown> more = new ArrayList<>(shown);
              more.set(i, withFigure(s, f));
              assertThat(audit.audit(set, HandReports.report(set, Organisations.BREAKDOWNS, policy, more))
                  .isClean()).as("showing %s of %s again", f, s.segment()).isFalse();
              omittedFigures.incrementAndGet();
            }
          }
        });
    assertThat(reShown.get()).as("complementary segments tried").isGreaterThan(30);
    assertThat(omittedFigures.get()).as("omitted figures tried").isGreaterThan(10);
  }

  private static boolean showsFigure(HandReports.Shown s, Figure f) {
    return switch (f.kind()) {
      case HEADCOUNT -> true;
      case SCORES, ANSWERS -> s.dimensions().contains(f.id());
      case QUESTION -> s.questions().contains(f.id());
      case COMMENTS -> s.comments().contains(f.id());
    };
  }

  private static HandReports.Shown withFigure(HandReports.Shown s, Figure f) {
    Set<String> dims = new LinkedHashSet<>(s.dimensions());
    Set<String> qs = new LinkedHashSet<>(s.questions());
    Set<String> cs = new LinkedHashSet<>(s.comments());
    switch (f.kind()) {
      case SCORES, ANSWERS -> dims.add(f.id());
      case QUESTION -> qs.add(f.id());
      case COMMENTS -> cs.add(f.id());
      case HEADCOUNT -> { }
    }
    return new HandReports.Shown(s.segment(), dims, qs, cs);
  }

  @Test
  void theSameDataGiveTheSameSuppressionsInAnyRowOrder() {
    qt().withExamples(100).forAll(Organisations.organisations(), integers().between(3, 5), longs().all())
        .checkAssert((teams, k, seed) -> {
          ResponseSet set = Organisations.responses(teams);
          BelongingAnalysis analysis = analysis(policy(k, 1));
          Report report = analysis.analyze(set);
          assertThat(analysis.analyze(set)).isEqualTo(report);
          List<Response> shuffled = new ArrayList<>(set.asList());
          Collections.shuffle(shuffled, new Random(seed));
          ResponseSet.Builder b = ResponseSet.builder(set.instrument()).attributes(set.attributeNames());
          shuffled.forEach(r -> b.add(r.respondent().id(), r.respondent().attributes(), r.answers(),
              r.comments()));
          assertThat(analysis.analyze(b.build())).isEqualTo(report);
        });
  }

  @Test
  void relabellingValuesChangesNothingButTheLabels() {
    AtomicInteger permuted = new AtomicInteger();
    qt().withExamples(150).forAll(Organisations.organisations(), integers().between(3, 5), longs().all())
        .checkAssert((teams, k, seed) -> {
          ResponseSet set = Organisations.responses(teams);
          BelongingAnalysis analysis = analysis(policy(k, 1));
          Report report = analysis.analyze(set);
          // order-preserving renaming: always the same report, relabelled
          Map<String, Map<String, String>> prefix = new HashMap<>();
          for (String a : set.attributeNames()) {
            Map<String, String> m = new HashMap<>();
            set.attribute(a).values().forEach(v -> m.put(v, "x-" + v));
            prefix.put(a, m);
          }
          assertThat(relabelled(analysis.analyze(Organisations.relabel(set, prefix)), prefix)).isEqualTo(
              decisions(report));
          // any permutation of the teams' names: the same report, relabelled, unless two teams or two
          // cells of one breakdown have equal counts everywhere (then only names can order them)
          if (hasTies(set, k)) {
            return;
          }
          List<String> names = new ArrayList<>(set.attribute("team").values());
          List<String> permutedNames = new ArrayList<>(names);
          Collections.shuffle(permutedNames, new Random(seed));
          Map<String, String> map = new HashMap<>();
          for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), permutedNames.get(i));
          }
          Map<String, Map<String, String>> labels = Map.of("team", map);
          assertThat(relabelled(analysis.analyze(Organisations.relabel(set, labels)), labels))
              .isEqualTo(decisions(report));
          permuted.incrementAndGet();
        });
    assertThat(permuted.get()).as("cases without ties").isGreaterThan(30);
  }

  /** A report's decisions, label → shown figures or suppression reason, with labels mapped back. */
  private static Map<Map<String, String>, String> relabelled(Report report,
      Map<String, Map<String, String>> labels) {
    Map<String, Map<String, String>> back = new HashMap<>();
    labels.forEach((a, m) -> {
      Map<String, String> inverse = new HashMap<>();
      m.forEach((from, to) -> inverse.put(to, from));
      back.put(a, inverse);
    });
    Map<Map<String, String>, String> out = new HashMap<>();
    decisions(report).forEach((attributes, decision) -> {
      Map<String, String> original = new HashMap<>();
      attributes.forEach((a, v) -> original.put(a, back.getOrDefault(a, Map.of()).getOrDefault(v, v)));
      out.put(original, decision);
    });
    return out;
  }

  private static Map<Map<String, String>, String> decisions(Report report) {
    Map<Map<String, String>, String> out = new HashMap<>();
    for (SegmentResult s : report.segments()) {
      String decision = s instanceof SuppressedSegment x ? x.reasonCode().code()
          : ((ShownSegment) s).respondents() + " " + ((ShownSegment) s).dimensions().keySet() + " "
              + ((ShownSegment) s).questions().keySet();
      out.put(new HashMap<>(s.segment().attributes()), decision);
    }
    report.comments().forEach(c -> out.merge(new HashMap<>(c.segment().attributes()),
        " comments " + c.question() + " " + c.texts(), String::concat));
    return out;
  }

  /** Whether two segments of one breakdown with at least k members have equal counts of every figure. */
  private static boolean hasTies(ResponseSet set, int k) {
    for (var b : Organisations.BREAKDOWNS) {
      Set<List<Long>> seen = new HashSet<>();
      for (var segment : HandReports.segments(set, List.of(b))) {
        if (segment.isPopulation()) {
          continue;
        }
        List<Long> counts = List.copyOf(HandReports.counts(set, segment, MissingPolicy.AT_LEAST_HALF).values());
        if (counts.get(0) >= k && !seen.add(counts)) {
          return true;
        }
      }
    }
    return false;
  }
}

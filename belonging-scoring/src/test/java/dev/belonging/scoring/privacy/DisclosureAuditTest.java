package dev.belonging.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.MissingPolicy;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.report.Report;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisclosureAuditTest {

  private static final AnonymityPolicy K5 = AnonymityPolicy.withDefaults();

  /** T1: 5 in the office and 2 remote; T2: 6 in the office and 5 remote. */
  private static ResponseSet teams() {
    ResponseSet.Builder b = ResponseSet.builder(Organisations.INSTRUMENT).attributes(List.of("team", "remote"));
    int[][] groups = {{5, 0, 0}, {2, 0, 1}, {6, 1, 0}, {5, 1, 1}};
    int id = 0;
    for (int[] g : groups) {
      for (int i = 0; i < g[0]; i++) {
        b.add(RespondentId.of("p" + id++), Map.of("team", g[1] == 0 ? "T1" : "T2",
            "remote", g[2] == 0 ? "office" : "remote"), Map.of("v1", 3, "v2", 3, "g1", 4), Map.of());
      }
    }
    return b.build();
  }

  @Test
  void reportsCleanAloneCanLeakTogether() {
    ResponseSet set = teams();
    BelongingAnalysis analysis = BelongingAnalysis.withDefaults(Organisations.INSTRUMENT);
    // a dashboard shows teams, then drills down into team × remote
    Report byTeam = analysis.withBreakdowns(Breakdown.of("team")).analyze(set);
    Report byTeamAndSite = analysis.withBreakdowns(Breakdown.parse("team*remote")).analyze(set);
    DisclosureAudit audit = DisclosureAudit.of(K5);
    assertThat(audit.audit(set, byTeam).isClean()).isTrue();
    assertThat(audit.audit(set, byTeamAndSite).isClean()).isTrue();
    AuditResult together = audit.audit(set, byTeam, byTeamAndSite);
    assertThat(together.isClean()).isFalse();
    Segment t1Remote = Segment.of(Map.of("team", "T1", "remote", "remote"));
    assertThat(together.leaks()).allSatisfy(l -> assertThat(l.group()).containsExactly(t1Remote));
    assertThat(together.leaks()).extracting(Leak::figure).contains(Figure.headcount(), Figure.scores("voice"),
        Figure.answers("voice"), Figure.question("v1"), Figure.question("g1"));
    Leak headcount = together.leaks().get(0);
    assertThat(headcount.figure()).isEqualTo(Figure.headcount());
    assertThat(headcount.contributors()).isEqualTo(2);
    assertThat(headcount.toString())
        .isEqualTo("respondents of {team=T1;remote=remote} (2) = (team=T1 − team=T1;remote=office)");
    // a report made knowing the first one shows less
    Report guarded = analysis.withBreakdowns(Breakdown.of("team"), Breakdown.parse("team*remote")).analyze(set);
    assertThat(audit.audit(set, guarded).isClean()).isTrue();
  }

  @Test
  void aWitnessMayNeedFractions() {
    // three groups a (2), b (6), c (6), published only as the pairs a + b, a + c and b + c (three
    // yes/no attributes): a = ((a + b) + (a + c) − (b + c)) / 2
    String[] atoms = {"a", "b", "c"};
    int[] sizes = {2, 6, 6};
    ResponseSet.Builder pairs = ResponseSet.builder(Organisations.INSTRUMENT)
        .attributes(List.of("ab", "ac", "bc"));
    int id = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < sizes[i]; j++) {
        String x = atoms[i];
        pairs.add(RespondentId.of("p" + id++), Map.of("ab", x.equals("c") ? "no" : "yes",
            "ac", x.equals("b") ? "no" : "yes", "bc", x.equals("a") ? "no" : "yes"), Map.of("g1", 3), Map.of());
      }
    }
    ResponseSet paired = pairs.build();
    Report halves = HandReports.report(paired, List.of(Breakdown.of("ab"), Breakdown.of("ac"),
        Breakdown.of("bc")), K5, List.of(shown(Segment.of(Map.of("ab", "yes"))),
        shown(Segment.of(Map.of("ac", "yes"))), shown(Segment.of(Map.of("bc", "yes")))));
    AuditResult r = DisclosureAudit.of(K5).withMissingPolicy(MissingPolicy.ANY).audit(paired, halves);
    Leak leak = r.leaks().stream().filter(l -> l.figure().equals(Figure.headcount())).findFirst().orElseThrow();
    assertThat(leak.contributors()).isEqualTo(2);
    assertThat(leak.group()).extracting(Segment::label).containsExactly("ab=yes;ac=yes;bc=no");
    // for headcounts the known population gives a shorter witness: population − (b + c)
    assertThat(leak.witness()).containsExactlyInAnyOrder(
        new Leak.Term(Segment.population(), BigInteger.ONE),
        new Leak.Term(Segment.of(Map.of("bc", "yes")), BigInteger.ONE.negate()));
    Leak scores = r.leaks().stream().filter(l -> l.figure().equals(Figure.scores("growth"))).findFirst()
        .orElseThrow();
    assertThat(scores.denominator()).isEqualTo(BigInteger.TWO);
    assertThat(scores.witness()).extracting(Leak.Term::coefficient)
        .containsExactlyInAnyOrder(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE.negate());
    assertThat(scores.toString()).isEqualTo("scores of dimension \"growth\" of {ab=yes;ac=yes;bc=no} (2) = "
        + "(ab=yes + ac=yes − bc=yes) / 2");
  }

  private static HandReports.Shown shown(Segment s) {
    return new HandReports.Shown(s, Set.of("growth"), Set.of(), Set.of());
  }

  @Test
  void theLeakLimitCapsTheList() {
    ResponseSet set = teams();
    Report naive = HandReports.report(set, List.of(Breakdown.of("team"), Breakdown.parse("team*remote")), K5,
        HandReports.minimumSizeOnly(set, List.of(Breakdown.of("team"), Breakdown.parse("team*remote")), K5,
            MissingPolicy.AT_LEAST_HALF));
    AuditResult all = DisclosureAudit.of(K5).audit(set, naive);
    assertThat(all.leaks().size()).isGreaterThan(2);
    assertThat(all.isTruncated()).isFalse();
    AuditResult two = DisclosureAudit.of(K5).withLeakLimit(2).audit(set, naive);
    assertThat(two.leaks()).hasSize(2);
    assertThat(two.isTruncated()).isTrue();
    assertThat(two.toString()).isEqualTo("AuditResult[2+ leaks]");
  }

  @Test
  void aWorkLimitLeavesFiguresUnfinishedAndNeverClean() {
    ResponseSet set = teams();
    List<Breakdown> by = List.of(Breakdown.of("team"), Breakdown.parse("team*remote"));
    Report naive = HandReports.report(set, by, K5,
        HandReports.minimumSizeOnly(set, by, K5, MissingPolicy.AT_LEAST_HALF));
    AuditResult whole = DisclosureAudit.of(K5).audit(set, naive);
    assertThat(whole.isComplete()).isTrue();
    assertThat(whole.unfinished()).isEmpty();
    AuditResult cut = DisclosureAudit.of(K5).withWorkLimit(1).audit(set, naive);
    assertThat(cut.isComplete()).isFalse();
    assertThat(cut.isClean()).isFalse();
    assertThat(cut.unfinished()).isNotEmpty();
    assertThat(cut.toString()).endsWith(cut.unfinished().size() + " figures unfinished]");
    // a generous limit changes nothing
    AuditResult ample = DisclosureAudit.of(K5).withWorkLimit(50_000_000).audit(set, naive);
    assertThat(ample.leaks()).hasSameSizeAs(whole.leaks());
    assertThat(ample.isComplete()).isTrue();
    assertThatThrownBy(() -> DisclosureAudit.of(K5).withWorkLimit(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("work limit");
    assertThat(DisclosureAudit.of(K5).withWorkLimit(7).toString()).contains("at most 7 nodes per figure");
  }

  @Test
  void theAuditExplainsBadInput() {
    ResponseSet set = teams();
    DisclosureAudit audit = DisclosureAudit.of(K5);
    Report report = BelongingAnalysis.withDefaults(Organisations.INSTRUMENT).analyze(set);
    assertThatThrownBy(() -> audit.audit(set)).hasMessageContaining("at least one report");
    assertThatThrownBy(() -> audit.withLeakLimit(0)).hasMessageContaining("at least 1");
    ResponseSet fewer = ResponseSet.builder(Organisations.INSTRUMENT).attributes(List.of("team"))
        .add(RespondentId.of("x"), Map.of("team", "T1"), Map.of(), Map.of()).build();
    assertThatThrownBy(() -> audit.audit(fewer, report)).hasMessageContaining("other data");
    Report bySite = HandReports.report(set, List.of(Breakdown.of("site")), K5, List.of());
    assertThatThrownBy(() -> audit.audit(set, bySite)).hasMessageContaining("\"site\"");
    assertThatThrownBy(() -> Figure.scores("")).hasMessageContaining("names");
  }
}

package dev.belonging.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.MissingPolicy;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressionReason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The classic leaks, case by case, with k = 5 unless said otherwise. */
class DisclosureGuardTest {

  private static final AnonymityPolicy K5 = AnonymityPolicy.withDefaults();

  /** Builds responses: each group is {count, attribute values...}; everyone answers every item. */
  private static final class People {
    private final List<String> attributes;
    private final ResponseSet.Builder builder;
    private int id;

    People(String... attributes) {
      this.attributes = List.of(attributes);
      this.builder = ResponseSet.builder(Organisations.INSTRUMENT).attributes(this.attributes);
    }

    People add(int count, String... values) {
      return add(count, Map.of("v1", 3, "v2", 4, "v3", 2, "g1", 5), values);
    }

    People add(int count, Map<String, Integer> answers, String... values) {
      for (int i = 0; i < count; i++) {
        Map<String, String> attributeValues = new HashMap<>();
        for (int a = 0; a < values.length; a++) {
          attributeValues.put(attributes.get(a), values[a]);
        }
        builder.add(RespondentId.of("p" + id++), attributeValues, answers, Map.of());
      }
      return this;
    }

    ResponseSet build() {
      return builder.build();
    }
  }

  private static Segment segment(String... nameValue) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      m.put(nameValue[i], nameValue[i + 1]);
    }
    return Segment.of(m);
  }

  private static Disclosure guard(ResponseSet set, String... breakdowns) {
    List<Breakdown> list = new ArrayList<>();
    for (String b : breakdowns) {
      list.add(Breakdown.parse(b));
    }
    return DisclosureGuard.of(K5).guard(set, list);
  }

  /** The leaks of the report the minimum-size rule alone would publish. */
  private static List<Leak> naiveLeaks(ResponseSet set, String... breakdowns) {
    List<Breakdown> list = new ArrayList<>();
    for (String b : breakdowns) {
      list.add(Breakdown.parse(b));
    }
    Report naive = HandReports.report(set, list, K5,
        HandReports.minimumSizeOnly(set, list, K5, MissingPolicy.AT_LEAST_HALF));
    return DisclosureAudit.of(K5).audit(set, naive).leaks();
  }

  /** The headcount leaks of the report the minimum-size rule alone would publish. */
  private static List<Leak> headcountLeaks(ResponseSet set, String... breakdowns) {
    return naiveLeaks(set, breakdowns).stream().filter(l -> l.figure().equals(Figure.headcount())).toList();
  }

  private static Optional<SuppressionReason> reason(Disclosure d, Segment s) {
    return d.suppression(s);
  }

  /**
   * However many figures the instrument has, their row sets and listings share one bound on the work: each
   * gets an equal share, never more than a figure had on its own, and all of them together never more than
   * the bound.
   */
  @Test
  void theFiguresShareOneBoundOnTheWork() {
    long total = DisclosureGuard.FIGURE_WORK;
    assertThat(DisclosureGuard.figureWork(total, 1)).isEqualTo(Math.min(RowSet.NODES_PER_ROW_SET, total));
    assertThat(DisclosureGuard.figureWork(total, 30)).isEqualTo(total / 30);
    assertThat(DisclosureGuard.checkWork(1)).isEqualTo(RowSet.NODES_PER_CHECK);
    assertThat(DisclosureGuard.checkWork(36)).isEqualTo(DisclosureGuard.CHECK_WORK / 36);
    assertThat(DisclosureGuard.checkWork(Integer.MAX_VALUE)).isEqualTo(1);
    for (int n = 1; n <= 5_000; n++) {
      assertThat(DisclosureGuard.figureWork(total, n) * n).as("%d row sets", n).isLessThanOrEqualTo(total);
      assertThat(DisclosureGuard.checkWork(n) * n).as("%d listings", n).isLessThanOrEqualTo(
          DisclosureGuard.CHECK_WORK);
    }
  }

  @Test
  void thePopulationMinusOneShownSibling() {
    // office 10 and remote 3: the population (13, known) minus office reveals remote
    ResponseSet set = new People("remote").add(10, "office").add(3, "remote").build();
    List<Leak> leaks = naiveLeaks(set, "remote");
    assertThat(leaks).filteredOn(l -> l.figure().equals(Figure.headcount())).singleElement()
        .satisfies(l -> {
          assertThat(l.group()).containsExactly(segment("remote", "remote"));
          assertThat(l.contributors()).isEqualTo(3);
          assertThat(l.witness()).containsExactlyInAnyOrder(
              new Leak.Term(segment("remote", "office"), BigInteger.ONE.negate()),
              new Leak.Term(Segment.population(), BigInteger.ONE));
          assertThat(l.denominator()).isEqualTo(BigInteger.ONE);
        });
    Disclosure d = guard(set, "remote");
    assertThat(d.isShown(Segment.population())).isTrue();
    assertThat(reason(d, segment("remote", "office"))).contains(SuppressionReason.COMPLEMENTARY);
    assertThat(reason(d, segment("remote", "remote"))).contains(SuppressionReason.BELOW_K);
  }

  @Test
  void aTeamMinusItsShownIntersectionCell() {
    // T1 = 7 with 5 in the office, T2 = 8: T1 − T1 × office = T1 × remote (2)
    ResponseSet set = new People("team", "remote").add(5, "T1", "office").add(2, "T1", "remote")
        .add(6, "T2", "office").add(2, "T2", "remote").build();
    assertThat(headcountLeaks(set, "team", "team*remote")).extracting(Leak::group)
        .contains(List.of(segment("team", "T1", "remote", "remote")));
    Disclosure d = guard(set, "team", "team*remote");
    assertThat(d.isShown(segment("team", "T1"))).isTrue();
    assertThat(d.isShown(segment("team", "T2"))).isTrue();
    assertThat(reason(d, segment("team", "T1", "remote", "office"))).contains(SuppressionReason.COMPLEMENTARY);
    assertThat(reason(d, segment("team", "T2", "remote", "office"))).contains(SuppressionReason.COMPLEMENTARY);
    assertThat(reason(d, segment("team", "T1", "remote", "remote"))).contains(SuppressionReason.BELOW_K);
    assertThat(d.suppressed(SuppressionReason.COMPLEMENTARY)).isEqualTo(2);
  }

  @Test
  void twoSmallCellsThatSumToLessThanK() {
    // A 9, B 9, C 1, D 2: the population minus A and B reveals C and D together (3)
    ResponseSet set = new People("team").add(9, "A").add(9, "B").add(1, "C").add(2, "D").build();
    assertThat(headcountLeaks(set, "team")).extracting(Leak::group)
        .containsExactly(List.of(segment("team", "C"), segment("team", "D")));
    Disclosure d = guard(set, "team");
    assertThat(d.isShown(segment("team", "A"))).isTrue();
    assertThat(reason(d, segment("team", "B"))).contains(SuppressionReason.COMPLEMENTARY);
    // with C 2 and D 3 the two small teams together have k: both large teams may be shown
    ResponseSet enough = new People("team").add(9, "A").add(9, "B").add(2, "C").add(3, "D").build();
    assertThat(headcountLeaks(enough, "team")).isEmpty();
    Disclosure e = guard(enough, "team");
    assertThat(e.isShown(segment("team", "A"))).isTrue();
    assertThat(e.isShown(segment("team", "B"))).isTrue();
    assertThat(e.suppressed(SuppressionReason.COMPLEMENTARY)).isZero();
  }

  @Test
  void threeSingletons() {
    // A 8 and three teams of one: the population minus A reveals the three (3 < 5)
    ResponseSet set = new People("team").add(8, "A").add(1, "B").add(1, "C").add(1, "D").build();
    assertThat(headcountLeaks(set, "team")).extracting(Leak::contributors).containsExactly(3L);
    Disclosure d = guard(set, "team");
    assertThat(d.isShown(Segment.population())).isTrue();
    assertThat(reason(d, segment("team", "A"))).contains(SuppressionReason.COMPLEMENTARY);
    assertThat(d.suppressed(SuppressionReason.BELOW_K)).isEqualTo(3);
  }

  @Test
  void twoBreakdownsOfTheSameVariable() {
    // tenure in years and a coarse band of it: band "new" (8) minus tenure 0-1 (6) reveals tenure 1-2 (2)
    ResponseSet set = new People("tenure", "band").add(6, "0-1", "new").add(2, "1-2", "new")
        .add(7, "2-5", "old").add(8, "5+", "old").build();
    assertThat(headcountLeaks(set, "tenure", "band")).extracting(Leak::group)
        .containsExactly(List.of(segment("tenure", "1-2", "band", "new")));
    Disclosure d = guard(set, "tenure", "band");
    // order: old (15), then 5+ and new (8 each: tenure first), 2-5 (7), 0-1 (6)
    assertThat(d.isShown(segment("band", "old"))).isTrue();
    assertThat(d.isShown(segment("band", "new"))).isTrue();
    assertThat(d.isShown(segment("tenure", "5+"))).isTrue();
    assertThat(d.isShown(segment("tenure", "2-5"))).isTrue();
    assertThat(reason(d, segment("tenure", "0-1"))).contains(SuppressionReason.COMPLEMENTARY);
    assertThat(reason(d, segment("tenure", "1-2"))).contains(SuppressionReason.BELOW_K);
  }

  @Test
  void aZeroSibling() {
    // T1 has nobody remote: T1 − T1 × office is an empty group, which reveals nothing
    Map<String, Integer> skipsVoice = Map.of("g1", 4);
    ResponseSet set = new People("team", "remote").add(7, "T1", "office").add(6, "T2", "office")
        .add(5, skipsVoice, "T2", "remote").build();
    assertThat(naiveLeaks(set, "team", "team*remote")).isEmpty();
    Disclosure d = guard(set, "team", "team*remote");
    assertThat(d.suppressed(SuppressionReason.COMPLEMENTARY)).isZero();
    assertThat(d.isShown(segment("team", "T1", "remote", "office"))).isTrue();
    // T2's remote members all skipped voice: T2's voice minus T2 × office's has no contributor
    assertThat(d.dimensions(segment("team", "T2"))).containsExactly("voice", "growth");
    assertThat(d.dimensions(segment("team", "T2", "remote", "office"))).containsExactly("voice", "growth");
    assertThat(d.dimensions(segment("team", "T2", "remote", "remote"))).containsExactly("growth");
  }

  @Test
  void aDimensionThatWouldLeakIsOmittedFromAShownSegment() {
    // T1 (10) = T1 × office (5) + T1 × remote (5): safe for headcounts. But only 2 remote members have
    // voice scores, so T1's voice minus T1 × office's would reveal them: T1 × office, later in the order,
    // loses its voice figures (and the voice items') and keeps its other numbers
    Map<String, Integer> skipsVoice = Map.of("g1", 4);
    ResponseSet set = new People("team", "remote").add(5, "T1", "office").add(2, "T1", "remote")
        .add(3, skipsVoice, "T1", "remote").add(6, "T2", "office").build();
    Report report = BelongingAnalysis.withDefaults(Organisations.INSTRUMENT)
        .withBreakdowns(Breakdown.of("team"), Breakdown.parse("team*remote")).analyze(set);
    ShownSegment t1 = (ShownSegment) report.segment(segment("team", "T1")).orElseThrow();
    ShownSegment office = (ShownSegment) report.segment(segment("team", "T1", "remote", "office"))
        .orElseThrow();
    assertThat(t1.dimensions()).containsKeys("voice", "growth");
    assertThat(office.dimensions()).containsOnlyKeys("growth");
    assertThat(office.questions()).containsOnlyKeys("g1");
    assertThat(DisclosureAudit.of(K5).audit(set, report).isClean()).isTrue();
    assertThat(report.suppressed(SuppressionReason.COMPLEMENTARY)).isZero();
  }

  @Test
  void commentsOfATeamMinusItsShownIntersectionAreNotPublished() {
    // T1: 10 in the office, all commenting, and 5 remote, 2 commenting; T2: 6, no comments. With a comment
    // threshold of 10, T1's comments minus T1 × office's would give the 2 remote members' texts
    AnonymityPolicy policy = K5.withCommentThreshold(10);
    ResponseSet.Builder b = ResponseSet.builder(Organisations.INSTRUMENT).attributes(List.of("team", "remote"));
    Map<String, Integer> answers = Map.of("v1", 3, "v2", 3, "g1", 3);
    for (int i = 0; i < 21; i++) {
      boolean t1 = i < 15;
      boolean remote = i >= 10 && t1;
      boolean comments = i < 10 || i == 10 || i == 11;
      b.add(RespondentId.of("p" + i), Map.of("team", t1 ? "T1" : "T2", "remote", remote ? "remote" : "office"),
          answers, comments ? Map.of("note", "text " + i) : Map.of());
    }
    ResponseSet set = b.build();
    Disclosure d = DisclosureGuard.of(policy)
        .guard(set, List.of(Breakdown.of("team"), Breakdown.parse("team*remote")));
    assertThat(d.suppressed(SuppressionReason.COMPLEMENTARY)).isZero();
    assertThat(d.comments(Segment.population())).containsExactly("note");
    assertThat(d.comments(segment("team", "T1"))).containsExactly("note");
    assertThat(d.isShown(segment("team", "T1", "remote", "office"))).isTrue();
    assertThat(d.comments(segment("team", "T1", "remote", "office"))).isEmpty();
    // and the report publishes the texts of those two segments only, sorted
    Report report = BelongingAnalysis.withDefaults(Organisations.INSTRUMENT).withPolicy(policy)
        .withBreakdowns(Breakdown.of("team"), Breakdown.parse("team*remote")).analyze(set);
    assertThat(report.comments()).extracting(c -> c.segment().label()).containsExactly("all", "team=T1");
    assertThat(report.comments().get(0).texts()).isSorted().hasSize(12);
    assertThat(DisclosureAudit.of(policy).audit(set, report).isClean()).isTrue();
  }

  @Test
  void aPopulationBelowKShowsNothingAndLeaksNothing() {
    ResponseSet set = new People("team").add(2, "A").add(1, "B").build();
    Disclosure d = guard(set, "team");
    assertThat(d.segments()).allMatch(s -> d.suppression(s).orElseThrow() == SuppressionReason.BELOW_K);
  }

  @Test
  void theGuardExplainsBadInput() {
    ResponseSet set = new People("team").add(6, "A").build();
    assertThatThrownBy(() -> guard(set, "site")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"site\"");
    assertThatThrownBy(() -> guard(set, "team", "team")).hasMessageContaining("twice");
    assertThatThrownBy(() -> guard(set, "team").isShown(segment("team", "Z")))
        .hasMessageContaining("team=Z");
  }

  @Test
  void aSegmentPublishesEveryFigureItKeepsInTheInstrumentsOrderBeyondSixtyFourFigures() {
    // 30 dimensions of 2 rating questions and 10 comment questions: 100 groups of figures, two words of
    // bits per segment; one team answers every question but the last rating and comment questions
    List<Dimension> dims = new ArrayList<>();
    List<Question> qs = new ArrayList<>();
    for (int d = 0; d < 30; d++) {
      dims.add(Dimension.of("d" + d, "Dimension " + d));
      qs.add(Question.rating("q" + d + "a", "A " + d, "d" + d));
      qs.add(Question.rating("q" + d + "b", "B " + d, "d" + d));
    }
    for (int c = 0; c < 10; c++) {
      qs.add(Question.comment("c" + c, "Comment " + c));
    }
    Instrument wide = Instrument.of("wide", "1", "Wide", Scale.of(1, 5, 4), dims, qs);
    ResponseSet.Builder b = ResponseSet.builder(wide).attributes(List.of("team"));
    for (int i = 0; i < 20; i++) {
      boolean second = i >= 10;
      Map<String, Integer> answers = new HashMap<>();
      Map<String, String> comments = new HashMap<>();
      for (Question q : qs) {
        boolean skipped = second && (q.id().equals("q29b") || q.id().equals("c9"));
        if (!skipped && q.isRating()) {
          answers.put(q.id(), 1 + i % 5);
        } else if (!skipped) {
          comments.put(q.id(), "text " + i);
        }
      }
      b.add(RespondentId.of("p" + i), Map.of("team", second ? "B" : "A"), answers, comments);
    }
    Disclosure d = DisclosureGuard.of(K5).guard(b.build(), List.of(Breakdown.of("team")));

    List<String> allDims = dims.stream().map(Dimension::id).toList();
    List<String> ratings = qs.stream().filter(Question::isRating).map(Question::id).toList();
    List<String> texts = qs.stream().filter(q -> !q.isRating()).map(Question::id).toList();
    assertThat(List.copyOf(d.dimensions(segment("team", "A")))).isEqualTo(allDims);
    assertThat(List.copyOf(d.questions(segment("team", "A")))).isEqualTo(ratings);
    assertThat(List.copyOf(d.comments(segment("team", "A")))).isEqualTo(texts);
    assertThat(List.copyOf(d.questions(segment("team", "B")))).isEqualTo(ratings.subList(0, 59));
    assertThat(List.copyOf(d.comments(segment("team", "B")))).isEqualTo(texts.subList(0, 9));
    assertThat(List.copyOf(d.dimensions(segment("team", "B")))).isEqualTo(allDims);
  }
}

package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The natural order is a total order consistent with equals that agrees with an order of tokens written out
 * independently, and a report lists the same segments, numbers and decisions under every value order.
 */
class ValueOrderProperties {

  /** Digits, a zero to lead, letters of both cases, and the marks of bands and ranges. */
  private static final String ALPHABET = "0012789aAbT -<+.y";

  private static String text(Random random) {
    int length = random.nextInt(7);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  /**
   * The natural order written out another way: each string split into tokens, a maximal run of digits
   * being one number (a BigInteger) and any other character a token of its own; tokens compared in turn, a
   * number with a character as its first digit would be, two numbers by value, and a string that runs out
   * first coming first; strings with equal tokens as plain text.
   */
  private static int oracle(String a, String b) {
    List<Object> x = tokens(a);
    List<Object> y = tokens(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      Object p = x.get(i);
      Object q = y.get(i);
      int c;
      if (p instanceof BigInteger m && q instanceof BigInteger n) {
        c = m.compareTo(n);
      } else {
        c = Character.compare(first(p), first(q));
      }
      if (c != 0) {
        return c;
      }
    }
    if (x.size() != y.size()) {
      return Integer.compare(x.size(), y.size());
    }
    return a.compareTo(b);
  }

  private static List<Object> tokens(String s) {
    List<Object> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (Character.isDigit(s.charAt(i))) {
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
          j++;
        }
        out.add(new BigInteger(s.substring(i, j)));
        i = j;
      } else {
        out.add(s.charAt(i++));
      }
    }
    return out;
  }

  /** A token's place among characters: a number's is that of a digit, between '/' and ':'. */
  private static char first(Object token) {
    return token instanceof Character c ? c : '0';
  }

  @Test
  void theNaturalOrderIsTheOrderOfTokensAndATotalOrderConsistentWithEquals() {
    qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      String a = text(random);
      String b = random.nextInt(4) == 0 ? a : text(random);
      String c = text(random);
      int ab = ValueOrder.compareNaturally(a, b);
      assertThat(Integer.signum(ab)).as("%s vs %s", a, b).isEqualTo(Integer.signum(oracle(a, b)));
      assertThat(Integer.signum(ValueOrder.compareNaturally(b, a))).isEqualTo(-Integer.signum(ab));
      assertThat(ab == 0).isEqualTo(a.equals(b));
      if (ab <= 0 && ValueOrder.compareNaturally(b, c) <= 0) {
        assertThat(ValueOrder.compareNaturally(a, c)).as("%s, %s, %s", a, b, c).isNotPositive();
      }
    });
  }

  @Test
  void sortingPutsTheListedValuesFirstInTheirOrderAndTheRestInNaturalOrder() {
    qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      List<String> values = new ArrayList<>(new HashSet<>(List.of(text(random), text(random), text(random),
          text(random), text(random), text(random))));
      Collections.shuffle(values, random);
      List<String> listed = new ArrayList<>(values.subList(0, random.nextInt(values.size()) + 1));
      listed.add("never seen"); // a listed value no respondent has
      ValueOrder order = ValueOrder.natural().withValues("a", listed);
      List<String> sorted = new ArrayList<>(values);
      sorted.sort((x, y) -> order.compare("a", x, y));

      List<String> expected = new ArrayList<>(listed);
      expected.retainAll(values);
      List<String> rest = new ArrayList<>(values);
      rest.removeAll(listed);
      rest.sort(ValueOrderProperties::oracle);
      expected.addAll(rest);
      assertThat(sorted).isEqualTo(expected);
    });
  }

  @Test
  void sortingABreakdownsValueListsOrdersThemAsTheSegmentComparatorDoes() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      List<String> names = List.of("team", "tenure");
      List<List<String>> keys = new ArrayList<>(new HashSet<>(java.util.stream.IntStream
          .range(0, random.nextInt(40)).mapToObj(i -> List.of(text(random), text(random))).toList()));
      ValueOrder order = ValueOrder.natural();
      if (!keys.isEmpty() && random.nextBoolean()) {
        order = order.withValues("tenure", List.of(keys.get(random.nextInt(keys.size())).get(1)));
      }
      List<Segment> bySegments = new ArrayList<>();
      for (List<String> k : keys) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("team", k.get(0));
        attributes.put("tenure", k.get(1));
        bySegments.add(Segment.of(attributes));
      }
      bySegments.sort(order.segmentComparator());
      assertThat(order.sort(names, keys))
          .isEqualTo(bySegments.stream().map(s -> List.copyOf(s.attributes().values())).toList());
    });
  }

  private static final BelongingAnalysis ANALYSIS = BelongingAnalysis.withDefaults(TinySurvey.INSTRUMENT)
      .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(3).withCommentThreshold(3))
      .withBreakdowns(Breakdown.of("team"), Breakdown.of("tenure"), Breakdown.parse("tenure*team"));

  private static final List<String> TENURES = List.of("<1y", "1-3y", "3-5y", "5y+", "10y+");

  private static ResponseSet responses(int n, Random random) {
    ResponseSet.Builder b = ResponseSet.builder(TinySurvey.INSTRUMENT).attributes(List.of("team", "tenure"));
    for (int i = 0; i < n; i++) {
      Map<String, Integer> answers = new HashMap<>();
      Map<String, String> comments = new HashMap<>();
      for (Question q : TinySurvey.INSTRUMENT.questions()) {
        if (random.nextInt(4) == 0) {
          continue;
        }
        if (q.isRating()) {
          var s = TinySurvey.INSTRUMENT.scaleOf(q);
          answers.put(q.id(), s.min() + random.nextInt(s.points()));
        } else {
          comments.put(q.id(), "comment " + random.nextInt(4));
        }
      }
      // unpadded team numbers, so that natural and text order differ (T2 < T10 < T11 … )
      b.add(RespondentId.of("r" + i), Map.of("team", "T" + random.nextInt(14),
          "tenure", TENURES.get(random.nextInt(TENURES.size()))), answers, comments);
    }
    return b.build();
  }

  @Test
  void aReportListsTheSameSegmentsNumbersAndDecisionsUnderEveryOrderInThatOrder() {
    qt().withExamples(60).forAll(integers().between(0, 160), longs().all()).checkAssert((n, seed) -> {
      Random random = new Random(seed);
      ResponseSet set = responses(n, random);
      List<String> tenures = new ArrayList<>(TENURES);
      Collections.shuffle(tenures, random);
      List<String> teams = new ArrayList<>();
      for (int t = 0; t < 14; t++) {
        teams.add("T" + t);
      }
      Collections.shuffle(teams, random);
      ValueOrder listed = ValueOrder.natural()
          .withValues("tenure", tenures.subList(0, 1 + random.nextInt(tenures.size())))
          .withValues("team", teams.subList(0, 1 + random.nextInt(teams.size())));

      Report natural = ANALYSIS.analyze(set);
      Report other = ANALYSIS.withValueOrder(listed).analyze(set);

      assertThat(bySegment(other.segments())).isEqualTo(bySegment(natural.segments()));
      assertThat(new HashSet<>(other.gaps())).isEqualTo(new HashSet<>(natural.gaps()));
      assertThat(new HashSet<>(other.comments())).isEqualTo(new HashSet<>(natural.comments()));
      assertThat(other.reliability()).isEqualTo(natural.reliability());
      assertThat(other.segments().get(0).segment().isPopulation()).isTrue();
      for (Report r : List.of(natural, other)) {
        ValueOrder order = r == natural ? ValueOrder.natural() : listed;
        assertThat(r.segments().get(0).segment().isPopulation()).isTrue();
        int at = 1;
        for (Breakdown b : ANALYSIS.breakdowns()) {
          List<List<String>> values = new ArrayList<>();
          while (at < r.segments().size()
              && r.segments().get(at).segment().attributes().keySet().equals(new HashSet<>(b.attributes()))) {
            values.add(List.copyOf(r.segments().get(at).segment().attributes().values()));
            at++;
          }
          // sorted value by value, each attribute's values as the order compares them
          List<List<String>> sorted = new ArrayList<>(values);
          sorted.sort((x, y) -> {
            for (int i = 0; i < x.size(); i++) {
              int c = order.compare(b.attributes().get(i), x.get(i), y.get(i));
              if (c != 0) {
                return c;
              }
            }
            return 0;
          });
          assertThat(values).as("%s by %s", order, b).isEqualTo(sorted);
        }
        assertThat(at).isEqualTo(r.segments().size());
      }
    });
  }

  private static Map<Object, SegmentResult> bySegment(List<SegmentResult> segments) {
    return segments.stream().collect(Collectors.toMap(SegmentResult::segment, Function.identity(),
        (x, y) -> {
          throw new AssertionError("listed twice: " + x.segment());
        }, LinkedHashMap::new));
  }
}

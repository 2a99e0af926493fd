package dev.belonging.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.MissingPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Atoms are the non-empty cells in text order, with their values' ranks in it and their members counted,
 * whichever way they are numbered.
 */
class AtomsProperties {

  private static final Instrument INSTRUMENT = Instrument.of("atoms", "1", "Atoms", Scale.of(1, 5, 4),
      List.of(Dimension.of("voice", "Voice")),
      List.of(Question.rating("v1", "One", "voice"), Question.rating("v2", "Two", "voice")));
  private static final StatisticsLayout LAYOUT = new StatisticsLayout(INSTRUMENT, MissingPolicy.AT_LEAST_HALF);
  private static final List<String> NAMES = List.of("team", "site", "band");
  // first appearance differs from text order ("10" < "9", "" first, upper case before lower)
  private static final String[][] VALUES = {
      {"T9", "T10", "t1", "T1", "", "Z"}, {"remote", "office", "Office"}, {"9", "10", "1", "x"}};

  @Test
  void atomsAreTheNonEmptyCellsInTextOrderWithTheirMembersCounted() {
    qt().forAll(integers().between(0, 120), longs().all()).checkAssert((n, seed) -> {
      ResponseSet set = generate(n, seed);
      // brute force: rows grouped by their values, compared as text attribute by attribute
      Comparator<List<String>> byText = (x, y) -> {
        for (int a = 0; a < x.size(); a++) {
          int c = x.get(a).compareTo(y.get(a));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };
      TreeMap<List<String>, int[]> cells = new TreeMap<>(byText);
      for (int row = 0; row < n; row++) {
        List<String> values = new ArrayList<>();
        for (String name : NAMES) {
          values.add(set.attribute(name).value(row));
        }
        int[] c = cells.computeIfAbsent(values, v -> new int[2]);
        c[0]++;
        if (set.answers("v2").code(row) != dev.belonging.core.model.AnswerColumn.MISSING) {
          c[1]++;
        }
      }
      int v2 = 1 + 2 + 1; // headcount, two figures of the dimension, then v1, v2
      // numbered through an array or a hash map, in one part or in as many as the rows allow
      for (int[] way : new int[][] {{Atoms.DIRECT_LIMIT, Integer.MAX_VALUE}, {0, Integer.MAX_VALUE},
          {Atoms.DIRECT_LIMIT, 1}, {0, 3}}) {
        Atoms atoms = Atoms.of(LAYOUT, set, NAMES, way[0], way[1]);
        assertThat(atoms.size()).isEqualTo(cells.size());
        int atom = 0;
        for (Map.Entry<List<String>, int[]> e : cells.entrySet()) {
          for (int a = 0; a < NAMES.size(); a++) {
            assertThat(atoms.value(atom, a)).isEqualTo(e.getKey().get(a));
            // the rank: how many of the attribute's values come before the atom's in text order
            String value = e.getKey().get(a);
            assertThat(atoms.rank(atom, a)).isEqualTo(
                (int) set.attribute(NAMES.get(a)).values().stream().filter(v -> v.compareTo(value) < 0).count());
          }
          assertThat(atoms.contributors(0, atom)).isEqualTo(e.getValue()[0]);
          assertThat(atoms.contributors(v2, atom)).isEqualTo(e.getValue()[1]);
          atom++;
        }
      }
    });
  }

  // two dimensions (four items and one), a comment question between them
  private static final Instrument WIDER = Instrument.of("wider", "1", "Wider", Scale.of(1, 5, 4),
      List.of(Dimension.of("voice", "Voice"), Dimension.of("fair", "Fair")),
      List.of(Question.rating("v1", "One", "voice"), Question.rating("v2", "Two", "voice"),
          Question.comment("c1", "Anything else?"), Question.rating("v3", "Three", "voice"),
          Question.rating("v4", "Four", "voice"), Question.rating("f1", "Five", "fair")));

  @Test
  void everyFiguresContributorsAreTheMembersCountedOneByOne() {
    // each figure counted from the rows, against Atoms' headcount less the members without; sizes end in
    // every place of a word of missing bits, and some sets run over many words
    qt().forAll(integers().between(0, 150).mix(integers().between(4_000, 9_000), 15), longs().all(),
            integers().between(0, 2))
        .checkAssert((n, seed, policyIndex) -> {
          MissingPolicy policy = MissingPolicy.values()[policyIndex];
          StatisticsLayout layout = new StatisticsLayout(WIDER, policy);
          Random random = new Random(seed);
          ResponseSet.Builder b = ResponseSet.builder(WIDER).attributes(NAMES);
          for (int i = 0; i < n; i++) {
            Map<String, String> attributes = attributes(random);
            Map<String, Integer> answers = new HashMap<>();
            int missing = random.nextInt(4); // often nothing missing, sometimes much
            for (String q : List.of("v1", "v2", "v3", "v4", "f1")) {
              if (random.nextInt(4) >= missing) {
                answers.put(q, 1 + random.nextInt(5));
              }
            }
            b.add(RespondentId.of("r" + i), attributes, answers,
                random.nextBoolean() ? Map.of("c1", "text " + i) : Map.of());
          }
          ResponseSet set = b.build();
          Atoms atoms = Atoms.of(layout, set, NAMES);
          Map<List<String>, Integer> atomOfValues = new HashMap<>();
          for (int a = 0; a < atoms.size(); a++) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < NAMES.size(); i++) {
              values.add(atoms.value(a, i));
            }
            atomOfValues.put(values, a);
          }
          int[][] expected = new int[1 + 2 * 2 + 6][atoms.size()];
          String[][] dimensionItems = {{"v1", "v2", "v3", "v4"}, {"f1"}};
          String[] questions = {"v1", "v2", "c1", "v3", "v4", "f1"};
          for (int row = 0; row < n; row++) {
            List<String> values = new ArrayList<>();
            for (String name : NAMES) {
              values.add(set.attribute(name).value(row));
            }
            int atom = atomOfValues.get(values);
            expected[0][atom]++;
            for (int d = 0; d < 2; d++) {
              int answered = 0;
              for (String q : dimensionItems[d]) {
                answered += set.answers(q).isMissing(row) ? 0 : 1;
              }
              expected[1 + 2 * d][atom] += answered >= policy.minimumAnswered(dimensionItems[d].length) ? 1 : 0;
              expected[2 + 2 * d][atom] += answered > 0 ? 1 : 0;
            }
            for (int q = 0; q < questions.length; q++) {
              boolean contributes = questions[q].equals("c1") ? set.comment("c1", row).isPresent()
                  : !set.answers(questions[q]).isMissing(row);
              expected[5 + q][atom] += contributes ? 1 : 0;
            }
          }
          for (int f = 0; f < expected.length; f++) {
            for (int a = 0; a < atoms.size(); a++) {
              assertThat(atoms.contributors(f, a)).as("figure %d, atom %d, %s", f, a, policy)
                  .isEqualTo(expected[f][a]);
            }
          }
          // figures compared atom by atom, capped, and hashed alike when their counts are the same
          int cap = 1 + random.nextInt(3);
          for (int f = 0; f < expected.length; f++) {
            for (int g = 0; g < expected.length; g++) {
              boolean same = true;
              boolean sameCapped = true;
              for (int a = 0; a < atoms.size(); a++) {
                same &= expected[f][a] == expected[g][a];
                sameCapped &= Math.min(cap, expected[f][a]) == Math.min(cap, expected[g][a]);
              }
              assertThat(atoms.sameContributors(f, g, Integer.MAX_VALUE)).isEqualTo(same);
              assertThat(atoms.sameContributors(f, g, cap)).isEqualTo(sameCapped);
              if (same) {
                assertThat(atoms.contributorsHash(f)).isEqualTo(atoms.contributorsHash(g));
              }
            }
          }
        });
  }

  /** Random values of the three attributes. */
  private static Map<String, String> attributes(Random random) {
    Map<String, String> attributes = new HashMap<>();
    for (int a = 0; a < NAMES.size(); a++) {
      attributes.put(NAMES.get(a), VALUES[a][random.nextInt(VALUES[a].length)]);
    }
    return attributes;
  }

  private static ResponseSet generate(int n, long seed) {
    Random random = new Random(seed);
    ResponseSet.Builder b = ResponseSet.builder(INSTRUMENT).attributes(NAMES);
    for (int i = 0; i < n; i++) {
      Map<String, String> attributes = attributes(random);
      Map<String, Integer> answers = new HashMap<>();
      for (String q : List.of("v1", "v2")) {
        if (random.nextInt(3) > 0) {
          answers.put(q, 1 + random.nextInt(5));
        }
      }
      b.add(RespondentId.of("r" + i), attributes, answers, Map.of());
    }
    return b.build();
  }
}

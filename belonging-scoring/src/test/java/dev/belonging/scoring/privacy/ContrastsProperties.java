package dev.belonging.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.internal.Atoms;
import dev.belonging.scoring.internal.BruteForce;
import dev.belonging.scoring.internal.Contrasts;
import dev.belonging.scoring.internal.SpanCertificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The certificates against the exhaustive attacker: an atom the contrasts protect, or whose column the
 * safe atoms' columns span, is in no derivable small group, whatever cells of the breakdowns are shown. The
 * attacker is given every cell of every breakdown (small ones too) and the population, the most any report
 * can publish; fewer rows only shrink the row space.
 */
class ContrastsProperties {

  /** Breakdown sets with different uncovered attribute pairs and triples. */
  private static final List<List<Breakdown>> BREAKDOWN_SETS = List.of(
      Organisations.BREAKDOWNS,
      List.of(Breakdown.of("team"), Breakdown.of("remote"), Breakdown.of("tenure")),
      List.of(Breakdown.of("team", "remote"), Breakdown.of("team", "tenure"), Breakdown.of("remote", "tenure")),
      List.of(Breakdown.of("team"), Breakdown.of("remote", "tenure")),
      List.of(Breakdown.of("team", "remote", "tenure")));

  @Test
  void theBoundOnTheRankHoldsAndIsReached() {
    AtomicInteger reached = new AtomicInteger();
    qt().withExamples(300).forAll(Organisations.organisations(),
        integers().between(0, BREAKDOWN_SETS.size() - 1)).checkAssert((teams, which) -> {
          Case example = Case.of(teams, which);
          List<Breakdown> breakdowns = example.breakdowns();
          Atoms atoms = example.atoms();
          dev.belonging.scoring.internal.Echelon rows = new dev.belonging.scoring.internal.Echelon(atoms.size());
          rows.add(dev.belonging.scoring.internal.ExactRow.ones(Cells.population(atoms).atoms()));
          for (int b = 0; b < breakdowns.size(); b++) {
            Cells.of(atoms, breakdowns.get(b).attributes(), b)
                .forEach(c -> rows.add(dev.belonging.scoring.internal.ExactRow.ones(c.atoms())));
          }
          long bound = DisclosureGuard.maxRank(atoms, breakdowns);
          assertThat((long) rows.rank()).as("rank of every cell and the population").isLessThanOrEqualTo(bound);
          reached.addAndGet(rows.rank() == bound ? 1 : 0);
        });
    assertThat(reached.get()).as("cases where the bound is the rank").isGreaterThan(30);
  }

  @Test
  void theCertificateDoesNotDependOnTheOrderOfTheCells() {
    // the certificate eliminates in coordinates of its own choosing (small cells first): its basis and its
    // answers are those of the span, whatever order the cells come in
    qt().withExamples(300).forAll(Organisations.organisations(), integers().between(0, BREAKDOWN_SETS.size() - 1),
        longs().all()).checkAssert((teams, which, seed) -> {
          Case example = Case.of(teams, which);
          int n = example.atoms().size();
          java.util.Random random = new java.util.Random(seed);
          boolean[] safe = new boolean[n];
          for (int a = 0; a < n; a++) {
            safe[a] = random.nextInt(3) > 0; // two atoms in three
          }
          List<int[]> shuffled = new ArrayList<>(example.cells());
          java.util.Collections.shuffle(shuffled, random);
          long bound = DisclosureGuard.maxRank(example.atoms(), example.breakdowns());
          for (boolean scrambled : new boolean[] {true, false}) {
            SpanCertificate given = new SpanCertificate(n, example.cells(), safe, bound, scrambled);
            SpanCertificate other = new SpanCertificate(n, shuffled, safe, bound, scrambled);
            assertThat(other.basis()).isEqualTo(given.basis());
            for (int a = 0; a < n; a++) {
              assertThat(other.spanned(a)).as("atom %d", a).isEqualTo(given.spanned(a));
            }
          }
        });
  }

  @Test
  void aScrambledBuildThatFillsInStartsAgainInAtomOrderWithTheSameAnswers() {
    // a scrambled build stops when it has written more than its bound while far from the bound on the
    // rank, and builds in atom order instead: the basis is then atom order's, and every answer is the
    // scrambled build's as long as the span ended far from the bound, where neither build stops early.
    // Random cells over up to 150 atoms, so that spans end far from the bound
    AtomicInteger restarted = new AtomicInteger();
    AtomicInteger compared = new AtomicInteger();
    qt().withExamples(300).forAll(integers().between(20, 150), integers().between(10, 80),
        integers().between(0, 3000), longs().all()).checkAssert((n, cellCount, fill, seed) -> {
          java.util.Random random = new java.util.Random(seed);
          List<int[]> cells = new ArrayList<>();
          for (int c = 0; c < cellCount; c++) {
            int size = 1 + random.nextInt(Math.max(1, n / 4));
            cells.add(random.ints(size, 0, n).distinct().sorted().toArray());
          }
          boolean[] safe = new boolean[n];
          int share = 1 + random.nextInt(3);
          for (int a = 0; a < n; a++) {
            safe[a] = random.nextInt(4) < share;
          }
          SpanCertificate bounded = new SpanCertificate(n, cells, safe, cellCount, true, fill);
          SpanCertificate scrambled = new SpanCertificate(n, cells, safe, cellCount, true);
          SpanCertificate inAtomOrder = new SpanCertificate(n, cells, safe, cellCount, false);
          if (cellCount - scrambled.basis().length > 8) {
            compared.incrementAndGet();
            for (int a = 0; a < n; a++) {
              assertThat(bounded.spanned(a)).as("atom %d", a).isEqualTo(scrambled.spanned(a));
            }
          }
          if (!java.util.Arrays.equals(bounded.basis(), scrambled.basis())) {
            assertThat(bounded.basis()).isEqualTo(inAtomOrder.basis());
            restarted.incrementAndGet();
          }
        });
    assertThat(compared.get()).as("spans far from the bound").isGreaterThan(80);
    assertThat(restarted.get()).as("builds started again in atom order").isGreaterThan(20);
  }

  @Test
  void aSpanOneDimensionShortOfTheBoundAnswersAsAFullElimination() {
    // with the bound on the rank, a span one dimension short of it answers from one column of a found
    // atom's remainder; without the bound every answer is an elimination: they must agree on every atom
    AtomicInteger shortByOne = new AtomicInteger();
    AtomicInteger outside = new AtomicInteger();
    qt().withExamples(500).forAll(Organisations.organisations(), integers().between(0, BREAKDOWN_SETS.size() - 1),
        longs().all()).checkAssert((teams, which, seed) -> {
          Case example = Case.of(teams, which);
          List<Breakdown> breakdowns = example.breakdowns();
          Atoms atoms = example.atoms();
          List<int[]> cells = example.cells();
          // most atoms safe, a few left out: often exactly one dimension goes missing
          java.util.Random random = new java.util.Random(seed);
          boolean[] safe = new boolean[atoms.size()];
          int left = 1 + random.nextInt(3);
          for (int a = 0; a < atoms.size(); a++) {
            safe[a] = random.nextInt(atoms.size()) >= left;
          }
          long bound = DisclosureGuard.maxRank(atoms, breakdowns);
          SpanCertificate bounded = new SpanCertificate(atoms.size(), cells, safe, bound);
          SpanCertificate plain = new SpanCertificate(atoms.size(), cells, safe);
          boolean oneShort = bounded.basis().length == Math.min(bound, cells.size()) - 1;
          shortByOne.addAndGet(oneShort ? 1 : 0);
          for (int a = 0; a < atoms.size(); a++) {
            boolean spanned = plain.spanned(a);
            assertThat(bounded.spanned(a)).as("atom %d", a).isEqualTo(spanned);
            outside.addAndGet(oneShort && !spanned ? 1 : 0);
          }
        });
    assertThat(shortByOne.get()).as("spans one dimension short of the bound").isGreaterThan(10);
    assertThat(outside.get()).as("atoms outside such spans").isGreaterThan(5);
  }

  @Test
  void markingFigureByFigureEqualsAFreshSpanOfTheirSafeAtoms() {
    // one certificate serves every figure in turn, with the bound on the rank as the guard gives it: what it
    // marks spanned must be what a fresh span of the figure's safe atoms spans, whatever figures came first
    AtomicInteger unspannedSeen = new AtomicInteger();
    AtomicInteger widenedSeen = new AtomicInteger();
    qt().withExamples(200).forAll(Organisations.organisations(), integers().between(2, 6),
        integers().between(0, BREAKDOWN_SETS.size() - 1)).checkAssert((teams, k, which) -> {
          Case example = Case.of(teams, which);
          List<Breakdown> breakdowns = example.breakdowns();
          Atoms atoms = example.atoms();
          List<int[]> cells = example.cells();
          boolean[] base = new boolean[atoms.size()];
          for (int a = 0; a < atoms.size(); a++) {
            base[a] = atoms.contributors(0, a) >= k + 2;
          }
          SpanCertificate shared = new SpanCertificate(atoms.size(), cells, base,
              DisclosureGuard.maxRank(atoms, breakdowns));
          for (int f = 0; f < atoms.figures(); f++) {
            boolean[] safe = base.clone();
            List<Integer> more = new ArrayList<>();
            List<Integer> open = new ArrayList<>();
            for (int a = 0; a < atoms.size(); a++) {
              int c = atoms.contributors(f, a);
              if (!base[a] && c >= k) {
                more.add(a);
                safe[a] = true;
              } else if (c >= 1 && c < k) {
                open.add(a);
              }
            }
            boolean[] marked = new boolean[atoms.size()];
            boolean all = shared.markSpanned(more.stream().mapToInt(Integer::intValue).toArray(),
                open.stream().mapToInt(Integer::intValue).toArray(), marked);
            SpanCertificate fresh = new SpanCertificate(atoms.size(), cells, safe);
            boolean expectAll = true;
            for (int a : open) {
              boolean spanned = fresh.spanned(a);
              assertThat(marked[a]).as("figure %d, atom %d", f, a).isEqualTo(spanned);
              expectAll &= spanned;
              unspannedSeen.addAndGet(spanned ? 0 : 1);
              widenedSeen.addAndGet(spanned && !shared.spanned(a) ? 1 : 0);
            }
            assertThat(all).isEqualTo(expectAll);
          }
        });
    // not vacuous: some atoms need the figure's extra columns, and some stay unspanned
    assertThat(unspannedSeen.get()).isGreaterThan(0);
    assertThat(widenedSeen.get()).isGreaterThan(0);
  }

  @Test
  void theProtectionIsTheSameWhetherKeysIndexArraysOrMaps() {
    // arrays give the petals' lookups and each attribute's lines; maps give lookups one by one
    // 200 examples once saw only 15 protected atoms (seeds are random; the count ranged from 15 to 190)
    AtomicInteger protectedSeen = new AtomicInteger();
    qt().withExamples(500).forAll(Organisations.organisations(), integers().between(2, 6),
        integers().between(0, BREAKDOWN_SETS.size() - 1)).checkAssert((teams, k, which) -> {
          Case example = Case.of(teams, which);
          List<Set<String>> covered = example.breakdowns().stream().map(b -> Set.copyOf(b.attributes())).toList();
          Contrasts arrays = Contrasts.of(example.atoms(), covered);
          Contrasts maps = Contrasts.of(example.atoms(), covered, 0);
          for (int f = 0; f < example.atoms().figures(); f++) {
            boolean[] expected = maps.protectedAtoms(f, k);
            assertThat(arrays.protectedAtoms(f, k)).as("figure %d, k %d", f, k).containsExactly(expected);
            for (boolean p : expected) {
              protectedSeen.addAndGet(p ? 1 : 0);
            }
          }
        });
    assertThat(protectedSeen.get()).isGreaterThan(20);
  }

  @Test
  void protectedAtomsAreInNoLeakOfAnyFigure() {
    AtomicInteger protectedSeen = new AtomicInteger();
    AtomicInteger certified = new AtomicInteger();
    AtomicInteger spannedSeen = new AtomicInteger();
    qt().withExamples(250).forAll(Organisations.organisations(), integers().between(2, 6),
        integers().between(0, BREAKDOWN_SETS.size() - 1)).checkAssert((teams, k, which) -> {
          Case example = Case.of(teams, which);
          List<Breakdown> breakdowns = example.breakdowns();
          Atoms atoms = example.atoms();
          Contrasts contrasts = Contrasts.of(atoms, breakdowns.stream().map(b -> Set.copyOf(b.attributes()))
              .toList());
          List<int[]> cells = cellsOf(atoms, breakdowns);
          for (int f = 0; f < atoms.figures(); f++) {
            boolean[] safe = contrasts.protectedAtoms(f, k);
            // columns: atoms with contributors to the figure
            List<Integer> atomOfColumn = new ArrayList<>();
            int[] columnOfAtom = new int[atoms.size()];
            for (int a = 0; a < atoms.size(); a++) {
              columnOfAtom[a] = atoms.contributors(f, a) > 0 ? atomOfColumn.size() : -1;
              if (columnOfAtom[a] >= 0) {
                atomOfColumn.add(a);
              }
              assertThat(!safe[a] || (atoms.contributors(f, a) >= 1 && atoms.contributors(f, a) < k))
                  .as("only atoms below the threshold are reported as protected").isTrue();
            }
            int figure = f;
            long[] weight = atomOfColumn.stream().mapToLong(a -> atoms.contributors(figure, a)).toArray();
            List<Set<Integer>> rows = new ArrayList<>();
            for (int[] cell : cells) {
              Set<Integer> row = new HashSet<>();
              for (int a : cell) {
                if (columnOfAtom[a] >= 0) {
                  row.add(columnOfAtom[a]);
                }
              }
              rows.add(row);
            }
            Set<Set<Integer>> leaks = BruteForce.minimalLeaks(atomOfColumn.size(), rows, weight, k - 1, f == 0);
            // the span certificate: atoms whose cell column is spanned by those of safe atoms
            boolean[] spanSafe = new boolean[atoms.size()];
            for (int a = 0; a < atoms.size(); a++) {
              spanSafe[a] = atoms.contributors(f, a) >= k || safe[a];
            }
            SpanCertificate span = new SpanCertificate(atoms.size(), cells, spanSafe);
            for (Set<Integer> leak : leaks) {
              for (int column : leak) {
                int atom = atomOfColumn.get(column);
                assertThat(safe[atom])
                    .as("figure %d, k %d: a protected atom is in the derivable group %s", f, k, leak).isFalse();
                assertThat(span.spanned(atom))
                    .as("figure %d, k %d: a spanned atom is in the derivable group %s", f, k, leak).isFalse();
              }
            }
            for (int a = 0; a < atoms.size(); a++) {
              spannedSeen.addAndGet(!spanSafe[a] && atoms.contributors(f, a) > 0 && span.spanned(a) ? 1 : 0);
            }
            if (contrasts.certifies(safe, f, k)) {
              certified.incrementAndGet();
              assertThat(leaks).as("a certified figure has no leak").isEmpty();
            }
            for (boolean s : safe) {
              protectedSeen.addAndGet(s ? 1 : 0);
            }
          }
        });
    // the property is not vacuous: the generated organisations do let the certificate protect atoms
    assertThat(protectedSeen.get()).isGreaterThan(20);
    assertThat(certified.get()).isGreaterThan(0);
    assertThat(spannedSeen.get()).isGreaterThan(0);
  }

  @Test
  void aContrastOfThreeAttributesNeedsEveryOneOfItsEightAtoms() {
    // one member in each combination of two teams, remote or not, new or long, every pair of attributes
    // shown: the only contrast is the three attributes' one. With all eight atoms it protects each of
    // them, and nothing is derivable; with one atom empty the pairs determine the seven others, each of
    // one member, and none may be protected, although the four atoms of a pair's square all exist
    List<Breakdown> pairs = BREAKDOWN_SETS.get(2);
    List<Set<String>> covered = pairs.stream().map(b -> Set.copyOf(b.attributes())).toList();
    for (boolean full : new boolean[] {true, false}) {
      ResponseSet.Builder b = ResponseSet.builder(Organisations.INSTRUMENT)
          .attributes(List.of("team", "remote", "tenure"));
      int id = 0;
      for (String team : List.of("T1", "T2")) {
        for (String remote : List.of("remote", "office")) {
          for (String tenure : List.of("new", "long")) {
            if (full || !(team.equals("T1") && remote.equals("remote") && tenure.equals("new"))) {
              b.add(RespondentId.of("p" + id++), Map.of("team", team, "remote", remote, "tenure", tenure),
                  Map.of("v1", 3, "v2", 3, "g1", 3), Map.of());
            }
          }
        }
      }
      Atoms atoms = Organisations.atoms(b.build());
      boolean[] safe = Contrasts.of(atoms, covered).protectedAtoms(0, 2);
      Set<Set<Integer>> leaks = headcountLeaks(atoms, cellsOf(atoms, pairs), 2);
      assertThat(atoms.size()).isEqualTo(full ? 8 : 7);
      for (int a = 0; a < atoms.size(); a++) {
        assertThat(safe[a]).as("atom %d of %s", a, full ? "eight" : "seven").isEqualTo(full);
      }
      assertThat(leaks).hasSize(full ? 0 : 7);
    }
  }

  /** The minimal leaks of the headcount's groups below k, the atoms being the columns (each has members). */
  private static Set<Set<Integer>> headcountLeaks(Atoms atoms, List<int[]> cells, int k) {
    List<Set<Integer>> rows = new ArrayList<>();
    for (int[] cell : cells) {
      Set<Integer> row = new HashSet<>();
      for (int a : cell) {
        row.add(a);
      }
      rows.add(row);
    }
    long[] weight = IntStream.range(0, atoms.size()).mapToLong(a -> atoms.contributors(0, a)).toArray();
    return BruteForce.minimalLeaks(atoms.size(), rows, weight, k - 1, true);
  }

  @Test
  void safeInAllIsEachFiguresSafetyCombined() {
    AtomicInteger byProtection = new AtomicInteger();
    qt().withExamples(120).forAll(integers().between(40, 300), longs().all(), integers().between(1, 6),
        integers().between(0, BREAKDOWN_SETS.size() - 1)).checkAssert((n, seed, k, which) -> {
          // a crowded organisation (up to 36 atoms of several people), so that many atoms have petals
          java.util.Random random = new java.util.Random(seed);
          ResponseSet.Builder b = ResponseSet.builder(Organisations.INSTRUMENT)
              .attributes(List.of("team", "remote", "tenure"));
          for (int i = 0; i < n; i++) {
            Map<String, Integer> answers = new java.util.HashMap<>();
            for (String q : List.of("v1", "v2", "v3", "g1")) {
              if (random.nextInt(8) != 0) {
                answers.put(q, 1 + random.nextInt(5));
              }
            }
            b.add(RespondentId.of("p" + i), Map.of(
                "team", "T" + random.nextInt(6), "remote", random.nextBoolean() ? "remote" : "office",
                "tenure", List.of("new", "mid", "long").get(random.nextInt(3))), answers,
                random.nextBoolean() ? Map.of("note", "n") : Map.of());
          }
          Atoms atoms = Organisations.atoms(b.build());
          Contrasts contrasts = Contrasts.of(atoms, BREAKDOWN_SETS.get(which).stream()
              .map(x -> Set.copyOf(x.attributes())).toList());
          // a random set of figures: the dense ones alone half the time (their shared protection)
          boolean onlyDense = random.nextBoolean();
          List<Integer> chosen = new ArrayList<>();
          for (int f = 0; f < atoms.figures(); f++) {
            if (random.nextBoolean() && (!onlyDense || contrasts.isDense(f))) {
              chosen.add(f);
            }
          }
          int[] figures = chosen.stream().mapToInt(Integer::intValue).toArray();
          boolean[] expected = new boolean[atoms.size()];
          java.util.Arrays.fill(expected, true);
          for (int f : figures) {
            boolean[] p = contrasts.protectedAtoms(f, k);
            for (int a = 0; a < atoms.size(); a++) {
              int c = atoms.contributors(f, a);
              expected[a] &= c >= k || (c > 0 && p[a]);
            }
          }
          assertThat(contrasts.safeInAll(figures, k)).isEqualTo(expected);
          if (onlyDense) {
            // atoms safe only through their protection, below the threshold in some figure
            for (int a = 0; a < atoms.size(); a++) {
              for (int f : figures) {
                if (expected[a] && atoms.contributors(f, a) < k) {
                  byProtection.incrementAndGet();
                  break;
                }
              }
            }
          }
        });
    assertThat(byProtection.get()).as("atoms safe through the shared protection").isGreaterThan(20);
  }

  /** The population's and every breakdown's cells, each as its sorted atoms. */
  /** An organisation's atoms by one of the breakdown sets, and the cells of those breakdowns. */
  private record Case(List<Breakdown> breakdowns, Atoms atoms, List<int[]> cells) {
    static Case of(List<Organisations.Team> teams, int which) {
      List<Breakdown> breakdowns = BREAKDOWN_SETS.get(which);
      Atoms atoms = Organisations.atoms(Organisations.responses(teams));
      return new Case(breakdowns, atoms, cellsOf(atoms, breakdowns));
    }
  }

  private static List<int[]> cellsOf(Atoms atoms, List<Breakdown> breakdowns) {
    List<int[]> cells = new ArrayList<>();
    cells.add(Cells.population(atoms).atoms());
    for (int b = 0; b < breakdowns.size(); b++) {
      Cells.of(atoms, breakdowns.get(b).attributes(), b).forEach(c -> cells.add(c.atoms()));
    }
    return cells;
  }
}

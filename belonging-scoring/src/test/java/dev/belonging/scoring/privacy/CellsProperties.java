package dev.belonging.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.internal.Atoms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cells whose contributors are added up from count keys equal cells counted from the atoms one by one. */
class CellsProperties {

  private static final List<List<List<String>>> BREAKDOWN_SETS = List.of(
      // nested: team and remote within team*remote
      List.of(List.of("team"), List.of("remote"), List.of("tenure"), List.of("team", "remote"),
          List.of("team", "tenure")),
      // no nesting, joined into one key whose attribute order is no breakdown's
      List.of(List.of("tenure"), List.of("remote", "team")),
      // the same attributes in two orders, and a breakdown of every attribute
      List.of(List.of("remote", "tenure"), List.of("tenure", "remote"), List.of("team", "remote", "tenure")),
      List.of(List.of("team")));

  @Test
  void cellsAddedUpFromCountKeysEqualCellsCountedFromTheAtoms() {
    qt().withExamples(300).forAll(Organisations.organisations(),
        integers().between(0, BREAKDOWN_SETS.size() - 1)).checkAssert((teams, which) -> {
          ResponseSet set = Organisations.responses(teams);
          Atoms atoms = Organisations.atoms(set);
          List<List<String>> breakdowns = BREAKDOWN_SETS.get(which);
          List<List<Cells.Cell>> all = Cells.ofAll(atoms, breakdowns);
          assertThat(all).hasSize(breakdowns.size());
          for (int b = 0; b < breakdowns.size(); b++) {
            List<Cells.Cell> expected = Cells.of(atoms, breakdowns.get(b), b);
            List<Cells.Cell> actual = all.get(b);
            assertThat(actual).hasSameSizeAs(expected);
            for (int c = 0; c < expected.size(); c++) {
              assertThat(actual.get(c).segment()).isEqualTo(expected.get(c).segment());
              assertThat(actual.get(c).segment().attributes().keySet())
                  .containsExactlyElementsOf(breakdowns.get(b));
              assertThat(actual.get(c).breakdown()).isEqualTo(b);
              assertThat(actual.get(c).atoms()).containsExactly(expected.get(c).atoms());
              assertThat(actual.get(c).counts()).containsExactly(expected.get(c).counts());
            }
          }
        });
  }

  @Test
  void theAtomsOfManySegmentsAtOnceAreTheAtomsOfEachAlone() {
    qt().withExamples(300).forAll(Organisations.organisations(),
        integers().between(0, BREAKDOWN_SETS.size() - 1)).checkAssert((teams, which) -> {
          Atoms atoms = Organisations.atoms(Organisations.responses(teams));
          List<Segment> segments = new ArrayList<>();
          segments.add(Segment.population());
          for (List<String> names : BREAKDOWN_SETS.get(which)) {
            Cells.of(atoms, names, 0).forEach(c -> segments.add(c.segment()));
            // a value no respondent has
            Map<String, String> absent = new LinkedHashMap<>();
            names.forEach(n -> absent.put(n, "no such value"));
            segments.add(Segment.of(absent));
          }
          Map<Segment, int[]> all = Cells.atomsOf(atoms, segments);
          assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(segments));
          for (Segment s : segments) {
            assertThat(all.get(s)).as(s.label()).containsExactly(Cells.atomsOf(atoms, s));
          }
        });
  }

  @Test
  void thePopulationHoldsEveryAtomAndTheirContributorsToEachFigure() {
    qt().withExamples(200).forAll(Organisations.organisations()).checkAssert(teams -> {
      Atoms atoms = Organisations.atoms(Organisations.responses(teams));
      Cells.Cell population = Cells.population(atoms);
      assertThat(population.breakdown()).isEqualTo(-1);
      assertThat(population.segment().isPopulation()).isTrue();
      assertThat(population.atoms()).hasSize(atoms.size());
      for (int a = 0; a < atoms.size(); a++) {
        assertThat(population.atoms()[a]).isEqualTo(a);
      }
      for (int f = 0; f < atoms.figures(); f++) {
        long sum = 0;
        for (int a = 0; a < atoms.size(); a++) {
          sum += atoms.contributors(f, a);
        }
        assertThat(population.contributors(f)).as("figure %d", f).isEqualTo(sum);
      }
    });
  }
}

package dev.belonging.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.AnalysisAccumulator;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.MissingPolicy;
import dev.belonging.scoring.Segment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard decides the same from the atoms' contributor counts as from the rows. */
class GuardOnStatisticsProperties {

  @Test
  void decisionsOnAtomCountsEqualDecisionsOnRows() {
    qt().withExamples(200).forAll(Organisations.organisations(), integers().between(3, 5),
        integers().between(0, 2)).checkAssert((teams, k, missing) -> {
          ResponseSet set = Organisations.responses(teams);
          MissingPolicy missingPolicy = MissingPolicy.values()[missing];
          AnonymityPolicy policy = AnonymityPolicy.withDefaults().withMinGroupSize(k).withCommentThreshold(k);
          DisclosureGuard guard = DisclosureGuard.of(policy).withMissingPolicy(missingPolicy);
          AnalysisAccumulator acc = DisclosureProperties.analysis(policy).withMissingPolicy(missingPolicy)
              .newAccumulator().add(set);
          Disclosure onRows = guard.guard(set, Organisations.BREAKDOWNS);
          Disclosure onStatistics = guard.guard(Organisations.INSTRUMENT, acc.contributors(),
              Organisations.BREAKDOWNS);
          assertThat(onStatistics.segments()).isEqualTo(onRows.segments());
          for (Segment s : onRows.segments()) {
            assertThat(onStatistics.suppression(s)).as(s.label()).isEqualTo(onRows.suppression(s));
            if (onRows.isShown(s)) {
              assertThat(onStatistics.dimensions(s)).as(s.label()).containsExactlyElementsOf(onRows.dimensions(s));
              assertThat(onStatistics.questions(s)).as(s.label()).containsExactlyElementsOf(onRows.questions(s));
              assertThat(onStatistics.comments(s)).as(s.label()).containsExactlyElementsOf(onRows.comments(s));
            }
          }
        });
  }

  @Test
  void atomsMustBeOverExactlyTheBreakdownsAttributes() {
    ResponseSet set = Organisations.responses(List.of(new Organisations.Team(8, Organisations.Remote.HALF,
        Organisations.Tenure.SPREAD, Organisations.Skip.NOBODY, 1)));
    AnonymityPolicy policy = AnonymityPolicy.withDefaults();
    Map<Segment, long[]> atoms =
        DisclosureProperties.analysis(policy).newAccumulator().add(set).contributors();
    assertThatThrownBy(() -> DisclosureGuard.of(policy).guard(Organisations.INSTRUMENT, atoms,
        List.of(Breakdown.of("team"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not over exactly the attributes [team]");
  }
}

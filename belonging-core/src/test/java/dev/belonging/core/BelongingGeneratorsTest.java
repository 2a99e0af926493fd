package dev.belonging.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.Scale;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generators reach the rare branches the properties rely on. */
class BelongingGeneratorsTest {

  private enum Branch {
    LABELS, EXPLICIT_UNFAVORABLE, MANY_POINTS, NEGATIVE_MIN, REVERSE, OWN_SCALE, COMMENT, SEVERAL_DIMENSIONS,
    ONE_QUESTION, ASTRAL_TEXT, EMPTY_TEXT, CONTROL_CHARACTER
  }

  @Test
  void instrumentsReachEveryBranch() {
    Set<Branch> seen = EnumSet.noneOf(Branch.class);

    qt().withExamples(500).forAll(BelongingGenerators.instruments()).checkAssert(i -> {
      scale(i.scale(), seen);
      if (i.dimensions().size() > 1) {
        seen.add(Branch.SEVERAL_DIMENSIONS);
      }
      if (i.questions().size() == 1) {
        seen.add(Branch.ONE_QUESTION);
      }
      for (Question q : i.questions()) {
        text(q.text(), seen);
        if (q.isReverse()) {
          seen.add(Branch.REVERSE);
        }
        if (!q.isRating()) {
          seen.add(Branch.COMMENT);
        }
        q.scale().ifPresent(s -> {
          seen.add(Branch.OWN_SCALE);
          scale(s, seen);
        });
      }
    });

    assertThat(seen).containsExactlyInAnyOrder(Branch.values());
  }

  @Test
  void generatedInstrumentsAreValidByConstruction() {
    qt().withExamples(200).forAll(BelongingGenerators.instruments())
        .checkAssert(i -> assertThat(Instrument.check(i.scale(), i.dimensions(), i.questions())).isEmpty());
  }

  private static void scale(Scale s, Set<Branch> seen) {
    if (!s.labels().isEmpty()) {
      seen.add(Branch.LABELS);
    }
    if (!s.hasDefaultUnfavorableTo()) {
      seen.add(Branch.EXPLICIT_UNFAVORABLE);
    }
    if (s.points() > 11) {
      seen.add(Branch.MANY_POINTS);
    }
    if (s.min() < 0) {
      seen.add(Branch.NEGATIVE_MIN);
    }
  }

  private static void text(String t, Set<Branch> seen) {
    if (t.isEmpty()) {
      seen.add(Branch.EMPTY_TEXT);
    }
    if (t.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
      seen.add(Branch.ASTRAL_TEXT);
    }
    if (t.chars().anyMatch(c -> c < 0x20)) {
      seen.add(Branch.CONTROL_CHARACTER);
    }
  }
}

package dev.belonging.scoring.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.scoring.Statistic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of q-values over generated p-values, with ties, zeros, ones and undefined ones. */
class MultipleComparisonProperties {

  /** Lists of p-values: −1 is undefined, else i / 40 (many ties) or a fraction with a random tail. */
  private static final Gen<List<Statistic>> P_VALUES = lists().of(integers().between(-1, 400))
      .ofSizeBetween(0, 60)
      .map(codes -> {
        List<Statistic> p = new ArrayList<>();
        for (int c : codes) {
          p.add(c < 0 ? Statistic.undefined("no variance in either group")
              : Statistic.of(c <= 40 ? c / 40.0 : Math.pow((c - 40) / 360.0, 3)));
        }
        return p;
      });

  @Test
  void qLiesBetweenPAndOneAndIsUndefinedExactlyWhereP() {
    qt().forAll(P_VALUES).checkAssert(p -> {
      for (MultipleComparison method : MultipleComparison.values()) {
        List<Statistic> q = method.adjust(p);
        assertThat(q).hasSameSizeAs(p);
        for (int i = 0; i < p.size(); i++) {
          assertThat(q.get(i).isDefined()).isEqualTo(p.get(i).isDefined());
          if (p.get(i).isDefined()) {
            assertThat(q.get(i).value()).as("%s q >= p", method)
                .isGreaterThanOrEqualTo(p.get(i).value()).isLessThanOrEqualTo(1);
          }
        }
      }
    });
  }

  @Test
  void qIsMonotoneInP() {
    qt().forAll(P_VALUES).checkAssert(p -> {
      for (MultipleComparison method : MultipleComparison.values()) {
        List<Statistic> q = method.adjust(p);
        for (int i = 0; i < p.size(); i++) {
          for (int j = 0; j < p.size(); j++) {
            if (p.get(i).isDefined() && p.get(j).isDefined() && p.get(i).value() <= p.get(j).value()) {
              assertThat(q.get(i).value()).as("%s monotone", method).isLessThanOrEqualTo(q.get(j).value());
            }
          }
        }
      }
    });
  }

  @Test
  void benjaminiHochbergIsAtMostHolmWhichIsAtMostBonferroni() {
    qt().forAll(P_VALUES).checkAssert(p -> {
      List<Statistic> bh = MultipleComparison.BENJAMINI_HOCHBERG.adjust(p);
      List<Statistic> holm = MultipleComparison.HOLM.adjust(p);
      List<Statistic> bonferroni = MultipleComparison.BONFERRONI.adjust(p);
      for (int i = 0; i < p.size(); i++) {
        if (p.get(i).isDefined()) {
          assertThat(bh.get(i).value()).isLessThanOrEqualTo(holm.get(i).value());
          assertThat(holm.get(i).value()).isLessThanOrEqualTo(bonferroni.get(i).value());
        }
      }
    });
  }

  @Test
  void theOrderOfTheGapsDoesNotChangeTheirQValues() {
    qt().forAll(P_VALUES, longs().all()).checkAssert((p, seed) -> {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < p.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(seed));
      List<Statistic> shuffled = order.stream().map(p::get).toList();
      for (MultipleComparison method : MultipleComparison.values()) {
        List<Statistic> q = method.adjust(p);
        List<Statistic> qShuffled = method.adjust(shuffled);
        for (int i = 0; i < order.size(); i++) {
          assertThat(qShuffled.get(i)).isEqualTo(q.get(order.get(i)));
        }
      }
    });
  }

  @Test
  void undefinedPValuesDoNotCount() {
    qt().forAll(P_VALUES).checkAssert(p -> {
      List<Statistic> defined = p.stream().filter(Statistic::isDefined).toList();
      for (MultipleComparison method : MultipleComparison.values()) {
        List<Statistic> all = method.adjust(p).stream().filter(Statistic::isDefined).toList();
        assertThat(all).isEqualTo(method.adjust(defined));
      }
    });
  }
}

package dev.belonging.scoring.privacy;

import dev.belonging.scoring.Segment;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A group of respondents whose figure can be derived from what was published, though it has fewer
 * contributors than the threshold, with the proof: a linear combination of shown segments' figures.
 *
 * <p>The group is minimal (no non-empty part of it can be derived) and the witness uses an
 * inclusion-minimal set of segments (none can be left out). The group's figure — its headcount, or its sums
 * for a dimension, question or comment question — equals {@code Σ coefficient · figure(segment) /
 * denominator} over the witness's terms. The population appears in a headcount witness even when it is not
 * shown: an insider knows the headcount.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param figure the kind of figure that reveals the group
 * @param group the atoms of the group, each a segment over every attribute of the audit, sorted
 * @param contributors the group's contributors to the figure, between 1 and the threshold − 1
 * @param witness the shown segments and their coefficients
 * @param denominator the positive common denominator of the coefficients
 */
public record Leak(Figure figure, List<Segment> group, long contributors, List<Term> witness,
    BigInteger denominator) {

  /**
   * One term of a witness.
   *
   * @param segment a shown segment (or the population, for headcounts)
   * @param coefficient its non-zero integer coefficient
   */
  public record Term(Segment segment, BigInteger coefficient) {

    /**
     * Validates the components.
     *
     * @param segment the segment
     * @param coefficient the coefficient
     */
    public Term {
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(coefficient, "coefficient");
    }
  }

  /**
   * Validates and copies the components.
   *
   * @param figure the figure
   * @param group the group's atoms
   * @param contributors the contributors
   * @param witness the witness
   * @param denominator the denominator
   */
  public Leak {
    Objects.requireNonNull(figure, "figure");
    group = List.copyOf(group);
    witness = List.copyOf(witness);
    Objects.requireNonNull(denominator, "denominator");
    if (group.isEmpty() || contributors < 1 || denominator.signum() <= 0) {
      throw new IllegalArgumentException("a leak has a non-empty group, contributors and a positive "
          + "denominator");
    }
  }

  /**
   * Returns the leak for people, e.g. {@code respondents of {team=T1;site=remote} (2) = (team=T1 −
   * team=T1;site=office)}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    String terms = witness.stream()
        .map(t -> (t.coefficient().signum() < 0 ? "− " : "+ ")
            + (t.coefficient().abs().equals(BigInteger.ONE) ? "" : t.coefficient().abs() + "·")
            + t.segment().label())
        .collect(Collectors.joining(" "));
    if (terms.startsWith("+ ")) {
      terms = terms.substring(2);
    }
    String over = denominator.equals(BigInteger.ONE) ? "" : " / " + denominator;
    return figure.describe() + " of " + group.stream().map(Segment::label)
        .collect(Collectors.joining(", ", "{", "}")) + " (" + contributors + ") = (" + terms + ")" + over;
  }
}

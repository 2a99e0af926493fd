package dev.belonging.scoring.internal;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.MissingPolicy;
import java.util.List;
import java.util.Objects;

/**
 * Where each sufficient statistic of a segment lives in its flat {@code long[]}, for one instrument and
 * missing policy, and the per-question lookup tables the scoring pass uses.
 *
 * <p>Slot 0 counts members. Each dimension then has a histogram of respondent scores keyed by (answered
 * items {@code c}, total {@code t} of coded answers minus the scale minimum, {@code 0 <= t <= c·(max−min)}),
 * for every {@code c} from the policy's minimum to {@code m}, followed by {@value #DIMENSION_EXTRAS} sums
 * over every member's answers (see the {@code F}, {@code U}… constants). Each rating question has one count
 * per answer point; each comment question one count of commenters. All are integers, so merging two
 * segments' statistics is exact.
 */
public final class StatisticsLayout {

  /** Offset of the favorable answer count in a dimension's extras. */
  public static final int F = 0;
  /** Offset of the unfavorable answer count. */
  public static final int U = 1;
  /** Offset of the answered item count. */
  public static final int A = 2;
  /** Offset of the number of members with at least one answer in the dimension. */
  public static final int ANSWERING = 3;
  /** Offset of Σ f_i² over members (f_i: member i's favorable answers in the dimension). */
  public static final int FF = 4;
  /** Offset of Σ a_i² over members (a_i: member i's answered items in the dimension). */
  public static final int AA = 5;
  /** Offset of Σ f_i·a_i over members. */
  public static final int FA = 6;
  /** Number of extra sums per dimension. */
  public static final int DIMENSION_EXTRAS = 7;

  private final Instrument instrument;
  private final MissingPolicy policy;
  final int[][] dimensionQuestions;
  final int[] minAnswered;
  final int[] range;
  final int[][] histogramOffset; // [d][c] for c in 0..m, -1 below the minimum
  final int[] extras;
  final int[] questionOffset; // rating: first of P counts; comment: the commenters count
  final int[] points;
  final byte[][] codedOffset; // [q][code] = coded answer − min
  final byte[][] favorable; // [q][code] 0/1
  final byte[][] unfavorable; // [q][code] 0/1
  private final int length;

  /**
   * Returns the layout for an instrument and missing policy.
   *
   * @param instrument the instrument
   * @param policy the missing policy
   */
  public StatisticsLayout(Instrument instrument, MissingPolicy policy) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.policy = Objects.requireNonNull(policy, "policy");
    List<Dimension> dims = instrument.dimensions();
    List<Question> qs = instrument.questions();
    int slot = 1;
    dimensionQuestions = new int[dims.size()][];
    minAnswered = new int[dims.size()];
    range = new int[dims.size()];
    histogramOffset = new int[dims.size()][];
    extras = new int[dims.size()];
    for (int d = 0; d < dims.size(); d++) {
      List<Question> items = instrument.questionsOf(dims.get(d).id());
      int m = items.size();
      dimensionQuestions[d] = items.stream().mapToInt(q -> instrument.indexOf(q.id())).toArray();
      Scale s = instrument.scaleOfDimension(dims.get(d).id());
      range[d] = s.max() - s.min();
      minAnswered[d] = policy.minimumAnswered(m);
      histogramOffset[d] = new int[m + 1];
      for (int c = 0; c <= m; c++) {
        if (c < minAnswered[d]) {
          histogramOffset[d][c] = -1;
        } else {
          histogramOffset[d][c] = slot;
          slot += c * range[d] + 1;
        }
      }
      extras[d] = slot;
      slot += DIMENSION_EXTRAS;
    }
    questionOffset = new int[qs.size()];
    points = new int[qs.size()];
    codedOffset = new byte[qs.size()][];
    favorable = new byte[qs.size()][];
    unfavorable = new byte[qs.size()][];
    for (int q = 0; q < qs.size(); q++) {
      Question question = qs.get(q);
      questionOffset[q] = slot;
      if (!question.isRating()) {
        slot += 1;
        continue;
      }
      Scale s = instrument.scaleOf(question);
      points[q] = s.points();
      slot += s.points();
      codedOffset[q] = new byte[s.points() + 1];
      favorable[q] = new byte[s.points() + 1];
      unfavorable[q] = new byte[s.points() + 1];
      for (int code = 1; code <= s.points(); code++) {
        int raw = s.min() + code - 1;
        int coded = question.isReverse() ? s.reverse(raw) : raw;
        codedOffset[q][code] = (byte) (coded - s.min());
        favorable[q][code] = (byte) (s.isFavorable(coded) ? 1 : 0);
        unfavorable[q][code] = (byte) (s.isUnfavorable(coded) ? 1 : 0);
      }
    }
    length = slot;
  }

  /**
   * Returns the instrument.
   *
   * @return the instrument
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * Returns the missing policy.
   *
   * @return the policy
   */
  public MissingPolicy policy() {
    return policy;
  }

  /**
   * Returns the length of a segment's array.
   *
   * @return the number of slots
   */
  public int length() {
    return length;
  }

  /**
   * Returns the instrument question indexes of a dimension's items.
   *
   * @param d the dimension index
   * @return the question indexes (not to be modified)
   */
  public int[] dimensionQuestions(int d) {
    return dimensionQuestions[d];
  }

  /**
   * Returns the fewest answered items that give a score in a dimension.
   *
   * @param d the dimension index
   * @return the minimum
   */
  public int minAnswered(int d) {
    return minAnswered[d];
  }

  /**
   * Returns {@code max − min} of a dimension's scale.
   *
   * @param d the dimension index
   * @return the range
   */
  public int range(int d) {
    return range[d];
  }

  /**
   * Returns the slot of the histogram cell for {@code c} answered items with total {@code t}.
   *
   * @param d the dimension index
   * @param c answered items, from the minimum to {@code m}
   * @param t total of coded answers minus {@code c·min}
   * @return the slot
   */
  public int histogramSlot(int d, int c, int t) {
    return histogramOffset[d][c] + t;
  }

  /**
   * Returns the first slot of a dimension's extra sums.
   *
   * @param d the dimension index
   * @return the slot
   */
  public int extras(int d) {
    return extras[d];
  }

  /**
   * Returns the first slot of a rating question's answer counts (one per point), or the commenters slot of
   * a comment question.
   *
   * @param q the question index
   * @return the slot
   */
  public int questionOffset(int q) {
    return questionOffset[q];
  }

  /**
   * Returns the number of answer points of a rating question (0 for a comment).
   *
   * @param q the question index
   * @return the number of points
   */
  public int points(int q) {
    return points[q];
  }

  /**
   * Returns the coded answer minus the scale minimum for an answer code.
   *
   * @param q the question index
   * @param code the answer code, 1..points
   * @return the coded offset
   */
  public int codedOffset(int q, int code) {
    return codedOffset[q][code];
  }

  /**
   * Returns whether an answer code is favorable after reverse coding.
   *
   * @param q the question index
   * @param code the answer code
   * @return whether it is favorable
   */
  public boolean isFavorable(int q, int code) {
    return favorable[q][code] != 0;
  }

  /**
   * Returns whether an answer code is unfavorable after reverse coding.
   *
   * @param q the question index
   * @param code the answer code
   * @return whether it is unfavorable
   */
  public boolean isUnfavorable(int q, int code) {
    return unfavorable[q][code] != 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatisticsLayout l && instrument.equals(l.instrument) && policy == l.policy;
  }

  @Override
  public int hashCode() {
    return Objects.hash(instrument, policy);
  }
}

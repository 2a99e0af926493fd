package dev.belonging.scoring;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.internal.ScoringPass;
import dev.belonging.scoring.internal.StatisticsLayout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Segment statistics for gap tests: of hand-written answers of two groups, of one attribute value of a
 * response set, and of generated response sets (through {@link ScoringProperties#generate}).
 */
public final class GapFixtures {

  /** The tiny survey: dimension {@code voice} (v1, v2 reversed, v3; 1–5) and {@code nps} (n1, 0–10). */
  public static final Instrument TINY = TinySurvey.INSTRUMENT;

  /** One dimension {@code d} of three items q1–q3 on 1–5, favorable from 4. */
  public static final Instrument THREE_ITEMS = Instrument.of("three", "1", "Three items", Scale.of(1, 5, 4),
      List.of(Dimension.of("d", "Being heard")),
      List.of(Question.rating("q1", "One", "d"), Question.rating("q2", "Two", "d"),
          Question.rating("q3", "Three", "d")));

  private GapFixtures() {}

  /**
   * Returns the statistics of two groups of {@link #THREE_ITEMS} respondents in dimension {@code d}.
   *
   * @param group the group's rows of answers to q1, q2, q3 ({@code null} = missing)
   * @param other the other group's rows
   * @return {group's statistics, other's statistics}
   */
  public static DimensionStatistics[] groups(Integer[][] group, Integer[][] other) {
    ResponseSet.Builder b = ResponseSet.builder(THREE_ITEMS).attributes(List.of("g"));
    int id = 0;
    for (Integer[][] rows : List.of(group, other)) {
      for (Integer[] row : rows) {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < row.length; i++) {
          if (row[i] != null) {
            answers.put("q" + (i + 1), row[i]);
          }
        }
        b.add(RespondentId.of("r" + id++), Map.of("g", rows == group ? "a" : "b"), answers, Map.of());
      }
    }
    ResponseSet set = b.build();
    return new DimensionStatistics[] {
        statistics(set, "g", "a").dimension("d"), statistics(set, "g", "b").dimension("d")};
  }

  /**
   * Returns the statistics of {@link #THREE_ITEMS} groups whose members answer every item alike.
   *
   * @param group the group's answers, one per respondent
   * @param other the other group's answers
   * @return {group's statistics, other's statistics}
   */
  public static DimensionStatistics[] alike(int[] group, int[] other) {
    return groups(rows(group), rows(other));
  }

  private static Integer[][] rows(int[] answers) {
    Integer[][] rows = new Integer[answers.length][];
    for (int i = 0; i < answers.length; i++) {
      rows[i] = new Integer[] {answers[i], answers[i], answers[i]};
    }
    return rows;
  }

  /**
   * Returns the statistics of the members of a response set with one attribute value.
   *
   * @param set the responses (missing policy {@link MissingPolicy#AT_LEAST_HALF})
   * @param attribute the attribute
   * @param value its value
   * @return the statistics, empty when nobody has the value
   */
  public static SegmentStatistics statistics(ResponseSet set, String attribute, String value) {
    StatisticsLayout layout = new StatisticsLayout(set.instrument(), MissingPolicy.AT_LEAST_HALF);
    ScoringPass.Cells cells =
        ScoringPass.run(layout, set, List.of(Breakdown.of(attribute)), 0, set.size()).breakdowns().get(0);
    for (Map.Entry<Long, long[]> e : cells.cells().entrySet()) {
      if (cells.decode(e.getKey()).get(attribute).equals(value)) {
        return SegmentStatistics.wrap(layout, e.getValue());
      }
    }
    return SegmentStatistics.empty(set.instrument(), MissingPolicy.AT_LEAST_HALF);
  }

  /**
   * Returns the statistics of a whole response set.
   *
   * @param set the responses
   * @return the population's statistics
   */
  public static SegmentStatistics population(ResponseSet set) {
    StatisticsLayout layout = new StatisticsLayout(set.instrument(), MissingPolicy.AT_LEAST_HALF);
    return SegmentStatistics.wrap(layout, ScoringPass.run(layout, set, List.of(), 0, set.size()).population());
  }

  /**
   * Returns a random response set with attributes {@code team} (skewed sizes) and {@code site} ({@code
   * office} or {@code remote}), a third of the answers missing.
   *
   * @param instrument the instrument
   * @param n the number of respondents
   * @param seed the random seed
   * @return the responses
   */
  public static ResponseSet generate(Instrument instrument, int n, long seed) {
    return ScoringProperties.generate(instrument, n, seed);
  }
}

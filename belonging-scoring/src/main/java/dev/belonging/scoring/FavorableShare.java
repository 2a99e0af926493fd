package dev.belonging.scoring;

/**
 * The favorable share ("% favorable of responses"): favorable answers / answered items, over every answer
 * of the segment's members to the dimension's items (members without a score included), an answer being
 * favorable when its coded value is at least the scale's {@code favorableFrom}. In [0, 1].
 *
 * <p>Undefined ({@code "no answers"}) when the members gave no answer. Named {@code favorable}.
 *
 * <p>This class is immutable and thread-safe.
 */
public record FavorableShare() implements ScoringStrategy {

  @Override
  public String name() {
    return "favorable";
  }

  @Override
  public Statistic score(DimensionStatistics statistics) {
    long answers = statistics.answers();
    return answers == 0
        ? Statistic.undefined("no answers")
        : Statistic.of((double) statistics.favorableAnswers() / answers);
  }
}

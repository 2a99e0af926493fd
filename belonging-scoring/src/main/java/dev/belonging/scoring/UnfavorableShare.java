package dev.belonging.scoring;

/**
 * The unfavorable share ("% unfavorable of responses"): unfavorable answers / answered items, over every
 * answer of the segment's members to the dimension's items (members without a score included), an answer
 * being unfavorable when its coded value is at most the scale's {@code unfavorableTo}. In [0, 1].
 *
 * <p>With {@link FavorableShare} it splits the answers in three: favorable, unfavorable and the neutral
 * rest, {@code 1 − favorable − unfavorable}, which is never negative because {@code unfavorableTo <
 * favorableFrom}.
 *
 * <p>Undefined ({@code "no answers"}) when the members gave no answer. Named {@code unfavorable}.
 *
 * <p>This class is immutable and thread-safe.
 */
public record UnfavorableShare() implements ScoringStrategy {

  @Override
  public String name() {
    return "unfavorable";
  }

  @Override
  public Statistic score(DimensionStatistics statistics) {
    long answers = statistics.answers();
    return answers == 0
        ? Statistic.undefined("no answers")
        : Statistic.of((double) statistics.unfavorableAnswers() / answers);
  }
}

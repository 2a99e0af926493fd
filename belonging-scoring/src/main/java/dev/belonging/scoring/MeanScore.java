package dev.belonging.scoring;

/**
 * The mean respondent score: {@code Σ score_i / n} over the {@code n} members with a score, a respondent's
 * score being the mean of their answered coded items. On the dimension's scale ({@code min..max}).
 *
 * <p>Undefined ({@code "no scores"}) when no member has a score. Named {@code mean}.
 *
 * <p>This class is immutable and thread-safe.
 */
public record MeanScore() implements ScoringStrategy {

  @Override
  public String name() {
    return "mean";
  }

  @Override
  public Statistic score(DimensionStatistics statistics) {
    return statistics.mean();
  }
}

package dev.belonging.scoring;

/**
 * The net score: {@code (favorable answers − unfavorable answers) / answered items × 100}, over every
 * answer of the members, favorable meaning a coded answer at least {@code favorableFrom} and unfavorable at
 * most {@code unfavorableTo}. Between −100 and 100. With a 0–10 item, {@code favorableFrom} 9 and {@code
 * unfavorableTo} 6 this is the employee net promoter score (eNPS): % promoters − % detractors.
 *
 * <p>Undefined ({@code "no answers"}) when the members gave no answer. Named {@code net}.
 *
 * <p>This class is immutable and thread-safe.
 */
public record NetScore() implements ScoringStrategy {

  @Override
  public String name() {
    return "net";
  }

  @Override
  public Statistic score(DimensionStatistics statistics) {
    long answers = statistics.answers();
    return answers == 0
        ? Statistic.undefined("no answers")
        : Statistic.of(
            (double) (statistics.favorableAnswers() - statistics.unfavorableAnswers()) * 100.0 / answers);
  }
}

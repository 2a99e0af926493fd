package dev.belonging.scoring;

/**
 * How a segment's answers to a dimension become one number. Implementations are plain, stateless,
 * immutable objects chosen by the caller (constructor injection); the standard ones are {@link
 * MeanScore}, {@link FavorableShare}, {@link UnfavorableShare}, {@link IndexScore} and {@link NetScore}.
 *
 * <p>A strategy computes its number from a segment's {@link DimensionStatistics} only, so it works
 * unchanged on statistics merged from partitions. It returns an undefined {@link Statistic} with a reason,
 * never NaN, when the number does not exist (no scores, no answers).
 *
 * <p>Implementations must be immutable and thread-safe.
 */
public interface ScoringStrategy {

  /**
   * Returns the name of the statistic, used as its key in reports ({@code "mean"}, {@code "favorable"}).
   * Names must be unique among the strategies of an analysis and must not be {@code respondents} or
   * {@code sd}.
   *
   * @return the name, a non-blank identifier
   */
  String name();

  /**
   * Computes the statistic.
   *
   * @param statistics the segment's statistics for one dimension
   * @return the statistic, undefined with a reason when it does not exist
   */
  Statistic score(DimensionStatistics statistics);

  /**
   * Returns the standard strategies of a report: mean, favorable share and 0–100 index.
   *
   * @return the defaults, in report order
   */
  static java.util.List<ScoringStrategy> defaults() {
    return java.util.List.of(new MeanScore(), new FavorableShare(), new IndexScore());
  }
}

package dev.belonging.scoring.report;

import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.internal.ArrayMap;
import java.util.Map;
import java.util.Objects;

/**
 * A dimension's numbers in a shown segment: how many members have a score, and the statistics by name
 * ({@code mean}, {@code sd}, then one per scoring strategy such as {@code favorable} and {@code index}).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param respondents members with a score, at least k
 * @param statistics name → statistic, in report order
 */
public record DimensionResult(long respondents, Map<String, Statistic> statistics) {

  /**
   * Validates and copies the components.
   *
   * @param respondents the count
   * @param statistics the statistics
   * @throws NullPointerException if a name or statistic is null
   */
  public DimensionResult {
    statistics = ArrayMap.copyOf(statistics);
  }

  /**
   * Returns a statistic by name.
   *
   * @param name the name, e.g. {@code mean}
   * @return the statistic
   * @throws IllegalArgumentException if the report has no statistic of that name
   */
  public Statistic statistic(String name) {
    Statistic s = statistics.get(Objects.requireNonNull(name, "name"));
    if (s == null) {
      throw new IllegalArgumentException("no statistic \"" + name + "\"; there are " + statistics.keySet());
    }
    return s;
  }

  /**
   * Returns the mean score.
   *
   * @return the mean
   */
  public Statistic mean() {
    return statistic("mean");
  }

  /**
   * Returns the standard deviation of scores.
   *
   * @return the SD
   */
  public Statistic sd() {
    return statistic("sd");
  }
}

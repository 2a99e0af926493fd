package dev.belonging.scoring;

import dev.belonging.core.model.Scale;

/**
 * The mean score on a 0–100 scale: {@code (mean − min) / (max − min) × 100}, so that dimensions on
 * different scales compare. 0 when everyone scores the minimum, 100 when everyone scores the maximum.
 *
 * <p>Undefined ({@code "no scores"}) when no member has a score. Named {@code index}.
 *
 * <p>This class is immutable and thread-safe.
 */
public record IndexScore() implements ScoringStrategy {

  @Override
  public String name() {
    return "index";
  }

  @Override
  public Statistic score(DimensionStatistics statistics) {
    Statistic mean = statistics.mean();
    if (!mean.isDefined()) {
      return mean;
    }
    Scale s = statistics.scale();
    return Statistic.of((mean.value() - s.min()) / (s.max() - s.min()) * 100.0);
  }
}

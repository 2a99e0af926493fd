package dev.belonging.scoring.reliability;

import dev.belonging.scoring.Statistic;
import java.util.Objects;

/**
 * The reliability statistics of one item of a dimension: what Cronbach's alpha would be without it, and how
 * it correlates with the rest of the dimension. {@link CronbachAlpha} states the formulas.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param questionId the item's question id
 * @param alphaIfDeleted raw alpha of the other items (psych's {@code alpha.drop$raw_alpha}); undefined with
 *     a reason such as {@value CronbachAlpha#ONE_ITEM_LEFT}
 * @param itemRestCorrelation the correlation of the item with the sum of the other items (psych's
 *     {@code item.stats$r.drop}); undefined with a reason such as {@value CronbachAlpha#ITEM_NO_VARIANCE}
 */
public record ItemReliability(String questionId, Statistic alphaIfDeleted, Statistic itemRestCorrelation) {

  /**
   * Validates the components.
   *
   * @param questionId the question id
   * @param alphaIfDeleted the alpha if the item is deleted
   * @param itemRestCorrelation the item–rest correlation
   */
  public ItemReliability {
    Objects.requireNonNull(questionId, "questionId");
    Objects.requireNonNull(alphaIfDeleted, "alphaIfDeleted");
    Objects.requireNonNull(itemRestCorrelation, "itemRestCorrelation");
  }
}

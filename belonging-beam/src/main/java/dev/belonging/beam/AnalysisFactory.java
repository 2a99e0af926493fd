package dev.belonging.beam;

import dev.belonging.scoring.BelongingAnalysis;
import java.io.Serializable;

/**
 * Makes the analysis configuration on each worker. A {@link BelongingAnalysis} is not serializable (it
 * holds an instrument and plug-in strategies), so a pipeline carries this recipe instead, typically a
 * lambda that reads the instrument and sets the breakdowns:
 * <pre>{@code
 * AnalysisFactory factory = () -> BelongingAnalysis.withDefaults(Instruments.builtin("shkv"))
 *     .withBreakdowns(Breakdown.of("team"));
 * }</pre>
 *
 * <p>Every call must return an equal configuration: the pipeline's parts must agree on it. What the lambda
 * captures must be serializable (a file name, not an open stream).
 */
@FunctionalInterface
public interface AnalysisFactory extends Serializable {

  /**
   * Makes the analysis.
   *
   * @return the analysis configuration
   */
  BelongingAnalysis create();
}

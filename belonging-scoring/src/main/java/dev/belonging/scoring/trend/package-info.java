/**
 * Change over time and intervention evaluation: several waves of the same instrument
 * ({@link dev.belonging.scoring.trend.Survey}), the change of every shown segment's dimension scores between
 * waves, and a difference-in-differences estimate of a pilot's effect with its placebo check
 * ({@link dev.belonging.scoring.trend.TrendAnalysis}, {@link dev.belonging.scoring.trend.TrendReport}), in
 * JSON, text and tidy CSV.
 */
package dev.belonging.scoring.trend;

/**
 * Scoring: the analysis configuration ({@link dev.belonging.scoring.BelongingAnalysis}), breakdowns and
 * segments and the order in which a report lists them ({@link dev.belonging.scoring.ValueOrder}), the
 * mergeable sufficient statistics of a segment, and the scoring strategies.
 */
package dev.belonging.scoring;

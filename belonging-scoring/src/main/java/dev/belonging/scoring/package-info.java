/**
 * Scoring: the analysis configuration ({@link dev.belonging.scoring.BelongingAnalysis}), breakdowns and
 * segments, the mergeable sufficient statistics of a segment, and the scoring strategies.
 */
package dev.belonging.scoring;

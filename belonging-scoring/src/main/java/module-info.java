/**
 * Scoring, segment statistics, the anonymity policy and the report.
 *
 * <p>{@code dev.belonging.scoring} holds the analysis configuration and the mergeable statistics;
 * {@code dev.belonging.scoring.privacy} the anonymity policy, the disclosure guard and audit;
 * {@code dev.belonging.scoring.gaps} the gap detectors and multiple-comparison control;
 * {@code dev.belonging.scoring.report} the guarded report and its JSON and text forms;
 * {@code dev.belonging.scoring.trend} change between waves and intervention evaluation.
 * {@code dev.belonging.scoring.internal} is not exported.
 */
module dev.belonging.scoring {
  requires transitive dev.belonging.core;
  requires org.apache.commons.statistics.inference;
  requires org.apache.commons.statistics.distribution;

  exports dev.belonging.scoring;
  exports dev.belonging.scoring.privacy;
  exports dev.belonging.scoring.gaps;
  exports dev.belonging.scoring.report;
  exports dev.belonging.scoring.reliability;
  exports dev.belonging.scoring.trend;
}

/**
 * Scoring, segment statistics, reliability and the report.
 */
module dev.belonging.scoring {
  requires transitive dev.belonging.core;
  requires org.apache.commons.statistics.inference;
  requires org.apache.commons.statistics.distribution;

  exports dev.belonging.scoring;
}

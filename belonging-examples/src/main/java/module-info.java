/**
 * The {@code belonging} command line and runnable examples.
 */
module dev.belonging.examples {
  requires dev.belonging.scoring;
  requires org.apache.commons.statistics.distribution;
  requires info.picocli;
  requires java.logging;

  exports dev.belonging.examples.html;
  exports dev.belonging.examples.sample;

  opens dev.belonging.examples.cli to info.picocli;
}

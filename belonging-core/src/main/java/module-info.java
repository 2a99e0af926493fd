/**
 * The survey model, instrument validation and import.
 *
 * <p>{@code dev.belonging.core.model} holds the immutable model (instruments, scales, response sets);
 * {@code dev.belonging.core.io} reads and writes instrument JSON and response CSV files;
 * {@code dev.belonging.core.instruments} lists the built-in instruments.
 */
module dev.belonging.core {
  requires transitive tools.jackson.databind;
  requires de.siegmar.fastcsv;
  requires transitive jakarta.validation;
  requires org.hibernate.validator;
  requires java.logging;

  exports dev.belonging.core.model;
  exports dev.belonging.core.io;
  exports dev.belonging.core.instruments;

  // The JSON-bound definition types of instrument files, their constraints and their validators. They are
  // the file format, not API: never exported, and opened only to the two libraries that reflect on them
  // (Jackson builds the records, Hibernate Validator reads their constraints and creates the validators).
  // The exported packages need no opens: nothing in them is bound or validated reflectively, and the
  // built-in instruments' JSON resources are read by Instruments itself (Class#getResourceAsStream with
  // the caller in this module, to which its own packages are always open).
  opens dev.belonging.core.internal.json to org.hibernate.validator, tools.jackson.databind;
}

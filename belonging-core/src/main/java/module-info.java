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
}

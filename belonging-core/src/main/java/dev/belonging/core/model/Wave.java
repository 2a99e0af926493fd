package dev.belonging.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One administration of a survey ({@code 2026-Q1}), with an optional date.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Wave {

  /** The wave of a response set that was not given one. */
  public static final Wave DEFAULT = new Wave("default", null);

  private final String label;
  private final LocalDate date;

  private Wave(String label, LocalDate date) {
    this.label = Ids.requireId(label, "wave label");
    this.date = date;
  }

  /**
   * Returns a wave without a date.
   *
   * @param label the label, non-blank
   * @return the wave
   */
  public static Wave of(String label) {
    return new Wave(label, null);
  }

  /**
   * Returns a wave with a date.
   *
   * @param label the label, non-blank
   * @param date the date the wave opened
   * @return the wave
   */
  public static Wave of(String label, LocalDate date) {
    return new Wave(label, Objects.requireNonNull(date, "date"));
  }

  /**
   * Returns the label.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Returns the date.
   *
   * @return the date, or empty when the wave has none
   */
  public Optional<LocalDate> date() {
    return Optional.ofNullable(date);
  }

  /**
   * Returns a copy with a date.
   *
   * @param newDate the date, or {@code null} for none
   * @return the wave
   */
  public Wave withDate(LocalDate newDate) {
    return new Wave(label, newDate);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Wave w && label.equals(w.label) && Objects.equals(date, w.date);
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, date);
  }

  @Override
  public String toString() {
    return date == null ? label : label + " (" + date + ")";
  }
}

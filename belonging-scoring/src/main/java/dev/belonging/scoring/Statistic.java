package dev.belonging.scoring;

import java.util.Objects;

/**
 * A number that may be undefined, with the reason when it is (an SD of one score, a share of no answers).
 * Undefined statistics are never NaN.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Statistic {

  private final double value;
  private final String reason;

  private Statistic(double value, String reason) {
    this.value = value;
    this.reason = reason;
  }

  /**
   * Returns a defined statistic.
   *
   * @param value a finite value
   * @return the statistic
   * @throws IllegalArgumentException if the value is NaN or infinite
   */
  public static Statistic of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a statistic is finite or undefined with a reason: " + value);
    }
    return new Statistic(value, null);
  }

  /**
   * Returns an undefined statistic.
   *
   * @param reason why it is undefined, e.g. {@code "one score"}
   * @return the statistic
   */
  public static Statistic undefined(String reason) {
    return new Statistic(Double.NaN, Objects.requireNonNull(reason, "reason"));
  }

  /**
   * Returns a statistic that is {@code value} when finite and otherwise undefined for the given reason.
   *
   * @param value the value
   * @param reason the reason if it is not finite
   * @return the statistic
   */
  public static Statistic ofOrUndefined(double value, String reason) {
    return Double.isFinite(value) ? of(value) : undefined(reason);
  }

  /**
   * Returns whether the statistic has a value.
   *
   * @return whether it is defined
   */
  public boolean isDefined() {
    return reason == null;
  }

  /**
   * Returns the value.
   *
   * @return the value
   * @throws IllegalStateException if the statistic is undefined
   */
  public double value() {
    if (reason != null) {
      throw new IllegalStateException("undefined: " + reason);
    }
    return value;
  }

  /**
   * Returns the value, or a fallback when undefined.
   *
   * @param fallback the fallback
   * @return the value or the fallback
   */
  public double orElse(double fallback) {
    return reason == null ? value : fallback;
  }

  /**
   * Returns why the statistic is undefined.
   *
   * @return the reason, or {@code ""} when it is defined
   */
  public String reason() {
    return reason == null ? "" : reason;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Statistic s
        && Double.compare(value, s.value) == 0
        && Objects.equals(reason, s.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, reason);
  }

  @Override
  public String toString() {
    return reason == null ? Double.toString(value) : "undefined (" + reason + ")";
  }
}

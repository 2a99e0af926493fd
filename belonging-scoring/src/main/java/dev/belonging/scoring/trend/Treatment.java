package dev.belonging.scoring.trend;

import dev.belonging.scoring.Segment;
import java.util.Map;
import java.util.Objects;

/**
 * Who received an intervention and from which wave on: the respondents whose attribute has a value
 * ({@code team=T3}, {@code pilot=yes}) are treated in the waves from {@code after} on.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param attribute the attribute that marks the treated respondents
 * @param value the attribute's value of the treated respondents
 * @param after the label of the first wave after the intervention began; it may not be the first wave
 */
public record Treatment(String attribute, String value, String after) {

  /**
   * Validates the components.
   *
   * @param attribute the attribute, non-blank
   * @param value the value, non-blank
   * @param after the wave label, non-blank
   * @throws IllegalArgumentException if a component is blank
   */
  public Treatment {
    requireText(attribute, "attribute");
    requireText(value, "value");
    requireText(after, "after");
  }

  /**
   * Parses {@code ATTRIBUTE=VALUE} and a wave label.
   *
   * @param treated e.g. {@code team=T3}
   * @param after e.g. {@code 2026-Q2}
   * @return the treatment
   * @throws IllegalArgumentException if {@code treated} is not {@code ATTRIBUTE=VALUE} with both parts
   *     non-blank
   */
  public static Treatment parse(String treated, String after) {
    Objects.requireNonNull(treated, "treated");
    int eq = treated.indexOf('=');
    if (eq <= 0 || eq == treated.length() - 1) {
      throw new IllegalArgumentException("the treated group is ATTRIBUTE=VALUE (e.g. team=T3), not \""
          + treated + "\"");
    }
    return new Treatment(treated.substring(0, eq), treated.substring(eq + 1), after);
  }

  /**
   * Returns the treated segment.
   *
   * @return {@code {attribute: value}}
   */
  public Segment segment() {
    return Segment.of(Map.of(attribute, value));
  }

  private static void requireText(String s, String what) {
    Objects.requireNonNull(s, what);
    if (s.isBlank()) {
      throw new IllegalArgumentException("the treatment's " + what + " is blank");
    }
  }
}

package dev.belonging.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One respondent's answers: raw answers (before reverse coding) to the rating questions answered, and the
 * texts of the comments written.
 *
 * <p>A {@link ResponseSet} does not store these objects; it creates them on request from its columns.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param respondent the respondent
 * @param answers question id → raw answer, for answered rating questions only, in instrument order
 * @param comments question id → text, for comment questions answered with non-blank text only
 */
public record Response(Respondent respondent, Map<String, Integer> answers, Map<String, String> comments) {

  /**
   * Validates and copies the components.
   *
   * @param respondent the respondent
   * @param answers the answers
   * @param comments the comments
   */
  public Response {
    Objects.requireNonNull(respondent, "respondent");
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    comments = Collections.unmodifiableMap(new LinkedHashMap<>(comments));
  }

  /**
   * Returns a response.
   *
   * @param respondent the respondent
   * @param answers question id → raw answer, answered rating questions only
   * @param comments question id → text
   * @return the response
   */
  public static Response of(Respondent respondent, Map<String, Integer> answers,
      Map<String, String> comments) {
    return new Response(respondent, answers, comments);
  }
}

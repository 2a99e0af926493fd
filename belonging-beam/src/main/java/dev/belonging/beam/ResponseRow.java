package dev.belonging.beam;

import dev.belonging.core.model.AnswerColumn;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One respondent's row as it travels through a pipeline: its attribute values and its raw answers and
 * comments, without the respondent id (ids are checked for duplicates in each file when it is read, and
 * no statistic needs them). Made from a validated {@link ResponseSet} row by {@link #of(ResponseSet, int)},
 * so every row in a pipeline has passed the library's own row validation.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ResponseRow {

  private final Map<String, String> attributes;
  private final Map<String, Integer> answers;
  private final Map<String, String> comments;

  private ResponseRow(Map<String, String> attributes, Map<String, Integer> answers,
      Map<String, String> comments) {
    this.attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    this.answers = Collections.unmodifiableMap(new TreeMap<>(answers));
    this.comments = Collections.unmodifiableMap(new TreeMap<>(comments));
  }

  /**
   * Returns a row from its parts.
   *
   * @param attributes attribute name → value (an empty cell is {@code ""})
   * @param answers rating question id → raw answer (before reverse coding), for the answered questions
   * @param comments comment question id → text, for the comments written
   * @return the row
   */
  public static ResponseRow of(Map<String, String> attributes, Map<String, Integer> answers,
      Map<String, String> comments) {
    return new ResponseRow(Objects.requireNonNull(attributes, "attributes"),
        Objects.requireNonNull(answers, "answers"), Objects.requireNonNull(comments, "comments"));
  }

  /**
   * Returns a row of a response set.
   *
   * @param set the response set
   * @param row the row index
   * @return the row
   * @throws IndexOutOfBoundsException if there is no such row
   */
  public static ResponseRow of(ResponseSet set, int row) {
    Objects.checkIndex(row, set.size());
    Map<String, String> attributes = new TreeMap<>();
    for (String name : set.attributeNames()) {
      attributes.put(name, set.attribute(name).value(row));
    }
    Map<String, Integer> answers = new TreeMap<>();
    Map<String, String> comments = new TreeMap<>();
    Instrument instrument = set.instrument();
    for (Question q : instrument.questions()) {
      if (q.isRating()) {
        int code = set.answers(q.id()).code(row);
        if (code != AnswerColumn.MISSING) {
          Scale scale = instrument.scaleOf(q);
          answers.put(q.id(), scale.min() + code - 1);
        }
      } else {
        set.comment(q.id(), row).ifPresent(text -> comments.put(q.id(), text));
      }
    }
    return new ResponseRow(attributes, answers, comments);
  }

  /**
   * Returns the attribute values.
   *
   * @return attribute name → value, sorted by name, unmodifiable
   */
  public Map<String, String> attributes() {
    return attributes;
  }

  /**
   * Returns the raw answers.
   *
   * @return rating question id → raw answer, sorted by id, unmodifiable
   */
  public Map<String, Integer> answers() {
    return answers;
  }

  /**
   * Returns the comments.
   *
   * @return comment question id → text, sorted by id, unmodifiable
   */
  public Map<String, String> comments() {
    return comments;
  }

  /**
   * Returns a copy with one attribute set, e.g. an organisation key taken from the file's name.
   *
   * @param name the attribute
   * @param value its value
   * @return the row
   */
  public ResponseRow withAttribute(String name, String value) {
    Map<String, String> copy = new TreeMap<>(attributes);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new ResponseRow(copy, answers, comments);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResponseRow r && attributes.equals(r.attributes) && answers.equals(r.answers)
        && comments.equals(r.comments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attributes, answers, comments);
  }

  @Override
  public String toString() {
    return "ResponseRow[" + attributes + ", " + answers.size() + " answers, " + comments.size()
        + " comments]";
  }
}

package dev.belonging.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A survey instrument: questions on scales, grouped into dimensions.
 *
 * <p>An instrument checks its own consistency at construction ({@link #check}): ids are unique within
 * their list, every rating question names an existing dimension, every dimension has at least one
 * question, and all rating questions of one dimension share one scale (bounds and thresholds), so that a
 * dimension's score is on that scale. Every violation is reported at once, each with its path
 * ({@code questions[3].dimension: no dimension "nope"}).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Instrument {

  private final String id;
  private final String version;
  private final String name;
  private final Scale scale;
  private final List<Dimension> dimensions;
  private final List<Question> questions;
  private final Map<String, Integer> questionIndex;
  private final Map<String, Dimension> dimensionById;
  private final Map<String, List<Question>> questionsByDimension;

  private Instrument(String id, String version, String name, Scale scale, List<Dimension> dimensions,
      List<Question> questions) {
    this.id = Ids.requireId(id, "instrument id");
    this.version = Ids.requireId(version, "instrument version");
    this.name = Objects.requireNonNull(name, "name");
    this.scale = Objects.requireNonNull(scale, "scale");
    this.dimensions = List.copyOf(dimensions);
    this.questions = List.copyOf(questions);
    List<Problem> problems = check(this.scale, this.dimensions, this.questions);
    if (!problems.isEmpty()) {
      throw new InvalidInstrumentException("invalid instrument \"" + id + "\"", problems);
    }
    Map<String, Integer> qi = new HashMap<>();
    for (int i = 0; i < this.questions.size(); i++) {
      qi.put(this.questions.get(i).id(), i);
    }
    this.questionIndex = Map.copyOf(qi);
    Map<String, Dimension> byId = new LinkedHashMap<>();
    Map<String, List<Question>> byDim = new LinkedHashMap<>();
    for (Dimension d : this.dimensions) {
      byId.put(d.id(), d);
      byDim.put(d.id(), new ArrayList<>());
    }
    for (Question q : this.questions) {
      q.dimensionId().ifPresent(d -> byDim.get(d).add(q));
    }
    byDim.replaceAll((k, v) -> List.copyOf(v));
    this.dimensionById = Map.copyOf(byId);
    this.questionsByDimension = Map.copyOf(byDim);
  }

  /**
   * Returns an instrument.
   *
   * @param id the identifier, non-blank
   * @param version the version, non-blank; waves are comparable when they use the same id and questions
   * @param name the human-readable name
   * @param scale the default scale of rating questions without their own
   * @param dimensions the dimensions, in report order
   * @param questions the questions, in the order respondents see them
   * @return the instrument
   * @throws InvalidInstrumentException with every inconsistency found (see {@link #check})
   */
  public static Instrument of(String id, String version, String name, Scale scale,
      List<Dimension> dimensions, List<Question> questions) {
    return new Instrument(id, version, name, scale, dimensions, questions);
  }

  /**
   * Returns every inconsistency between dimensions and questions, each with its path; empty when they
   * form a valid instrument. The rules are those in the class description.
   *
   * @param scale the default scale
   * @param dimensions the dimensions
   * @param questions the questions
   * @return the problems, in document order
   */
  public static List<Problem> check(Scale scale, List<Dimension> dimensions, List<Question> questions) {
    List<Problem> problems = new ArrayList<>();
    if (dimensions.isEmpty()) {
      problems.add(Problem.ofPath("dimensions", "an instrument needs at least one dimension"));
    }
    Map<String, Integer> firstDimension = new HashMap<>();
    for (int i = 0; i < dimensions.size(); i++) {
      Integer before = firstDimension.putIfAbsent(dimensions.get(i).id(), i);
      if (before != null) {
        problems.add(Problem.ofPath("dimensions[" + i + "].id",
            "duplicate dimension id \"" + dimensions.get(i).id() + "\" (also dimensions[" + before + "])"));
      }
    }
    Map<String, Integer> firstQuestion = new HashMap<>();
    Map<String, Integer> questionsPerDimension = new HashMap<>();
    Map<String, Integer> scaleSetter = new HashMap<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      Integer before = firstQuestion.putIfAbsent(q.id(), i);
      if (before != null) {
        problems.add(Problem.ofPath("questions[" + i + "].id",
            "duplicate question id \"" + q.id() + "\" (also questions[" + before + "])"));
      }
      if (!q.isRating()) {
        continue;
      }
      String dim = q.dimensionId().orElseThrow();
      if (!firstDimension.containsKey(dim)) {
        problems.add(Problem.ofPath("questions[" + i + "].dimension", "no dimension \"" + dim + "\""));
        continue;
      }
      questionsPerDimension.merge(dim, 1, Integer::sum);
      Integer first = scaleSetter.putIfAbsent(dim, i);
      if (first != null) {
        Scale mine = q.scale().orElse(scale);
        Scale theirs = questions.get(first).scale().orElse(scale);
        if (!mine.isCompatibleWith(theirs)) {
          problems.add(Problem.ofPath("questions[" + i + "].scale",
              "question \"" + q.id() + "\" is on " + describe(mine) + " but question \""
                  + questions.get(first).id() + "\" of dimension \"" + dim + "\" is on "
                  + describe(theirs) + "; a dimension's questions share one scale"));
        }
      }
    }
    for (int i = 0; i < dimensions.size(); i++) {
      String dim = dimensions.get(i).id();
      if (firstDimension.get(dim) == i && !questionsPerDimension.containsKey(dim)) {
        problems.add(Problem.ofPath("dimensions[" + i + "]",
            "dimension \"" + dim + "\" has no rating question"));
      }
    }
    return problems;
  }

  private static String describe(Scale s) {
    return "the scale " + s.min() + ".." + s.max() + " (favorable from " + s.favorableFrom()
        + ", unfavorable to " + s.unfavorableTo() + ")";
  }

  /**
   * Returns the identifier.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the version.
   *
   * @return the version
   */
  public String version() {
    return version;
  }

  /**
   * Returns the human-readable name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the default scale of rating questions.
   *
   * @return the scale
   */
  public Scale scale() {
    return scale;
  }

  /**
   * Returns the dimensions in report order.
   *
   * @return the dimensions, unmodifiable
   */
  public List<Dimension> dimensions() {
    return dimensions;
  }

  /**
   * Returns the questions in the order respondents see them.
   *
   * @return the questions, unmodifiable
   */
  public List<Question> questions() {
    return questions;
  }

  /**
   * Returns a question by id.
   *
   * @param questionId the id
   * @return the question, or empty when there is none with that id
   */
  public Optional<Question> question(String questionId) {
    Integer i = questionIndex.get(questionId);
    return i == null ? Optional.empty() : Optional.of(questions.get(i));
  }

  /**
   * Returns the position of a question in {@link #questions()}.
   *
   * @param questionId the id
   * @return the index, or -1 when there is no such question
   */
  public int indexOf(String questionId) {
    Integer i = questionIndex.get(questionId);
    return i == null ? -1 : i;
  }

  /**
   * Returns a dimension by id.
   *
   * @param dimensionId the id
   * @return the dimension, or empty when there is none with that id
   */
  public Optional<Dimension> dimension(String dimensionId) {
    return Optional.ofNullable(dimensionById.get(dimensionId));
  }

  /**
   * Returns the rating questions of a dimension, in instrument order.
   *
   * @param dimensionId the dimension id
   * @return the questions, unmodifiable, never empty
   * @throws IllegalArgumentException if the instrument has no such dimension
   */
  public List<Question> questionsOf(String dimensionId) {
    List<Question> qs = questionsByDimension.get(dimensionId);
    if (qs == null) {
      throw new IllegalArgumentException("instrument \"" + id + "\" has no dimension \"" + dimensionId
          + "\"; it has " + dimensions.stream().map(Dimension::id).toList());
    }
    return qs;
  }

  /**
   * Returns the scale a rating question is answered on: its own, or the instrument's default.
   *
   * @param question a question of this instrument
   * @return the scale
   * @throws IllegalArgumentException if the question is a comment
   */
  public Scale scaleOf(Question question) {
    if (!question.isRating()) {
      throw new IllegalArgumentException("comment question \"" + question.id() + "\" has no scale");
    }
    return question.scale().orElse(scale);
  }

  /**
   * Returns the scale shared by the questions of a dimension.
   *
   * @param dimensionId the dimension id
   * @return the scale
   * @throws IllegalArgumentException if the instrument has no such dimension
   */
  public Scale scaleOfDimension(String dimensionId) {
    return scaleOf(questionsOf(dimensionId).get(0));
  }

  /**
   * Returns a copy with another name.
   *
   * @param newName the name
   * @return the instrument
   */
  public Instrument withName(String newName) {
    return new Instrument(id, version, newName, scale, dimensions, questions);
  }

  /**
   * Returns a copy with another version.
   *
   * @param newVersion the version
   * @return the instrument
   */
  public Instrument withVersion(String newVersion) {
    return new Instrument(id, newVersion, name, scale, dimensions, questions);
  }

  /**
   * Returns a copy with another default scale.
   *
   * @param newScale the scale
   * @return the instrument
   * @throws InvalidInstrumentException if a dimension then mixes scales
   */
  public Instrument withScale(Scale newScale) {
    return new Instrument(id, version, name, newScale, dimensions, questions);
  }

  /**
   * Returns a copy with other dimensions and questions.
   *
   * @param newDimensions the dimensions
   * @param newQuestions the questions
   * @return the instrument
   * @throws InvalidInstrumentException with every inconsistency found
   */
  public Instrument withContent(List<Dimension> newDimensions, List<Question> newQuestions) {
    return new Instrument(id, version, name, scale, newDimensions, newQuestions);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Instrument i
        && id.equals(i.id)
        && version.equals(i.version)
        && name.equals(i.name)
        && scale.equals(i.scale)
        && dimensions.equals(i.dimensions)
        && questions.equals(i.questions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, name, scale, dimensions, questions);
  }

  @Override
  public String toString() {
    return "Instrument[" + id + " v" + version + ", " + dimensions.size() + " dimensions, "
        + questions.size() + " questions]";
  }
}

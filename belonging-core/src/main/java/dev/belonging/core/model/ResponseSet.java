package dev.belonging.core.model;

import dev.belonging.core.internal.ModelAccess;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The responses of one wave to one instrument: to the caller an immutable collection of {@link Response}s,
 * inside a set of columns.
 *
 * <p>There is no object per respondent or per answer. Each rating question is one byte per respondent
 * ({@link AnswerColumn}); each attribute is dictionary-encoded ({@link AttributeColumn}), one to four bytes
 * per respondent by cardinality; respondent ids are stored as UTF-8 bytes one after another; comments are
 * text. A million respondents with 30 questions and 6 attributes take about 45 MB. {@link #get(int)} and
 * iteration create {@code Response} views on request; loops over many respondents read the columns.
 *
 * <p>Rows keep the order in which they were added. A question that was not in the source (its column was
 * absent) is listed by {@link #absentQuestions()}; its answers are all missing.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ResponseSet implements Iterable<Response> {

  private final Instrument instrument;
  private final Wave wave;
  private final List<String> attributeNames;
  private final Set<String> absentQuestions;
  private final int size;
  private final IdStore ids;
  private final AnswerColumn[] answers; // by instrument question index; null for comments
  private final CommentColumn[] comments; // by instrument question index; null for ratings
  private final AttributeColumn[] attributes;
  private final Map<String, Integer> attributeIndex;

  static {
    ModelAccess.setResponseSets(ResponseSet::fromColumns);
  }

  private ResponseSet(Instrument instrument, Wave wave, List<String> attributeNames,
      Set<String> absentQuestions, int size, IdStore ids, AnswerColumn[] answers, CommentColumn[] comments,
      AttributeColumn[] attributes) {
    this.instrument = instrument;
    this.wave = wave;
    this.attributeNames = List.copyOf(attributeNames);
    this.absentQuestions = Collections.unmodifiableSet(new LinkedHashSet<>(absentQuestions));
    this.size = size;
    this.ids = ids;
    this.answers = answers;
    this.comments = comments;
    this.attributes = attributes;
    Map<String, Integer> index = new HashMap<>();
    for (int a = 0; a < this.attributeNames.size(); a++) {
      index.put(this.attributeNames.get(a), a);
    }
    this.attributeIndex = Map.copyOf(index);
  }

  /** The factory behind {@link ModelAccess.ResponseSets}: takes over finished columns. */
  private static ResponseSet fromColumns(Instrument instrument, Wave wave, List<String> attributeNames,
      Set<String> absentQuestions, int size, byte[] idBytes, int[] idOffsets, byte[][] answerCodes,
      long[][] missingRows, String[][] commentTexts, List<List<String>> attributeValues,
      Object[] attributeCodes) {
    List<Question> qs = instrument.questions();
    AnswerColumn[] answers = new AnswerColumn[qs.size()];
    CommentColumn[] comments = new CommentColumn[qs.size()];
    for (int q = 0; q < qs.size(); q++) {
      if (qs.get(q).isRating()) {
        Scale scale = instrument.scaleOf(qs.get(q));
        answers[q] = missingRows[q] == null ? new AnswerColumn(qs.get(q), scale, answerCodes[q], size)
            : new AnswerColumn(qs.get(q), scale, answerCodes[q], size, missingRows[q]);
      } else {
        comments[q] = new CommentColumn(qs.get(q), commentTexts[q], size);
      }
    }
    AttributeColumn[] attributes = new AttributeColumn[attributeNames.size()];
    for (int a = 0; a < attributes.length; a++) {
      attributes[a] = new AttributeColumn(attributeNames.get(a), attributeValues.get(a),
          CodeColumn.of(attributeCodes[a], size, attributeValues.get(a).size()), size);
    }
    return new ResponseSet(instrument, wave, attributeNames, absentQuestions, size,
        IdStore.of(idBytes, idOffsets, size), answers, comments, attributes);
  }

  private ResponseSet(Builder b, int size) {
    this.instrument = b.instrument;
    this.wave = b.wave;
    this.attributeNames = b.attributeNames;
    this.absentQuestions = b.absentQuestions;
    this.size = size;
    this.ids = b.ids.freeze();
    List<Question> qs = instrument.questions();
    this.answers = new AnswerColumn[qs.size()];
    this.comments = new CommentColumn[qs.size()];
    for (int q = 0; q < qs.size(); q++) {
      if (qs.get(q).isRating()) {
        answers[q] = new AnswerColumn(qs.get(q), instrument.scaleOf(qs.get(q)),
            Arrays.copyOf(b.answerCodes[q], size), size);
      } else {
        comments[q] = new CommentColumn(qs.get(q), Arrays.copyOf(b.commentTexts[q], size), size);
      }
    }
    this.attributes = new AttributeColumn[attributeNames.size()];
    for (int a = 0; a < attributes.length; a++) {
      attributes[a] = new AttributeColumn(attributeNames.get(a), b.dictionaries[a].values(),
          b.attributeCodes[a].freeze(size), size);
    }
    this.attributeIndex = b.attributeIndex;
  }

  /**
   * Returns a builder for responses to an instrument.
   *
   * @param instrument the instrument
   * @return a new builder with no attributes, every question present, the {@linkplain Wave#DEFAULT default
   *     wave} and the id column {@code respondent}
   */
  public static Builder builder(Instrument instrument) {
    return new Builder(instrument);
  }

  /**
   * Returns the instrument answered.
   *
   * @return the instrument
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * Returns the wave.
   *
   * @return the wave
   */
  public Wave wave() {
    return wave;
  }

  /**
   * Returns a copy in another wave (the columns are shared, not copied).
   *
   * @param newWave the wave
   * @return the response set
   */
  public ResponseSet withWave(Wave newWave) {
    return new ResponseSet(this, Objects.requireNonNull(newWave, "wave"));
  }

  private ResponseSet(ResponseSet other, Wave wave) {
    this.instrument = other.instrument;
    this.wave = wave;
    this.attributeNames = other.attributeNames;
    this.absentQuestions = other.absentQuestions;
    this.size = other.size;
    this.ids = other.ids;
    this.answers = other.answers;
    this.comments = other.comments;
    this.attributes = other.attributes;
    this.attributeIndex = other.attributeIndex;
  }

  /**
   * Returns the number of respondents.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Returns whether there are no respondents.
   *
   * @return whether the set is empty
   */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Returns the names of the respondent attributes, in column order.
   *
   * @return the names, unmodifiable
   */
  public List<String> attributeNames() {
    return attributeNames;
  }

  /**
   * Returns the ids of the instrument's questions that were absent from the source; their answers are all
   * missing.
   *
   * @return the question ids, in instrument order, unmodifiable
   */
  public Set<String> absentQuestions() {
    return absentQuestions;
  }

  /**
   * Returns a respondent's id.
   *
   * @param row the row, {@code 0 <= row < size()}
   * @return the id
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public RespondentId respondentId(int row) {
    Objects.checkIndex(row, size);
    return RespondentId.of(ids.get(row));
  }

  /**
   * Returns the answers to a rating question.
   *
   * @param questionId the question id
   * @return the column
   * @throws IllegalArgumentException if the instrument has no rating question with that id
   */
  public AnswerColumn answers(String questionId) {
    int q = instrument.indexOf(questionId);
    if (q < 0 || answers[q] == null) {
      throw new IllegalArgumentException("instrument \"" + instrument.id()
          + "\" has no rating question \"" + questionId + "\"");
    }
    return answers[q];
  }

  /**
   * Returns a respondent's comment to a comment question.
   *
   * @param questionId the comment question's id
   * @param row the row
   * @return the text, empty when the respondent wrote none
   * @throws IllegalArgumentException if the instrument has no comment question with that id
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public Optional<String> comment(String questionId, int row) {
    return comments(questionId).text(row);
  }

  /**
   * Returns the comments to a comment question: for loops over many rows, which then look the question up
   * once.
   *
   * @param questionId the comment question's id
   * @return the column
   * @throws IllegalArgumentException if the instrument has no comment question with that id
   */
  public CommentColumn comments(String questionId) {
    int q = instrument.indexOf(questionId);
    if (q < 0 || comments[q] == null) {
      throw new IllegalArgumentException("instrument \"" + instrument.id()
          + "\" has no comment question \"" + questionId + "\"");
    }
    return comments[q];
  }

  /**
   * Returns the values of an attribute.
   *
   * @param name the attribute name
   * @return the column
   * @throws IllegalArgumentException if there is no such attribute; the message lists the known ones
   */
  public AttributeColumn attribute(String name) {
    Integer a = attributeIndex.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no attribute \"" + name + "\"; the attributes are "
          + attributeNames);
    }
    return attributes[a];
  }

  /**
   * Returns one respondent's response, created from the columns.
   *
   * @param row the row, {@code 0 <= row < size()}
   * @return the response
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public Response get(int row) {
    Objects.checkIndex(row, size);
    Map<String, String> attrs = new LinkedHashMap<>();
    for (AttributeColumn c : attributes) {
      attrs.put(c.name(), c.value(row));
    }
    Map<String, Integer> given = new LinkedHashMap<>();
    Map<String, String> texts = new LinkedHashMap<>();
    List<Question> qs = instrument.questions();
    for (int q = 0; q < qs.size(); q++) {
      if (answers[q] != null) {
        if (!answers[q].isMissing(row)) {
          given.put(qs.get(q).id(), answers[q].value(row));
        }
      } else {
        String id = qs.get(q).id();
        comments[q].text(row).ifPresent(text -> texts.put(id, text));
      }
    }
    return Response.of(Respondent.of(RespondentId.of(ids.get(row)), attrs), given, texts);
  }

  /**
   * Returns the responses as an unmodifiable list view; elements are created on access.
   *
   * @return the list view
   */
  public List<Response> asList() {
    return new AbstractList<>() {
      @Override
      public Response get(int index) {
        return ResponseSet.this.get(index);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /**
   * Returns the responses in row order.
   *
   * @return an iterator whose {@code remove} is unsupported
   */
  @Override
  public Iterator<Response> iterator() {
    return asList().iterator();
  }

  /**
   * Returns the responses in row order as a sequential stream.
   *
   * @return the stream
   */
  public Stream<Response> stream() {
    return asList().stream();
  }

  /**
   * Two response sets are equal when they have the same instrument, wave, attribute names, absent questions
   * and the same responses in the same order (dictionary codes may differ).
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ResponseSet r) || size != r.size || !instrument.equals(r.instrument)
        || !wave.equals(r.wave) || !attributeNames.equals(r.attributeNames)
        || !absentQuestions.equals(r.absentQuestions)) {
      return false;
    }
    for (int row = 0; row < size; row++) {
      if (!ids.sameAs(row, r.ids, row)) {
        return false;
      }
    }
    for (int q = 0; q < answers.length; q++) {
      if (answers[q] != null) {
        for (int row = 0; row < size; row++) {
          if (answers[q].code(row) != r.answers[q].code(row)) {
            return false;
          }
        }
      } else if (!comments[q].sameTexts(r.comments[q])) {
        return false;
      }
    }
    for (int a = 0; a < attributes.length; a++) {
      for (int row = 0; row < size; row++) {
        if (!attributes[a].value(row).equals(r.attributes[a].value(row))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(instrument, wave, attributeNames, size);
    for (int row = 0; row < size; row++) {
      h = 31 * h + ids.hash(row);
    }
    return h;
  }

  @Override
  public String toString() {
    return "ResponseSet[" + instrument.id() + ", wave " + wave.label() + ", " + size + " respondents, "
        + "attributes " + attributeNames + "]";
  }

  /**
   * Builds a {@link ResponseSet} row by row, validating each row as it arrives.
   *
   * <p>Configure first ({@link #wave}, {@link #attributes}, {@link #absentQuestions}, {@link #idColumn}),
   * then add rows, either with {@link #add} (maps, convenient) or with the allocation-free cursor used by
   * importers: {@link #beginRow()}, then {@code id}, {@code attribute}, {@code answer} and {@code comment}
   * for the row's cells, then {@link #endRow(long, List)}, which checks the row (blank or duplicate id,
   * answers outside their scale) and keeps it only if neither the caller nor the check found a problem.
   *
   * <p>A builder is not thread-safe and builds once.
   */
  public static final class Builder {

    private final Instrument instrument;
    private Wave wave = Wave.DEFAULT;
    private String idColumn = "respondent";
    private List<String> attributeNames = List.of();
    private Map<String, Integer> attributeIndex = Map.of();
    private Set<String> absentQuestions = Set.of();
    private boolean started;
    private boolean built;

    private boolean[] takesRating;
    private boolean[] takesComment;
    private final int[] min;
    private final int[] max;
    private IdStore ids;
    private byte[][] answerCodes;
    private String[][] commentTexts;
    private Dictionary[] dictionaries;
    private CodeColumn[] attributeCodes;
    private long[] lines;
    private int rows;

    // the row being staged
    private final int[] stagedAnswer;
    private final boolean[] answered;
    private final String[] stagedComment;
    private char[] stagedId = new char[32];
    private int stagedIdLength = -1;
    private char[][] stagedAttr;
    private int[] stagedAttrLength;

    private Builder(Instrument instrument) {
      this.instrument = Objects.requireNonNull(instrument, "instrument");
      int n = instrument.questions().size();
      min = new int[n];
      max = new int[n];
      for (int q = 0; q < n; q++) {
        Question question = instrument.questions().get(q);
        if (question.isRating()) {
          Scale s = instrument.scaleOf(question);
          min[q] = s.min();
          max[q] = s.max();
        }
      }
      stagedAnswer = new int[n];
      answered = new boolean[n];
      stagedComment = new String[n];
    }

    /**
     * Sets the wave.
     *
     * @param newWave the wave
     * @return this builder
     */
    public Builder wave(Wave newWave) {
      this.wave = Objects.requireNonNull(newWave, "wave");
      return this;
    }

    /**
     * Sets the name of the id column, used in problems about ids.
     *
     * @param name the column name
     * @return this builder
     */
    public Builder idColumn(String name) {
      this.idColumn = Ids.requireId(name, "id column");
      return this;
    }

    /**
     * Sets the respondent attributes, before any row is added.
     *
     * @param names the attribute names, distinct, none a question id
     * @return this builder
     * @throws IllegalArgumentException if a name repeats or is a question id
     * @throws IllegalStateException if rows were added already
     */
    public Builder attributes(List<String> names) {
      requireNotStarted();
      List<String> copy = List.copyOf(names);
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < copy.size(); i++) {
        String name = Ids.requireId(copy.get(i), "attribute name");
        if (index.put(name, i) != null) {
          throw new IllegalArgumentException("attribute \"" + name + "\" is named twice");
        }
        if (instrument.indexOf(name) >= 0) {
          throw new IllegalArgumentException("attribute \"" + name + "\" is a question id");
        }
      }
      this.attributeNames = copy;
      this.attributeIndex = Map.copyOf(index);
      return this;
    }

    /**
     * Declares questions whose column was absent from the source, before any row is added; their answers
     * are all missing and {@link ResponseSet#absentQuestions()} names them.
     *
     * @param questionIds the ids, each a question of the instrument
     * @return this builder
     * @throws IllegalArgumentException if an id is not a question of the instrument
     * @throws IllegalStateException if rows were added already
     */
    public Builder absentQuestions(Collection<String> questionIds) {
      requireNotStarted();
      Set<String> set = new LinkedHashSet<>();
      for (Question q : instrument.questions()) {
        if (questionIds.contains(q.id())) {
          set.add(q.id());
        }
      }
      for (String id : questionIds) {
        if (instrument.indexOf(id) < 0) {
          throw new IllegalArgumentException("instrument \"" + instrument.id() + "\" has no question \""
              + id + "\"");
        }
      }
      this.absentQuestions = Collections.unmodifiableSet(set);
      return this;
    }

    /**
     * Starts a row, discarding whatever an unfinished row had staged.
     *
     * @return this builder
     */
    public Builder beginRow() {
      if (!started) {
        start();
      }
      Arrays.fill(answered, false);
      Arrays.fill(stagedComment, null);
      stagedIdLength = -1;
      Arrays.fill(stagedAttrLength, 0);
      return this;
    }

    /**
     * Stages the row's respondent id.
     *
     * @param buf the characters
     * @param off where the id starts
     * @param len its length
     * @return this builder
     */
    public Builder id(char[] buf, int off, int len) {
      if (stagedId.length < len) {
        stagedId = new char[Math.max(len, stagedId.length * 2)];
      }
      System.arraycopy(buf, off, stagedId, 0, len);
      stagedIdLength = len;
      return this;
    }

    /**
     * Stages the row's respondent id.
     *
     * @param value the id
     * @return this builder
     */
    public Builder id(String value) {
      char[] c = value.toCharArray();
      return id(c, 0, c.length);
    }

    /**
     * Stages the row's value of an attribute.
     *
     * @param index the attribute's position in {@link #attributes(List)}
     * @param buf the characters
     * @param off where the value starts
     * @param len its length
     * @return this builder
     */
    public Builder attribute(int index, char[] buf, int off, int len) {
      requireRow();
      char[] dest = stagedAttr[index];
      if (dest.length < len) {
        dest = stagedAttr[index] = new char[Math.max(len, dest.length * 2)];
      }
      System.arraycopy(buf, off, dest, 0, len);
      stagedAttrLength[index] = len;
      return this;
    }

    /**
     * Stages the row's value of an attribute.
     *
     * @param index the attribute's position in {@link #attributes(List)}
     * @param value the value
     * @return this builder
     */
    public Builder attribute(int index, String value) {
      char[] c = value.toCharArray();
      return attribute(index, c, 0, c.length);
    }

    /**
     * Stages the row's raw answer (before reverse coding) to a rating question; a question not staged is
     * missing.
     *
     * @param questionIndex the question's position in the instrument
     * @param value the answer; one outside the scale makes the row invalid
     * @return this builder
     * @throws IllegalArgumentException if the question is a comment or absent
     */
    public Builder answer(int questionIndex, int value) {
      requireRow();
      if (!takesRating[questionIndex]) {
        throw new IllegalArgumentException("question \"" + instrument.questions().get(questionIndex).id()
            + "\" takes no rating here");
      }
      stagedAnswer[questionIndex] = value;
      answered[questionIndex] = true;
      return this;
    }

    /**
     * Stages the row's comment; a blank text is no comment.
     *
     * @param questionIndex the comment question's position in the instrument
     * @param text the text
     * @return this builder
     * @throws IllegalArgumentException if the question is not a comment or absent
     */
    public Builder comment(int questionIndex, String text) {
      requireRow();
      if (!takesComment[questionIndex]) {
        throw new IllegalArgumentException("question \"" + instrument.questions().get(questionIndex).id()
            + "\" takes no comment here");
      }
      stagedComment[questionIndex] = text.isBlank() ? null : text;
      return this;
    }

    /**
     * Checks the staged row and keeps it when it has no problem.
     *
     * <p>Adds to {@code rowProblems} a problem for a blank or duplicate id and for each answer outside
     * its scale. The row is kept only if {@code rowProblems} is empty afterwards, so that an importer can
     * put its own problems with the row (a cell that is not a number) there first.
     *
     * @param line the 1-based line where the row starts in its source, or 0
     * @param rowProblems the row's problems so far; this method appends its own
     * @return whether the row was kept
     */
    public boolean endRow(long line, List<Problem> rowProblems) {
      if (!started) {
        throw new IllegalStateException("endRow() without beginRow()");
      }
      List<Question> qs = instrument.questions();
      boolean blank = true;
      for (int i = 0; i < stagedIdLength; i++) {
        if (!Character.isWhitespace(stagedId[i])) {
          blank = false;
          break;
        }
      }
      int idLength = 0;
      if (blank) {
        rowProblems.add(Problem.ofCell(line, idColumn, "blank respondent id"));
      } else {
        idLength = ids.stage(stagedId, 0, stagedIdLength);
        int before = ids.findStaged(idLength);
        if (before >= 0) {
          String where = lines[before] > 0 ? " (first on line " + lines[before] + ")" : " (row "
              + (before + 1) + ")";
          rowProblems.add(Problem.ofCell(line, idColumn, "duplicate respondent id" + where,
              "duplicate respondent id \"" + new String(stagedId, 0, stagedIdLength) + "\"" + where));
        }
      }
      // Every column is written at the next row's index while the answers are checked, in one loop: a
      // row that is not kept leaves only values that the next row overwrites and build() cuts off.
      int row = rows;
      int n = answerCodes.length;
      for (int q = 0; q < n; q++) {
        byte[] col = answerCodes[q];
        if (col != null) {
          if (row >= col.length) {
            col = answerCodes[q] = Arrays.copyOf(col, CodeColumn.grow(col.length, row));
          }
          if (!answered[q]) {
            col[row] = (byte) AnswerColumn.MISSING;
          } else if (stagedAnswer[q] >= min[q] && stagedAnswer[q] <= max[q]) {
            col[row] = (byte) (stagedAnswer[q] - min[q] + 1);
          } else {
            String range = min[q] + ".." + max[q];
            rowProblems.add(Problem.ofCell(line, qs.get(q).id(), "answer outside the scale " + range,
                "answer " + stagedAnswer[q] + " is outside the scale " + range));
          }
        } else {
          String[] texts = commentTexts[q];
          if (row >= texts.length) {
            texts = commentTexts[q] = Arrays.copyOf(texts, CodeColumn.grow(texts.length, row));
          }
          texts[row] = stagedComment[q];
        }
      }
      if (!rowProblems.isEmpty()) {
        return false;
      }
      ids.commitStaged(idLength);
      for (int a = 0; a < dictionaries.length; a++) {
        attributeCodes[a].set(row, dictionaries[a].code(stagedAttr[a], 0, stagedAttrLength[a]));
      }
      if (row >= lines.length) {
        lines = Arrays.copyOf(lines, CodeColumn.grow(lines.length, row));
      }
      lines[row] = line;
      rows++;
      return true;
    }

    /**
     * Adds a row given as maps, for programmatic use.
     *
     * @param id the respondent id
     * @param attributeValues attribute name → value; attributes not named are {@code ""}
     * @param answerValues question id → raw answer, for answered rating questions
     * @param commentTexts question id → text, for comment questions
     * @return this builder
     * @throws InvalidResponsesException with every problem of the row (unknown attribute or question,
     *     blank or duplicate id, answer outside its scale); the row is not added
     */
    public Builder add(RespondentId id, Map<String, String> attributeValues,
        Map<String, Integer> answerValues, Map<String, String> commentTexts) {
      beginRow();
      List<Problem> problems = new ArrayList<>();
      id(id.value());
      attributeValues.forEach((name, value) -> {
        Integer a = attributeIndex.get(name);
        if (a == null) {
          problems.add(Problem.ofCell(0, name, "unknown attribute; the attributes are " + attributeNames));
        } else {
          attribute(a, value);
        }
      });
      answerValues.forEach((qid, value) -> {
        int q = instrument.indexOf(qid);
        if (q < 0 || !instrument.questions().get(q).isRating() || absentQuestions.contains(qid)) {
          problems.add(Problem.ofCell(0, qid, "not a rating question of this response set"));
        } else {
          answer(q, Objects.requireNonNull(value, "answer"));
        }
      });
      commentTexts.forEach((qid, text) -> {
        int q = instrument.indexOf(qid);
        if (q < 0 || instrument.questions().get(q).isRating() || absentQuestions.contains(qid)) {
          problems.add(Problem.ofCell(0, qid, "not a comment question of this response set"));
        } else {
          comment(q, text);
        }
      });
      if (!endRow(0, problems)) {
        throw new InvalidResponsesException("invalid response of respondent " + (rows + 1), problems);
      }
      return this;
    }

    /**
     * Returns the number of rows kept so far.
     *
     * @return the number of rows
     */
    public int size() {
      return rows;
    }

    /**
     * Returns how many distinct values an attribute has among the rows kept so far, so that an importer
     * can stop a column that is not a grouping (a free-text or id-like column) before it fills memory.
     *
     * @param index the attribute's position in {@link #attributes(List)}
     * @return the number of distinct values, 0 before the first row
     * @throws IndexOutOfBoundsException if there is no attribute at that position
     */
    public int attributeCardinality(int index) {
      Objects.checkIndex(index, attributeNames.size());
      return dictionaries == null ? 0 : dictionaries[index].size();
    }

    /**
     * Returns the response set of the rows kept. The builder cannot be used afterwards.
     *
     * @return the response set
     * @throws IllegalStateException if called twice
     */
    public ResponseSet build() {
      if (built) {
        throw new IllegalStateException("build() was called already");
      }
      if (!started) {
        start();
      }
      built = true;
      ResponseSet set = new ResponseSet(this, rows);
      answerCodes = null;
      commentTexts = null;
      lines = null;
      ids = null;
      return set;
    }

    private void start() {
      if (built) {
        throw new IllegalStateException("build() was called already");
      }
      started = true;
      int n = instrument.questions().size();
      takesRating = new boolean[n];
      takesComment = new boolean[n];
      for (int q = 0; q < n; q++) {
        Question question = instrument.questions().get(q);
        boolean present = !absentQuestions.contains(question.id());
        takesRating[q] = present && question.isRating();
        takesComment[q] = present && !question.isRating();
      }
      int capacity = 1024;
      ids = new IdStore(capacity);
      answerCodes = new byte[n][];
      commentTexts = new String[n][];
      for (int q = 0; q < n; q++) {
        if (instrument.questions().get(q).isRating()) {
          answerCodes[q] = new byte[capacity];
        } else {
          commentTexts[q] = new String[capacity];
        }
      }
      dictionaries = new Dictionary[attributeNames.size()];
      attributeCodes = new CodeColumn[attributeNames.size()];
      stagedAttr = new char[attributeNames.size()][16];
      stagedAttrLength = new int[attributeNames.size()];
      for (int a = 0; a < dictionaries.length; a++) {
        dictionaries[a] = new Dictionary();
        attributeCodes[a] = new CodeColumn(capacity);
      }
      lines = new long[capacity];
    }

    private void requireRow() {
      if (!started || built) {
        throw new IllegalStateException("call beginRow() before staging a row's cells");
      }
    }

    private void requireNotStarted() {
      if (started) {
        throw new IllegalStateException("configure the builder before adding rows");
      }
    }
  }
}

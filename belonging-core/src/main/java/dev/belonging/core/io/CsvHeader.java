package dev.belonging.core.io;

import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header of a responses file checked and mapped once: what each column holds (the id, an attribute, a
 * rating or comment question, or nothing) and where its cells go. Both readers of the file (the streaming
 * one and the chunked one) map their header here, so that they accept the same headers with the same
 * problems.
 *
 * <p>Immutable after {@link #map}; the arrays are not copied and must not be changed.
 */
final class CsvHeader {

  static final byte ID = 0;
  static final byte ATTRIBUTE = 1;
  static final byte RATING = 2;
  static final byte COMMENT = 3;
  static final byte IGNORED = 4;

  final List<String> names;
  final long line;
  /** What each column holds: {@link #ID}, {@link #ATTRIBUTE}, {@link #RATING}, ... */
  final byte[] kind;
  /** For a question column the question's index in the instrument, for an attribute its index. */
  final int[] target;
  /** The attributes to import, in the response set's order. */
  final List<String> attributes;
  /** The questions without a column, when that is allowed. */
  final Set<String> absent;

  private CsvHeader(List<String> names, long line, byte[] kind, int[] target, List<String> attributes,
      Set<String> absent) {
    this.names = names;
    this.line = line;
    this.kind = kind;
    this.target = target;
    this.attributes = attributes;
    this.absent = absent;
  }

  int columns() {
    return names.size();
  }

  /**
   * Checks a header and maps its columns.
   *
   * @param names the column names read (at most the column limit of them)
   * @param count how many columns the header had
   * @param line the line of the header
   * @param earlier problems found while reading the header's cells, reported first
   * @return the mapping
   * @throws ResponseCsvHandler.Stop with every problem of the header, if it has any
   */
  static CsvHeader map(List<String> names, int count, long line, List<Problem> earlier, Instrument instrument,
      String idColumn, List<String> namedAttributes, QuestionColumns questionColumns, CsvLimits limits) {
    List<Problem> problems = new ArrayList<>(earlier);
    if (count > limits.maxColumns()) {
      problems.add(Problem.ofCell(line, "", "more than " + limits.maxColumns() + " columns",
          "the header has " + count + " columns, more than the limit of " + limits.maxColumns()));
    }
    int columns = names.size();
    Map<String, Integer> firstColumn = new HashMap<>();
    for (int i = 0; i < columns; i++) {
      String name = names.get(i);
      if (name.isBlank()) {
        problems.add(Problem.ofCell(line, "", "column without a name", "column " + (i + 1) + " has no name"));
        continue;
      }
      Integer before = firstColumn.putIfAbsent(name, i);
      if (before != null) {
        problems.add(Problem.ofCell(line, name, "duplicate column name",
            "column name \"" + name + "\" appears in columns " + (before + 1) + " and " + (i + 1)));
      }
    }
    if (!firstColumn.containsKey(idColumn)) {
      problems.add(Problem.ofCell(line, idColumn, "no respondent id column",
          "the header has no column \"" + idColumn + "\" for the respondent id" + hint(names, idColumn)
              + "; the columns are " + names + separatorHint(names)));
    }
    Set<String> absent = new LinkedHashSet<>();
    for (Question q : instrument.questions()) {
      if (!firstColumn.containsKey(q.id())) {
        if (questionColumns == QuestionColumns.REQUIRED) {
          problems.add(Problem.ofCell(line, q.id(), "question column missing from the header",
              "the header has no column for question \"" + q.id() + "\"" + hint(names, q.id())));
        } else {
          absent.add(q.id());
        }
      }
    }
    if (namedAttributes != null) {
      for (String name : namedAttributes) {
        if (!firstColumn.containsKey(name)) {
          problems.add(Problem.ofCell(line, name, "attribute column missing from the header",
              "the header has no column for attribute \"" + name + "\"" + hint(names, name)));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ResponseCsvHandler.Stop(problems);
    }
    byte[] kind = new byte[columns];
    int[] target = new int[columns];
    List<String> attributes = new ArrayList<>();
    Map<String, Integer> attributeIndex = new HashMap<>();
    if (namedAttributes != null) {
      for (int a = 0; a < namedAttributes.size(); a++) {
        attributeIndex.put(namedAttributes.get(a), a);
      }
      attributes.addAll(namedAttributes);
    }
    for (int i = 0; i < columns; i++) {
      String name = names.get(i);
      int q = instrument.indexOf(name);
      if (name.equals(idColumn)) {
        kind[i] = ID;
      } else if (q >= 0) {
        kind[i] = instrument.questions().get(q).isRating() ? RATING : COMMENT;
        target[i] = q;
      } else if (namedAttributes == null) {
        kind[i] = ATTRIBUTE;
        target[i] = attributes.size();
        attributes.add(name);
      } else if (attributeIndex.containsKey(name)) {
        kind[i] = ATTRIBUTE;
        target[i] = attributeIndex.get(name);
      } else {
        kind[i] = IGNORED;
      }
    }
    return new CsvHeader(List.copyOf(names), line, kind, target, List.copyOf(attributes), absent);
  }

  /** Returns the header name of attribute {@code a}. */
  String attributeName(int a) {
    for (int i = 0; i < kind.length; i++) {
      if (kind[i] == ATTRIBUTE && target[i] == a) {
        return names.get(i);
      }
    }
    return "";
  }

  /** The problem of an attribute with more distinct values than the limit, at a row's line. */
  Problem tooManyValues(long rowLine, int a, CsvLimits limits) {
    String name = attributeName(a);
    return Problem.ofCell(rowLine, name,
        "attribute with more than " + limits.maxDistinctValues() + " distinct values",
        "attribute \"" + name + "\" has more than " + limits.maxDistinctValues()
            + " distinct values; is it an id or free text? Name the attributes to import");
  }

  /** The problem of a row whose cell count differs from the header's. */
  static Problem cellCount(long rowLine, int cells, int columns) {
    String message = "row has " + cells + (cells == 1 ? " cell" : " cells") + " but the header has "
        + columns + " (too " + (cells < columns ? "few" : "many") + " cells)";
    return Problem.ofCell(rowLine, "", message);
  }

  /**
   * Points at another separator when the header is one column whose name holds one: a file separated by
   * semicolons or tabs read as comma-separated, or the other way round.
   */
  private static String separatorHint(List<String> names) {
    if (names.size() != 1) {
      return "";
    }
    for (char c : ResponseCsv.SEPARATORS.toCharArray()) {
      if (names.get(0).indexOf(c) >= 0) {
        return "; the header is one column holding " + ResponseCsv.describeSeparator(c)
            + ": are the cells separated by " + ResponseCsv.describeSeparator(c) + "?";
      }
    }
    return "";
  }

  /** Points at a column whose name differs from the wanted one only in case or surrounding spaces. */
  private static String hint(List<String> names, String wanted) {
    String key = wanted.strip().toLowerCase(Locale.ROOT);
    for (String name : names) {
      if (!name.equals(wanted) && name.strip().toLowerCase(Locale.ROOT).equals(key)) {
        return " (column \"" + name + "\" differs only in case or spaces)";
      }
    }
    return "";
  }
}

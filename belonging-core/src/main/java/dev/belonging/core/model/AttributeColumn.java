package dev.belonging.core.model;

import java.util.List;

/**
 * The values of one respondent attribute (team, tenure…) over every respondent of a {@link ResponseSet},
 * dictionary-encoded: each distinct value has a dense code {@code 0..cardinality()-1} in order of first
 * appearance, and each row stores its value's code.
 *
 * <p>An empty cell is the value {@code ""}, a value of its own: nothing is dropped.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AttributeColumn {

  private final String name;
  private final List<String> values;
  private final CodeColumn codes;
  private final int size;

  AttributeColumn(String name, List<String> values, CodeColumn codes, int size) {
    this.name = name;
    this.values = List.copyOf(values);
    this.codes = codes;
    this.size = size;
  }

  /**
   * Returns the attribute's name (its column header).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the number of respondents.
   *
   * @return the number of rows
   */
  public int size() {
    return size;
  }

  /**
   * Returns the number of distinct values.
   *
   * @return the cardinality
   */
  public int cardinality() {
    return values.size();
  }

  /**
   * Returns the distinct values, indexed by code (first appearance first).
   *
   * @return the values, unmodifiable
   */
  public List<String> values() {
    return values;
  }

  /**
   * Returns the code of a respondent's value.
   *
   * @param row the respondent's row
   * @return the code, {@code 0 <= code < cardinality()}
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public int code(int row) {
    java.util.Objects.checkIndex(row, size);
    return codes.get(row);
  }

  /**
   * Copies the codes of rows {@code from..from+length-1} into an array: {@link #code(int)} for many rows at
   * once, for loops over many rows.
   *
   * @param from the first row
   * @param dest the destination
   * @param destOffset where in the destination to start
   * @param length how many rows
   * @throws IndexOutOfBoundsException if a range is out of bounds
   */
  public void copyCodes(int from, int[] dest, int destOffset, int length) {
    java.util.Objects.checkFromIndexSize(from, length, size);
    java.util.Objects.checkFromIndexSize(destOffset, length, dest.length);
    codes.copy(from, dest, destOffset, length);
  }

  /**
   * Returns a respondent's value.
   *
   * @param row the respondent's row
   * @return the value
   * @throws IndexOutOfBoundsException if the row does not exist
   */
  public String value(int row) {
    return values.get(code(row));
  }

  /**
   * Returns the code of a value.
   *
   * @param value the value
   * @return its code, or -1 when no respondent has it
   */
  public int codeOf(String value) {
    return values.indexOf(value);
  }

  @Override
  public String toString() {
    return "AttributeColumn[" + name + ", " + values.size() + " values, " + size + " rows]";
  }
}

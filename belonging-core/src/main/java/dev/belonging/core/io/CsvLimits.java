package dev.belonging.core.io;

/**
 * Limits that keep a responses import from using unbounded memory on a malformed or hostile file.
 *
 * <p>The defaults are generous for survey data: {@value #DEFAULT_MAX_CELL_CHARS} characters per cell (1 MiB;
 * a longer cell is a problem of its row), {@value #DEFAULT_MAX_COLUMNS} columns, no limit on the number of
 * rows, and {@value #DEFAULT_MAX_DISTINCT_VALUES} distinct values per attribute (more is almost always a
 * free-text or id-like column that was not meant as a grouping). Exceeding the column, row or distinct
 * value limit rejects the file.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param maxCellChars the most characters a cell may have, at least 1
 * @param maxColumns the most columns the header may have, at least 1
 * @param maxRows the most data rows (valid or not) the file may have, at least 1
 * @param maxDistinctValues the most distinct values an attribute may take, at least 1
 */
public record CsvLimits(int maxCellChars, int maxColumns, long maxRows, int maxDistinctValues) {

  /** The default most characters per cell: 1 MiB, 1 048 576 characters. */
  public static final int DEFAULT_MAX_CELL_CHARS = 1 << 20;

  /** The default most columns. */
  public static final int DEFAULT_MAX_COLUMNS = 4096;

  /** The default most rows: no limit (a response set holds at most about 2<sup>31</sup> rows). */
  public static final long DEFAULT_MAX_ROWS = Long.MAX_VALUE;

  /** The default most distinct values per attribute. */
  public static final int DEFAULT_MAX_DISTINCT_VALUES = 100_000;

  private static final CsvLimits DEFAULTS = new CsvLimits(DEFAULT_MAX_CELL_CHARS, DEFAULT_MAX_COLUMNS,
      DEFAULT_MAX_ROWS, DEFAULT_MAX_DISTINCT_VALUES);

  /**
   * Validates the limits.
   *
   * @param maxCellChars the most characters a cell may have
   * @param maxColumns the most columns
   * @param maxRows the most data rows
   * @param maxDistinctValues the most distinct values per attribute
   * @throws IllegalArgumentException if a limit is below 1
   */
  public CsvLimits {
    requirePositive(maxCellChars, "maxCellChars");
    requirePositive(maxColumns, "maxColumns");
    requirePositive(maxRows, "maxRows");
    requirePositive(maxDistinctValues, "maxDistinctValues");
  }

  /**
   * Returns the default limits.
   *
   * @return the defaults
   */
  public static CsvLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another cell limit.
   *
   * @param newMaxCellChars the most characters a cell may have, at least 1
   * @return the limits
   * @throws IllegalArgumentException if the limit is below 1
   */
  public CsvLimits withMaxCellChars(int newMaxCellChars) {
    return new CsvLimits(newMaxCellChars, maxColumns, maxRows, maxDistinctValues);
  }

  /**
   * Returns a copy with another column limit.
   *
   * @param newMaxColumns the most columns, at least 1
   * @return the limits
   * @throws IllegalArgumentException if the limit is below 1
   */
  public CsvLimits withMaxColumns(int newMaxColumns) {
    return new CsvLimits(maxCellChars, newMaxColumns, maxRows, maxDistinctValues);
  }

  /**
   * Returns a copy with another row limit.
   *
   * @param newMaxRows the most data rows, at least 1; {@link #DEFAULT_MAX_ROWS} for no limit
   * @return the limits
   * @throws IllegalArgumentException if the limit is below 1
   */
  public CsvLimits withMaxRows(long newMaxRows) {
    return new CsvLimits(maxCellChars, maxColumns, newMaxRows, maxDistinctValues);
  }

  /**
   * Returns a copy with another limit on distinct values per attribute.
   *
   * @param newMaxDistinctValues the most distinct values, at least 1
   * @return the limits
   * @throws IllegalArgumentException if the limit is below 1
   */
  public CsvLimits withMaxDistinctValues(int newMaxDistinctValues) {
    return new CsvLimits(maxCellChars, maxColumns, maxRows, newMaxDistinctValues);
  }

  private static void requirePositive(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
  }
}

package dev.belonging.core.io;

/**
 * What an importer does with rows that have problems.
 *
 * <p>Either way nothing is dropped silently: every problem is reported with its line and column. Problems
 * that concern the whole file (an empty file, a header without rows, a missing question column, a
 * duplicate column name) and problems after which the rest of the file cannot be read (a limit exceeded,
 * malformed quoting in the middle of the file) reject the file in both modes.
 */
public enum ImportMode {
  /** Reject the file if any row has a problem, listing every problem found (the default). */
  STRICT,
  /** Keep every valid row and report every rejected row with all of its problems. */
  SKIP_INVALID
}

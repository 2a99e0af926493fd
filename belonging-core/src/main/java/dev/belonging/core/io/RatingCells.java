package dev.belonging.core.io;

import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.Scale;
import java.util.List;
import java.util.Map;

/**
 * Reads rating cells: an integer (surrounding spaces and tabs allowed, an optional sign) or, failing that,
 * a label of the question's scale; a blank cell is a missing answer. Shared by both readers of a responses
 * file, so that a cell means the same and is reported with the same words whichever reads it.
 *
 * <p>Immutable and thread-safe after construction.
 */
final class RatingCells {

  /** What {@link #parse} returns for a blank cell. */
  static final int BLANK = Integer.MIN_VALUE;

  /** What {@link #parse} returns for a cell that is a problem (added to the list). */
  static final int INVALID = Integer.MIN_VALUE + 1;

  /** Answers above this magnitude are outside every scale; parsing stops adding digits. */
  private static final long ANSWER_CAP = 1_000_000_000L;

  /** Values longer than this are shortened when quoted in a problem's detail. */
  private static final int QUOTE_LIMIT = 40;

  private final Instrument instrument;
  private final int[] scaleMin;
  private final int[] scaleMax;
  private final char[][][] labelChars;
  private final int[][] labelValues;

  RatingCells(Instrument instrument) {
    this.instrument = instrument;
    List<Question> qs = instrument.questions();
    scaleMin = new int[qs.size()];
    scaleMax = new int[qs.size()];
    labelChars = new char[qs.size()][][];
    labelValues = new int[qs.size()][];
    for (int q = 0; q < qs.size(); q++) {
      if (qs.get(q).isRating()) {
        Scale scale = instrument.scaleOf(qs.get(q));
        scaleMin[q] = scale.min();
        scaleMax[q] = scale.max();
        Map<String, Integer> labels = scale.labels();
        labelChars[q] = new char[labels.size()][];
        labelValues[q] = new int[labels.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : labels.entrySet()) {
          labelChars[q][i] = e.getKey().toCharArray();
          labelValues[q][i] = e.getValue();
          i++;
        }
      }
    }
  }

  /** Returns the lowest answer of question {@code q}'s scale. */
  int min(int q) {
    return scaleMin[q];
  }

  /** Returns the highest answer of question {@code q}'s scale. */
  int max(int q) {
    return scaleMax[q];
  }

  /**
   * Parses a rating cell. No allocation unless the cell is a problem.
   *
   * @return the answer (not yet checked against the scale), {@link #BLANK}, or {@link #INVALID} after
   *     adding the cell's problem to {@code problems}
   */
  int parse(int q, String column, long line, char[] buf, int off, int len, List<Problem> problems) {
    int start = off;
    int end = off + len;
    while (start < end && (buf[start] == ' ' || buf[start] == '\t')) {
      start++;
    }
    while (end > start && (buf[end - 1] == ' ' || buf[end - 1] == '\t')) {
      end--;
    }
    if (start == end) {
      return BLANK;
    }
    int i = start;
    boolean negative = buf[i] == '-';
    if (negative || buf[i] == '+') {
      i++;
    }
    long value = 0;
    boolean integer = i < end;
    for (; i < end; i++) {
      int digit = buf[i] - '0';
      if (digit < 0 || digit > 9) {
        integer = false;
        break;
      }
      if (value < ANSWER_CAP) {
        value = value * 10 + digit;
      }
    }
    if (integer) {
      if (value >= ANSWER_CAP) {
        String range = scaleMin[q] + ".." + scaleMax[q];
        problems.add(Problem.ofCell(line, column, "answer outside the scale " + range,
            "answer " + quote(buf, start, end - start) + " is outside the scale " + range));
        return INVALID;
      }
      return (int) (negative ? -value : value);
    }
    char[][] labels = labelChars[q];
    for (int l = 0; l < labels.length; l++) {
      if (labels[l].length == end - start && regionMatches(labels[l], buf, start)) {
        return labelValues[q][l];
      }
    }
    String range = scaleMin[q] + ".." + scaleMax[q];
    if (labels.length == 0) {
      problems.add(Problem.ofCell(line, column, "answer not an integer",
          "answer " + quote(buf, off, len) + " is not an integer on the scale " + range));
    } else {
      problems.add(Problem.ofCell(line, column, "answer not an integer or a label of the scale",
          "answer " + quote(buf, off, len) + " is neither an integer on the scale " + range
              + " nor one of its labels " + instrument.scaleOf(instrument.questions().get(q)).labels()
                  .keySet()));
    }
    return INVALID;
  }

  /**
   * The problem of a staged answer outside its scale, as {@link
   * dev.belonging.core.model.ResponseSet.Builder#endRow} words it.
   */
  Problem outsideScale(long line, int q, int value) {
    String range = scaleMin[q] + ".." + scaleMax[q];
    return Problem.ofCell(line, instrument.questions().get(q).id(), "answer outside the scale " + range,
        "answer " + value + " is outside the scale " + range);
  }

  private static boolean regionMatches(char[] label, char[] buf, int start) {
    for (int i = 0; i < label.length; i++) {
      if (label[i] != buf[start + i]) {
        return false;
      }
    }
    return true;
  }

  /** Quotes a value for a problem's detail, shortened and with line breaks and tabs escaped. */
  static String quote(char[] buf, int off, int len) {
    StringBuilder b = new StringBuilder(Math.min(len, QUOTE_LIMIT) + 8).append('"');
    for (int i = off; i < off + Math.min(len, QUOTE_LIMIT); i++) {
      char c = buf[i];
      switch (c) {
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        case '\t':
          b.append("\\t");
          break;
        default:
          b.append(c);
      }
    }
    if (len > QUOTE_LIMIT) {
      b.append('…');
    }
    return b.append('"').toString();
  }
}

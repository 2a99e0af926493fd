package dev.belonging.scoring.internal;

import dev.belonging.core.model.AnswerColumn;
import dev.belonging.core.model.AttributeColumn;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Breakdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one pass over a response set's columns: each respondent's dimension scores and answer counts, added
 * to the sufficient statistics of the population and of the respondent's segment in every breakdown.
 *
 * <p>Rows are read in blocks of {@value #BLOCK} codes per column; nothing is allocated per respondent.
 * Segments are keyed by the mixed-radix combination of their attribute codes, so results of different row
 * ranges of one set merge by key.
 */
public final class ScoringPass {

  static final int BLOCK = 4096;

  private ScoringPass() {}

  /** The statistics of one breakdown's segments, keyed by combined attribute codes. */
  public static final class Cells {
    private final Breakdown breakdown;
    private final AttributeColumn[] columns;
    private final long[] radix;
    private final Map<Long, long[]> cells;

    Cells(Breakdown breakdown, AttributeColumn[] columns, long[] radix, Map<Long, long[]> cells) {
      this.breakdown = breakdown;
      this.columns = columns;
      this.radix = radix;
      this.cells = cells;
    }

    /**
     * Returns the breakdown.
     *
     * @return the breakdown
     */
    public Breakdown breakdown() {
      return breakdown;
    }

    /**
     * Returns the sums per combined code, in order of first appearance.
     *
     * @return the cells
     */
    public Map<Long, long[]> cells() {
      return cells;
    }

    /**
     * Decodes a combined code into attribute name → value, in breakdown order.
     *
     * @param key the combined code
     * @return the attribute values
     */
    public Map<String, String> decode(long key) {
      Map<String, String> values = new LinkedHashMap<>();
      long rest = key;
      long[] parts = new long[columns.length];
      for (int i = columns.length - 1; i >= 0; i--) {
        parts[i] = rest % radix[i];
        rest /= radix[i];
      }
      for (int i = 0; i < columns.length; i++) {
        values.put(columns[i].name(), columns[i].values().get((int) parts[i]));
      }
      return values;
    }
  }

  /** The outcome of a pass: the population's sums and each breakdown's cells. */
  public static final class Result {
    private final long[] population;
    private final List<Cells> breakdowns;

    Result(long[] population, List<Cells> breakdowns) {
      this.population = population;
      this.breakdowns = breakdowns;
    }

    /**
     * Returns the population's sums.
     *
     * @return the sums
     */
    public long[] population() {
      return population;
    }

    /**
     * Returns each breakdown's cells, in breakdown order.
     *
     * @return the cells
     */
    public List<Cells> breakdowns() {
      return breakdowns;
    }

    /**
     * Adds another result of the same set, layout and breakdowns (another row range) into this one.
     *
     * @param other the other result
     */
    public void mergeFrom(Result other) {
      add(population, other.population);
      for (int b = 0; b < breakdowns.size(); b++) {
        Map<Long, long[]> mine = breakdowns.get(b).cells;
        other.breakdowns.get(b).cells.forEach((k, v) -> {
          long[] target = mine.get(k);
          if (target == null) {
            mine.put(k, v.clone());
          } else {
            add(target, v);
          }
        });
      }
    }
  }

  /**
   * Scores rows {@code from..to-1} of a response set.
   *
   * @param layout the layout for the set's instrument
   * @param set the response set
   * @param breakdowns the breakdowns, each of attributes the set has
   * @param from the first row
   * @param to one past the last row
   * @return the sums
   */
  public static Result run(StatisticsLayout layout, ResponseSet set, List<Breakdown> breakdowns, int from,
      int to) {
    Objects.checkFromToIndex(from, to, set.size());
    if (!layout.instrument().equals(set.instrument())) {
      throw new IllegalArgumentException("the layout is for another instrument");
    }
    List<Question> qs = set.instrument().questions();
    int nq = qs.size();
    int nd = layout.dimensionQuestions.length;
    AnswerColumn[] answerColumns = new AnswerColumn[nq];
    String[] commentIds = new String[nq];
    for (int q = 0; q < nq; q++) {
      if (qs.get(q).isRating()) {
        answerColumns[q] = set.answers(qs.get(q).id());
      } else {
        commentIds[q] = qs.get(q).id();
      }
    }

    int nb = breakdowns.size();
    AttributeColumn[][] columns = new AttributeColumn[nb][];
    long[][] radix = new long[nb][];
    LongIntMap[] ids = new LongIntMap[nb];
    List<List<long[]>> cellLists = new ArrayList<>();
    List<List<Long>> cellKeys = new ArrayList<>();
    for (int b = 0; b < nb; b++) {
      List<String> names = breakdowns.get(b).attributes();
      columns[b] = new AttributeColumn[names.size()];
      radix[b] = new long[names.size()];
      long product = 1;
      for (int i = 0; i < names.size(); i++) {
        columns[b][i] = set.attribute(names.get(i));
        radix[b][i] = Math.max(1, columns[b][i].cardinality());
        try {
          product = Math.multiplyExact(product, radix[b][i]);
        } catch (ArithmeticException e) {
          throw new IllegalArgumentException("breakdown " + breakdowns.get(b)
              + " has too many combinations of values to enumerate", e);
        }
      }
      ids[b] = new LongIntMap();
      cellLists.add(new ArrayList<>());
      cellKeys.add(new ArrayList<>());
    }

    int length = layout.length();
    long[] population = new long[length];
    long[][] targets = new long[nb + 1][];
    targets[0] = population;

    byte[][] block = new byte[nq][];
    for (int q = 0; q < nq; q++) {
      if (answerColumns[q] != null) {
        block[q] = new byte[BLOCK];
      }
    }
    int[] dimCell = new int[nd];
    int[] dimF = new int[nd];
    int[] dimU = new int[nd];
    int[] dimA = new int[nd];
    int[] qCell = new int[nq];

    for (int start = from; start < to; start += BLOCK) {
      int len = Math.min(BLOCK, to - start);
      for (int q = 0; q < nq; q++) {
        if (answerColumns[q] != null) {
          answerColumns[q].copyCodes(start, block[q], 0, len);
        }
      }
      for (int i = 0; i < len; i++) {
        int row = start + i;
        // the respondent's numbers, computed once
        for (int d = 0; d < nd; d++) {
          int[] items = layout.dimensionQuestions[d];
          int c = 0;
          int total = 0;
          int f = 0;
          int u = 0;
          for (int q : items) {
            int code = block[q][i];
            if (code != AnswerColumn.MISSING) {
              c++;
              total += layout.codedOffset[q][code];
              f += layout.favorable[q][code];
              u += layout.unfavorable[q][code];
            }
          }
          dimCell[d] = c >= layout.minAnswered[d] ? layout.histogramOffset[d][c] + total : -1;
          dimF[d] = f;
          dimU[d] = u;
          dimA[d] = c;
        }
        for (int q = 0; q < nq; q++) {
          if (answerColumns[q] != null) {
            int code = block[q][i];
            qCell[q] = code == AnswerColumn.MISSING ? -1 : layout.questionOffset[q] + code - 1;
          } else {
            qCell[q] = set.comment(commentIds[q], row).isPresent() ? layout.questionOffset[q] : -1;
          }
        }
        // the segments it belongs to
        for (int b = 0; b < nb; b++) {
          long key = 0;
          AttributeColumn[] cols = columns[b];
          for (int a = 0; a < cols.length; a++) {
            key = key * radix[b][a] + cols[a].code(row);
          }
          int id = ids[b].idOf(key);
          List<long[]> list = cellLists.get(b);
          if (id == list.size()) {
            list.add(new long[length]);
            cellKeys.get(b).add(key);
          }
          targets[b + 1] = list.get(id);
        }
        for (long[] t : targets) {
          t[0]++;
          for (int d = 0; d < nd; d++) {
            if (dimCell[d] >= 0) {
              t[dimCell[d]]++;
            }
            int a = dimA[d];
            if (a > 0) {
              int e = layout.extras[d];
              int f = dimF[d];
              t[e + StatisticsLayout.F] += f;
              t[e + StatisticsLayout.U] += dimU[d];
              t[e + StatisticsLayout.A] += a;
              t[e + StatisticsLayout.ANSWERING]++;
              t[e + StatisticsLayout.FF] += (long) f * f;
              t[e + StatisticsLayout.AA] += (long) a * a;
              t[e + StatisticsLayout.FA] += (long) f * a;
            }
          }
          for (int q = 0; q < nq; q++) {
            if (qCell[q] >= 0) {
              t[qCell[q]]++;
            }
          }
        }
      }
    }

    List<Cells> result = new ArrayList<>(nb);
    for (int b = 0; b < nb; b++) {
      Map<Long, long[]> cells = new LinkedHashMap<>();
      List<long[]> list = cellLists.get(b);
      for (int i = 0; i < list.size(); i++) {
        cells.put(cellKeys.get(b).get(i), list.get(i));
      }
      result.add(new Cells(breakdowns.get(b), columns[b], radix[b], cells));
    }
    return new Result(population, result);
  }

  private static void add(long[] target, long[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] += source[i];
    }
  }
}

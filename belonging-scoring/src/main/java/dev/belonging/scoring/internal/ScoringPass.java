package dev.belonging.scoring.internal;

import dev.belonging.core.model.AnswerColumn;
import dev.belonging.core.model.AttributeColumn;
import dev.belonging.core.model.CommentColumn;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Breakdown;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ForkJoinTask;

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

  /** A block's worth of zeros, copied to clear working arrays (never written). */
  private static final int[] ZEROS = new int[BLOCK];

  private ScoringPass() {}

  /** The statistics of one breakdown's segments, keyed by combined attribute codes. */
  public static final class Cells {
    private final Breakdown breakdown;
    private final AttributeColumn[] columns;
    private final long[] radix;
    private final Map<Long, long[]> cells;
    private final ArrayMap.Keys names;

    Cells(Breakdown breakdown, AttributeColumn[] columns, long[] radix, Map<Long, long[]> cells) {
      this.breakdown = breakdown;
      this.columns = columns;
      this.radix = radix;
      this.cells = cells;
      this.names = ArrayMap.Keys.of(breakdown.attributes());
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
      String[] values = new String[columns.length];
      long rest = key;
      for (int i = columns.length - 1; i >= 0; i--) {
        values[i] = columns[i].values().get((int) (rest % radix[i]));
        rest /= radix[i];
      }
      return ArrayMap.of(names, Arrays.asList(values));
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
   * <p>Rows are counted into the cells of a few {@linkplain CountKeys count keys}, each a set of attributes
   * that holds one or more breakdowns whole: a breakdown whose attributes are all among another's (team
   * within team × location) gets no key of its own, and keys whose joined attributes have at most {@value
   * #JOINED_COMBINATIONS} combinations of values are joined (team × tenure and team × location into
   * team × tenure × location), so that a row is added to fewer cells. Every breakdown's cells, and the
   * population's sums, are then added up from the finest cells that hold them, which gives the same
   * integers. Large ranges are split into parts scored in parallel on the
   * common fork-join pool and merged in row order, so the cells keep their order of first appearance and
   * the sums do not depend on the split.
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
    Plan plan = new Plan(layout, set, breakdowns);
    long rows = to - from;
    int parts = (int) Math.max(1, Math.min(PARALLELISM, rows / MIN_ROWS_PER_PART));
    Partial total;
    if (parts == 1) {
      total = plan.scan(from, to);
    } else {
      List<ForkJoinTask<Partial>> tasks = new ArrayList<>();
      long span = to - from;
      for (int p = 1; p < parts; p++) {
        int a = (int) (from + span * p / parts);
        int b = (int) (from + span * (p + 1) / parts);
        tasks.add(ForkJoinTask.adapt(() -> plan.scan(a, b)).fork());
      }
      total = plan.scan(from, (int) (from + span / parts));
      for (ForkJoinTask<Partial> task : tasks) {
        total.append(task.join());
      }
    }
    return plan.finish(total);
  }

  /** Rows scored by one part of a parallel pass, at least. */
  static final int MIN_ROWS_PER_PART = 1 << 14;

  private static final int PARALLELISM = Math.max(1, Runtime.getRuntime().availableProcessors());

  /** Attribute-code combinations up to this many are looked up in an array rather than a hash map. */
  private static final int DENSE_LIMIT = 1 << 16;

  /**
   * Two count keys are joined when their attributes together have at most this many combinations of
   * values: a row is then added to one cell instead of two, while the cells of a part stay within a few
   * megabytes.
   */
  public static final long JOINED_COMBINATIONS = 4_096;

  /** What to count for a set and its breakdowns: the count keys, from whose cells the breakdowns are derived. */
  private static final class Plan {
    private final StatisticsLayout layout;
    private final ResponseSet set;
    private final List<Breakdown> breakdowns;
    private final AnswerColumn[] answerColumns;
    private final CommentColumn[] commentColumns;
    private final AttributeColumn[][] columns; // per breakdown, in its attribute order
    private final long[][] radix;
    private final List<List<String>> keys; // the count keys' attributes
    private final AttributeColumn[][] keyColumns;
    private final long[][] keyRadix;
    private final long[] keyCombinations;
    private final boolean countPopulation;
    private final Counters counters;

    Plan(StatisticsLayout layout, ResponseSet set, List<Breakdown> breakdowns) {
      this.layout = layout;
      this.set = set;
      this.breakdowns = breakdowns;
      List<Question> qs = set.instrument().questions();
      int nq = qs.size();
      answerColumns = new AnswerColumn[nq];
      commentColumns = new CommentColumn[nq];
      for (int q = 0; q < nq; q++) {
        if (qs.get(q).isRating()) {
          answerColumns[q] = set.answers(qs.get(q).id());
        } else {
          commentColumns[q] = set.comments(qs.get(q).id());
        }
      }
      int nb = breakdowns.size();
      columns = new AttributeColumn[nb][];
      radix = new long[nb][];
      for (int b = 0; b < nb; b++) {
        List<String> names = breakdowns.get(b).attributes();
        columns[b] = columnsOf(names);
        radix[b] = radixOf(columns[b]);
        try {
          combinations(names);
        } catch (ArithmeticException e) {
          throw new IllegalArgumentException("breakdown " + breakdowns.get(b)
              + " has too many combinations of values to enumerate", e);
        }
      }
      keys = keys();
      int nk = keys.size();
      keyColumns = new AttributeColumn[nk][];
      keyRadix = new long[nk][];
      keyCombinations = new long[nk];
      for (int c = 0; c < nk; c++) {
        List<String> names = keys.get(c);
        keyColumns[c] = columnsOf(names);
        keyRadix[c] = radixOf(keyColumns[c]);
        // a key is a breakdown, checked above, or a join of at most JOINED_COMBINATIONS
        keyCombinations[c] = combinations(names);
      }
      countPopulation = nk == 0;
      counters = new Counters(layout);
    }

    private AttributeColumn[] columnsOf(List<String> names) {
      AttributeColumn[] out = new AttributeColumn[names.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = set.attribute(names.get(i));
      }
      return out;
    }

    /** Each attribute's number of values, at least 1: the radix of a mixed-radix code of the values. */
    private static long[] radixOf(AttributeColumn[] columns) {
      long[] out = new long[columns.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.max(1, columns[i].cardinality());
      }
      return out;
    }

    /**
     * The product of the attributes' numbers of values.
     *
     * @throws ArithmeticException if a long cannot hold it
     */
    private long combinations(List<String> names) {
      long product = 1;
      for (String name : names) {
        product = Math.multiplyExact(product, Math.max(1, set.attribute(name).cardinality()));
      }
      return product;
    }

    /** The count keys ({@link CountKeys}), joined up to {@link #JOINED_COMBINATIONS} combinations. */
    private List<List<String>> keys() {
      return CountKeys.of(breakdowns.stream().map(Breakdown::attributes).toList(),
          name -> set.attribute(name).cardinality(), JOINED_COMBINATIONS);
    }

    /** Counts rows from..to-1 into the population (when there is no key) and the count keys' cells. */
    Partial scan(int from, int to) {
      Rows rows = new Rows();
      for (int start = from; start < to; start += BLOCK) {
        int len = Math.min(BLOCK, to - start);
        for (int q = 0; q < rows.nq; q++) {
          if (answerColumns[q] != null) {
            answerColumns[q].copyCodes(start, rows.block[q], 0, len);
          }
        }
        rows.count(start, len);
      }
      rows.partial.widen(counters);
      return rows.partial;
    }

    /**
     * One part's counting state, and the counting of a block of rows: first, column by column, each row's
     * cell of every count key and each row's three slots per dimension; then, row by row, each row's
     * answers and slots added to its cells. Row by row, one row's counts of neighbouring questions share
     * cache lines of its cell, and a cell is read once per row rather than once per question: the cells
     * of a large key do not fit in cache, and one pass over a block per question read each of them about
     * three times as often. Every loop reads its arrays from locals: the JIT's quick compiler, which the
     * command line runs with, hoists no field read out of a loop.
     */
    private final class Rows {
      final int nq = answerColumns.length;
      final int nd = layout.dimensionQuestions.length;
      final int nc = keyColumns.length;
      final int length = counters.length;
      final Partial partial = new Partial(nc, countPopulation ? new int[length] : null);
      final AttributeColumn[][] cols = new AttributeColumn[nc][];
      final long[][] rdx = new long[nc][];
      final int[][] dense = new int[nc][];
      final byte[][] block = new byte[nq][];
      /** The rating questions' codes of the block, and each one's first slot less one (codes start at 1). */
      final byte[][] ratingCodes;
      final int[] ratingBase;
      /** Per count key (one, the population's, when there is none): the counters of the block's rows' cells. */
      final int[][][] cellOf = new int[Math.max(1, nc)][BLOCK][];
      // per dimension and row of the block, the three slots the row adds one to: its score's, its
      // (answered, favorable)'s and its unfavorable answers'
      final int[][] scoreSlot = new int[nd][BLOCK];
      final int[][] answeredFavorable = new int[nd][BLOCK];
      final int[][] unfavorable = new int[nd][BLOCK];
      // the block's rows' mixed-radix keys of the count key at hand, and one attribute's codes
      final long[] blockKeys = new long[BLOCK];
      final int[] blockCodes = new int[BLOCK];

      Rows() {
        for (int c = 0; c < nc; c++) {
          cols[c] = keyColumns[c];
          rdx[c] = keyRadix[c];
          if (keyCombinations[c] <= DENSE_LIMIT) {
            dense[c] = new int[(int) keyCombinations[c]];
            Arrays.fill(dense[c], -1);
          }
        }
        if (countPopulation) {
          Arrays.fill(cellOf[0], partial.populationCounts);
        }
        int ratings = 0;
        for (int q = 0; q < nq; q++) {
          if (answerColumns[q] != null) {
            block[q] = new byte[BLOCK];
            ratings++;
          }
        }
        ratingCodes = new byte[ratings][];
        ratingBase = new int[ratings];
        for (int q = 0, r = 0; q < nq; q++) {
          if (answerColumns[q] != null) {
            ratingCodes[r] = block[q];
            ratingBase[r++] = layout.questionOffset[q] - 1;
          }
        }
      }

      /** Counts rows {@code start..start+len-1}, whose codes are at 0.. in the block. */
      void count(int start, int len) {
        if (!countPopulation) {
          for (int c = 0; c < nc; c++) {
            locate(c, start, len);
          }
        }
        for (int d = 0; d < nd; d++) {
          scoreDimension(d, len);
        }
        int keys = cellOf.length;
        int three = keys - keys % 3;
        for (int c = 0; c < three; c += 3) {
          countRows(cellOf[c], cellOf[c + 1], cellOf[c + 2], len);
        }
        for (int c = three; c < keys; c++) {
          countRows(cellOf[c], len);
        }
        for (int q = 0; q < nq; q++) {
          if (commentColumns[q] != null) {
            int slot = layout.questionOffset[q];
            for (int i = 0; i < len; i++) {
              if (!commentColumns[q].isMissing(start + i)) {
                for (int c = 0; c < keys; c++) {
                  cellOf[c][i][slot]++;
                }
              }
            }
          }
        }
      }

      /** Points {@code cellOf[c]} at each row's cell of count key {@code c}, adding cells as they appear. */
      private void locate(int c, int start, int len) {
        AttributeColumn[] bc = cols[c];
        long[] r = rdx[c];
        int[] table = dense[c];
        int[][] out = cellOf[c];
        LongIntMap ids = partial.ids[c];
        List<int[]> counters = partial.counts.get(c);
        long[] keys = blockKeys;
        MixedRadix.keys(bc, null, r, start, len, keys, blockCodes);
        for (int i = 0; i < len; i++) {
          long key = keys[i];
          int id;
          if (table != null) {
            id = table[(int) key];
            if (id < 0) {
              id = table[(int) key] = partial.newCell(c, key, length);
              ids.idOf(key); // keeps the map complete for merging
            }
          } else {
            id = ids.idOf(key);
            if (id == counters.size()) {
              partial.newCell(c, key, length);
            }
          }
          out[i] = counters.get(id);
        }
      }

      /**
       * Adds each row to its cell: one respondent, one count per answered rating question at its code, and
       * one at each of the row's three slots per dimension.
       */
      private void countRows(int[][] cells, int len) {
        byte[][] codes = ratingCodes;
        int[] base = ratingBase;
        int[][] t = scoreSlot;
        int[][] cf = answeredFavorable;
        int[][] u = unfavorable;
        int questions = codes.length;
        int dimensions = t.length;
        for (int i = 0; i < len; i++) {
          int[] cell = cells[i];
          cell[0]++;
          for (int q = 0; q < questions; q++) {
            int code = codes[q][i];
            if (code != AnswerColumn.MISSING) {
              cell[base[q] + code]++;
            }
          }
          for (int d = 0; d < dimensions; d++) {
            cell[t[d][i]]++;
            cell[cf[d][i]]++;
            cell[u[d][i]]++;
          }
        }
      }

      /**
       * As {@link #countRows(int[][], int)} for three count keys in one pass over the block: the quick
       * compiler keeps each loop as written, so one pass instead of three reads each code and slot once.
       */
      private void countRows(int[][] cells0, int[][] cells1, int[][] cells2, int len) {
        byte[][] codes = ratingCodes;
        int[] base = ratingBase;
        int[][] t = scoreSlot;
        int[][] cf = answeredFavorable;
        int[][] u = unfavorable;
        int questions = codes.length;
        int dimensions = t.length;
        for (int i = 0; i < len; i++) {
          int[] cell0 = cells0[i];
          int[] cell1 = cells1[i];
          int[] cell2 = cells2[i];
          cell0[0]++;
          cell1[0]++;
          cell2[0]++;
          for (int q = 0; q < questions; q++) {
            int code = codes[q][i];
            if (code != AnswerColumn.MISSING) {
              int slot = base[q] + code;
              cell0[slot]++;
              cell1[slot]++;
              cell2[slot]++;
            }
          }
          for (int d = 0; d < dimensions; d++) {
            int ti = t[d][i];
            int cfi = cf[d][i];
            int ui = u[d][i];
            cell0[ti]++;
            cell0[cfi]++;
            cell0[ui]++;
            cell1[ti]++;
            cell1[cfi]++;
            cell1[ui]++;
            cell2[ti]++;
            cell2[cfi]++;
            cell2[ui]++;
          }
        }
      }

      /** Sets the three slots each row adds one to in dimension d. */
      private void scoreDimension(int d, int len) {
        int[] t = scoreSlot[d];
        int[] cf = answeredFavorable[d];
        int[] u = unfavorable[d];
        // cleared by copying zeros: the quick compiler turns a copy into wide moves, a fill into a loop
        System.arraycopy(ZEROS, 0, t, 0, len);
        System.arraycopy(ZEROS, 0, cf, 0, len);
        System.arraycopy(ZEROS, 0, u, 0, len);
        int[] items = layout.dimensionQuestions[d];
        for (int k = 0; k < items.length; k++) {
          byte[] codes = block[items[k]];
          byte[] coded = layout.codedOffset[items[k]]; // 0 for a missing answer, as are the others
          int[] weight = counters.answeredFavorableWeight[d][k];
          byte[] unf = layout.unfavorable[items[k]];
          for (int i = 0; i < len; i++) {
            int code = codes[i];
            t[i] += coded[code];
            cf[i] += weight[code];
            u[i] += unf[code];
          }
        }
        int[] offset = counters.scoreOffset[d];
        int[] slot = counters.answeredFavorableSlot[d];
        int first = counters.unfavorableOffset[d];
        for (int i = 0; i < len; i++) {
          int packed = cf[i];
          t[i] += offset[packed];
          cf[i] = slot[packed];
          u[i] += first;
        }
      }
    }

    /** Builds the result: every breakdown's cells, derived from the finest cells that hold them, and the population. */
    Result finish(Partial total) {
      int nb = breakdowns.size();
      int length = layout.length();
      // the finest cells first: the keys', then each breakdown's from the fewest cells that hold it,
      // breakdowns with more attributes first, so that a coarse one may be added up from a finer one
      List<Cells> available = new ArrayList<>();
      for (int c = 0; c < keys.size(); c++) {
        Map<Long, long[]> map = new LinkedHashMap<>();
        List<long[]> sums = total.sums.get(c);
        long[] keyCodes = total.keys[c];
        for (int i = 0; i < sums.size(); i++) {
          map.put(keyCodes[i], sums.get(i));
        }
        List<String> names = keys.get(c);
        Breakdown key = Breakdown.of(names.get(0), names.subList(1, names.size()).toArray(String[]::new));
        available.add(new Cells(key, keyColumns[c], keyRadix[c], map));
      }
      List<Integer> order = new ArrayList<>();
      for (int b = 0; b < nb; b++) {
        order.add(b);
      }
      order.sort((x, y) -> Integer.compare(breakdowns.get(y).attributes().size(),
          breakdowns.get(x).attributes().size()));
      Cells[] cells = new Cells[nb];
      for (int b : order) {
        List<String> names = breakdowns.get(b).attributes();
        Cells source = null;
        for (Cells c : available) {
          if (c.breakdown().attributes().containsAll(names)
              && (source == null || c.cells.size() < source.cells.size())) {
            source = c;
          }
        }
        cells[b] = derive(b, source);
        available.add(cells[b]);
      }
      long[] population;
      if (countPopulation) {
        population = total.population;
      } else {
        Cells smallest = available.get(0);
        for (Cells c : available) {
          if (c.cells.size() < smallest.cells.size()) {
            smallest = c;
          }
        }
        population = new long[length];
        for (long[] sums : smallest.cells.values()) {
          add(population, sums);
        }
      }
      return new Result(population, List.of(cells));
    }

    /**
     * Adds up a breakdown's cells from a finer breakdown's. The finer cells are in order of first
     * appearance, so the first finer cell that adds to a coarse cell is the coarse cell's first
     * appearance too: the coarse cells come out in their own order of first appearance.
     */
    private Cells derive(int b, Cells source) {
      List<String> names = breakdowns.get(b).attributes();
      List<String> sourceNames = source.breakdown().attributes();
      int[] position = new int[names.size()];
      for (int i = 0; i < names.size(); i++) {
        position[i] = sourceNames.indexOf(names.get(i));
      }
      long[] parts = new long[sourceNames.size()];
      Map<Long, long[]> map = new LinkedHashMap<>();
      for (Map.Entry<Long, long[]> e : source.cells.entrySet()) {
        long rest = e.getKey();
        for (int i = parts.length - 1; i >= 0; i--) {
          parts[i] = rest % source.radix[i];
          rest /= source.radix[i];
        }
        long key = 0;
        for (int i = 0; i < names.size(); i++) {
          key = key * radix[b][i] + parts[position[i]];
        }
        long[] target = map.get(key);
        if (target == null) {
          map.put(key, e.getValue().clone());
        } else {
          add(target, e.getValue());
        }
      }
      return new Cells(breakdowns.get(b), columns[b], radix[b], map);
    }
  }

  /**
   * How a part counts a cell in ints: the layout's slots, where each dimension's histogram of scores is
   * counted as it is, then per dimension the rows per (answered items c, favorable answers f) and per
   * unfavorable answers u, from which its extra sums are made when the part is done. A row adds one to
   * three slots per dimension, rather than to a histogram slot and seven sums, and no counter can pass the
   * number of rows. Rows with fewer answers than the minimum are counted in histograms that nothing reads.
   */
  private static final class Counters {
    private final StatisticsLayout layout;
    /** Int counters per cell. */
    final int length;
    /** [d][k][code]: what item k's answer adds to a row's packed c·(m+1)+f: m+1, and 1 if favorable. */
    final int[][][] answeredFavorableWeight;
    /** [d][c·(m+1)+f]: the first slot of the histogram of scores of rows with c answers. */
    final int[][] scoreOffset;
    /** [d][c·(m+1)+f]: the slot that counts rows with c answers and f favorable ones. */
    final int[][] answeredFavorableSlot;
    /** [d]: the first of the counts of rows per number of unfavorable answers, 0..m. */
    final int[] unfavorableOffset;

    Counters(StatisticsLayout layout) {
      this.layout = layout;
      int nd = layout.dimensionQuestions.length;
      scoreOffset = new int[nd][];
      answeredFavorableSlot = new int[nd][];
      answeredFavorableWeight = new int[nd][][];
      unfavorableOffset = new int[nd];
      int slot = layout.length();
      for (int d = 0; d < nd; d++) {
        int[] items = layout.dimensionQuestions[d];
        int m = items.length;
        scoreOffset[d] = new int[(m + 1) * (m + 1)];
        answeredFavorableSlot[d] = new int[(m + 1) * (m + 1)];
        answeredFavorableWeight[d] = new int[m][];
        for (int k = 0; k < m; k++) {
          byte[] favorable = layout.favorable[items[k]];
          int[] weight = new int[favorable.length]; // 0 for a missing answer
          for (int code = 1; code < favorable.length; code++) {
            weight[code] = m + 1 + favorable[code];
          }
          answeredFavorableWeight[d][k] = weight;
        }
        for (int c = 0; c <= m; c++) {
          int histogram = layout.histogramOffset[d][c];
          if (histogram < 0) {
            histogram = slot;
            slot += c * layout.range[d] + 1;
          }
          for (int f = 0; f <= c; f++) {
            scoreOffset[d][c * (m + 1) + f] = histogram;
          }
        }
        for (int c = 1; c <= m; c++) {
          for (int f = 0; f <= c; f++) {
            answeredFavorableSlot[d][c * (m + 1) + f] = slot++;
          }
        }
        unfavorableOffset[d] = slot;
        slot += m + 1;
      }
      // the last slot counts the rows that answered none of a dimension's items
      for (int[] slots : answeredFavorableSlot) {
        slots[0] = slot;
      }
      length = slot + 1;
    }

    /**
     * Turns a cell's int counters into the layout's sums: the slots up to the layout's length as counted,
     * and each dimension's extra sums from its rows' counts per (answered, favorable) and per unfavorable.
     */
    long[] sums(int[] counts) {
      long[] out = new long[layout.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = counts[i];
      }
      for (int d = 0; d < unfavorableOffset.length; d++) {
        int m = layout.dimensionQuestions[d].length;
        int[] cf = answeredFavorableSlot[d];
        long answering = 0;
        long f = 0;
        long a = 0;
        long ff = 0;
        long aa = 0;
        long fa = 0;
        for (int c = 1; c <= m; c++) {
          for (int favorable = 0; favorable <= c; favorable++) {
            long rows = counts[cf[c * (m + 1) + favorable]];
            answering += rows;
            f += favorable * rows;
            a += c * rows;
            ff += (long) favorable * favorable * rows;
            aa += (long) c * c * rows;
            fa += (long) favorable * c * rows;
          }
        }
        long u = 0;
        for (int unfavorable = 1; unfavorable <= m; unfavorable++) {
          u += unfavorable * (long) counts[unfavorableOffset[d] + unfavorable];
        }
        int e = layout.extras[d];
        out[e + StatisticsLayout.ANSWERING] = answering;
        out[e + StatisticsLayout.F] = f;
        out[e + StatisticsLayout.U] = u;
        out[e + StatisticsLayout.A] = a;
        out[e + StatisticsLayout.FF] = ff;
        out[e + StatisticsLayout.AA] = aa;
        out[e + StatisticsLayout.FA] = fa;
      }
      return out;
    }
  }

  /** The sums of one range of rows: the count keys' cells in order of first appearance. */
  private static final class Partial {
    // counted in ints while scanning (half the memory, so more cells stay in cache), then widened
    private int[] populationCounts;
    private List<List<int[]>> counts = new ArrayList<>();
    private long[] population;
    private final List<List<long[]>> sums = new ArrayList<>();
    private final LongIntMap[] ids;
    private final long[][] keys;

    Partial(int counted, int[] populationCounts) {
      this.populationCounts = populationCounts;
      ids = new LongIntMap[counted];
      keys = new long[counted][];
      for (int c = 0; c < counted; c++) {
        ids[c] = new LongIntMap();
        counts.add(new ArrayList<>());
        keys[c] = new long[16];
      }
    }

    /** Turns the int counters into the long sums that merging and the result use. */
    void widen(Counters counters) {
      population = populationCounts == null ? null : counters.sums(populationCounts);
      for (List<int[]> list : counts) {
        List<long[]> wide = new ArrayList<>(list.size());
        for (int[] c : list) {
          wide.add(counters.sums(c));
        }
        sums.add(wide);
      }
      populationCounts = null;
      counts = null;
    }

    /** Adds a cell to count key c and returns its id; the caller registers the code in ids[c]. */
    int newCell(int c, long key, int length) {
      List<int[]> list = counts.get(c);
      int id = list.size();
      list.add(new int[length]);
      if (id == keys[c].length) {
        keys[c] = Arrays.copyOf(keys[c], id * 2);
      }
      keys[c][id] = key;
      return id;
    }

    /** Adds the sums of the rows that follow this range's. */
    void append(Partial later) {
      if (population != null) {
        add(population, later.population);
      }
      for (int c = 0; c < ids.length; c++) {
        List<long[]> mine = sums.get(c);
        List<long[]> theirs = later.sums.get(c);
        for (int i = 0; i < theirs.size(); i++) {
          long key = later.keys[c][i];
          int id = ids[c].idOf(key);
          if (id == mine.size()) {
            // not seen before: keep it after this range's cells, as first appearance orders it
            mine.add(theirs.get(i));
            if (id == keys[c].length) {
              keys[c] = Arrays.copyOf(keys[c], id * 2);
            }
            keys[c][id] = key;
          } else {
            add(mine.get(id), theirs.get(i));
          }
        }
      }
    }
  }

  private static void add(long[] target, long[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] += source[i];
    }
  }
}

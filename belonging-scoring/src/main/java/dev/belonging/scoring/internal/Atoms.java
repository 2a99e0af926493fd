package dev.belonging.scoring.internal;

import dev.belonging.core.model.AnswerColumn;
import dev.belonging.core.model.AttributeColumn;
import dev.belonging.core.model.CommentColumn;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The atoms of a response set for a list of attributes (the cells of their finest cross-classification that
 * have respondents) and, per atom, its contributors to each kind of figure.
 *
 * <p>Figures are numbered: 0 is the headcount; for dimension {@code d} (instrument order) {@code 1 + 2d}
 * counts members with a score and {@code 2 + 2d} members with at least one answer; for question {@code q}
 * (instrument order) {@code 1 + 2·dimensions + q} counts members who answered it (rating) or wrote a comment
 * (comment question). Atoms are sorted by their attribute values (compared as text, attribute by attribute),
 * so that nothing depends on the order of the rows.
 *
 * <p>Computed column by column: one {@code int} per row for the atom, one per row for item counts, and
 * nothing allocated per respondent; the figures are counted in parallel on the common fork-join pool. This
 * class is immutable after construction and thread-safe.
 */
public final class Atoms {

  private final List<AttributeColumn> attributes;
  private final int[][] codes; // [atom][attribute]
  private final int[][] counts; // [figure][atom]
  private final int[][] rankOf; // [attribute][code]: the rank of the code's value in text order
  private final long[] totals; // [figure]: the sum of every atom's contributors

  private Atoms(List<AttributeColumn> attributes, int[][] codes, int[][] counts, int[][] rankOf) {
    this.attributes = attributes;
    this.codes = codes;
    this.counts = counts;
    this.rankOf = rankOf;
    this.totals = new long[counts.length];
    for (int f = 0; f < counts.length; f++) {
      long total = 0;
      for (int c : counts[f]) {
        total += c;
      }
      totals[f] = total;
    }
  }

  /** Per attribute and code, the rank of the code's value among the attribute's values in text order. */
  private static int[][] ranksOf(List<AttributeColumn> columns) {
    int[][] rankOf = new int[columns.size()][];
    for (int a = 0; a < rankOf.length; a++) {
      rankOf[a] = ranks(columns.get(a).values());
    }
    return rankOf;
  }

  /** Per code, the rank of its value among the values in text order. */
  private static int[] ranks(List<String> values) {
    int[] byText = StableOrder.of(values.size(), (x, y) -> values.get(x).compareTo(values.get(y)));
    int[] rank = new int[byText.length];
    for (int r = 0; r < byText.length; r++) {
      rank[byText[r]] = r;
    }
    return rank;
  }

  /**
   * Computes the atoms of a response set.
   *
   * @param layout the layout (instrument and missing policy)
   * @param set the responses
   * @param attributeNames the attributes, each present in the set, distinct
   * @return the atoms
   * @throws IllegalArgumentException if an attribute is unknown or the cross-classification is too large
   *     to enumerate
   */
  public static Atoms of(StatisticsLayout layout, ResponseSet set, List<String> attributeNames) {
    return of(layout, set, attributeNames, DIRECT_LIMIT);
  }

  /**
   * As {@link #of(StatisticsLayout, ResponseSet, List)}, numbering through an array up to {@code directLimit}
   * cells.
   */
  static Atoms of(StatisticsLayout layout, ResponseSet set, List<String> attributeNames, int directLimit) {
    return of(layout, set, attributeNames, directLimit, PARALLEL_ROWS);
  }

  /**
   * As {@link #of(StatisticsLayout, ResponseSet, List, int)}, numbering the rows in parts of at least
   * {@code rowsPerPart} rows (at most four per processor).
   */
  static Atoms of(StatisticsLayout layout, ResponseSet set, List<String> attributeNames, int directLimit,
      int rowsPerPart) {
    Objects.requireNonNull(layout, "layout");
    if (!layout.instrument().equals(set.instrument())) {
      throw new IllegalArgumentException("the layout is for another instrument");
    }
    List<AttributeColumn> columns = columns(set, attributeNames);
    int n = set.size();
    int[] atomOf = new int[n];
    int[][] rankOf = ranksOf(columns);
    int[][] sortedCodes = index(columns, rankOf, n, atomOf, directLimit, rowsPerPart);
    int atoms = sortedCodes.length;

    List<Question> questions = layout.instrument().questions();
    int nd = layout.instrument().dimensions().size();
    int[][] counts = new int[1 + 2 * nd + questions.size()][atoms];
    for (int row = 0; row < n; row++) {
      counts[0][atomOf[row]]++;
    }
    // each figure's counts are independent of the others': dimensions and questions are counted in
    // parallel on the common fork-join pool, each into its own arrays, so the result does not depend on it.
    // Answers are rarely missing, so each count starts from the headcount and loses the rows without
    // (few writes to scattered atoms, where counting the rows with would write once per row)
    int[] headcount = counts[0];
    // a rating question is counted in its dimension's pass over its answers; comment questions on their own
    int[] commentQuestions = IntStream.range(0, questions.size()).filter(q -> !questions.get(q).isRating())
        .toArray();
    IntStream.range(0, nd + commentQuestions.length).parallel().forEach(task -> {
      if (task < nd) {
        countDimension(layout, set, task, atomOf, headcount, counts);
      } else {
        int q = commentQuestions[task - nd];
        countComments(set.comments(questions.get(q).id()), atomOf, counts[1 + 2 * nd + q]);
      }
    });
    return new Atoms(List.copyOf(columns), sortedCodes, counts, rankOf);
  }

  /**
   * Counts, per atom, the members with a score on a dimension and those with at least one answer to it,
   * and the members who answered each of its questions: the headcount less the rows with too few answers,
   * or without one. Only the rows with a missing answer are visited, 64 rows at a time from the columns'
   * {@linkplain AnswerColumn#missingBits(int) missing bits}.
   */
  private static void countDimension(StatisticsLayout layout, ResponseSet set, int d, int[] atomOf,
      int[] headcount, int[][] counts) {
    List<Question> questions = layout.instrument().questions();
    int nd = layout.instrument().dimensions().size();
    int[] scored = counts[1 + 2 * d];
    int[] answering = counts[2 + 2 * d];
    int[] items = layout.dimensionQuestions(d);
    int m = items.length;
    AnswerColumn[] columns = new AnswerColumn[m];
    int[][] answered = new int[m][];
    for (int k = 0; k < m; k++) {
      columns[k] = set.answers(questions.get(items[k]).id());
      answered[k] = counts[1 + 2 * nd + items[k]];
      System.arraycopy(headcount, 0, answered[k], 0, headcount.length);
    }
    System.arraycopy(headcount, 0, scored, 0, scored.length);
    System.arraycopy(headcount, 0, answering, 0, answering.length);
    int min = layout.minAnswered(d);
    long[] bits = new long[m];
    int words = m == 0 ? 0 : columns[0].missingWords(); // the rows' words, as in every column
    for (int w = 0; w < words; w++) {
      long any = 0;
      for (int k = 0; k < m; k++) {
        long b = columns[k].missingBits(w);
        bits[k] = b;
        any |= b;
      }
      if (any != 0) {
        countMissed(bits, any, w << 6, atomOf, answered, min, scored, answering);
      }
    }
  }

  /**
   * For the 64 rows from {@code base}, of which those in {@code any} miss an answer ({@code bits} per
   * question): takes each missing answer away from its atom's members who answered the question, and each
   * row with fewer answers than the minimum from its atom's scored members, with none from the answering
   * ones.
   */
  private static void countMissed(long[] bits, long any, int base, int[] atomOf, int[][] answered, int min,
      int[] scored, int[] answering) {
    int m = bits.length;
    for (long rest = any; rest != 0; rest &= rest - 1) {
      int bit = Long.numberOfTrailingZeros(rest);
      int atom = atomOf[base + bit];
      int missed = 0;
      for (int k = 0; k < m; k++) {
        if ((bits[k] >>> bit & 1) != 0) {
          missed++;
          answered[k][atom]--;
        }
      }
      int left = m - missed;
      if (left < min) {
        scored[atom]--;
      }
      if (left == 0) {
        answering[atom]--;
      }
    }
  }

  /** Counts, per atom, the members who wrote a comment. */
  private static void countComments(CommentColumn comments, int[] atomOf, int[] target) {
    for (int row = 0; row < atomOf.length; row++) {
      if (!comments.isMissing(row)) {
        target[atomOf[row]]++;
      }
    }
  }

  /**
   * Computes the atoms of the distinct cells of a cross-classification, from each cell's contributors:
   * the atoms of merged statistics rather than rows. Row {@code r} of {@code cells} is one cell (its
   * attribute values; its answers are not read) and {@code counts[f][r]} its contributors to figure
   * {@code f}, numbered as in this class; rows with equal values add up.
   *
   * @param layout the layout (instrument and missing policy)
   * @param cells one row per cell, with the attributes named
   * @param attributeNames the attributes, each present in {@code cells}, distinct
   * @param counts contributors per figure and row: {@code 1 + 2·dimensions + questions} arrays of
   *     {@code cells.size()} counts
   * @return the atoms
   * @throws IllegalArgumentException if an attribute is unknown, the counts have the wrong shape or the
   *     cross-classification is too large to enumerate
   */
  public static Atoms ofCounts(StatisticsLayout layout, ResponseSet cells, List<String> attributeNames,
      int[][] counts) {
    Objects.requireNonNull(layout, "layout");
    int figures = 1 + 2 * layout.instrument().dimensions().size() + layout.instrument().questions().size();
    if (counts.length != figures) {
      throw new IllegalArgumentException("expected counts of " + figures + " figures, got " + counts.length);
    }
    List<AttributeColumn> columns = columns(cells, attributeNames);
    int n = cells.size();
    int[] atomOf = new int[n];
    int[][] rankOf = ranksOf(columns);
    int[][] sortedCodes = index(columns, rankOf, n, atomOf, DIRECT_LIMIT, PARALLEL_ROWS);
    int[][] sums = new int[figures][sortedCodes.length];
    for (int f = 0; f < figures; f++) {
      if (counts[f].length != n) {
        throw new IllegalArgumentException("figure " + f + " has " + counts[f].length + " counts for "
            + n + " cells");
      }
      for (int row = 0; row < n; row++) {
        sums[f][atomOf[row]] = Math.addExact(sums[f][atomOf[row]], counts[f][row]);
      }
    }
    return new Atoms(List.copyOf(columns), sortedCodes, sums, rankOf);
  }

  private static List<AttributeColumn> columns(ResponseSet set, List<String> attributeNames) {
    List<AttributeColumn> columns = new ArrayList<>();
    for (String name : attributeNames) {
      if (!set.attributeNames().contains(name)) {
        throw new IllegalArgumentException("the responses have no attribute \"" + name
            + "\"; their attributes are " + set.attributeNames());
      }
      columns.add(set.attribute(name));
    }
    return columns;
  }

  /** Cross-classifications of up to this many cells are numbered through an array rather than a hash map. */
  static final int DIRECT_LIMIT = LongIntMap.DIRECT_LIMIT;

  /**
   * Numbers the atoms of rows 0..n-1 in canonical order (by values as text): fills {@code atomOf} with
   * each row's atom and returns each atom's attribute codes.
   *
   * <p>Each attribute's codes are first replaced by their values' ranks in text order ({@code rankOf}), so
   * that the mixed-radix number of a row's ranks orders atoms canonically: sorting atoms is sorting numbers.
   * Up to {@link #DIRECT_LIMIT} possible cells, that number indexes an array of marks, read in order to
   * number the atoms; beyond it, the distinct numbers are collected in a hash map and sorted.
   */
  private static int[][] index(List<AttributeColumn> columns, int[][] rankOf, int n, int[] atomOf,
      int directLimit, int rowsPerPart) {
    int na = columns.size();
    AttributeColumn[] columnArray = columns.toArray(AttributeColumn[]::new);
    long[] radix = new long[na];
    int[][] codeOf = new int[na][]; // [attribute][rank] -> code
    long product = 1;
    for (int a = 0; a < na; a++) {
      List<String> values = columns.get(a).values();
      radix[a] = Math.max(1, values.size());
      try {
        product = Math.multiplyExact(product, radix[a]);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("the attributes "
            + columns.stream().map(AttributeColumn::name).toList()
            + " have too many combinations of values to enumerate", e);
      }
      codeOf[a] = new int[rankOf[a].length];
      for (int c = 0; c < rankOf[a].length; c++) {
        codeOf[a][rankOf[a][c]] = c;
      }
    }
    long[] sortedKeys;
    if (product <= directLimit) {
      // the key fits an int: keep it in atomOf, mark it, then number the marks in order
      boolean[] present = new boolean[(int) product];
      forEachKeyBlock(columnArray, rankOf, radix, n, rowsPerPart, (start, length, keys) -> {
        for (int i = 0; i < length; i++) {
          int key = (int) keys[i];
          atomOf[start + i] = key;
          present[key] = true; // the same value from any part
        }
      });
      int[] idOfKey = new int[(int) product];
      int atoms = 0;
      for (int key = 0; key < idOfKey.length; key++) {
        if (present[key]) {
          idOfKey[key] = atoms++;
        }
      }
      sortedKeys = new long[atoms];
      for (int key = 0; key < idOfKey.length; key++) {
        if (present[key]) {
          sortedKeys[idOfKey[key]] = key;
        }
      }
      forEachPart(n, rowsPerPart, (from, to) -> {
        for (int row = from; row < to; row++) {
          atomOf[row] = idOfKey[atomOf[row]];
        }
      });
    } else {
      long[] rowKeys = new long[n];
      forEachKeyBlock(columnArray, rankOf, radix, n, rowsPerPart,
          (start, length, keys) -> System.arraycopy(keys, 0, rowKeys, start, length));
      LongIntMap ids = new LongIntMap();
      long[] keys = new long[64];
      for (int row = 0; row < n; row++) {
        long key = rowKeys[row];
        int id = ids.idOf(key);
        if (id == keys.length) {
          keys = Arrays.copyOf(keys, 2 * id);
        }
        keys[id] = key;
        atomOf[row] = id;
      }
      int atoms = ids.size();
      sortedKeys = Arrays.copyOf(keys, atoms);
      Arrays.sort(sortedKeys);
      int[] rank = new int[atoms];
      for (int id = 0; id < atoms; id++) {
        rank[id] = Arrays.binarySearch(sortedKeys, keys[id]);
      }
      forEachPart(n, rowsPerPart, (from, to) -> {
        for (int row = from; row < to; row++) {
          atomOf[row] = rank[atomOf[row]];
        }
      });
    }
    int[][] sortedCodes = new int[sortedKeys.length][na];
    for (int atom = 0; atom < sortedKeys.length; atom++) {
      long rest = sortedKeys[atom];
      for (int a = na - 1; a >= 0; a--) {
        sortedCodes[atom][a] = codeOf[a][(int) (rest % radix[a])];
        rest /= radix[a];
      }
    }
    return sortedCodes;
  }

  /** Rows whose keys are computed at a time, column by column. */
  private static final int KEY_BLOCK = 4096;

  /** The fewest rows of a part of a pass over the rows, in parts run on the common fork-join pool. */
  private static final int PARALLEL_ROWS = 1 << 15;

  /** A pass over rows {@code from..to-1}. */
  @FunctionalInterface
  private interface RowRange {
    void run(int from, int to);
  }

  /**
   * Runs a pass over rows 0..n-1 in parts of at least {@code rowsPerPart} rows, at most four per processor,
   * on the common fork-join pool (in one part when there are few rows). The passes write each row's own
   * entries, or the same value from any part, so the result does not depend on the parts.
   */
  private static void forEachPart(int n, int rowsPerPart, RowRange pass) {
    int parts = (int) Math.min(4L * Runtime.getRuntime().availableProcessors(), Math.max(1, n / rowsPerPart));
    if (parts <= 1) {
      pass.run(0, n);
      return;
    }
    IntStream.range(0, parts).parallel()
        .forEach(p -> pass.run((int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts)));
  }

  /** What a pass over the rows' keys does with a block of them: rows {@code start..start+length-1}. */
  @FunctionalInterface
  private interface KeyBlock {
    void accept(int start, int length, long[] keys);
  }

  /**
   * Computes the keys of rows 0..n-1 block by block, in parts as {@link #forEachPart} runs them, and hands
   * each block to {@code block}, which must write only to its own rows or the same value from any part.
   */
  private static void forEachKeyBlock(AttributeColumn[] columns, int[][] rankOf, long[] radix, int n,
      int rowsPerPart, KeyBlock block) {
    forEachPart(n, rowsPerPart, (from, to) -> {
      long[] keys = new long[KEY_BLOCK];
      int[] codes = new int[KEY_BLOCK];
      for (int start = from; start < to; start += KEY_BLOCK) {
        int length = Math.min(KEY_BLOCK, to - start);
        MixedRadix.keys(columns, rankOf, radix, start, length, keys, codes);
        block.accept(start, length, keys);
      }
    });
  }

  /**
   * Returns the attributes, in the order given.
   *
   * @return the attribute columns
   */
  public List<AttributeColumn> attributes() {
    return attributes;
  }

  /**
   * Returns the number of atoms.
   *
   * @return the number of non-empty cells of the cross-classification
   */
  public int size() {
    return codes.length;
  }

  /**
   * Returns an atom's code of an attribute.
   *
   * @param atom the atom
   * @param attribute the attribute's index in {@link #attributes()}
   * @return the code in the attribute's dictionary
   */
  public int code(int atom, int attribute) {
    return codes[atom][attribute];
  }

  /**
   * Returns the rank of an atom's value of an attribute among the attribute's values in text order: the
   * atoms are in ascending order of their ranks, attribute by attribute, whatever the order of the rows.
   *
   * @param atom the atom
   * @param attribute the attribute's index in {@link #attributes()}
   * @return the rank, from 0 to the attribute's cardinality − 1
   */
  public int rank(int atom, int attribute) {
    return rankOf[attribute][codes[atom][attribute]];
  }

  /**
   * Returns an atom's value of an attribute.
   *
   * @param atom the atom
   * @param attribute the attribute's index
   * @return the value
   */
  public String value(int atom, int attribute) {
    return attributes.get(attribute).values().get(codes[atom][attribute]);
  }

  /**
   * Returns the number of figures (see the class description for their numbering).
   *
   * @return the number of figures
   */
  public int figures() {
    return counts.length;
  }

  /**
   * Adds each atom's contributors to a figure to the sum of its group.
   *
   * @param figure the figure number
   * @param groupOf each atom's group, an index into {@code sums}
   * @param sums the sums, added to
   */
  public void addContributors(int figure, int[] groupOf, long[] sums) {
    int[] c = counts[figure];
    for (int a = 0; a < c.length; a++) {
      sums[groupOf[a]] += c[a];
    }
  }

  /**
   * Returns a figure's contributors over all atoms.
   *
   * @param figure the figure number
   * @return the sum of every atom's contributors to it
   */
  public long total(int figure) {
    return totals[figure];
  }

  /**
   * Returns, per atom, its fewest contributors to any of some figures.
   *
   * @param figures per figure, whether it counts
   * @return per atom the minimum, {@link Integer#MAX_VALUE} when no figure counts
   */
  public int[] fewest(boolean[] figures) {
    int[] out = new int[size()];
    Arrays.fill(out, Integer.MAX_VALUE);
    for (int f = 0; f < figures.length; f++) {
      if (figures[f]) {
        int[] c = counts[f];
        for (int a = 0; a < out.length; a++) {
          out[a] = Math.min(out[a], c[a]);
        }
      }
    }
    return out;
  }

  /**
   * Returns whether two figures have the same contributors in every atom, counting at most {@code cap} per
   * atom (so that with a cap of k, atoms with k or more contributors to both count as the same).
   *
   * @param figure a figure
   * @param other another figure
   * @param cap the most counted per atom
   * @return whether the capped counts agree in every atom
   */
  public boolean sameContributors(int figure, int other, int cap) {
    int[] a = counts[figure];
    int[] b = counts[other];
    for (int i = 0; i < a.length; i++) {
      if (Math.min(cap, a[i]) != Math.min(cap, b[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns a hash of a figure's contributors per atom, equal for figures with {@linkplain
   * #sameContributors the same} uncapped counts.
   *
   * @param figure the figure
   * @return the hash ({@link Arrays#hashCode(int[])} of the counts)
   */
  public int contributorsHash(int figure) {
    return Arrays.hashCode(counts[figure]);
  }

  /**
   * Returns an atom's contributors to a figure.
   *
   * @param figure the figure number
   * @param atom the atom
   * @return the number of contributors
   */
  public int contributors(int figure, int atom) {
    return counts[figure][atom];
  }
}

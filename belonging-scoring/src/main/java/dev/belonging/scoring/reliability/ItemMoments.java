package dev.belonging.scoring.reliability;

import dev.belonging.core.model.AnswerColumn;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.Statistic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinTask;

/**
 * The sufficient statistics of the pairwise-complete covariance matrix of a dimension's items: exact
 * integer sums that merge across partitions of the respondents.
 *
 * <p>Answers enter as <em>coded</em> answers (a reverse-keyed item's answer {@code x} is coded
 * {@code min + max − x}) minus the scale's minimum, so that every value {@code v} lies in
 * {@code 0..max − min}. A constant shift changes no covariance, and it keeps the sums small. For every
 * pair of items {@code i <= j} the moments hold, over the respondents who answered both:
 *
 * <ul>
 *   <li>{@link #count(int, int) count} {@code n_ij};
 *   <li>{@link #sum(int, int) sums} {@code Σv_i} and {@code Σv_j} (read as {@code sum(i, j)} and
 *       {@code sum(j, i)});
 *   <li>{@link #sumOfSquares(int, int) sums of squares} {@code Σv_i²} and {@code Σv_j²};
 *   <li>the {@link #sumOfProducts(int, int) sum of products} {@code Σv_i·v_j}.
 * </ul>
 *
 * <p>For {@code i = j} these are the item's own count, sum and sum of squares over everyone who answered
 * it. {@link #respondents()} counts the respondents with at least one answer to the items. Each value is a
 * {@code long}: with at most {@value Scale#MAX_POINTS} scale points a product is at most 10<sup>4</sup>, so
 * no sum overflows below 9·10<sup>14</sup> respondents. {@link #plus(ItemMoments)} adds the sums, which
 * makes merging exact, associative and commutative, and {@link #empty(String, List)} is its identity.
 *
 * <p>The covariance of items {@code i} and {@code j} is
 * {@code c_ij = (n_ij Σv_iv_j − Σv_i Σv_j) / (n_ij (n_ij − 1))}, R's
 * {@code cov(x, use = "pairwise.complete.obs")}.
 *
 * <p>Moments are collected by an {@link Accumulator} ({@link #accumulator(ResponseSet, String)}), which
 * reads the answer columns in blocks without allocating per respondent, or all at once by
 * {@link #of(ResponseSet, String)}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ItemMoments {

  // Per pair p of items i <= j, six longs at p * STRIDE: n, Σv_i, Σv_j, Σv_i², Σv_j², Σv_i·v_j.
  private static final int STRIDE = 6;
  private static final int N = 0;
  private static final int SUM_I = 1;
  private static final int SUM_J = 2;
  private static final int SQUARES_I = 3;
  private static final int SQUARES_J = 4;
  private static final int PRODUCTS = 5;

  private final String dimensionId;
  private final List<String> questionIds;
  private final long respondents;
  private final long[] sums;

  private ItemMoments(String dimensionId, List<String> questionIds, long respondents, long[] sums) {
    this.dimensionId = dimensionId;
    this.questionIds = questionIds;
    this.respondents = respondents;
    this.sums = sums;
  }

  /**
   * Returns the moments of no respondents.
   *
   * @param dimensionId the dimension the items belong to
   * @param questionIds the ids of its rating questions, in instrument order; at least one, distinct
   * @return moments with every sum zero
   * @throws IllegalArgumentException if there is no question id or one repeats
   */
  public static ItemMoments empty(String dimensionId, List<String> questionIds) {
    Objects.requireNonNull(dimensionId, "dimensionId");
    List<String> ids = List.copyOf(questionIds);
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("dimension \"" + dimensionId + "\" needs at least one item");
    }
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw new IllegalArgumentException("item \"" + id + "\" is named twice in dimension \""
            + dimensionId + "\"");
      }
    }
    return new ItemMoments(dimensionId, ids, 0, new long[pairs(ids.size()) * STRIDE]);
  }

  /**
   * Returns moments from their sums, as {@link #toSums()} gives them: for storing and sending moments.
   *
   * @param dimensionId the dimension the items belong to
   * @param questionIds the ids of its rating questions, in instrument order; at least one, distinct
   * @param respondents how many respondents answered at least one of the items
   * @param sums the sums in the order of {@link #toSums()}
   * @return the moments
   * @throws IllegalArgumentException if the ids are empty or repeat, the sums have the wrong length, or a
   *     count is negative
   */
  public static ItemMoments ofSums(String dimensionId, List<String> questionIds, long respondents,
      long[] sums) {
    ItemMoments empty = empty(dimensionId, questionIds);
    if (sums.length != empty.sums.length) {
      throw new IllegalArgumentException("expected " + empty.sums.length + " sums for "
          + empty.questionIds.size() + " items, got " + sums.length);
    }
    if (respondents < 0) {
      throw new IllegalArgumentException("negative respondents: " + respondents);
    }
    for (int p = 0; p < sums.length; p += STRIDE) {
      if (sums[p + N] < 0) {
        throw new IllegalArgumentException("negative pair count at pair " + p / STRIDE);
      }
    }
    return new ItemMoments(empty.dimensionId, empty.questionIds, respondents, sums.clone());
  }

  /**
   * Returns every sum in one array: for each pair of items {@code i <= j}, in row-major order of the upper
   * triangle ((0,0), (0,1)…(0,m−1), (1,1)…), six values: {@code n_ij}, {@code Σv_i}, {@code Σv_j},
   * {@code Σv_i²}, {@code Σv_j²}, {@code Σv_i·v_j}. {@link #ofSums} reads it back.
   *
   * @return a new array of {@code 3·m·(m + 1)} sums
   */
  public long[] toSums() {
    return sums.clone();
  }

  /**
   * Returns the moments of a dimension's items over every respondent of a response set. A large set
   * (at least 2 × 16,384 rows) is read in parts in parallel on the common fork-join pool; the moments are
   * integer sums, so they are the same however the rows are split.
   *
   * @param set the responses
   * @param dimensionId the dimension
   * @return the moments
   * @throws IllegalArgumentException if the instrument has no such dimension
   */
  public static ItemMoments of(ResponseSet set, String dimensionId) {
    int n = set.size();
    int parts = (int) Math.max(1, Math.min(PARALLELISM, n / (long) MIN_ROWS_PER_PART));
    if (parts == 1) {
      return accumulator(set, dimensionId).addRows(0, n).toMoments();
    }
    // large sets: parts on the common fork-join pool; the sums are integers, so merging is exact
    List<ForkJoinTask<ItemMoments>> tasks = new ArrayList<>();
    for (int p = 1; p < parts; p++) {
      int from = (int) ((long) n * p / parts);
      int to = (int) ((long) n * (p + 1) / parts);
      tasks.add(ForkJoinTask.adapt(() -> accumulator(set, dimensionId).addRows(from, to).toMoments()).fork());
    }
    ItemMoments moments = accumulator(set, dimensionId).addRows(0, n / parts).toMoments();
    for (ForkJoinTask<ItemMoments> task : tasks) {
      moments = moments.plus(task.join());
    }
    return moments;
  }

  /** Rows one part of a parallel {@link #of} adds, at least. */
  private static final int MIN_ROWS_PER_PART = 1 << 14;

  private static final int PARALLELISM = Math.max(1, Runtime.getRuntime().availableProcessors());

  /**
   * Returns an empty accumulator for a dimension's items, reading a response set's rows.
   *
   * @param set the responses
   * @param dimensionId the dimension
   * @return the accumulator
   * @throws IllegalArgumentException if the instrument has no such dimension
   */
  public static Accumulator accumulator(ResponseSet set, String dimensionId) {
    return new Accumulator(Objects.requireNonNull(set, "set"), Objects.requireNonNull(dimensionId,
        "dimensionId"));
  }

  /**
   * Returns the sum of these moments and another's: the moments of the union of their respondents.
   *
   * @param other moments of the same dimension and items, from other respondents
   * @return the merged moments
   * @throws IllegalArgumentException if the other moments are of another dimension or other items
   */
  public ItemMoments plus(ItemMoments other) {
    Objects.requireNonNull(other, "other");
    if (!dimensionId.equals(other.dimensionId) || !questionIds.equals(other.questionIds)) {
      throw new IllegalArgumentException("cannot add the moments of dimension \"" + other.dimensionId
          + "\" " + other.questionIds + " to those of dimension \"" + dimensionId + "\" "
          + questionIds);
    }
    long[] merged = new long[sums.length];
    for (int k = 0; k < merged.length; k++) {
      merged[k] = sums[k] + other.sums[k];
    }
    return new ItemMoments(dimensionId, questionIds, respondents + other.respondents, merged);
  }

  /**
   * Returns the dimension id.
   *
   * @return the dimension id
   */
  public String dimensionId() {
    return dimensionId;
  }

  /**
   * Returns the ids of the items, in instrument order; item {@code i} is {@code questionIds().get(i)}.
   *
   * @return the question ids, unmodifiable
   */
  public List<String> questionIds() {
    return questionIds;
  }

  /**
   * Returns the number of items {@code m}.
   *
   * @return the item count
   */
  public int items() {
    return questionIds.size();
  }

  /**
   * Returns how many respondents answered at least one of the items.
   *
   * @return the number of respondents
   */
  public long respondents() {
    return respondents;
  }

  /**
   * Returns how many respondents answered both items ({@code i = j}: answered the item).
   *
   * @param i an item, {@code 0 <= i < items()}
   * @param j an item
   * @return the pairwise-complete count {@code n_ij}, symmetric
   * @throws IndexOutOfBoundsException if an item does not exist
   */
  public long count(int i, int j) {
    return sums[slot(i, j) + N];
  }

  /**
   * Returns the sum of item {@code i}'s values over the respondents who answered both items.
   *
   * @param i the item summed
   * @param j the item that must also be answered
   * @return {@code Σv_i} over the pair's complete observations, values being coded answers minus the
   *     scale minimum
   * @throws IndexOutOfBoundsException if an item does not exist
   */
  public long sum(int i, int j) {
    return sums[slot(i, j) + (i <= j ? SUM_I : SUM_J)];
  }

  /**
   * Returns the sum of squares of item {@code i}'s values over the respondents who answered both items.
   *
   * @param i the item summed
   * @param j the item that must also be answered
   * @return {@code Σv_i²} over the pair's complete observations
   * @throws IndexOutOfBoundsException if an item does not exist
   */
  public long sumOfSquares(int i, int j) {
    return sums[slot(i, j) + (i <= j ? SQUARES_I : SQUARES_J)];
  }

  /**
   * Returns the sum of products of the two items' values over the respondents who answered both.
   *
   * @param i an item
   * @param j an item
   * @return {@code Σv_i·v_j}, symmetric; for {@code i = j} the sum of squares
   * @throws IndexOutOfBoundsException if an item does not exist
   */
  public long sumOfProducts(int i, int j) {
    return sums[slot(i, j) + PRODUCTS];
  }

  /**
   * Returns the pairwise-complete sample covariance of two items ({@code i = j}: the item's variance),
   * {@code (n Σv_iv_j − Σv_i Σv_j) / (n (n − 1))} over the {@code n} respondents who answered both,
   * computed exactly and rounded once.
   *
   * @param i an item
   * @param j an item
   * @return the covariance, undefined ({@code "fewer than two respondents"}) when {@code n < 2}
   * @throws IndexOutOfBoundsException if an item does not exist
   */
  public Statistic covariance(int i, int j) {
    int s = slot(i, j);
    long n = sums[s + N];
    if (n < 2) {
      return Statistic.undefined(CronbachAlpha.TOO_FEW_RESPONDENTS);
    }
    return Statistic.of(Exact.ratio(
        Exact.centredProducts(n, sums[s + SUM_I], sums[s + SUM_J], sums[s + PRODUCTS]),
        Exact.covarianceDivisor(n)));
  }

  private int slot(int i, int j) {
    Objects.checkIndex(i, questionIds.size());
    Objects.checkIndex(j, questionIds.size());
    return (i <= j ? pair(i, j, questionIds.size()) : pair(j, i, questionIds.size())) * STRIDE;
  }

  /** Returns the number of pairs {@code i <= j} of {@code m} items. */
  private static int pairs(int m) {
    return m * (m + 1) / 2;
  }

  /** Returns the position of pair {@code i <= j} in row-major order of the upper triangle. */
  private static int pair(int i, int j, int m) {
    return i * m - i * (i - 1) / 2 + (j - i);
  }

  /**
   * Two moments are equal when they are of the same dimension and items and every sum is equal.
   *
   * @param o the other object
   * @return whether the two are equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ItemMoments m
        && respondents == m.respondents
        && dimensionId.equals(m.dimensionId)
        && questionIds.equals(m.questionIds)
        && Arrays.equals(sums, m.sums);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dimensionId, questionIds, respondents, Arrays.hashCode(sums));
  }

  @Override
  public String toString() {
    return "ItemMoments[" + dimensionId + ", " + questionIds.size() + " items, " + respondents
        + " respondents]";
  }

  /**
   * Collects {@link ItemMoments} from the rows of a response set, for one dimension.
   *
   * <p>Rows may be added in any order and any grouping ({@link #addRow(int)} for a segment's rows,
   * {@link #addRows(int, int)} for a range); adding a row twice counts it twice. {@link #toMoments()} may
   * be called at any time and the accumulator used further. Adding rows allocates nothing: the answer codes
   * are read in blocks into buffers made once, and every value is an {@code int} or {@code long}.
   *
   * <p>An accumulator is not thread-safe; use one per thread and merge their moments with
   * {@link ItemMoments#plus(ItemMoments)}.
   */
  public static final class Accumulator {

    private static final int BLOCK = 1024;

    /** A block's worth of zeros, copied to clear the rows' patterns (never written). */
    private static final int[] ZEROS = new int[BLOCK];

    private final ResponseSet set;
    private final String dimensionId;
    private final List<String> questionIds;
    private final AnswerColumn[] columns;
    private final int m;
    private final int[][] valueOfCode; // per item: answer code → value (coded − min); index 0 unused
    private final int[] pairBase; // pair(i, i) * STRIDE
    private final byte[][] block; // per item, the codes of up to BLOCK rows
    private final int[] answeredItem; // scratch for one row: the answered items…
    private final int[] answeredValue; // …and their values
    private final long[] sums; // the moments, when answers are added directly (wide scales)
    private final int width; // answer values 0..width-1; a pair's joint counts are width × width
    private final long[] joint; // per pair, the count of each answer combination; null for wide scales
    private final int[] jointBase; // (pair(i, i) − i) · width²: cell of (i, j, vi, vj) = base + j·width² + vi·width + vj
    // per pattern of a row's answers (item i's value + 1, or 0 when missing, as digit i in base width + 1),
    // how many rows have it, not yet added to joint; null when the patterns are too many
    private final long[] patterns;
    private final int[] patternDigit; // (width + 1)^i
    private final int[] rowPatterns = new int[BLOCK]; // the block's rows' patterns, while they are counted
    private long respondents;

    private Accumulator(ResponseSet set, String dimensionId) {
      this.set = set;
      this.dimensionId = dimensionId;
      Instrument instrument = set.instrument();
      List<Question> questions = instrument.questionsOf(dimensionId);
      this.m = questions.size();
      List<String> ids = new ArrayList<>(m);
      this.columns = new AnswerColumn[m];
      this.valueOfCode = new int[m][];
      for (int i = 0; i < m; i++) {
        Question q = questions.get(i);
        ids.add(q.id());
        columns[i] = set.answers(q.id());
        int points = instrument.scaleOf(q).points();
        int[] table = new int[points + 1];
        for (int code = 1; code <= points; code++) {
          // code = answer − min + 1; coded − min is code − 1, or points − code when reverse-keyed
          table[code] = q.isReverse() ? points - code : code - 1;
        }
        valueOfCode[i] = table;
      }
      this.questionIds = List.copyOf(ids);
      this.pairBase = new int[m];
      for (int i = 0; i < m; i++) {
        pairBase[i] = pair(i, i, m) * STRIDE;
      }
      this.block = new byte[m][BLOCK];
      this.answeredItem = new int[m];
      this.answeredValue = new int[m];
      this.sums = new long[pairs(m) * STRIDE];
      int w = 1;
      for (int[] table : valueOfCode) {
        w = Math.max(w, table.length - 1);
      }
      this.width = w;
      // Counting answer combinations costs one increment per pair instead of six; it pays while the
      // tables stay small (a 0–10 scale: 121 counts per pair).
      this.joint = w <= JOINT_MAX_WIDTH ? new long[pairs(m) * w * w] : null;
      this.jointBase = new int[m];
      for (int i = 0; i < m; i++) {
        jointBase[i] = (pair(i, i, m) - i) * w * w;
      }
      // Counting each row's pattern of answers costs one increment per row; the patterns' pairs are added
      // to the joint counts once, when the moments are asked for. It pays while the patterns are few
      // (six items on a five-point scale: 6^6 = 46,656).
      long count = 1;
      for (int i = 0; i < m && count <= PATTERNS_MAX; i++) {
        count *= w + 1;
      }
      this.patterns = joint != null && count <= PATTERNS_MAX ? new long[(int) count] : null;
      this.patternDigit = new int[m];
      for (int i = 0, d = 1; patterns != null && i < m; i++, d *= w + 1) {
        patternDigit[i] = d;
      }
    }

    /** The most answer patterns counted per row before their pairs are. */
    private static final int PATTERNS_MAX = 1 << 16;

    private static final int JOINT_MAX_WIDTH = 16;

    /**
     * Adds one respondent.
     *
     * @param row the respondent's row in the response set
     * @return this accumulator
     * @throws IndexOutOfBoundsException if the row does not exist
     */
    public Accumulator addRow(int row) {
      Objects.checkIndex(row, set.size());
      for (int i = 0; i < m; i++) {
        block[i][0] = (byte) columns[i].code(row);
      }
      addBuffered(1);
      return this;
    }

    /**
     * Adds the respondents of rows {@code fromRow} (inclusive) to {@code toRow} (exclusive).
     *
     * @param fromRow the first row
     * @param toRow the row after the last
     * @return this accumulator
     * @throws IndexOutOfBoundsException if {@code 0 <= fromRow <= toRow <= size} does not hold
     */
    public Accumulator addRows(int fromRow, int toRow) {
      Objects.checkFromToIndex(fromRow, toRow, set.size());
      for (int start = fromRow; start < toRow; start += BLOCK) {
        int length = Math.min(BLOCK, toRow - start);
        for (int i = 0; i < m; i++) {
          columns[i].copyCodes(start, block[i], 0, length);
        }
        addBuffered(length);
      }
      return this;
    }

    /** Adds the block's first {@code length} rows: their patterns when they are counted, else each row. */
    private void addBuffered(int length) {
      if (patterns != null) {
        addBufferedPatterns(length);
      } else {
        for (int r = 0; r < length; r++) {
          addBufferedRow(r);
        }
      }
    }

    /**
     * Counts the patterns of the block's first {@code length} rows, item by item over the block (each loop
     * reads its arrays from locals, which the JIT's quick compiler does not hoist).
     */
    private void addBufferedPatterns(int length) {
      int[] pattern = rowPatterns;
      System.arraycopy(ZEROS, 0, pattern, 0, length); // a copy compiles to wide moves, a fill to a loop
      for (int i = 0; i < m; i++) {
        byte[] codes = block[i];
        int[] values = valueOfCode[i];
        int digit = patternDigit[i];
        for (int r = 0; r < length; r++) {
          int code = codes[r];
          if (code != AnswerColumn.MISSING) {
            pattern[r] += (values[code] + 1) * digit;
          }
        }
      }
      long[] counts = patterns;
      long answering = 0;
      for (int r = 0; r < length; r++) {
        int p = pattern[r];
        if (p != 0) {
          answering++;
          counts[p]++;
        }
      }
      respondents += answering;
    }

    /** Adds row {@code r} of the block when its patterns are not counted: to the joint counts or the sums. */
    private void addBufferedRow(int r) {
      int k = 0;
      for (int i = 0; i < m; i++) {
        int code = block[i][r];
        if (code != AnswerColumn.MISSING) {
          answeredItem[k] = i;
          answeredValue[k] = valueOfCode[i][code];
          k++;
        }
      }
      if (k == 0) {
        return;
      }
      respondents++;
      if (joint != null) {
        long[] h = joint;
        int w = width;
        int w2 = w * w;
        for (int a = 0; a < k; a++) {
          int i = answeredItem[a];
          int base = jointBase[i] + answeredValue[a] * w;
          for (int b = a; b < k; b++) {
            h[base + answeredItem[b] * w2 + answeredValue[b]]++;
          }
        }
        return;
      }
      long[] s = sums;
      for (int a = 0; a < k; a++) {
        int i = answeredItem[a];
        long vi = answeredValue[a];
        int base = pairBase[i] - i * STRIDE;
        for (int b = a; b < k; b++) {
          int j = answeredItem[b];
          long vj = answeredValue[b];
          int p = base + j * STRIDE;
          s[p + N]++;
          s[p + SUM_I] += vi;
          s[p + SUM_J] += vj;
          s[p + SQUARES_I] += vi * vi;
          s[p + SQUARES_J] += vj * vj;
          s[p + PRODUCTS] += vi * vj;
        }
      }
    }

    /** Adds the pairs of every counted pattern to the joint counts, and empties the patterns. */
    private void addPatterns() {
      if (patterns == null) {
        return;
      }
      int base = width + 1;
      int w = width;
      int w2 = w * w;
      for (int pattern = 1; pattern < patterns.length; pattern++) {
        long n = patterns[pattern];
        if (n == 0) {
          continue;
        }
        patterns[pattern] = 0;
        int k = 0;
        int rest = pattern;
        for (int i = 0; i < m; i++) {
          int digit = rest % base;
          rest /= base;
          if (digit > 0) {
            answeredItem[k] = i;
            answeredValue[k] = digit - 1;
            k++;
          }
        }
        for (int a = 0; a < k; a++) {
          int at = jointBase[answeredItem[a]] + answeredValue[a] * w;
          for (int b = a; b < k; b++) {
            joint[at + answeredItem[b] * w2 + answeredValue[b]] += n;
          }
        }
      }
    }

    /**
     * Returns the moments of the respondents added so far.
     *
     * @return the moments
     */
    public ItemMoments toMoments() {
      addPatterns();
      long[] result = sums.clone();
      if (joint != null) {
        int w = width;
        int w2 = w * w;
        for (int p = 0; p < pairs(m); p++) {
          int s = p * STRIDE;
          for (int vi = 0; vi < w; vi++) {
            for (int vj = 0; vj < w; vj++) {
              long n = joint[p * w2 + vi * w + vj];
              if (n != 0) {
                result[s + N] += n;
                result[s + SUM_I] += n * vi;
                result[s + SUM_J] += n * vj;
                result[s + SQUARES_I] += n * vi * vi;
                result[s + SQUARES_J] += n * vj * vj;
                result[s + PRODUCTS] += n * vi * vj;
              }
            }
          }
        }
      }
      return new ItemMoments(dimensionId, questionIds, respondents, result);
    }

    @Override
    public String toString() {
      return "ItemMoments.Accumulator[" + dimensionId + ", " + m + " items, " + respondents
          + " respondents]";
    }
  }
}

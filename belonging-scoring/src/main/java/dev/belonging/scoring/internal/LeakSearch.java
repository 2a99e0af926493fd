package dev.belonging.scoring.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The exact search for small derivable groups in the row space of an {@link Echelon}.
 *
 * <p>Columns are the (merged) atoms of one kind of figure, each with its number of contributors (its
 * <em>weight</em>). A column is <em>small</em> when it may be part of a leak (1 to {@code limit}
 * contributors), <em>safe</em> when it is in no leak ({@code limit + 1} or more contributors, or the caller
 * knows otherwise that no leak holds it), and <em>irrelevant</em> when it has no contributors (weight 0):
 * its value is known to be nothing, so a vector's entry there does not matter. A <em>leak</em> is a vector of
 * the row space that is 0 or 1 on every relevant column and whose columns of 1 add up to between 1 and
 * {@code limit} contributors: the indicator of a group whose sums the rows reveal.
 *
 * <p>Why the search is exact and complete. A leak is zero on every safe column, so in its expansion
 * {@code Σ x[p_i]/d_i · row_i} only rows with a small pivot take part (a safe pivot is 0 in a leak; a row with
 * an irrelevant pivot must be zero on every relevant column, which the caller ensures with
 * {@link Echelon#exchange}), each with coefficient {@code 1/d_i} (its pivot entry is 1), and the set
 * {@code P} of those rows determines the leak. The search enumerates the sets {@code P} with a total pivot
 * weight of at most {@code limit}, as a branching that partitions them: when the running combination has an
 * entry other than 0 or 1, every completion must add a row non-zero at that column (the column with the
 * fewest such rows is chosen); when it is 0/1 but too heavy, or already a leak, every completion that can
 * still yield a (minimal) leak must add a row non-zero at one of its columns; branch {@code j} adds the
 * {@code j}-th candidate and excludes the earlier ones. Arithmetic is exact: the combination is kept as an
 * integer vector over a common denominator.
 *
 * <p>A search from more than one first row may be split between the calling thread and a task of the
 * common fork-join pool ({@link #anyLeak(int[])} on more than one processor), with the same answer and the
 * same node count as on one thread. Not thread-safe otherwise; one search per instance at a time.
 */
public final class LeakSearch {

  /** Whether the group of every atom (the whole population of the figure) counts as known. */
  public enum Whole {
    /** The whole population's figure may be a leak like any other group. */
    PROTECTED,
    /** The whole population's figure is known anyway (the headcount an insider knows). */
    KNOWN
  }

  private static final int MINIMALITY_ROWS = 20;

  /**
   * Rows longer than this are counted once when taken or excluded rather than at each of their columns
   * ({@link #block}). At 20,000 respondents by 21 breakdowns, with the same report, through the command
   * line's launcher (the quick compiler): 256 to 1,024 gave 12.9 to 13.5 s, 2,048 and 4,096 13.4 to 13.7 s,
   * against 14.6 s for 32 and 14.7 to 15.0 s for counting every row at its columns. With the optimising
   * compiler, whose counting loop is fast, 512 to 8,192 and counting every row were alike (12.9 to 14.3 s).
   */
  static final int LONG_ROW = 1_024;

  /**
   * Columns whose eligible rows are counted, to branch at the one with the fewest and to stop at one with
   * none. The rows read are work, counted as the search's: fewer columns leave dead ends to be found by
   * branching, more spend the work on counting (on reports by many crossed breakdowns, 8 columns and every
   * column both left more segments suppressed for want of work than 64 or 128).
   */
  private static final int COUNTED_COLUMNS = 64;

  private final Echelon echelon;
  private final long[] weight;
  private final boolean[] small;
  private final int relevantColumns;
  private final long limit;
  private final Whole whole;

  private boolean[] inP;
  private boolean[] excluded;
  /**
   * Per column, the rows non-zero there that are taken or excluded, for the pruning tests; rows longer than
   * {@link #longRow} are counted in {@link #longBlocked} instead.
   */
  private int[] blocked;
  /** The rows taken or excluded that are longer than {@link #longRow}, wherever they are non-zero. */
  private int longBlocked;
  /** Rows longer than this are not counted at each of their columns ({@link #block}). */
  private int longRow = LONG_ROW;
  /** Per column, the rows with a small pivot non-zero there, counted once per search. */
  private int[] smallAt;
  private int[] smallAtRun;
  private int runs;
  /** Whether a search was cut short, leaving {@link #blocked}, {@link #inP} and {@link #excluded} set. */
  private boolean dirty;
  private int[] mark;
  private int markStamp;
  private int[] stack;
  private int depth;
  /** Per depth, the combination of the node there: its working arrays, reused by the node's siblings. */
  private Combination[] made = new Combination[0];
  /** The empty combination, where a search starts. */
  private final Combination none = Combination.of(ExactRow.zero());
  /** The state of a pass of {@link #admits} over a combination's entries; a pass ends before the next. */
  private int passBad;
  private int passBadCount;
  private int passCounted;
  private int passRelevant;
  private long passWeight;
  private long passFixed;
  private boolean passGrows;

  /**
   * A combination of taken rows, as a node keeps it for the nodes below it: the first {@link #size} entries
   * of working arrays of its own, which the next node at the same depth reuses, or a row that the slower
   * paths made (values beyond a {@code long}, or near its bound). Most nodes end before they keep one, and
   * the rest no longer copy theirs into a row of its own.
   */
  private static final class Combination {
    int[] columns;
    /** The values, or null when some need a {@code BigInteger}. */
    long[] values;
    int size;
    /** The bitwise or of the values' absolute values, while {@link #row} is null. */
    long magnitudes;
    /** The combination as a row, once made (always, for one the slower paths made). */
    ExactRow row;
    int[] ownColumns = new int[0];
    long[] ownValues = new long[0];

    static Combination of(ExactRow row) {
      Combination c = new Combination();
      c.wrap(row);
      return c;
    }

    /** Holds a row made elsewhere. */
    void wrap(ExactRow r) {
      row = r;
      columns = r.columnArray();
      values = r.longArray();
      size = r.size();
    }

    /** The working arrays, of at least {@code capacity} entries, to make a combination in. */
    int[] ownColumns(int capacity) {
      if (ownColumns.length < capacity) {
        ownColumns = new int[Math.max(capacity, 2 * ownColumns.length)];
        ownValues = new long[ownColumns.length];
      }
      return ownColumns;
    }

    /** Holds the first {@code k} entries of the working arrays. */
    void keep(int k, long or) {
      row = null;
      columns = ownColumns;
      values = ownValues;
      size = k;
      magnitudes = or;
    }

    /** The combination as a row (made, and kept, on first use). */
    ExactRow row() {
      if (row == null) {
        row = ExactRow.ofFirst(columns, values, size, magnitudes);
      }
      return row;
    }

    /** Whether {@code a·this − b·y} can be made in longs without checks ({@link ExactRow#combinesUnchecked}). */
    boolean combinesUnchecked(long a, long b, ExactRow y) {
      return row != null ? ExactRow.combinesUnchecked(a, row, b, y)
          : ExactRow.combinesUnchecked(a, magnitudes, b, y);
    }
  }

  /** Thrown, without a stack trace, to stop a search: one of the two instances below. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  /** The search ran out of nodes. */
  private static final Stop OUT_OF_NODES = new Stop();
  /** A part of a split search can no longer change its answer. */
  private static final Stop SETTLED = new Stop();

  /** How a search may be split between two parts ({@link #anyLeak(int[], Split)}). */
  enum Split {
    /** One part, on the calling thread. */
    NONE,
    /** Two parts, on the calling thread and a task of the common fork-join pool, each taking the next branch. */
    THREADS,
    /**
     * Two parts, one after the other on the calling thread, one taking the odd branches and then the other
     * the even ones: what the threads may do, in an order a test can repeat.
     */
    IN_TURN
  }

  /** How {@link #anyLeak(int[])} splits a search: between two threads when there are two processors. */
  private static final Split SPLIT = Runtime.getRuntime().availableProcessors() > 1 ? Split.THREADS : Split.NONE;

  /** The split search this one explores parts of, or null. */
  private Parts parts;
  /** The part (a first row's branch) this one explores, while {@link #parts} is set. */
  private int part;
  /** The same search with state of its own, for a second thread's parts; made on first use. */
  private LeakSearch twin;

  private long nodeLimit = Long.MAX_VALUE;
  private long nodes;
  private boolean exhausted;

  private boolean listing;
  private int wanted;
  private final List<int[]> found = new ArrayList<>();

  /**
   * Returns a search over an echelon form.
   *
   * @param echelon the rows
   * @param weight the contributors of each column, each at least 1
   * @param firstSmall the first column that may be part of a leak, with at most {@code limit} contributors;
   *     earlier columns are in no leak
   * @param limit the largest protected group size, {@code k − 1}
   * @param whole whether the whole population's figure counts as known
   */
  public LeakSearch(Echelon echelon, long[] weight, int firstSmall, long limit, Whole whole) {
    this(echelon, requirePositive(weight), smallFrom(weight.length, firstSmall), limit, whole);
  }

  /**
   * Returns a search over an echelon form whose small, safe and irrelevant columns lie anywhere.
   *
   * @param echelon the rows; a row whose pivot is irrelevant must be zero on every relevant column; a
   *     {@linkplain Echelon#Echelon(int, int) split} form only when every column before the split is relevant
   *     and not small (so that no leading row takes part in a leak)
   * @param weight the contributors of each column, 0 for an irrelevant one
   * @param small per column, whether it may be part of a leak (then its weight is 1 to {@code limit})
   * @param limit the largest protected group size, {@code k − 1}
   * @param whole whether the whole population's figure counts as known
   */
  public LeakSearch(Echelon echelon, long[] weight, boolean[] small, long limit, Whole whole) {
    this.echelon = Objects.requireNonNull(echelon, "echelon");
    this.weight = weight.clone();
    this.small = small.clone();
    if (weight.length != echelon.columns() || small.length != weight.length) {
      throw new IllegalArgumentException(weight.length + " weights and " + small.length + " kinds for "
          + echelon.columns() + " columns");
    }
    int relevant = 0;
    for (int c = 0; c < weight.length; c++) {
      if (weight[c] < 0 || (small[c] && (weight[c] < 1 || weight[c] > limit))) {
        throw new IllegalArgumentException("column " + c + " has weight " + weight[c]
            + ", inconsistent with limit " + limit + (small[c] ? " for a small column" : ""));
      }
      relevant += weight[c] > 0 ? 1 : 0;
      if (c < echelon.split() && echelon.split() < weight.length && (small[c] || weight[c] == 0)) {
        throw new IllegalArgumentException("column " + c + " lies before the split at " + echelon.split()
            + " but is " + (small[c] ? "small" : "irrelevant"));
      }
    }
    this.relevantColumns = relevant;
    this.limit = limit;
    this.whole = Objects.requireNonNull(whole, "whole");
  }

  /**
   * Returns a search over a {@linkplain Echelon#reduced() reduced} copy of an echelon form whose pivots are
   * moved off irrelevant columns: each row
   * whose pivot is irrelevant but that is non-zero on a relevant column takes such a column as its pivot
   * ({@link Echelon#exchange}; a safe one if it has one, as rows with a safe pivot are not searched), so that
   * every row left with an irrelevant pivot is zero on every relevant column, as the search needs. The row
   * space is unchanged and so is the given echelon form.
   *
   * @param echelon the rows, left unchanged
   * @param weight the contributors of each column, 0 for an irrelevant one
   * @param small per column, whether it may be part of a leak
   * @param limit the largest protected group size
   * @param whole whether the whole population's figure counts as known
   * @return the search
   */
  public static LeakSearch overRelevant(Echelon echelon, long[] weight, boolean[] small, long limit,
      Whole whole) {
    Echelon copy = echelon.reduced();
    // an exchange changes only rows non-zero at a relevant column, so rows settled before stay so
    copy.exchangeAll(pivot -> weight[pivot] == 0, row -> {
      int to = -1;
      for (int i = 0; i < row.size(); i++) {
        int c = row.column(i);
        if (weight[c] > 0 && (to < 0 || (small[to] && !small[c]))) {
          to = c;
        }
      }
      return to;
    });
    return new LeakSearch(copy, weight, small, limit, whole);
  }

  /** The same search (rows, weights, limit) with working state of its own. */
  private LeakSearch(LeakSearch of) {
    this.echelon = of.echelon;
    this.weight = of.weight;
    this.small = of.small;
    this.relevantColumns = of.relevantColumns;
    this.limit = of.limit;
    this.whole = of.whole;
    this.longRow = of.longRow;
  }

  private static long[] requirePositive(long[] weight) {
    for (int c = 0; c < weight.length; c++) {
      if (weight[c] < 1) {
        throw new IllegalArgumentException("column " + c + " has weight " + weight[c]);
      }
    }
    return weight;
  }

  private static boolean[] smallFrom(int columns, int firstSmall) {
    boolean[] small = new boolean[columns];
    for (int c = Math.max(0, firstSmall); c < columns; c++) {
      small[c] = true;
    }
    return small;
  }

  /**
   * Returns the echelon form searched (for {@link #overRelevant}, the copy whose pivots were moved).
   *
   * @return the echelon form, not to be changed while the search is used
   */
  public Echelon echelon() {
    return echelon;
  }

  /**
   * Returns whether any leak takes one of the given rows (the search may be limited to the rows that an
   * addition created or changed: a leak without them was there before).
   *
   * @param roots row indexes; rows with a safe pivot are ignored
   * @return whether a leak exists that takes at least one root row
   */
  public boolean anyLeak(int[] roots) {
    return anyLeak(roots, SPLIT);
  }

  /**
   * {@link #anyLeak(int[])}, split in two parts as {@code split} says when more than one root row has a
   * small pivot. The answer, {@link #nodes()} and {@link #exhausted()} are those of the search in one part,
   * whatever the parts do: see {@link #splitRun}.
   *
   * @param roots row indexes
   * @param split how to split the search
   * @return whether a leak exists that takes at least one root row
   */
  boolean anyLeak(int[] roots, Split split) {
    listing = false;
    nodes = 0;
    exhausted = false;
    try {
      int[] candidates = smallPivotRows(roots);
      return split != Split.NONE && candidates.length > 1 ? splitRun(candidates, split) : run(candidates);
    } catch (Stop e) { // out of nodes: a part stopped as settled never gets here
      exhausted = true;
      return true;
    }
  }

  /**
   * Sets the length above which a row taken or excluded is counted once rather than at each of its columns
   * ({@link #LONG_ROW} unless set): how the search prunes, never what it answers or the nodes it counts. For
   * tests, which give lengths that their small rows exceed.
   *
   * @param length the length, at least 0
   */
  void countRowsLongerThanOnce(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative length " + length);
    }
    longRow = length;
    if (twin != null) {
      twin.longRow = length;
    }
  }

  /**
   * Bounds the work of {@link #anyLeak(int[])}, counted in nodes weighted by their entries (a node that
   * adds a row of {@code r} entries to a combination of {@code m} counts {@code 1 + m + r}, and each row it
   * reads to choose where to branch counts 1): a search that would do more stops and answers that a leak
   * may exist ({@link #exhausted()}), which is the safe answer for a caller deciding whether to show a row.
   * The listing of {@link #minimalLeaks} is never bounded.
   *
   * @param limit the most nodes per search, at least 1
   */
  public void limitNodes(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a search needs at least one node, not " + limit);
    }
    nodeLimit = limit;
  }

  /**
   * Returns whether the last {@link #anyLeak(int[])} stopped at its node limit rather than deciding.
   *
   * @return whether it ran out of nodes
   */
  public boolean exhausted() {
    return exhausted;
  }

  /**
   * Returns the work of the last search, in nodes weighted by their entries.
   *
   * @return the work
   */
  public long nodes() {
    return nodes;
  }

  /**
   * Returns whether the row space has any leak.
   *
   * @return whether a leak exists
   */
  public boolean anyLeak() {
    return anyLeak(allRows());
  }

  /**
   * Returns the minimal leaks: groups whose indicator lies in the row space and none of whose non-empty
   * proper subgroups does, each as its sorted columns, in the order found.
   *
   * @param max the most leaks wanted
   * @return at most {@code max + 1} leaks; more than {@code max} means that some were left out
   */
  public List<int[]> minimalLeaks(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("negative maximum: " + max);
    }
    listing = true;
    nodes = Long.MIN_VALUE;
    exhausted = false;
    wanted = max + 1;
    found.clear();
    run(smallPivotRows(allRows()));
    return List.copyOf(found);
  }

  /**
   * Returns the minimal leaks like {@link #minimalLeaks}, within a bound on the work.
   *
   * @param max the most leaks wanted
   * @param work the most nodes, weighted by their entries, the listing may take
   * @return at most {@code max + 1} leaks, or empty when the listing ran out of work first
   */
  public Optional<List<int[]>> minimalLeaksWithin(int max, long work) {
    if (max < 0 || work < 1) {
      throw new IllegalArgumentException("negative maximum or no work: " + max + ", " + work);
    }
    long before = nodeLimit;
    listing = true;
    nodes = 0;
    nodeLimit = work;
    exhausted = false;
    wanted = max + 1;
    found.clear();
    try {
      run(smallPivotRows(allRows()));
      return Optional.of(List.copyOf(found));
    } catch (Stop e) { // out of nodes: a part stopped as settled never gets here
      exhausted = true;
      return Optional.empty();
    } finally {
      nodeLimit = before;
    }
  }

  private int[] allRows() {
    int[] all = new int[echelon.rank()];
    for (int r = 0; r < all.length; r++) {
      all[r] = r;
    }
    return all;
  }

  /** Searches from the candidate rows (small pivots, ascending, each once) on this thread. */
  private boolean run(int[] candidates) {
    prepare();
    boolean result = branch(candidates, none, BigInteger.ONE, 0);
    dirty = false;
    return result;
  }

  /**
   * Sizes the working state for the rows and clears what a search cut short left; a search that returns
   * normally clears it itself.
   */
  private void prepare() {
    // the per-row and per-column state is made once and kept between searches (a row set searches once per
    // batch of rows it adds, and clearing arrays of every row each time made that quadratic): a search that
    // returns normally leaves it clear, one cut short by its node limit leaves it to be cleared here
    int rank = echelon.rank();
    if (blocked == null) {
      blocked = new int[weight.length];
      smallAt = new int[weight.length];
      smallAtRun = new int[weight.length];
    } else if (dirty) {
      Arrays.fill(blocked, 0);
      longBlocked = 0;
      Arrays.fill(inP, false);
      Arrays.fill(excluded, false);
    }
    if (inP == null || inP.length < rank) {
      int capacity = Math.max(rank, inP == null ? 16 : 2 * inP.length);
      inP = new boolean[capacity];
      excluded = new boolean[capacity];
      mark = new int[capacity];
      markStamp = 0;
      stack = new int[(int) Math.min(capacity, limit) + 1];
    } else if (markStamp > Integer.MAX_VALUE / 2) {
      Arrays.fill(mark, 0); // stamps go on from search to search; start again long before they overflow
      markStamp = 0;
    }
    dirty = true; // until the search returns normally
    runs++;
    depth = 0;
  }

  /**
   * The first rows' branches of a search, explored by two threads, each with its own working state, and
   * put together in order. On one thread, branch {@code j} takes candidate {@code j} after excluding the
   * candidates before it, and its nodes do not depend on the other branches: so each thread takes the next
   * branch not yet taken, excludes the candidates before it in its own state, and counts the branch's
   * nodes from zero. The search on one thread stops at the first branch, in order, that finds a leak or
   * runs out of nodes; adding the branches' nodes in order finds it, and the answer and the node count are
   * that search's. A branch after one that found a leak, or that ran out by itself, cannot change the
   * answer and is given up. When the branches' nodes add up to more than the limit, the search on one
   * thread would have run out within a branch, at a node count only it gives: it is run again on this
   * thread, which costs at most the limit once more.
   */
  private boolean splitRun(int[] candidates, Split split) {
    boolean inTurn = split == Split.IN_TURN;
    Parts shared = new Parts(candidates, inTurn);
    if (twin == null) {
      twin = new LeakSearch(this);
    }
    LeakSearch other = twin;
    other.nodeLimit = nodeLimit;
    if (inTurn) {
      other.explore(shared, 1);
      explore(shared, 0);
    } else {
      ForkJoinTask<?> helper = ForkJoinTask.adapt(() -> other.explore(shared, 1)).fork();
      try {
        explore(shared, 0);
      } finally {
        helper.join();
      }
    }
    long total = 0;
    for (int j = 0; j < candidates.length; j++) {
      // every branch up to the first that settles the search was explored to its end
      if (shared.cut[j] || total + shared.nodes[j] > nodeLimit) {
        nodes = 0;
        return run(candidates); // runs out again, counting as one thread does
      }
      total += shared.nodes[j];
      if (shared.leak[j]) {
        nodes = total;
        return true;
      }
    }
    nodes = total;
    return false;
  }

  /** Explores branches of a split search, as its part {@code worker} (0 or 1), while they may count. */
  private void explore(Parts shared, int worker) {
    prepare();
    parts = shared;
    int[] candidates = shared.candidates;
    int excludedBefore = 0;
    try {
      for (int j = shared.claim(worker, -1); j < candidates.length && !shared.settledBefore(j);
          j = shared.claim(worker, j)) {
        for (; excludedBefore < j; excludedBefore++) {
          block(candidates[excludedBefore], 1);
          excluded[candidates[excludedBefore]] = true;
        }
        int c = candidates[j];
        block(c, 1);
        excludedBefore = j + 1;
        part = j;
        nodes = 0;
        boolean leak = false;
        long pw = weight[echelon.pivot(c)];
        if (pw <= limit) {
          try {
            leak = take(c, none, BigInteger.ONE, pw);
          } catch (Stop e) {
            if (e == OUT_OF_NODES) {
              shared.cutShort(j);
            }
            return; // the state is cleared by the next search
          }
        }
        excluded[c] = true;
        shared.explored(j, nodes, leak);
      }
      for (int i = 0; i < excludedBefore; i++) {
        excluded[candidates[i]] = false;
        block(candidates[i], -1);
      }
      dirty = false;
    } finally {
      parts = null;
    }
  }

  /** The branches of one split search: taken in turn by the threads, and what each found. */
  private static final class Parts {
    final int[] candidates;
    final boolean inTurn;
    final AtomicInteger next = new AtomicInteger();
    /** The first branch found to settle the search (a leak, or more nodes than the limit by itself). */
    final AtomicInteger settling;
    final long[] nodes;
    final boolean[] leak;
    final boolean[] cut;

    Parts(int[] candidates, boolean inTurn) {
      this.candidates = candidates;
      this.inTurn = inTurn;
      this.settling = new AtomicInteger(candidates.length);
      this.nodes = new long[candidates.length];
      this.leak = new boolean[candidates.length];
      this.cut = new boolean[candidates.length];
    }

    /**
     * The next branch for a part: the next that no part has taken, or, in turn, every other branch (part
     * {@code w} takes {@code w}, {@code w + 2}, ...).
     */
    int claim(int worker, int previous) {
      if (inTurn) {
        return previous < 0 ? worker : previous + 2;
      }
      return next.getAndIncrement();
    }

    /** Whether a branch before {@code j} settles the search, so that branch {@code j} does not count. */
    boolean settledBefore(int j) {
      return settling.get() < j;
    }

    void explored(int j, long branchNodes, boolean branchLeak) {
      nodes[j] = branchNodes;
      leak[j] = branchLeak;
      if (branchLeak) {
        settling.accumulateAndGet(j, Math::min);
      }
    }

    void cutShort(int j) {
      cut[j] = true;
      settling.accumulateAndGet(j, Math::min);
    }
  }

  /** The rows among the roots whose pivots are small, ascending, each once. */
  private int[] smallPivotRows(int[] roots) {
    int[] rows = new int[roots.length];
    int n = 0;
    for (int r : roots) {
      if (small[echelon.pivot(r)]) {
        rows[n++] = r;
      }
    }
    return Arrays.copyOf(rows, Ints.sortDistinct(rows, n));
  }

  /**
   * Tests a combination {@code n / d} of the taken rows and searches on from it: a leak, a dead end, or the
   * rows to branch on. Its entries are read in column order by {@link #admits}, which stops at the first
   * that rules out every completion.
   */
  private boolean visit(ExactRow n, BigInteger d, long pivotWeight) {
    Combination kept = made(depth);
    kept.wrap(n);
    startPass(pivotWeight);
    boolean longD = d.bitLength() < 64;
    long dl = d.longValue();
    for (int i = 0; i < n.size(); i++) {
      int c = n.column(i);
      // a column without contributors is harmless whatever its value
      if (weight[c] != 0 && !admits(c, longD ? n.valueEquals(i, dl) : n.valueEquals(i, d), pivotWeight)) {
        return false;
      }
    }
    return afterPass(kept, d, pivotWeight);
  }

  /**
   * {@link #visit} of the combination {@code (a·x − b·y) / dd}, made as it is read, for factors and rows
   * whose combination fits {@code long}s unchecked ({@link ExactRow#combinesUnchecked}): most nodes end at
   * one of the first entries, so the rest of the combination is never made. An entry of the combination
   * over {@code dd} is 1 exactly when it is after both are divided by their common factor, so the entries
   * are tested as they come; a combination read to its end is then divided by that factor and kept. The
   * same nodes, the same work and the same answers as making the combination first.
   */
  private boolean visitCombination(long a, Combination x, long b, ExactRow y, long dd, long pivotWeight) {
    startPass(pivotWeight);
    Combination out = made(depth);
    // the arrays in locals: the quick compiler would read each field again for every entry
    int[] xc = x.columns;
    long[] xs = x.values;
    int[] yc = y.columnArray();
    long[] ys = y.longArray();
    int n = x.size;
    int m = yc.length;
    int[] oc = out.ownColumns(n + m);
    long[] ov = out.ownValues;
    long[] wt = weight;
    long magnitudes = 0;
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < n || j < m) {
      int cx = i < n ? xc[i] : Integer.MAX_VALUE;
      int cy = j < m ? yc[j] : Integer.MAX_VALUE;
      int c;
      long v;
      if (cx < cy) {
        c = cx;
        v = a * xs[i++];
      } else if (cx > cy) {
        c = cy;
        v = -b * ys[j++];
      } else {
        c = cx;
        v = a * xs[i++] - b * ys[j++];
        if (v == 0) {
          continue;
        }
      }
      oc[k] = c;
      ov[k++] = v;
      magnitudes |= Math.abs(v);
      if (wt[c] != 0 && !admits(c, v == dd, pivotWeight)) {
        return false;
      }
    }
    long common = dd;
    for (int t = 0; t < k && common != 1; t++) {
      common = ExactRow.gcd(common, ov[t]);
    }
    if (common != 1) {
      magnitudes = 0;
      for (int t = 0; t < k; t++) {
        ov[t] /= common;
        magnitudes |= Math.abs(ov[t]);
      }
    }
    out.keep(k, magnitudes);
    return afterPass(out, BigInteger.valueOf(dd / common), pivotWeight);
  }

  /** The combination of the node at a depth, made on first use. */
  private Combination made(int at) {
    if (at >= made.length) {
      made = Arrays.copyOf(made, Math.max(at + 1, 2 * made.length));
    }
    if (made[at] == null) {
      made[at] = new Combination();
    }
    return made[at];
  }

  /** Starts a pass of {@link #admits} over a combination's entries, the parts of a search cut off first. */
  private void startPass(long pivotWeight) {
    if (parts != null && parts.settledBefore(part)) {
      throw SETTLED;
    }
    passBad = -1;
    passBadCount = Integer.MAX_VALUE;
    passCounted = 0;
    passWeight = 0;
    passFixed = 0;
    passRelevant = 0;
    // rows have weight 1 or more: none can join a combination whose pivots weigh the limit already
    passGrows = pivotWeight < limit;
  }

  /**
   * Reads the next entry of a combination, at a column with contributors, in column order: whether some
   * completion of the combination may still be a leak. It notes the entry's weight when it is 1, and among
   * the first few entries that are not, the column with the fewest eligible rows (whose reading counts as
   * work).
   *
   * @param c the column
   * @param one whether the entry is 1
   * @param pivotWeight the taken rows' pivot weight
   * @return false when no completion can be a leak
   */
  private boolean admits(int c, boolean one, long pivotWeight) {
    passRelevant++;
    if (one) {
      passWeight = Math.min(passWeight + weight[c], limit + 1);
      // an entry of 1 that no row left can change stays in every completion, and so does its weight
      if (!passGrows || !mayChange(c)) {
        passFixed += weight[c];
        return passFixed <= limit;
      }
      return true;
    }
    if (!passGrows || !mayChange(c)) {
      return false; // an entry other than 0 or 1 that no row left can change
    }
    if (passCounted < COUNTED_COLUMNS) {
      // branch at the column with the fewest rows among the first few: fewer branches, bounded cost
      passCounted++;
      int count = countEligible(c, pivotWeight, passBadCount);
      if (count == 0) {
        return false;
      }
      if (count < passBadCount) {
        passBad = c;
        passBadCount = count;
      }
    }
    return true;
  }

  /** Searches on from a combination read to its end by {@link #admits}: a leak, or the rows to branch on. */
  private boolean afterPass(Combination n, BigInteger d, long pivotWeight) {
    // the pass's state is read before the search goes deeper, which starts passes of its own
    int bad = passBad;
    int relevant = passRelevant;
    if (bad >= 0) {
      return branch(eligibleAt(new int[] {bad}, pivotWeight), n, d, pivotWeight);
    }
    if (passWeight <= limit && !(whole == Whole.KNOWN && relevant == relevantColumns)) {
      if (!listing) {
        return true;
      }
      record(n.row());
      if (found.size() >= wanted) {
        return true;
      }
    }
    int[] columns = new int[relevant];
    int[] cols = n.columns;
    for (int i = 0, j = 0; i < n.size; i++) {
      if (weight[cols[i]] > 0) {
        columns[j++] = cols[i];
      }
    }
    return branch(eligibleAt(columns, pivotWeight), n, d, pivotWeight);
  }

  private boolean branch(int[] candidates, Combination n, BigInteger d, long pivotWeight) {
    int excludedHere = 0;
    int[] excludedRows = new int[candidates.length];
    boolean stop = false;
    for (int c : candidates) {
      if (excluded[c] || inP[c]) {
        continue;
      }
      block(c, 1); // taken now, excluded after
      long pw = pivotWeight + weight[echelon.pivot(c)];
      if (pw <= limit) {
        stop = take(c, n, d, pw);
        if (stop) {
          block(c, -1);
          break;
        }
      }
      excluded[c] = true;
      excludedRows[excludedHere++] = c;
    }
    for (int i = 0; i < excludedHere; i++) {
      excluded[excludedRows[i]] = false;
      block(excludedRows[i], -1);
    }
    return stop;
  }

  /**
   * Adds row {@code c} to the combination {@code n / d} and searches on from there, with the pivots'
   * weight {@code pw}; the row is counted as taken by the caller.
   */
  private boolean take(int c, Combination n, BigInteger d, long pw) {
    inP[c] = true;
    stack[depth++] = c;
    ExactRow row = echelon.row(c);
    // a node costs in proportion to the entries it combines and then reads: count those
    spend(1 + n.size + row.size());
    int at = row.find(echelon.pivot(c));
    boolean stop;
    long dd = row.fitsLongs() && d.bitLength() < 63 ? lcm(d.longValue(), row.longValue(at)) : -1;
    if (dd > 0) {
      // the arithmetic in longs, while the denominators fit (with rows of 0s and 1s they are mostly 1)
      long a = dd / d.longValue();
      long b = -(dd / row.longValue(at));
      if (n.combinesUnchecked(a, b, row)) {
        // the usual node: far from overflow, the combination is made only as far as it is read
        stop = visitCombination(a, n, b, row, dd, pw);
      } else {
        ExactRow nn = ExactRow.combine(a, n.row(), b, row);
        long content = nn.longContent();
        long common = content < 0 ? nn.content().gcd(BigInteger.valueOf(dd)).longValueExact()
            : ExactRow.gcd(content, dd);
        stop = visit(nn.divideExactly(BigInteger.valueOf(common)), BigInteger.valueOf(dd / common), pw);
      }
    } else {
      BigInteger di = row.value(at);
      BigInteger g = d.gcd(di);
      BigInteger big = d.divide(g).multiply(di);
      ExactRow nn = ExactRow.combine(big.divide(d), n.row(), big.divide(di).negate(), row);
      BigInteger common = nn.content().gcd(big);
      stop = visit(nn.divideExactly(common), big.divide(common), pw);
    }
    depth--;
    inP[c] = false;
    return stop;
  }

  /** The least common multiple of two positive longs, or -1 when either is not positive or it overflows. */
  private static long lcm(long a, long b) {
    if (a <= 0 || b <= 0) {
      return -1;
    }
    long q = a / ExactRow.gcd(a, b);
    long high = Math.multiplyHigh(q, b);
    long product = q * b;
    return high == 0 && product > 0 ? product : -1;
  }

  /**
   * Counts a row as taken or excluded (+1) or as free again (-1) at each of its columns, or, for a row longer
   * than {@link #longRow}, once in all. The search's rows can be thousands of entries long (the reduced rows
   * of many crossed breakdowns), and each is counted and uncounted every time a branch takes or excludes it,
   * while {@link #mayChange} reads few columns; at 20,000 respondents by 21 breakdowns the counting of every
   * entry took a fifth of the report's processor time.
   */
  private void block(int row, int delta) {
    // the arrays in locals: the quick compiler would read the row's and this search's fields for every entry
    int[] columns = echelon.row(row).columnArray();
    if (columns.length > longRow) {
      longBlocked += delta;
      return;
    }
    int[] counts = blocked;
    for (int i = 0; i < columns.length; i++) {
      counts[columns[i]] += delta;
    }
  }

  /**
   * Whether some row neither taken nor excluded, with a small pivot, is non-zero at a column: a necessary
   * condition for an eligible one (it leaves out the weight test), so a {@code false} prunes soundly.
   *
   * <p>Every row taken or excluded has a small pivot, so the rows free at the column are those with a small
   * pivot there less those counted there and the long ones non-zero there. When the long rows taken or
   * excluded are fewer than the first difference, some row is free whichever columns they have; when it is
   * not positive, none is; otherwise the column's rows are read.
   */
  private boolean mayChange(int column) {
    if (smallAtRun[column] != runs) {
      int count = 0;
      for (int i = 0; i < echelon.rowsAt(column); i++) {
        if (small[echelon.pivot(echelon.rowAt(column, i))]) {
          count++;
        }
      }
      smallAt[column] = count;
      smallAtRun[column] = runs;
    }
    int free = smallAt[column] - blocked[column];
    if (free > longBlocked) {
      return true;
    }
    if (free <= 0) {
      return false;
    }
    int[] rows = echelon.rowsAtArray(column);
    int count = echelon.rowsAt(column);
    int[] pivots = echelon.pivotArray();
    boolean[] sm = small;
    boolean[] taken = inP;
    boolean[] dropped = excluded;
    for (int i = 0; i < count; i++) {
      int r = rows[i];
      if (sm[pivots[r]] && !taken[r] && !dropped[r]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a row may join the combination: its pivot is small, it is neither taken nor excluded, and its
   * pivot's weight fits beside the taken rows' ({@code pivotWeight}).
   */
  private boolean eligible(int row, long pivotWeight) {
    int p = echelon.pivot(row);
    return small[p] && !inP[row] && !excluded[row] && pivotWeight + weight[p] <= limit;
  }

  /**
   * Counts the {@linkplain #eligible eligible} rows at a column, stopping at {@code enough}; the rows read
   * count as work.
   */
  private int countEligible(int column, long pivotWeight, int enough) {
    // eligible() inline, with the arrays in locals: the quick compiler would read each field again and call
    // the method for every row, and the search counts rows at a column at most of its nodes
    int[] rows = echelon.rowsAtArray(column);
    int count = echelon.rowsAt(column);
    int[] pivots = echelon.pivotArray();
    boolean[] sm = small;
    boolean[] taken = inP;
    boolean[] dropped = excluded;
    long[] wt = weight;
    long room = limit - pivotWeight;
    int found = 0;
    int read = 0;
    for (; read < count && found < enough; read++) {
      int r = rows[read];
      int p = pivots[r];
      if (sm[p] && !taken[r] && !dropped[r] && wt[p] <= room) {
        found++;
      }
    }
    spend(read);
    return found;
  }

  /** Counts work done, and stops the search when it is more than the limit. */
  private void spend(long work) {
    nodes += work;
    if (nodes > nodeLimit) {
      throw OUT_OF_NODES;
    }
  }

  /** The {@linkplain #eligible eligible} rows at any of the columns, each once, ascending. */
  private int[] eligibleAt(int[] columns, long pivotWeight) {
    markStamp++;
    int[] out = new int[8];
    int n = 0;
    int least = Integer.MAX_VALUE;
    int most = -1;
    for (int c : columns) {
      for (int i = 0; i < echelon.rowsAt(c); i++) {
        int r = echelon.rowAt(c, i);
        if (mark[r] != markStamp && eligible(r, pivotWeight)) {
          mark[r] = markStamp;
          if (n == out.length) {
            out = Arrays.copyOf(out, 2 * n);
          }
          out[n++] = r;
          least = Math.min(least, r);
          most = Math.max(most, r);
        }
      }
    }
    if (n > 16 && most - least < 4 * n) {
      // the rows marked lie close together: read them off the marks in order rather than sort them
      int[] result = new int[n];
      for (int r = least, j = 0; j < n; r++) {
        if (mark[r] == markStamp) {
          result[j++] = r;
        }
      }
      return result;
    }
    int[] result = Arrays.copyOf(out, n);
    Arrays.sort(result);
    return result;
  }

  /**
   * Records a leak of the current rows unless a non-empty proper subset of them yields a smaller one. The
   * check tries every subset, so it is made for leaks of up to {@value #MINIMALITY_ROWS} rows (a group of
   * more atoms than that needs k above {@value #MINIMALITY_ROWS}); a larger leak is recorded as it is.
   */
  private void record(ExactRow leak) {
    int p = depth;
    int[] rows = Arrays.copyOf(stack, p);
    int relevant = 0;
    for (int i = 0; i < leak.size(); i++) {
      relevant += weight[leak.column(i)] > 0 ? 1 : 0;
    }
    int[] columns = new int[relevant];
    for (int i = 0, j = 0; i < leak.size(); i++) {
      if (weight[leak.column(i)] > 0) {
        columns[j++] = leak.column(i);
      }
    }
    int subsets = p > MINIMALITY_ROWS ? 0 : (1 << p) - 1;
    for (int mask = 1; mask < subsets; mask++) {
      ExactRow n = ExactRow.zero();
      BigInteger d = BigInteger.ONE;
      for (int i = 0; i < p; i++) {
        if ((mask & (1 << i)) != 0) {
          ExactRow row = echelon.row(rows[i]);
          BigInteger di = row.value(row.find(echelon.pivot(rows[i])));
          BigInteger dd = d.divide(d.gcd(di)).multiply(di);
          n = ExactRow.combine(dd.divide(d), n, dd.divide(di).negate(), row);
          d = dd;
        }
      }
      boolean zeroOne = true;
      boolean inside = true;
      for (int i = 0; i < n.size() && zeroOne && inside; i++) {
        if (weight[n.column(i)] > 0) {
          zeroOne = n.valueEquals(i, d);
          inside = Arrays.binarySearch(columns, n.column(i)) >= 0;
        }
      }
      if (zeroOne && inside) {
        return;
      }
    }
    found.add(columns);
  }
}

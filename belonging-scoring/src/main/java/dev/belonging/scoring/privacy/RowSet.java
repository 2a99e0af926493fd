package dev.belonging.scoring.privacy;

import dev.belonging.scoring.internal.Atoms;
import dev.belonging.scoring.internal.Contrasts;
import dev.belonging.scoring.internal.Echelon;
import dev.belonging.scoring.internal.ExactRow;
import dev.belonging.scoring.internal.LeakSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The audit of one kind of figure: its columns (atoms with contributors, merged when no row tells them
 * apart), the rows shown so far in exact reduced echelon form, and the leak search over them.
 *
 * <p>Exact reductions: an atom without contributors is known to contribute nothing and is dropped; atoms
 * that lie in exactly the same rows (of every row this set may ever hold) always take the same value in a
 * row-space vector, so they are merged into one column whose weight is their total. Columns with at least
 * the threshold of contributors come first, and so do columns holding an atom that a {@link Contrasts} flower
 * protects (no derivable small group holds it), so that the leak search only looks at rows with a pivot in
 * a column that could be part of a leak. Within each group the columns of rows added late come first
 * (see {@link #columnOrder}), so that a coarse segment's long row does not spread into the short rows.
 *
 * <p>Not thread-safe.
 */
final class RowSet implements GroupTesting.RowTest {

  private final Figure figure;
  private final long threshold;
  private final LeakSearch.Whole whole;
  private final int[] columnOfAtom;
  private final long[] weight;
  private final int firstSmall;
  private final int[][] atomsOfColumn;
  private Echelon echelon;
  /** The echelon form finished ({@link Echelon#reduced()}), made once for searches with other figures. */
  private Echelon reducedForm;
  private LeakSearch search;
  /** The changes of the last {@link #tryAddAll}, in order, while they may be taken back. */
  private final List<Echelon.Change> lastChanges = new ArrayList<>();
  private final boolean reduced;
  private long work = NODES_PER_ROW_SET;
  private long nodesLeft = NODES_PER_ROW_SET;
  private boolean bounded;

  /**
   * Work (nodes weighted by their entries, see {@link LeakSearch#limitNodes}; about a second) one search may
   * do; beyond, the row is refused (see {@link #tryAdd}). The largest search of the benchmark's sparse
   * reports (2,000 to 20,000 respondents by 11 breakdowns) takes about a million; the bound keeps
   * adversarial cross-classifications, where the exact search could run for hours, finite.
   */
  static final long NODES_PER_SEARCH = 50_000_000;

  /**
   * Work all the searches of one row set may do together by default (several seconds; see
   * {@link #limitWork}); the headcount of the benchmark's sparse reports takes up to about 46 million.
   */
  static final long NODES_PER_ROW_SET = 400_000_000;

  /**
   * Work the listing of {@link Check#watch} may do: it settles a figure at once when it finds no group or a
   * few, and the elimination decides the figure anyway when it runs out.
   */
  static final long NODES_PER_CHECK = 20_000_000;

  /**
   * Builds the columns.
   *
   * @param figure the figure
   * @param atoms the atoms
   * @param figureIndex the figure's number in {@link Atoms}
   * @param cells every row this set may hold, as sorted atom indexes
   * @param threshold the smallest group that may be revealed (k, or the comment threshold)
   * @param whole whether the whole population's figure is known anyway (then its row is added now)
   * @param safeAtoms per atom, whether it is known to be in no derivable small group ({@link Contrasts});
   *     a column holding one is searched no more than a column of the threshold or more contributors
   * @param kept per atom, whether it is a column at all; null for every atom with contributors. The caller
   *     may leave out only atoms whose value every leak of every subset of the cells forces to zero given
   *     the safe atoms kept (atoms that safe kept atoms span, see {@code SpanCertificate})
   * @param shortRowsLast whether the columns of the short rows added last come first in each group
   *     ({@link #columnOrder}), for row sets that {@link #tryAddAll} fills as rows are kept; else the atoms'
   *     order. The order decides no leak, only the work: it keeps a coarse segment's long row from spreading
   *     into the short rows as they are added, but changes the shape of the reduced rows, which a search
   *     with another figure's weights ({@link #checkFor}) or a listing of every leak reads. The headcount's
   *     rows, which the other figures' checks search, took eight times as long to check in it on sparse
   *     reports (20,000 respondents by 11 breakdowns)
   */
  RowSet(Figure figure, Atoms atoms, int figureIndex, List<int[]> cells, long threshold,
      LeakSearch.Whole whole, boolean[] safeAtoms, boolean[] kept, boolean shortRowsLast) {
    this.figure = figure;
    this.threshold = threshold;
    this.whole = whole;
    this.reduced = kept != null;
    int n = atoms.size();
    // partition refinement: atoms with contributors start in one class, each cell splits the classes it
    // holds part of (a class wholly inside the cell stays as it is, so there are never more classes than
    // atoms)
    int[] cls = new int[n];
    int[] size = new int[n + 1];
    for (int a = 0; a < n; a++) {
      cls[a] = atoms.contributors(figureIndex, a) > 0 && (kept == null || kept[a]) ? 0 : -1;
      size[0] += cls[a] == 0 ? 1 : 0;
    }
    int next = 1;
    int[] inCell = new int[n + 1]; // per class, its atoms in the cell at hand
    int[] split = new int[n + 1]; // per class, the class its atoms in the cell move to, or -1
    Arrays.fill(split, -1);
    int[] touched = new int[16];
    for (int[] cell : cells) {
      int t = 0;
      for (int a : cell) {
        int o = cls[a];
        if (o >= 0) {
          if (inCell[o]++ == 0) {
            if (t == touched.length) {
              touched = Arrays.copyOf(touched, 2 * t);
            }
            touched[t++] = o;
          }
        }
      }
      for (int i = 0; i < t; i++) {
        int o = touched[i];
        if (inCell[o] < size[o]) {
          split[o] = next;
          size[next++] = inCell[o];
          size[o] -= inCell[o];
        }
      }
      for (int a : cell) {
        int o = cls[a];
        if (o >= 0 && split[o] >= 0) {
          cls[a] = split[o];
        }
      }
      for (int i = 0; i < t; i++) {
        inCell[touched[i]] = 0;
        split[touched[i]] = -1;
      }
    }
    // number classes by their first atom, then put the large ones first
    int[] renumber = new int[next];
    Arrays.fill(renumber, -1);
    int classes = 0;
    long[] classWeight = new long[Math.max(1, next)];
    boolean[] classSafe = new boolean[Math.max(1, next)];
    for (int a = 0; a < n; a++) {
      if (cls[a] >= 0) {
        if (renumber[cls[a]] < 0) {
          renumber[cls[a]] = classes++;
        }
        cls[a] = renumber[cls[a]];
        classWeight[cls[a]] += atoms.contributors(figureIndex, a);
        classSafe[cls[a]] |= safeAtoms[a];
      }
    }
    int[] columnOfClass = new int[classes];
    int[] order = shortRowsLast ? columnOrder(cells, cls, classes) : IntStream.range(0, classes).toArray();
    int column = 0;
    for (int c : order) {
      if (classWeight[c] >= threshold || classSafe[c]) {
        columnOfClass[c] = column++;
      }
    }
    firstSmall = column;
    for (int c : order) {
      if (classWeight[c] < threshold && !classSafe[c]) {
        columnOfClass[c] = column++;
      }
    }
    weight = new long[classes];
    int[] atomCount = new int[classes];
    columnOfAtom = new int[n];
    for (int a = 0; a < n; a++) {
      columnOfAtom[a] = cls[a] < 0 ? -1 : columnOfClass[cls[a]];
      if (cls[a] >= 0) {
        weight[columnOfAtom[a]] += atoms.contributors(figureIndex, a);
        atomCount[columnOfAtom[a]]++;
      }
    }
    atomsOfColumn = new int[classes][];
    for (int c = 0; c < classes; c++) {
      atomsOfColumn[c] = new int[atomCount[c]];
      atomCount[c] = 0;
    }
    for (int a = 0; a < n; a++) {
      if (columnOfAtom[a] >= 0) {
        atomsOfColumn[columnOfAtom[a]][atomCount[columnOfAtom[a]]++] = a;
      }
    }
    reset();
  }

  /**
   * Returns the classes in the order their columns take within each group: by the first short row (of at
   * most √classes classes, and at least 16) that holds them, the latest first, and before them the classes
   * that no short row holds; ties by class. A long row's pivot, its first column, then lies in the short
   * row added latest of those it meets. In the atoms' order a coarse segment's pivot lay in a short row
   * added early, which the elimination then filled in with the coarse row's remainder: a new long row,
   * whose pivot a later short row met in turn, so that with many small teams every team's row was reduced
   * against a row of the whole organisation. The order changes no decision, only the work.
   */
  private static int[] columnOrder(List<int[]> cells, int[] cls, int classes) {
    int[] first = new int[classes];
    Arrays.fill(first, Integer.MAX_VALUE);
    int shortRow = Math.max(16, (int) Math.sqrt(classes));
    for (int r = 0; r < cells.size(); r++) {
      int[] cell = cells.get(r);
      int length = 0;
      for (int i = 0; i < cell.length && length <= shortRow; i++) {
        length += cls[cell[i]] >= 0 ? 1 : 0;
      }
      if (length <= shortRow) {
        for (int a : cell) {
          if (cls[a] >= 0 && first[cls[a]] == Integer.MAX_VALUE) {
            first[cls[a]] = r;
          }
        }
      }
    }
    long[] keyed = new long[classes];
    for (int c = 0; c < classes; c++) {
      keyed[c] = (long) (Integer.MAX_VALUE - first[c]) << 32 | c;
    }
    Arrays.sort(keyed);
    int[] order = new int[classes];
    for (int i = 0; i < classes; i++) {
      order[i] = (int) keyed[i];
    }
    return order;
  }

  /** Empties the echelon form (keeping the columns); a known whole is added again. */
  void reset() {
    lastChanges.clear();
    // split where the small columns begin: a new small pivot is not eliminated from the rows of large or
    // protected pivots (typically the long rows of coarse segments), which no leak takes part in
    echelon = new Echelon(weight.length, firstSmall);
    reducedForm = null;
    search = new LeakSearch(echelon, weight, firstSmall, threshold - 1, whole);
    if (whole == LeakSearch.Whole.KNOWN && weight.length > 0) {
      int[] all = new int[weight.length];
      for (int c = 0; c < all.length; c++) {
        all[c] = c;
      }
      echelon.add(ExactRow.ones(all));
    }
  }

  Figure figure() {
    return figure;
  }

  /**
   * Bounds the work all the searches of this row set may do together from now on, and that of a search of
   * its whole row space for its re-audit ({@link #work()}).
   *
   * @param nodes the work, at least 1
   */
  void limitWork(long nodes) {
    if (nodes < 1) {
      throw new IllegalArgumentException("a row set needs some work, not " + nodes);
    }
    work = nodes;
    nodesLeft = nodes;
  }

  /**
   * Returns whether this row set's work is spent, so that it refuses every row from now on.
   *
   * @return whether the work is spent
   */
  boolean spent() {
    return nodesLeft <= 0;
  }

  /**
   * Returns the work this row set's searches may do together ({@link #limitWork}).
   *
   * @return the work
   */
  long work() {
    return work;
  }

  long threshold() {
    return threshold;
  }

  /**
   * Adds a row without searching (for an audit that lists what the rows reveal).
   *
   * @param row the row
   */
  void add(ExactRow row) {
    reducedForm = null;
    echelon.add(row);
  }

  LeakSearch search() {
    return search;
  }

  int columns() {
    return weight.length;
  }

  long weight(int column) {
    return weight[column];
  }

  int[] atomsOf(int column) {
    return atomsOfColumn[column];
  }

  /**
   * Returns a cell's row: 1 at the columns of its atoms with contributors.
   *
   * @param cellAtoms the cell's atoms, sorted
   * @return the 0/1 row
   */
  ExactRow row(int[] cellAtoms) {
    return ExactRow.onesAt(cellAtoms, columnOfAtom);
  }


  /**
   * Adds a cell's row unless that lets a small group be derived; see {@link #tryAddAll}.
   *
   * @param cellAtoms the cell's atoms, sorted
   * @return whether the row was kept (it may already have been in the span)
   */
  boolean tryAdd(int[] cellAtoms) {
    return tryAddAll(List.<int[]>of(cellAtoms));
  }

  /**
   * Adds the cells' rows unless, with them, a small group can be derived: all of them or none. Only leaks
   * that take a new row or a row the new ones changed are searched for, in one search: the rows before were
   * clean. A search that runs out of nodes refuses the rows; once the row set's work ({@link #limitWork}) is
   * spent, every row is refused, even one already in the span of the kept rows, which readers could add up
   * from them anyway. The kept rows stay proven clean, and for a single row only the maximality of the
   * refusal is given up ({@link #bounded()}); several rows refused so are then decided in parts by the
   * caller.
   *
   * @param cells the cells' atoms, each sorted
   * @return whether the rows were kept (they may already have been in the span)
   */
  @Override
  public boolean tryAddAll(List<int[]> cells) {
    lastChanges.clear();
    if (spent()) {
      // spent: refused without the elimination, which on large sparse reports costs more than the searches
      // and, for the rows it would find in the span of those kept, keeps only what readers can add up
      bounded = true;
      return false;
    }
    reducedForm = null;
    int[] roots = new int[16];
    int n = 0;
    for (int[] cell : cells) {
      Echelon.Change change = echelon.add(row(cell));
      if (change != null) {
        lastChanges.add(change);
        int[] changed = change.changed();
        if (n + changed.length + 1 > roots.length) {
          roots = Arrays.copyOf(roots, Math.max(2 * roots.length, n + changed.length + 1));
        }
        System.arraycopy(changed, 0, roots, n, changed.length);
        n += changed.length;
        roots[n++] = change.row();
      }
    }
    if (lastChanges.isEmpty()) {
      return true;
    }
    search.limitNodes(Math.max(1, Math.min(NODES_PER_SEARCH, nodesLeft)));
    boolean leak = search.anyLeak(Arrays.copyOf(roots, n));
    nodesLeft -= search.nodes();
    // a single row refused for want of work was not proven to leak (a batch is split and decided again)
    bounded |= search.exhausted() && cells.size() == 1;
    if (leak) {
      undoLast();
      return false;
    }
    return true;
  }

  /**
   * Returns whether some atoms with contributors were left out as columns because safe atoms span them; a
   * search of these rows for another figure is then exact only if the kept safe atoms are safe there too.
   *
   * @return whether the columns were reduced
   */
  boolean reduced() {
    return reduced;
  }

  /**
   * Returns the rows held now searched with another figure's contributors, to tell whether they leave that
   * figure clean and, when they do not, which groups of it they reveal: one search serves both, so the
   * pivots are moved off the figure's irrelevant columns once. The rows, the columns and their merging stay
   * as they are; the columns take the other figure's contributors (a column without any is irrelevant: its
   * value is known to be nothing; see {@link LeakSearch#overRelevant}). The rows are left unchanged, so
   * several threads may ask at once while no row is added; each check is for one thread.
   *
   * @param atoms the atoms this row set was built on
   * @param figureIndex the other figure
   * @param threshold its threshold
   * @param safeAtoms per atom, whether a certificate protects it in that figure
   * @return the check
   */
  Check checkFor(Atoms atoms, int figureIndex, long threshold, boolean[] safeAtoms) {
    long[] w = weightsFor(atoms, figureIndex);
    boolean[] small = new boolean[w.length];
    for (int c = 0; c < w.length; c++) {
      boolean safe = false;
      for (int a : atomsOfColumn[c]) {
        safe |= safeAtoms[a];
      }
      small[c] = w[c] >= 1 && w[c] < threshold && !safe;
    }
    return new Check(w, threshold,
        LeakSearch.overRelevant(reducedForm(), w, small, threshold - 1, LeakSearch.Whole.PROTECTED));
  }

  /** The rows held when it was made, searched with another figure's contributors ({@link #checkFor}). */
  final class Check {
    private final long[] weights;
    private final long threshold;
    private final LeakSearch search;

    private Check(long[] weights, long threshold, LeakSearch search) {
      this.weights = weights;
      this.threshold = threshold;
      this.search = search;
    }

    /**
     * Returns a {@link GroupWatch} that decides the figure's candidates, which must be among the rows held
     * when the check was made, by the groups these rows reveal, or empty when there are more than {@code max}
     * minimal ones or the listing runs out of work. Every group a subset of the rows reveals is a disjoint
     * union of minimal ones (a group less a smaller revealed group inside it is revealed too). A watch of
     * no group ({@link GroupWatch#isEmpty()}) means that the rows leave the figure clean, and so does every
     * subset of them, as its span is smaller: the listing then searched exactly what a search for any leak
     * would have, as it differs from one only once it finds a leak.
     *
     * @param max the most minimal groups
     * @param nodes the most work the listing may take
     * @return the watch
     */
    Optional<GroupWatch> watch(int max, long nodes) {
      Optional<List<int[]>> minimal = search.minimalLeaksWithin(max, nodes);
      if (minimal.isEmpty() || minimal.get().size() > max) {
        return Optional.empty();
      }
      List<long[]> groupWeights = new ArrayList<>();
      for (int[] group : minimal.get()) {
        groupWeights.add(new long[] {IntStream.of(group).mapToLong(c -> weights[c]).sum()});
      }
      List<int[]> unions = new ArrayList<>();
      unite(minimal.get(), groupWeights, 0, new int[0], 0, threshold - 1, unions, max * 16);
      if (unions.size() > max * 16) {
        return Optional.empty();
      }
      // the relevant pivot columns of the searched echelon form determine every vector of the span
      Echelon searched = search.echelon();
      int[] projected = new int[weights.length];
      Arrays.fill(projected, -1);
      int read = 0;
      for (int r = 0; r < searched.rank(); r++) {
        if (weights[searched.pivot(r)] > 0) {
          projected[searched.pivot(r)] = read++;
        }
      }
      return Optional.of(new GroupWatch(columnOfAtom, projected, read, unions));
    }
  }

  /** Adds every union of pairwise disjoint groups from {@code from} on, within the weight left. */
  private static void unite(List<int[]> groups, List<long[]> weights, int from, int[] union, long weight,
      long limit, List<int[]> out, int most) {
    for (int g = from; g < groups.size() && out.size() <= most; g++) {
      long w = weight + weights.get(g)[0];
      int[] group = groups.get(g);
      if (w > limit || IntStream.of(group).anyMatch(a -> Arrays.binarySearch(union, a) >= 0)) {
        continue;
      }
      int[] next = IntStream.concat(IntStream.of(union), IntStream.of(group)).sorted().toArray();
      out.add(next);
      unite(groups, weights, g + 1, next, w, limit, out, most);
    }
  }

  /**
   * The rows in reduced form throughout, made on first use after a change; several threads may ask at once
   * while nothing changes the rows.
   */
  private synchronized Echelon reducedForm() {
    if (reducedForm == null) {
      reducedForm = echelon.reduced();
    }
    return reducedForm;
  }

  /** Each column's contributors to another figure. */
  private long[] weightsFor(Atoms atoms, int figureIndex) {
    long[] w = new long[weight.length];
    for (int c = 0; c < w.length; c++) {
      for (int a : atomsOfColumn[c]) {
        w[c] += atoms.contributors(figureIndex, a);
      }
    }
    return w;
  }

  /**
   * Returns whether some row was refused because a search ran out of nodes rather than because it leaked.
   *
   * @return whether the refusals may not all be necessary
   */
  boolean bounded() {
    return bounded;
  }

  /** Takes back the rows the last successful {@link #tryAddAll} kept, if they changed anything. */
  @Override
  public void undoLast() {
    for (int i = lastChanges.size() - 1; i >= 0; i--) {
      echelon.undo(lastChanges.get(i));
    }
    if (!lastChanges.isEmpty()) {
      reducedForm = null;
      lastChanges.clear();
    }
  }
}

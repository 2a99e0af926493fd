package dev.belonging.scoring.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A cheap, sound certificate that an atom can be in no derivable small group, whatever segments of the
 * breakdowns are shown: the atom's <em>flower</em> of interaction contrasts.
 *
 * <p><b>Contrasts.</b> Let {@code T} be a set of attributes that no breakdown contains whole (for example
 * {@code team} and {@code gender} when neither {@code team*gender} nor a larger intersection is a
 * breakdown). For an atom {@code a} and other values {@code t'} of every attribute of {@code T}, the
 * {@code 2^|T|} atoms that take, attribute by attribute, either {@code a}'s value or the other one (and
 * {@code a}'s values elsewhere) carry the signs {@code ±1} of the parity of the attributes changed. The sum
 * of such a contrast over any segment is zero: a segment fixes the attributes of its breakdown, which miss
 * at least one attribute {@code X} of {@code T}, and flipping {@code X} pairs the contrast's atoms inside
 * the segment with opposite signs. So a contrast whose atoms all have contributors lies in the null space
 * of every set of shown segments (the population, which fixes nothing, included), and every vector of
 * their row space sums to zero over it.
 *
 * <p><b>Flowers.</b> A group reveals its sums only if its indicator lies in the row space, so only if it
 * meets every contrast in a zero sum. Take an atom {@code a} with {@code t − 1} contrasts (<em>petals</em>)
 * whose atoms have contributors and which share no atom but {@code a}. A group of at most {@code t − 1}
 * contributors has at most {@code t − 1} atoms; if it holds {@code a}, its other atoms meet at most
 * {@code t − 2} petals, so one petal meets it in {@code a} alone and sums to {@code ±1} over it: the group
 * is not derivable. Hence no derivable group of 1 to {@code t − 1} contributors holds an atom with a flower
 * of {@code t − 1} petals: such an atom is <em>protected</em>, and the exact search may treat it like an atom
 * of {@code t} or more contributors. When every atom below {@code t} is protected, nothing needs searching at
 * all, which is the common case of large populations cut by crossed breakdowns.
 *
 * <p>Petals are found greedily in a fixed order (minimal uncovered attribute sets of two attributes and of
 * three, those that offer the most candidate petals sharing nothing but the atom first, then those with
 * the fewest combinations of values; other values in text order, the combinations that share no atom with
 * each other first) with a bounded number of lookups per atom; missing a flower only costs time, never
 * soundness. Petals are looked up in parallel on the common fork-join pool; the result does not
 * depend on it. Deterministic. Immutable after construction except for an internal cache, which is
 * guarded: {@link #protectedAtoms} may be called from several threads at once.
 */
public final class Contrasts {

  /** Lookups spent at most on one atom's flower before giving up. */
  private static final int LOOKUP_BUDGET = 1_024;

  /** Other values of one attribute tried at most per atom and attribute set. */
  private static final int NEIGHBOURS = 12;

  /** Petals kept at most per atom. */
  private static final int MAX_PETALS = 16;

  /** Petals kept at most per atom from one attribute set. */
  private static final int PETALS_PER_SET = 4;

  /** Atoms whose petals one parallel part finds, at least. */
  private static final int MIN_ATOMS_PER_PART = 8_192;

  /** Parts per processor of the petals' search, at most: parts of atoms differ in cost, so a few each. */
  private static final int PARTS_PER_PROCESSOR = 4;

  private static final int PARALLELISM = Math.max(1, Runtime.getRuntime().availableProcessors());

  /** Nodes of the hitting-set search at most per atom and round. */
  private static final int HITTING_NODES = 2_000;

  /** Atoms a hitting set holds at most (a group's contributors beyond it are not tried). */
  private static final int MAX_CHOSEN = 64;

  private final Atoms atoms;
  private final int attributes;
  private final long[] weight;
  private final int[] cardinality;
  private final long[] key;
  private final long combinations; // of the attributes' values: every key is below it
  private final long directLimit; // the most combinations for which keys index arrays
  private final LongIntMap index;
  private final int[][] uncovered;
  private final boolean[] dense;
  private final boolean[] robust;
  private final int[] fewestDense;
  private final List<boolean[]> robustCache = new ArrayList<>();

  private Contrasts(Atoms atoms, int[][] uncovered, long directLimit) {
    this.atoms = atoms;
    this.directLimit = directLimit;
    this.attributes = atoms.attributes().size();
    this.uncovered = uncovered;
    this.weight = new long[attributes];
    this.cardinality = new int[attributes];
    long w = 1;
    for (int i = attributes - 1; i >= 0; i--) {
      cardinality[i] = Math.max(1, atoms.attributes().get(i).cardinality());
      weight[i] = w;
      w = Math.multiplyExact(w, cardinality[i]);
    }
    int n = atoms.size();
    key = new long[n];
    combinations = w;
    index = w <= directLimit ? new LongIntMap(w) : new LongIntMap();
    indexAtoms();
    // figures held by most of the population share one computation of the flowers; the others (comment
    // questions, typically) are computed on their own
    dense = new boolean[atoms.figures()];
    long everyone = atoms.total(0);
    for (int f = 0; f < dense.length; f++) {
      dense[f] = 2 * atoms.total(f) >= everyone;
    }
    fewestDense = atoms.fewest(dense);
    robust = new boolean[n];
    for (int a = 0; a < n; a++) {
      robust[a] = fewestDense[a] > 0;
    }
  }

  /**
   * Keys every atom by its ranks and numbers it in the index (atom {@code a} gets id {@code a}): the keys
   * ascend with the atoms, and nothing depends on the order in which the rows met the values.
   */
  private void indexAtoms() {
    for (int a = 0; a < key.length; a++) {
      long k = 0;
      for (int i = 0; i < attributes; i++) {
        k += atoms.rank(a, i) * weight[i];
      }
      key[a] = k;
      index.idOf(k);
    }
  }

  /**
   * Prepares the contrasts of atoms for segments of the given attribute sets (the breakdowns, or the
   * attribute sets of every segment a set of reports shows).
   *
   * @param atoms the atoms
   * @param covered the attribute sets of the segments that may be shown, each a subset of the atoms'
   *     attributes
   * @return the contrasts
   */
  public static Contrasts of(Atoms atoms, Collection<? extends Set<String>> covered) {
    return of(atoms, covered, LongIntMap.DIRECT_LIMIT);
  }

  /**
   * As {@link #of(Atoms, Collection)}, with the atoms' keys indexing arrays only when there are at most
   * {@code directLimit} combinations of values, and looked up in hash maps otherwise; what the contrasts
   * protect is the same either way (a test passes 0 to take the maps).
   *
   * @param atoms the atoms
   * @param covered the attribute sets of the segments that may be shown
   * @param directLimit the most combinations of values for arrays, at most {@link LongIntMap#DIRECT_LIMIT}
   * @return the contrasts
   */
  public static Contrasts of(Atoms atoms, Collection<? extends Set<String>> covered, long directLimit) {
    Objects.requireNonNull(atoms, "atoms");
    if (directLimit > LongIntMap.DIRECT_LIMIT) {
      throw new IllegalArgumentException("directLimit " + directLimit + " is above " + LongIntMap.DIRECT_LIMIT);
    }
    int na = atoms.attributes().size();
    if (na > 62) {
      return new Contrasts(atoms, new int[0][], directLimit);
    }
    List<String> names = atoms.attributes().stream().map(c -> c.name()).toList();
    long[] masks = covered.stream().mapToLong(set -> {
      long m = 0;
      for (String name : set) {
        int i = names.indexOf(name);
        if (i < 0) {
          throw new IllegalArgumentException("no attribute \"" + name + "\" among " + names);
        }
        m |= 1L << i;
      }
      return m;
    }).toArray();
    List<int[]> sets = new ArrayList<>();
    for (int i = 0; i < na; i++) {
      for (int j = i + 1; j < na; j++) {
        if (!isCovered((1L << i) | (1L << j), masks)) {
          sets.add(new int[] {i, j});
        }
      }
    }
    for (int i = 0; i < na; i++) {
      for (int j = i + 1; j < na; j++) {
        for (int l = j + 1; l < na; l++) {
          long m = (1L << i) | (1L << j) | (1L << l);
          if (!isCovered(m, masks) && isCovered((1L << i) | (1L << j), masks)
              && isCovered((1L << i) | (1L << l), masks) && isCovered((1L << j) | (1L << l), masks)) {
            sets.add(new int[] {i, j, l});
          }
        }
      }
    }
    // first the sets that offer an atom the most candidate petals sharing nothing but it (the diagonal: an
    // attribute of v values offers v − 1 other values, of which NEIGHBOURS are tried), as those most often
    // complete a flower on their own; among those, the cheap ones: fewest combinations of values
    sets.sort(java.util.Comparator.<int[]>comparingInt(set -> {
      int least = Integer.MAX_VALUE;
      for (int attribute : set) {
        least = Math.min(least, atoms.attributes().get(attribute).cardinality());
      }
      return -Math.min(least - 1, NEIGHBOURS);
    }).thenComparingLong(set -> {
      long product = 1;
      for (int attribute : set) {
        product *= Math.max(1, atoms.attributes().get(attribute).cardinality());
      }
      return product;
    }));
    return new Contrasts(atoms, sets.toArray(new int[0][]), directLimit);
  }

  private static boolean isCovered(long mask, long[] masks) {
    for (long m : masks) {
      if ((mask & m) == mask) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the protected atoms of a figure: atoms with 1 to {@code threshold − 1} contributors to it that
   * no derivable group of 1 to {@code threshold − 1} contributors can hold (see the class comment).
   *
   * @param figure the figure, numbered as in {@link Atoms}
   * @param threshold the smallest group that may be revealed, at least 2
   * @return per atom, whether it is protected
   */
  public boolean[] protectedAtoms(int figure, long threshold) {
    int n = atoms.size();
    boolean[] out = new boolean[n];
    if (threshold < 2 || uncovered.length == 0) {
      return out;
    }
    boolean[] shared = dense[figure] ? robustProtection(threshold) : protection(figure, threshold);
    for (int a = 0; a < n; a++) {
      int c = atoms.contributors(figure, a);
      out[a] = c >= 1 && c < threshold && shared[a];
    }
    return out;
  }

  /**
   * Returns, per atom, whether it is safe in every one of some figures at a threshold: it has at least the
   * threshold of contributors to the figure, or some and is {@linkplain #protectedAtoms protected} there.
   * The same as combining {@link #protectedAtoms} figure by figure; for dense figures, which share one
   * protection, from the fewest contributors alone.
   *
   * @param figures the figures
   * @param threshold the smallest group that may be revealed
   * @return per atom, whether it is safe in all of them
   */
  public boolean[] safeInAll(int[] figures, long threshold) {
    int n = atoms.size();
    boolean[] out = new boolean[n];
    Arrays.fill(out, true);
    boolean allDense = threshold >= 2 && uncovered.length > 0;
    boolean[] chosen = new boolean[atoms.figures()];
    for (int f : figures) {
      allDense &= dense[f];
      chosen[f] = true;
    }
    if (!allDense) {
      for (int f : figures) {
        boolean[] p = protectedAtoms(f, threshold);
        for (int a = 0; a < n; a++) {
          int c = atoms.contributors(f, a);
          out[a] &= c >= threshold || (c > 0 && p[a]);
        }
      }
      return out;
    }
    // c ≥ t, or 1 ≤ c < t and protected, in each figure: with one protection for all of them, the fewest
    // contributors decide (protected: at least one everywhere; else at least the threshold everywhere)
    boolean[] shared = robustProtection(threshold);
    // every dense figure, as a guard's figures usually are: the fewest were found once, at construction
    int[] fewest = Arrays.equals(chosen, dense) ? fewestDense : atoms.fewest(chosen);
    for (int a = 0; a < n; a++) {
      out[a] = shared[a] ? fewest[a] >= 1 : fewest[a] >= threshold;
    }
    return out;
  }

  /**
   * Returns whether every atom with 1 to {@code threshold − 1} contributors to a figure is protected, so
   * that no set of shown segments lets a small group of it be derived.
   *
   * @param protectedAtoms what {@link #protectedAtoms} returned for the figure and threshold
   * @param figure the figure
   * @param threshold the threshold
   * @return whether the figure is certified clean whatever is shown
   */
  public boolean certifies(boolean[] protectedAtoms, int figure, long threshold) {
    for (int a = 0; a < atoms.size(); a++) {
      int c = atoms.contributors(figure, a);
      if (c >= 1 && c < threshold && !protectedAtoms[a]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether a figure is held by at least half of the population (every figure but, typically,
   * comment questions).
   *
   * @param figure the figure
   * @return whether it is dense
   */
  public boolean isDense(int figure) {
    return dense[figure];
  }

  /** Protection by petals of atoms with contributors to every dense figure, valid for each of them. */
  private synchronized boolean[] robustProtection(long threshold) {
    int t = (int) Math.min(threshold, Integer.MAX_VALUE);
    while (robustCache.size() <= t) {
      robustCache.add(null);
    }
    boolean[] result = robustCache.get(t);
    if (result == null) {
      result = protection(-1, t);
      robustCache.set(t, result);
    }
    return result;
  }

  /**
   * The fixpoint of the hitting argument. A derivable group that holds an atom {@code a} sums to zero over
   * every petal (contrast) through {@code a}, so its other atoms hit every petal in an atom below the
   * threshold, within the group's remaining weight, and none of them is protected. An atom for which no such
   * hitting set exists is protected; protecting atoms can make other atoms' petals unhittable, so the check
   * repeats until nothing changes. Figure -1 means the robust petals, valid for every dense figure, with every
   * atom counted as one contributor (the fewest it can have there).
   *
   * <p>Whether an atom can be hit is monotone in the protected atoms: more of them only prune the search
   * for a hitting set, which then visits a part of the nodes it visited before, so a search that found no
   * hitting set within its budget still finds none. The checks therefore reach the same least fixpoint in
   * any order. The first round, against no protected atom, runs with the petals' search in parallel; the
   * rest, on the atoms it left open, in atom order ({@link #leastFixpoint}).
   */
  private boolean[] protection(int figure, long threshold) {
    int n = atoms.size();
    boolean[] safe = new boolean[n];
    int[][] petals = new int[n][];
    // each atom's petals, and whether they can be hit when no atom is protected, depend on nothing but the
    // atoms: found in parts on the common fork-join pool (a parallel stream, so that the caller works too)
    int[] byKey = figure < 0 ? membersByKey(threshold) : null;
    int[][][] lines = figure < 0 ? lines() : null;
    int parts = (int) Math.max(1, Math.min(PARTS_PER_PROCESSOR * PARALLELISM, n / MIN_ATOMS_PER_PART));
    IntStream.range(0, parts).parallel().forEach(p -> findPetals(petals, safe, (int) ((long) n * p / parts),
        (int) ((long) n * (p + 1) / parts), figure, threshold, lines, byKey));
    int[] open = IntStream.range(0, n).filter(a -> petals[a] != null && !safe[a]).toArray();
    Scratch scratch = new Scratch();
    leastFixpoint(open, petals, safe, (a, protectedNow) -> hittable(a, petals[a], figure, threshold,
        protectedNow, scratch));
    return safe;
  }

  /** Whether an atom can be hit, given the atoms protected so far; monotone: more of them, never more hits. */
  @FunctionalInterface
  interface Hitting {
    /**
     * Returns whether atoms not protected can hit every petal of an atom.
     *
     * @param atom the atom
     * @param protectedNow per atom, whether it is protected
     * @return whether they can
     */
    boolean hittable(int atom, boolean[] protectedNow);
  }

  /**
   * Protects, from the protected atoms given, every open atom the least fixpoint of the checks protects:
   * one sweep over the open atoms in order, which protects most of those that will be, then checks of only
   * the atoms an atom of whose petals turned protected since their last check. As the checks are monotone,
   * any order of them reaches the same fixpoint.
   *
   * @param open the atoms that may turn protected, ascending
   * @param petals per open atom, its petals, each as its count of atoms followed by them: what its check reads
   * @param safe per atom, whether it is protected; updated
   * @param check the check
   */
  static void leastFixpoint(int[] open, int[][] petals, boolean[] safe, Hitting check) {
    int left = 0;
    int[] rest = new int[open.length];
    for (int a : open) {
      if (check.hittable(a, safe)) {
        rest[left++] = a;
      } else {
        safe[a] = true;
      }
    }
    if (left == open.length) {
      return; // the sweep protected nothing: the fixpoint
    }
    rest = Arrays.copyOf(rest, left);
    // only an open atom can turn protected, so only open atoms' holders are listed
    boolean[] stale = new boolean[safe.length];
    for (int a : rest) {
      stale[a] = true;
    }
    int[][] holders = holders(petals, rest, stale);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int a : rest) {
        if (stale[a] && !safe[a]) {
          stale[a] = false;
          if (!check.hittable(a, safe)) {
            safe[a] = true;
            changed = true;
            markStale(holders, a, stale);
          }
        }
      }
    }
  }

  /**
   * Per open atom, the open atoms whose petals hold it (other atoms' lists are empty): {@code [0]} the start
   * of each atom's list, {@code [1]} the lists.
   */
  private static int[][] holders(int[][] petals, int[] open, boolean[] isOpen) {
    int n = petals.length;
    int[] start = new int[n + 1];
    for (int a : open) {
      int[] p = petals[a];
      for (int i = 0; i < p.length; i += p[i] + 1) {
        for (int j = 1; j <= p[i]; j++) {
          if (isOpen[p[i + j]]) {
            start[p[i + j] + 1]++;
          }
        }
      }
    }
    for (int b = 0; b < n; b++) {
      start[b + 1] += start[b];
    }
    int[] lists = new int[start[n]];
    int[] next = Arrays.copyOf(start, n);
    for (int a : open) {
      int[] p = petals[a];
      for (int i = 0; i < p.length; i += p[i] + 1) {
        for (int j = 1; j <= p[i]; j++) {
          if (isOpen[p[i + j]]) {
            lists[next[p[i + j]]++] = a;
          }
        }
      }
    }
    return new int[][] {start, lists};
  }

  private static void markStale(int[][] holders, int atom, boolean[] stale) {
    for (int i = holders[0][atom]; i < holders[0][atom + 1]; i++) {
      stale[holders[1][i]] = true;
    }
  }

  /**
   * Sets the petals of atoms {@code from..to-1} that are below the threshold and have contributors, and
   * marks those no atoms can hit, none being protected, as protected: those with a flower at once, the
   * others by a search.
   */
  private void findPetals(int[][] petals, boolean[] safe, int from, int to, int figure, long threshold,
      int[][][] lines, int[] byKey) {
    Scratch scratch = new Scratch();
    scratch.byKey = byKey;
    for (int a = from; a < to; a++) {
      if (isSmall(a, figure, threshold) && (figure < 0 || atoms.contributors(figure, a) > 0)) {
        int[] p = petals(a, figure, threshold, scratch, lines);
        petals[a] = p;
        // a flower (petals no group can hit) needs no search
        safe[a] = p != null && (scratch.flower || !hittable(a, p, figure, threshold, null, scratch));
      }
    }
  }

  /**
   * For the robust petals, what a petal's lookup needs of the atom at each key in one read: {@code 2·a + 1}
   * for a member {@code a} below the threshold, {@code 2·a} for a member at or above it, −1 for a key
   * without a member; null when the keys are too many for an array (more than the direct limit).
   * The lookups of a large population's petals are random reads; one array instead of the index, the
   * members and their counts saves two of three.
   */
  private int[] membersByKey(long threshold) {
    if (combinations > directLimit) {
      return null;
    }
    int[] byKey = new int[(int) combinations];
    Arrays.fill(byKey, -1);
    for (int a = 0; a < key.length; a++) {
      if (robust[a]) {
        byKey[(int) key[a]] = 2 * a + (fewestDense[a] < threshold ? 1 : 0);
      }
    }
    return byKey;
  }

  /**
   * For each attribute of an uncovered set, the atoms' <em>lines</em>: the atoms that differ from one
   * another in that attribute alone, with the values of the members (robust atoms) among them, so that an
   * atom's other values are read rather than looked up one by one. Per attribute: the line of each atom
   * (its key without that attribute's digit), then the start of each line's values, then the values,
   * ascending. Null when the keys are too many for arrays (more than the direct limit): the values are
   * looked up.
   */
  private int[][][] lines() {
    if (combinations > directLimit) {
      return null;
    }
    boolean[] needed = new boolean[attributes];
    for (int[] set : uncovered) {
      for (int attribute : set) {
        needed[attribute] = true;
      }
    }
    // the members in atom order, which is key order: the members of a line come in ascending value of its
    // attribute
    int[] members = IntStream.range(0, key.length).filter(a -> robust[a]).toArray();
    int[][][] out = new int[attributes][][];
    // an attribute's lines depend on nothing but the atoms: on the common fork-join pool
    IntStream.range(0, attributes).filter(i -> needed[i]).parallel()
        .forEach(attribute -> out[attribute] = line(attribute, members));
    return out;
  }

  /** One attribute's lines (see {@link #lines()}); each loop over the atoms in a method of its own. */
  private int[][] line(int attribute, int[] members) {
    int[] lineOf = lineIds(attribute);
    int lines = (int) (combinations / cardinality[attribute]);
    int[] start = memberStarts(lineOf, members, lines);
    int[] values = memberValues(attribute, lineOf, members, start, lines);
    return new int[][] {lineOf, start, values};
  }

  /** Each atom's line for an attribute: its key without that attribute's digit, in mixed radix. */
  private int[] lineIds(int attribute) {
    long w = weight[attribute];
    long span = w * cardinality[attribute];
    int[] lineOf = new int[key.length];
    for (int a = 0; a < lineOf.length; a++) {
      lineOf[a] = (int) (key[a] / span * w + key[a] % w);
    }
    return lineOf;
  }

  /** Where each line's member values start (and, last, their number). */
  private static int[] memberStarts(int[] lineOf, int[] members, int lines) {
    int[] start = new int[lines + 1];
    for (int m : members) {
      start[lineOf[m] + 1]++;
    }
    for (int l = 0; l < lines; l++) {
      start[l + 1] += start[l];
    }
    return start;
  }

  /** The members' values of an attribute, line by line, ascending within a line (members in atom order). */
  private int[] memberValues(int attribute, int[] lineOf, int[] members, int[] start, int lines) {
    int[] values = new int[start[lines]];
    int[] next = Arrays.copyOf(start, lines);
    for (int m : members) {
      values[next[lineOf[m]]++] = atoms.rank(m, attribute);
    }
    return values;
  }

  /**
   * Collects petals through an atom: each as its count of atoms below the threshold followed by them
   * (other than {@code a}), concatenated; null when there is none. The collection stops early once the
   * petals found can be hit by no group: a petal without atoms below the threshold, or more petals with
   * pairwise disjoint such atoms than the group has contributors left (each atom of the group hits one).
   */
  private int[] petals(int a, int figure, long threshold, Scratch s, int[][][] lines) {
    // in methods of their own, each with short loops, so that the JIT compiles each once and soon
    s.remaining = threshold - 1 - weightOf(a, figure);
    s.disjointAtoms = 0;
    s.disjointPetals = 0;
    s.length = 0;
    s.found = 0;
    s.budget = LOOKUP_BUDGET;
    s.flower = false;
    for (int[] set : uncovered) {
      if (neighbours(a, set, figure, s, lines) && petalsOfSet(a, set, figure, threshold, s)) {
        s.flower = true;
        return Arrays.copyOf(s.buffer, s.length); // no group can hit them all: enough
      }
    }
    return s.found == 0 ? null : Arrays.copyOf(s.buffer, s.length);
  }

  /**
   * Finds, for each attribute of a set, the atom's other values whose atoms are members (at most {@link
   * #NEIGHBOURS}); returns whether every attribute has one.
   */
  private boolean neighbours(int a, int[] set, int figure, Scratch s, int[][][] lines) {
    int[][] neighbours = s.neighbours;
    for (int i = 0; i < set.length; i++) {
      int attribute = set[i];
      int own = atoms.rank(a, attribute);
      int m = 0;
      if (lines != null) {
        // the members of the atom's line, read in text order: the values the lookups below would find
        int[][] line = lines[attribute];
        int l = line[0][a];
        for (int j = line[1][l]; j < line[1][l + 1] && m < NEIGHBOURS; j++) {
          if (line[2][j] != own) {
            neighbours[i][m++] = line[2][j];
          }
        }
        s.budget--;
      } else {
        for (int v = 0; v < cardinality[attribute] && m < NEIGHBOURS && s.budget > 0; v++) {
          if (v != own) {
            s.budget--;
            int b = index.get(key[a] + (v - (long) own) * weight[attribute]);
            if (b >= 0 && isMember(b, figure)) {
              neighbours[i][m++] = v;
            }
          }
        }
      }
      s.neighbourCount[i] = m;
      if (m == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Collects the petals of one set of attributes through an atom, diagonal first; returns whether they are
   * enough to stop (a petal without atoms below the threshold, or more disjoint petals than the group has
   * contributors left).
   */
  private boolean petalsOfSet(int a, int[] set, int figure, long threshold, Scratch s) {
    int size = set.length;
    int fromSet = 0;
    int[] pos = s.pos;
    Arrays.fill(pos, 0);
    boolean more = true;
    // other values on the diagonal first (the i-th of every attribute): those petals share no atom
    int diagonal = Integer.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      diagonal = Math.min(diagonal, s.neighbourCount[i]);
    }
    int onDiagonal = 0;
    while (more && s.budget > 0 && fromSet < PETALS_PER_SET && s.found < MAX_PETALS) {
      int start = s.length;
      if (petal(a, set, figure, threshold, s)) {
        s.found++;
        fromSet++;
        if (s.buffer[start] == 0 || addIfApart(start, s) > s.remaining) {
          return true;
        }
      } else {
        s.length = start;
      }
      if (++onDiagonal < diagonal) {
        Arrays.fill(pos, onDiagonal);
      } else {
        if (onDiagonal == diagonal) {
          Arrays.fill(pos, 0); // the diagonal is done: every other combination, in order
        }
        more = nextOffDiagonal(pos, s.neighbourCount, size, diagonal);
      }
    }
    return false;
  }

  /**
   * Appends the petal of the neighbours at {@code pos} to the buffer (its count of atoms below the
   * threshold, then them); returns whether every atom of it is a member (if not, the buffer's length is
   * left as it was).
   */
  private boolean petal(int a, int[] set, int figure, long threshold, Scratch s) {
    int size = set.length;
    // what taking attribute i's other value adds to the atom's key: each petal atom's key is the atom's
    // plus the steps of the attributes its mask changes
    long[] step = s.step;
    for (int i = 0; i < size; i++) {
      int attribute = set[i];
      step[i] = (s.neighbours[i][s.pos[i]] - (long) atoms.rank(a, attribute)) * weight[attribute];
    }
    long own = key[a];
    int[] buffer = s.buffer;
    int[] byKey = s.byKey;
    int start = s.length;
    int length = start + 1;
    buffer[start] = 0;
    for (int mask = 1; mask < (1 << size); mask++) {
      long k = own;
      for (int i = 0; i < size; i++) {
        if ((mask & (1 << i)) != 0) {
          k += step[i];
        }
      }
      s.budget--;
      if (byKey != null) {
        int e = byKey[(int) k];
        if (e < 0) {
          return false;
        }
        if ((e & 1) != 0) {
          buffer[length++] = e >>> 1;
          buffer[start]++;
        }
        continue;
      }
      int b = index.get(k);
      if (b < 0 || !isMember(b, figure)) {
        return false;
      }
      if (isSmall(b, figure, threshold)) {
        buffer[length++] = b;
        buffer[start]++;
      }
    }
    s.length = length;
    return true;
  }

  /** Counts the petal at {@code start} among the disjoint ones if it shares no atom with them; returns their number. */
  private static int addIfApart(int start, Scratch s) {
    for (int j = start + 1; j < s.length; j++) {
      if (contains(s.disjoint, s.disjointAtoms, s.buffer[j])) {
        return s.disjointPetals;
      }
    }
    for (int j = start + 1; j < s.length; j++) {
      s.disjoint[s.disjointAtoms++] = s.buffer[j];
    }
    return ++s.disjointPetals;
  }

  /**
   * The working arrays of one thread's petal collection and hitting-set search, reused from atom to atom: each
   * use reads only what it wrote (counts say how far).
   */
  private static final class Scratch {
    final int[] buffer = new int[8 * MAX_PETALS];
    final int[] disjoint = new int[8 * MAX_PETALS];
    final int[][] neighbours = new int[3][NEIGHBOURS];
    final int[] neighbourCount = new int[3];
    final int[] pos = new int[3];
    final long[] step = new long[3];
    // the hitting-set search: atoms chosen so far, nodes left
    final int[] chosen = new int[MAX_CHOSEN];
    int nodes;
    // the robust petals' lookup array (see membersByKey), or null
    int[] byKey;
    // the atom at hand: contributors a group may still hold, petals so far, lookups left, and whether its
    // petals are a flower: one without atoms below the threshold, or more disjoint ones than it can hit
    long remaining;
    boolean flower;
    int length;
    int found;
    int budget;
    int disjointAtoms;
    int disjointPetals;
  }

  /** Advances {@code pos} to the next combination, in odometer order, that is not on the diagonal. */
  private static boolean nextOffDiagonal(int[] pos, int[] counts, int size, int diagonal) {
    while (true) {
      boolean carried = true;
      for (int i = size - 1; i >= 0 && carried; i--) {
        carried = ++pos[i] >= counts[i];
        if (carried) {
          pos[i] = 0;
        }
      }
      if (carried) {
        return false;
      }
      boolean same = pos[0] < diagonal;
      for (int i = 1; i < size && same; i++) {
        same = pos[i] == pos[0];
      }
      if (!same) {
        return true;
      }
    }
  }

  /**
   * Whether atoms not yet safe, within the group's remaining weight, can hit every petal of {@code a}; with
   * {@code safe} null, none is. The search uses the scratch's chosen atoms and node budget.
   */
  private boolean hittable(int a, int[] petals, int figure, long threshold, boolean[] safe, Scratch s) {
    long remaining = threshold - 1 - weightOf(a, figure);
    s.nodes = HITTING_NODES;
    int capacity = (int) Math.max(0, Math.min(remaining, s.chosen.length));
    return hit(petals, s, 0, capacity, remaining, figure, safe);
  }

  private boolean hit(int[] petals, Scratch s, int count, int capacity, long remaining, int figure,
      boolean[] safe) {
    if (--s.nodes < 0) {
      return true; // out of budget: assume the worst, which is sound
    }
    int[] chosen = s.chosen;
    // the first petal the chosen atoms do not hit
    int i = 0;
    while (i < petals.length) {
      int size = petals[i];
      boolean hitHere = false;
      for (int j = 1; j <= size && !hitHere; j++) {
        hitHere = contains(chosen, count, petals[i + j]);
      }
      if (!hitHere) {
        break;
      }
      i += size + 1;
    }
    if (i >= petals.length) {
      return true;
    }
    int size = petals[i];
    for (int j = 1; j <= size; j++) {
      int b = petals[i + j];
      long w = weightOf(b, figure);
      if ((safe == null || !safe[b]) && w <= remaining && count < capacity) {
        chosen[count] = b;
        if (hit(petals, s, count + 1, capacity, remaining - w, figure, safe)) {
          return true;
        }
      }
    }
    return false;
  }

  private long weightOf(int atom, int figure) {
    return figure < 0 ? 1 : atoms.contributors(figure, atom);
  }

  private boolean isSmall(int atom, int figure, long threshold) {
    return (figure < 0 ? fewestDense[atom] : atoms.contributors(figure, atom)) < threshold;
  }

  private boolean isMember(int atom, int figure) {
    return figure < 0 ? robust[atom] : atoms.contributors(figure, atom) > 0;
  }

  private static boolean contains(int[] list, int n, int value) {
    for (int i = 0; i < n; i++) {
      if (list[i] == value) {
        return true;
      }
    }
    return false;
  }
}

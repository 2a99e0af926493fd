package dev.belonging.scoring.privacy;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.MissingPolicy;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.internal.Atoms;
import dev.belonging.scoring.internal.AtomsGuard;
import dev.belonging.scoring.internal.Contrasts;
import dev.belonging.scoring.internal.LeakSearch;
import dev.belonging.scoring.internal.SpanCertificate;
import dev.belonging.scoring.internal.StatisticsLayout;
import dev.belonging.scoring.report.SuppressionReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

/**
 * Decides what a report may publish so that no group of 1 to k − 1 respondents can be derived from it:
 * primary suppression of segments below k, then complementary (secondary) suppression by exact linear
 * algebra.
 *
 * <p><b>The attacker.</b> Atoms are the non-empty cells of the cross-classification of every attribute of
 * the breakdowns. Each kind of {@link Figure} is audited on its own, with its own contributors per atom: the
 * attacker knows, for every shown segment, its sums over its atoms, and for the headcount also the
 * population's (an insider knows it). A <em>leak</em> is a group of atoms with 1 to k − 1 contributors
 * (comments: 1 to c − 1, c the comment threshold) whose indicator vector lies in the row space of the shown
 * segments' indicator vectors, that is a group whose sums some linear combination of published numbers
 * reveals. Atoms without contributors count as known. Every statistic the report publishes about a segment —
 * count, mean, SD, favorable share, index, net score, a gap versus the rest (the population minus the
 * segment) — is a function of such sums, so no published number, nor any linear combination of them,
 * reveals a small group's answers.
 *
 * <p><b>The algorithm</b> (the Gaussian-elimination approach to secondary suppression, after Langsrud's
 * GaussSuppression and Chin and Özsoyoğlu's Audit Expert; our own implementation):
 * <ol>
 *   <li>Headcounts. A segment with fewer than k members is suppressed (below k). The others are candidates
 *       in a fixed order: the population, then segments of one attribute, then of two, and so on; within
 *       a level larger segments first (by the figure's contributors, then the headcount, then the other
 *       figures' contributors), then by breakdown order, then by values. Each candidate's row is
 *       added to an exact, fraction-free reduced echelon form that starts with the population's row; it is
 *       kept only if the {@linkplain DisclosureAudit audit} of the new form stays clean (only leaks that
 *       take the new or a changed row need searching), else the segment is suppressed as complementary.
 *       Candidates are decided a batch at a time, with the same result: rows that leave the form clean
 *       together are each kept, since every subset of clean rows is clean, and a batch refused is split in
 *       halves.</li>
 *   <li>Within the shown segments, each dimension is decided the same way on its score and answer
 *       figures together (a segment's dimension with fewer than k scores is omitted at once), each rating
 *       question on its answers, and each comment question on its commenters with the comment threshold.
 *       A figure refused there is omitted from its segment, which stays shown. Exact shortcuts spare most
 *       of that work: a figure whose atoms have, capped at k, the headcount's contributors reveals nothing
 *       the shown headcounts do not; a figure with the same contributors as one decided before gets its
 *       decision; and when one search over the headcount's shown rows, with this figure's contributors,
 *       finds them clean, every subset of them, the candidates included, is clean too.</li>
 *   <li>A full re-audit of every figure that went through the elimination, a search of its whole final
 *       row space rather than of the rows each addition changed (made for each group of figures as soon as
 *       it is decided, for the headcount at the end); should it ever find a leak the guard throws rather
 *       than publish.</li>
 * </ol>
 *
 * <p><b>What is guaranteed.</b> No leak, exactly (rational arithmetic, no rounding, no sampling), and
 * inclusion-maximality: showing any complementary-suppressed segment, or any omitted figure of a shown
 * segment with at least its threshold of contributors (k, or c for comments), would leak (a refused row leaks
 * against the rows kept before it, and the rows kept later only add to the span). The exact search is bounded
 * in work per report, however many figures the instrument has: about a second per search, several seconds
 * for the headcount's searches together, as much for all the other figures' together, and a share of as
 * much again for the listings that settle them and for the re-audits; a row whose search runs out, or comes
 * after its figure's share is spent, is refused (complementary for a segment, omitted for a figure), which
 * keeps the guarantee of no leak and gives up maximality for that row only, and the decisions say so
 * ({@link Disclosure#workBoundReached()}). The benchmark's hardest reports, 2,000 to 1,000,000 respondents
 * by 11 crossed breakdowns, stay well within it. Not guaranteed: the fewest suppressions (finding them is
 * NP-hard); protection against inference that is not linear (integer bounds on crossed breakdowns), against
 * reports not {@linkplain DisclosureAudit audited together}, or against a whole group answering alike. The
 * decisions depend only on the data and the breakdowns' structure, not on row order; attribute values' labels
 * only order segments of one breakdown whose contributors to every figure are equal.
 *
 * <p><b>Cost.</b> One pass over the rows counts each atom's contributors; everything after depends on the
 * atoms and segments, not on the respondents. Before any elimination, a certificate built from interaction
 * contrasts (pairs or triples of attributes that no breakdown crosses) marks the atoms below the threshold
 * that no derivable group can hold, whatever is shown; when it marks every such atom of a figure, that figure
 * needs no elimination at all (the common case of a large population cut by crossed breakdowns), and
 * otherwise its marked atoms are searched no more than large ones. Rows are sparse; atoms without
 * contributors are dropped and atoms no segment tells apart are merged; a row whose reduced form has an entry
 * in a column that no leak can hold creates no leak and is kept without a search; otherwise only sets of at
 * most k − 1 atoms that take the new or a changed row are searched, once for a batch of rows that pass
 * together. A second certificate, an elimination in the space of the segments, marks the atoms whose columns
 * safe atoms span, and the exact search keeps as columns only a basis of those safe atoms and the atoms it
 * does not span. The elimination grows with the number of segments times the number of atoms the certificates
 * leave open: seconds for tens of thousands of such atoms (see the benchmarks). The contrasts, the cells and
 * the figures after the headcount are worked out in parallel on the common fork-join pool; the decisions do
 * not depend on it.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DisclosureGuard {

  static {
    AtomsGuard.register((guard, instrument, atoms, breakdowns) ->
        guard.decide(instrument, atoms, List.copyOf(breakdowns)));
  }

  /**
   * Work (nodes of the exact search weighted by their entries, several seconds of one core) that the row
   * sets of the figures after the headcount share, and as much again their re-audits; see
   * {@link #figureWork}. The benchmark's reports by 11 breakdowns settle every such figure without one; a
   * report with every pair of six attributes crossed leaves some thirty of them to the elimination at
   * 2,000 respondents, each of which spent a whole {@link RowSet#NODES_PER_ROW_SET} and as much again in
   * its re-audit when each had its own bound: minutes in all.
   */
  static final long FIGURE_WORK = 400_000_000;

  /**
   * Work that the listings settling the figures after the headcount share ({@link #checkWork}); each
   * listing of the benchmark's reports by 11 breakdowns takes at most about 3.5 million.
   */
  static final long CHECK_WORK = 300_000_000;

  /**
   * The most work the re-audit of one row set may do (a couple of seconds of one core): it repeats proofs
   * made already, and on the benchmark's reports by 11 breakdowns takes at most about 3 million.
   */
  static final long REAUDIT_WORK = 100_000_000;

  /** Minimal revealed groups of the headcount's shown rows up to which a figure is decided by them. */
  private static final int MAX_GROUPS = 256;

  private final AnonymityPolicy policy;
  private final MissingPolicy missingPolicy;
  /** The work of the headcount's searches, and the work the other figures' searches share. */
  private final long headcountWork;
  private final long figuresWork;

  private DisclosureGuard(AnonymityPolicy policy, MissingPolicy missingPolicy) {
    this(policy, missingPolicy, RowSet.NODES_PER_ROW_SET, FIGURE_WORK);
  }

  private DisclosureGuard(AnonymityPolicy policy, MissingPolicy missingPolicy, long headcountWork,
      long figuresWork) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.missingPolicy = Objects.requireNonNull(missingPolicy, "missingPolicy");
    this.headcountWork = headcountWork;
    this.figuresWork = figuresWork;
  }

  /**
   * Returns a copy whose searches may do other work: for tests of what a guard does when it reaches its
   * bound, which the defaults reach only on large reports.
   *
   * @param headcount the work of the headcount's searches, at least 1
   * @param figures the work the other figures' searches share, at least 1
   * @return the guard
   */
  DisclosureGuard withWork(long headcount, long figures) {
    if (headcount < 1 || figures < 1) {
      throw new IllegalArgumentException("a guard needs some work, not " + headcount + " and " + figures);
    }
    return new DisclosureGuard(policy, missingPolicy, headcount, figures);
  }

  /**
   * Returns a guard for a policy, with the default missing-answer policy
   * ({@link MissingPolicy#AT_LEAST_HALF}), which decides who has a score.
   *
   * @param policy the anonymity policy
   * @return the guard
   */
  public static DisclosureGuard of(AnonymityPolicy policy) {
    return new DisclosureGuard(policy, MissingPolicy.AT_LEAST_HALF);
  }

  /**
   * Returns a copy with another missing-answer policy (the analysis's).
   *
   * @param newMissingPolicy the policy
   * @return the guard
   */
  public DisclosureGuard withMissingPolicy(MissingPolicy newMissingPolicy) {
    return new DisclosureGuard(policy, newMissingPolicy, headcountWork, figuresWork);
  }

  /**
   * Returns the anonymity policy.
   *
   * @return the policy
   */
  public AnonymityPolicy policy() {
    return policy;
  }

  /**
   * Returns the missing-answer policy.
   *
   * @return the policy
   */
  public MissingPolicy missingPolicy() {
    return missingPolicy;
  }

  /**
   * Decides what a report of these responses by these breakdowns may publish.
   *
   * @param responses the responses
   * @param breakdowns the breakdowns, distinct, of attributes the responses have
   * @return the decisions
   * @throws IllegalArgumentException if a breakdown repeats or names an attribute the responses lack
   * @throws IllegalStateException if the final re-audit finds a leak (a defect; nothing may be published)
   */
  public Disclosure guard(ResponseSet responses, List<Breakdown> breakdowns) {
    Objects.requireNonNull(responses, "responses");
    List<Breakdown> list = distinct(breakdowns);
    Set<String> names = new LinkedHashSet<>();
    for (Breakdown b : list) {
      b.requireAttributesOf(responses);
      names.addAll(b.attributes());
    }
    Instrument instrument = responses.instrument();
    Atoms atoms = Atoms.of(new StatisticsLayout(instrument, missingPolicy), responses, List.copyOf(names));
    return decide(instrument, atoms, list);
  }

  /**
   * Decides what a report by these breakdowns may publish from the atoms' contributor counts rather than
   * from rows: for counts merged from partitions of the respondents, as a distributed engine computes them
   * ({@link dev.belonging.scoring.AnalysisAccumulator#contributors()}). The atoms are the non-empty cells
   * of the cross-classification of every attribute of the breakdowns; the guard reads nothing of the rows
   * but each atom's contributors to each figure, so the decisions equal those of
   * {@link #guard(ResponseSet, List)} on the respondents the counts sum.
   *
   * <p>Figures are numbered: 0 is the headcount; for dimension {@code d} (instrument order) {@code 1 + 2d}
   * counts members with a score (under this guard's missing-answer policy) and {@code 2 + 2d} members with
   * at least one answer to the dimension; for question {@code q} (instrument order)
   * {@code 1 + 2·dimensions + q} counts members who answered it (rating) or wrote a comment (comment).
   *
   * @param instrument the instrument
   * @param contributors each atom, as a segment over exactly the breakdowns' attributes, and its counts per
   *     figure; an atom without respondents may be left out
   * @param breakdowns the breakdowns, distinct
   * @return the decisions
   * @throws IllegalArgumentException if a breakdown repeats, an atom is not over exactly the breakdowns'
   *     attributes, or its counts are not one non-negative count per figure
   * @throws IllegalStateException if the final re-audit finds a leak (a defect; nothing may be published)
   */
  public Disclosure guard(Instrument instrument, Map<Segment, long[]> contributors,
      List<Breakdown> breakdowns) {
    Objects.requireNonNull(instrument, "instrument");
    List<Breakdown> list = distinct(breakdowns);
    Set<String> names = new LinkedHashSet<>();
    for (Breakdown b : list) {
      names.addAll(b.attributes());
    }
    List<String> attributeNames = List.copyOf(names);
    ResponseSet.Builder cells = ResponseSet.builder(instrument).attributes(attributeNames);
    int figures = 1 + 2 * instrument.dimensions().size() + instrument.questions().size();
    int[][] counts = new int[figures][contributors.size()];
    int row = 0;
    for (Map.Entry<Segment, long[]> e : contributors.entrySet()) {
      Map<String, String> values = e.getKey().attributes();
      long[] atom = e.getValue();
      if (!values.keySet().equals(names)) {
        throw new IllegalArgumentException("atom " + e.getKey().label() + " is not over exactly the "
            + "attributes " + attributeNames);
      }
      if (atom.length != figures) {
        throw new IllegalArgumentException("atom " + e.getKey().label() + " has " + atom.length
            + " counts; the instrument has " + figures + " figures");
      }
      cells.beginRow().id(Integer.toString(row));
      for (int a = 0; a < attributeNames.size(); a++) {
        cells.attribute(a, values.get(attributeNames.get(a)));
      }
      cells.endRow(0, new ArrayList<>());
      for (int f = 0; f < figures; f++) {
        if (atom[f] < 0) {
          throw new IllegalArgumentException("atom " + e.getKey().label() + " has a negative count");
        }
        counts[f][row] = Math.toIntExact(atom[f]);
      }
      row++;
    }
    Atoms merged = Atoms.ofCounts(new StatisticsLayout(instrument, missingPolicy), cells.build(),
        attributeNames, counts);
    return decide(instrument, merged, list);
  }

  /** A copy of the breakdowns, each named once. */
  private static List<Breakdown> distinct(List<Breakdown> breakdowns) {
    List<Breakdown> list = List.copyOf(breakdowns);
    if (new HashSet<>(list).size() != list.size()) {
      throw new IllegalArgumentException("a breakdown is named twice: " + list);
    }
    return list;
  }

  /** The guard proper: decides on the atoms' contributors. */
  private Disclosure decide(Instrument instrument, Atoms atoms, List<Breakdown> list) {
    // the contrasts are prepared on the common fork-join pool while the breakdowns' cells are found (by
    // parallel streams, whose caller works too)
    ForkJoinTask<Contrasts> preparing = ForkJoinTask.adapt(
        () -> Contrasts.of(atoms, list.stream().map(b -> Set.copyOf(b.attributes())).toList())).fork();
    List<Cells.Cell> cells = new ArrayList<>();
    cells.add(Cells.population(atoms));
    Cells.ofAll(atoms, list.stream().map(Breakdown::attributes).toList()).forEach(cells::addAll);
    Contrasts contrasts = preparing.join();
    int k = policy.minGroupSize();
    List<RowSet> finalAudit = new ArrayList<>();

    // 1. headcounts
    Map<Segment, SuppressionReason> suppressed = new LinkedHashMap<>();
    List<Cells.Cell> eligible = new ArrayList<>();
    for (Cells.Cell c : cells) {
      if (c.contributors(0) < k) {
        suppressed.put(c.segment(), SuppressionReason.BELOW_K);
      } else {
        eligible.add(c);
      }
    }
    Span span = new Span(atoms, contrasts, eligible, instrument, k, maxRank(atoms, list));
    CandidateOrder order = new CandidateOrder(eligible);
    // (no shown rows to list groups of yet)
    List<Cells.Cell> shown = Settled.of(atoms, contrasts, span, null, new int[] {0}, k, 1)
        .eliminate(atoms, span, order, eligible, List.of(Figure.headcount()), LeakSearch.Whole.KNOWN,
            headcountWork, finalAudit);
    // the headcount's rows as kept (none when its certificate spared the elimination)
    RowSet shownRows = finalAudit.isEmpty() ? null : finalAudit.get(0);
    Set<Segment> shownSegments = new HashSet<>();
    for (Cells.Cell c : shown) {
      shownSegments.add(c.segment());
    }
    for (Cells.Cell c : eligible) {
      if (!shownSegments.contains(c.segment())) {
        suppressed.put(c.segment(), SuppressionReason.COMPLEMENTARY);
      }
    }
    List<Cells.Cell> shownCells = cells.stream().filter(c -> shownSegments.contains(c.segment())).toList();

    // 2. figures inside shown segments
    List<Dimension> dims = instrument.dimensions();
    List<Question> qs = instrument.questions();
    // the groups of figures (a dimension's two, each question's one), planned in order; those that need
    // deciding are decided in parallel on the common fork-join pool, each on its own row sets, and their
    // results are used in order, so nothing depends on the scheduling
    Figures figuresDecided = new Figures(atoms, k);
    List<Figures.Plan> plans = new ArrayList<>();
    for (int d = 0; d < dims.size(); d++) {
      String id = dims.get(d).id();
      int[] figures = {1 + 2 * d, 2 + 2 * d};
      plans.add(figuresDecided.plan(atLeast(shownCells, atoms, figures, k), figures, k,
          List.of(Figure.scores(id), Figure.answers(id))));
    }
    for (int q = 0; q < qs.size(); q++) {
      int[] figures = {1 + 2 * dims.size() + q};
      Question question = qs.get(q);
      int threshold = question.isRating() ? k : policy.commentThreshold();
      Figure figure = question.isRating() ? Figure.question(question.id()) : Figure.comments(question.id());
      plans.add(figuresDecided.plan(atLeast(shownCells, atoms, figures, threshold), figures, threshold,
          List.of(figure)));
    }
    Map<List<Object>, Figures.Plan> unique = new LinkedHashMap<>();
    for (Figures.Plan plan : plans) {
      if (plan.key() != null) {
        unique.putIfAbsent(plan.key(), plan);
      }
    }
    // each group is settled first, in parallel, so that the figures a report leaves to the elimination are
    // counted before it and share its work equally, whatever the scheduling; then decided in parallel (a
    // parallel stream, so that the calling thread decides figures too, not only the pool's workers); each
    // group's row sets get their full re-audit, step 3, as soon as the group is decided, so that their
    // echelon forms are not all held until the end
    List<Figures.Plan> open = new ArrayList<>(unique.values());
    long checkWork = checkWork(open.stream().mapToInt(plan -> plan.figureIndexes().length).sum());
    List<Settled> settling = open.parallelStream()
        .map(plan -> Settled.of(atoms, contrasts, span, shownRows, plan.figureIndexes(), plan.threshold(),
            checkWork))
        .toList();
    long work = figureWork(figuresWork, settling.stream().mapToInt(Settled::searched).sum());
    List<Decided> results = IntStream.range(0, open.size()).parallel().mapToObj(g -> {
      Figures.Plan plan = open.get(g);
      List<RowSet> audit = new ArrayList<>();
      List<Cells.Cell> kept = settling.get(g).eliminate(atoms, span, order, plan.candidates(), plan.figures(),
          LeakSearch.Whole.PROTECTED, work, audit);
      Figure leaking = audit.stream().filter(DisclosureGuard::leaksOnReaudit).map(RowSet::figure).findFirst()
          .orElse(null);
      return new Decided(kept, leaking, audit.stream().anyMatch(RowSet::bounded));
    }).toList();
    Map<List<Object>, Decided> decided = new HashMap<>();
    int next = 0;
    for (List<Object> key : unique.keySet()) {
      decided.put(key, results.get(next++));
    }
    // which groups each shown segment keeps, a row of bits per segment in the instrument's order (the
    // dimensions', then the questions')
    Map<Segment, Integer> rowOf = new LinkedHashMap<>();
    for (Cells.Cell c : shownCells) {
      rowOf.putIfAbsent(c.segment(), rowOf.size());
    }
    int words = (plans.size() + 63) >>> 6;
    long[] keptBy = new long[rowOf.size() * words];
    for (int g = 0; g < plans.size(); g++) {
      Figures.Plan plan = plans.get(g);
      List<Cells.Cell> kept = plan.key() == null ? plan.candidates() : decided.get(plan.key()).kept();
      for (Cells.Cell c : kept) {
        keptBy[rowOf.get(c.segment()) * words + (g >>> 6)] |= 1L << g;
      }
    }
    Map<Segment, Set<String>> dimensions = new LinkedHashMap<>();
    Map<Segment, Set<String>> questions = new LinkedHashMap<>();
    Map<Segment, Set<String>> comments = new LinkedHashMap<>();
    // segments that keep the same groups share their sets (most segments keep every group)
    Map<BitSet, List<Set<String>>> shared = new HashMap<>();
    rowOf.forEach((segment, row) -> {
      BitSet bits = BitSet.valueOf(Arrays.copyOfRange(keptBy, row * words, (row + 1) * words));
      List<Set<String>> sets = shared.computeIfAbsent(bits, b -> keptSets(b, dims, qs));
      dimensions.put(segment, sets.get(0));
      questions.put(segment, sets.get(1));
      comments.put(segment, sets.get(2));
    });

    // 3. the full re-audit, from scratch: the headcount's row sets now, the other figures' were re-audited
    // as each group was decided; the first leak in the guard's order stops the report
    for (RowSet rowSet : finalAudit) {
      if (leaksOnReaudit(rowSet)) {
        throw finalAuditFailed(rowSet.figure());
      }
    }
    for (Decided d : results) {
      if (d.leaking() != null) {
        throw finalAuditFailed(d.leaking());
      }
    }
    boolean bounded = shownRows != null && shownRows.bounded() || results.stream().anyMatch(Decided::bounded);
    return new Disclosure(policy, cells.stream().map(Cells.Cell::segment).toList(), suppressed, dimensions,
        questions, comments, bounded);
  }

  /**
   * How each figure of a group is settled before any elimination: by the first that applies of the
   * contrasts' certificate; a listing of the groups the headcount's shown rows reveal of it that finds none
   * (the candidates are among them, and a subset of clean rows is clean), cheap where few atoms are open; a
   * watch of the few groups those rows reveal (it decides each row exactly, without a search); or the span
   * certificate. A figure none of them settles gets a row set searched at each row.
   *
   * @param figureIndexes the group's figures
   * @param threshold their threshold
   * @param safe per figure, the atoms the contrasts protect
   * @param settled per figure, whether it never refuses a row
   * @param watches per figure, its watch or null
   */
  private record Settled(int[] figureIndexes, long threshold, boolean[][] safe, boolean[] settled,
      GroupWatch[] watches) {

    static Settled of(Atoms atoms, Contrasts contrasts, Span span, RowSet shownRows, int[] figureIndexes,
        long threshold, long checkWork) {
      int n = figureIndexes.length;
      boolean[][] safe = new boolean[n][];
      boolean[] settled = new boolean[n];
      GroupWatch[] watches = new GroupWatch[n];
      for (int f = 0; f < n; f++) {
        safe[f] = contrasts.protectedAtoms(figureIndexes[f], threshold);
        boolean fromShown = shownRows != null
            && (!shownRows.reduced() || span.covers(figureIndexes[f], threshold));
        settled[f] = contrasts.certifies(safe[f], figureIndexes[f], threshold);
        if (!settled[f] && fromShown) {
          // one listing of the groups these rows reveal of the figure: none settles it, a few are watched
          GroupWatch watch = shownRows.checkFor(atoms, figureIndexes[f], threshold, safe[f])
              .watch(MAX_GROUPS, checkWork).orElse(null);
          settled[f] = watch != null && watch.isEmpty();
          watches[f] = settled[f] ? null : watch;
        }
        settled[f] = settled[f] || (watches[f] == null && span.protect(figureIndexes[f], threshold, safe[f]));
      }
      return new Settled(figureIndexes, threshold, safe, settled, watches);
    }

    /** The figures that get a row set: neither settled nor watched. */
    int searched() {
      int count = 0;
      for (int f = 0; f < settled.length; f++) {
        count += !settled[f] && watches[f] == null ? 1 : 0;
      }
      return count;
    }

    /**
     * Keeps the candidates, in the guard's order, whose rows leave every figure of the group clean; adds a
     * fresh row set per figure holding the kept rows to {@code finalAudit}. The searches of each row set
     * may do {@code work} together.
     */
    List<Cells.Cell> eliminate(Atoms atoms, Span span, CandidateOrder order, List<Cells.Cell> candidates,
        List<Figure> figures, LeakSearch.Whole whole, long work, List<RowSet> finalAudit) {
      int n = figureIndexes.length;
      boolean certified = true;
      for (boolean s : settled) {
        certified &= s;
      }
      if (certified) {
        return List.copyOf(candidates);
      }
      List<Cells.Cell> ordered = order.sort(candidates, figureIndexes[0]);
      List<int[]> rows = ordered.stream().map(Cells.Cell::atoms).toList();
      // a settled figure never refuses a row and is left out of the elimination
      RowSet[] sets = new RowSet[n];
      for (int f = 0; f < n; f++) {
        if (!settled[f] && watches[f] == null) {
          // the headcount's rows (its whole known) are searched for the other figures: they keep the atoms'
          // order (see RowSet's constructor)
          sets[f] = new RowSet(figures.get(f), atoms, figureIndexes[f], rows, threshold, whole, safe[f],
              span.columns(figureIndexes[f], threshold), whole == LeakSearch.Whole.PROTECTED);
          sets[f].limitWork(work);
        }
      }
      List<GroupTesting.RowTest> tests = new ArrayList<>();
      for (int f = 0; f < n; f++) {
        if (!settled[f]) {
          tests.add(watches[f] != null ? watches[f] : sets[f]);
        }
      }
      List<Cells.Cell> kept = GroupTesting.keep(ordered, Cells.Cell::atoms, tests, GroupTesting.LARGEST_BATCH);
      // the final audit: a watched or searched figure's echelon form now holds exactly the kept rows; a
      // watched figure's groups are reduced against it again, a searched figure's form is searched whole at
      // the end
      for (int f = 0; f < n; f++) {
        if (watches[f] != null) {
          watches[f].verify(figures.get(f));
        } else if (sets[f] != null) {
          finalAudit.add(sets[f]);
        }
      }
      return kept;
    }
  }

  /**
   * The work the searches of each figure after the headcount that needs a row set may do: an equal share of
   * the work they share ({@link #FIGURE_WORK} by default), and never more than
   * {@link RowSet#NODES_PER_ROW_SET}. Its re-audit may do as much.
   *
   * @param total the work the figures share
   * @param rowSets how many figures of the report need a row set
   * @return the work of each one's searches
   */
  static long figureWork(long total, int rowSets) {
    return share(total, rowSets, RowSet.NODES_PER_ROW_SET);
  }

  /**
   * The work the listing that may settle each figure after the headcount may do: an equal share of
   * {@link #CHECK_WORK}, and never more than {@link RowSet#NODES_PER_CHECK}.
   *
   * @param figures how many figures of the report may be listed
   * @return the work of each listing
   */
  static long checkWork(int figures) {
    return share(CHECK_WORK, figures, RowSet.NODES_PER_CHECK);
  }

  /** An equal share of some work, at least 1 and at most {@code most}. */
  private static long share(long work, int parts, long most) {
    return Math.max(1, Math.min(most, work / Math.max(1, parts)));
  }

  /**
   * An upper bound on the rank of any set of the breakdowns' cells (with the population): the dimension of
   * the sums of functions of each breakdown's attributes on the full cross-classification, the sum over
   * every set of attributes inside some breakdown (the empty set included) of the product of the
   * attributes' numbers of values less one. Atoms absent from the data only lower the rank.
   */
  static long maxRank(Atoms atoms, List<Breakdown> breakdowns) {
    List<String> names = atoms.attributes().stream().map(c -> c.name()).toList();
    if (names.size() > 62) {
      return Long.MAX_VALUE; // attribute sets do not fit in a mask: no bound
    }
    Set<Long> sets = new HashSet<>();
    sets.add(0L);
    for (Breakdown b : breakdowns) {
      List<String> attributes = b.attributes();
      if (attributes.size() > 20) {
        return Long.MAX_VALUE; // too many subsets to count: no bound
      }
      for (int subset = 1; subset < (1 << attributes.size()); subset++) {
        long mask = 0;
        for (int i = 0; i < attributes.size(); i++) {
          if ((subset & (1 << i)) != 0) {
            mask |= 1L << names.indexOf(attributes.get(i));
          }
        }
        sets.add(mask);
      }
    }
    long rank = 0;
    try {
      for (long mask : sets) {
        long product = 1;
        for (int i = 0; i < names.size(); i++) {
          if ((mask & (1L << i)) != 0) {
            product = Math.multiplyExact(product, Math.max(0, atoms.attributes().get(i).cardinality() - 1));
          }
        }
        rank = Math.addExact(rank, product);
      }
    } catch (ArithmeticException tooLarge) {
      return Long.MAX_VALUE;
    }
    return rank;
  }

  private static List<Cells.Cell> atLeast(List<Cells.Cell> cells, Atoms atoms, int[] figures, long n) {
    List<Cells.Cell> out = new ArrayList<>();
    for (Cells.Cell c : cells) {
      boolean enough = true;
      for (int f : figures) {
        enough &= c.contributors(f) >= n;
      }
      if (enough) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The dimensions, rating questions and comment questions of the groups whose bits are set (group
   * {@code g < dims.size()} is dimension {@code g}, the others question {@code g − dims.size()}), each set
   * in the instrument's order.
   */
  private static List<Set<String>> keptSets(BitSet bits, List<Dimension> dims, List<Question> qs) {
    Set<String> dimensions = new LinkedHashSet<>();
    Set<String> questions = new LinkedHashSet<>();
    Set<String> comments = new LinkedHashSet<>();
    for (int g = bits.nextSetBit(0); g >= 0; g = bits.nextSetBit(g + 1)) {
      if (g < dims.size()) {
        dimensions.add(dims.get(g).id());
      } else {
        Question q = qs.get(g - dims.size());
        (q.isRating() ? questions : comments).add(q.id());
      }
    }
    return List.of(dimensions, questions, comments);
  }

  /**
   * A decided group of figures: the candidates kept, the first figure whose row set the full re-audit
   * found a leak in (null when none did), and whether a row set refused a row for want of work.
   */
  private record Decided(List<Cells.Cell> kept, Figure leaking, boolean bounded) {}

  /**
   * Searches a row set's whole final row space again, from scratch. Every kept row was proven clean when it
   * was added; this repeats the proof, within the row set's work and at most {@link #REAUDIT_WORK}: only a
   * leak it finds within them counts.
   */
  private static boolean leaksOnReaudit(RowSet rowSet) {
    rowSet.search().limitNodes(Math.min(rowSet.work(), REAUDIT_WORK));
    return rowSet.search().anyLeak() && !rowSet.search().exhausted();
  }

  private static IllegalStateException finalAuditFailed(Figure figure) {
    return new IllegalStateException("the final audit found a derivable group in " + figure
        + "; the report is not published");
  }

  /**
   * Spares the work of figures whose decision another one's already gives. Exact: (1) a figure whose atoms
   * have, capped at k, the same contributors as the headcount's can reveal no group that the headcount's
   * shown rows, which its candidates are among, would not reveal too, so every candidate is kept; (2) a
   * figure with exactly the same contributors as another of its group adds nothing to that one's audit; (3)
   * a group whose figures have exactly the same contributors, threshold and candidates as another gets that
   * group's decision (the guard's order and audit depend on nothing else).
   */
  private static final class Figures {
    private final Atoms atoms;
    private final long k;

    /**
     * A group of figures to decide: the figures left after (1) and (2), and the key that (3) compares;
     * a null key when every candidate is kept already.
     */
    record Plan(List<Cells.Cell> candidates, List<Figure> figures, int[] figureIndexes, long threshold,
        List<Object> key) {}

    Figures(Atoms atoms, long k) {
      this.atoms = atoms;
      this.k = k;
    }

    Plan plan(List<Cells.Cell> candidates, int[] figureIndexes, long threshold, List<Figure> figures) {
      List<Figure> open = new ArrayList<>();
      List<Integer> openIndexes = new ArrayList<>();
      List<Object> key = new ArrayList<>();
      Set<Counts> seen = new HashSet<>();
      for (int i = 0; i < figureIndexes.length; i++) {
        int f = figureIndexes[i];
        if (threshold == k && atoms.sameContributors(f, 0, (int) Math.min(k, Integer.MAX_VALUE))) {
          continue; // (1)
        }
        Counts counts = new Counts(atoms, f, atoms.contributorsHash(f));
        if (!seen.add(counts)) {
          continue; // (2)
        }
        open.add(figures.get(i));
        openIndexes.add(f);
        key.add(counts);
      }
      if (open.isEmpty()) {
        return new Plan(List.copyOf(candidates), List.of(), new int[0], threshold, null);
      }
      key.add(threshold);
      key.add(candidates.stream().map(Cells.Cell::segment).toList());
      return new Plan(candidates, List.copyOf(open), openIndexes.stream().mapToInt(Integer::intValue).toArray(),
          threshold, key); // (3) by the key
    }

  }

  /** A figure's contributor counts as a map key: equal to another figure's with the same counts. */
  private record Counts(Atoms atoms, int figure, int hash) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Counts other && atoms == other.atoms
          && (figure == other.figure || atoms.sameContributors(figure, other.figure, Integer.MAX_VALUE));
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * The {@link SpanCertificate} of the headcount's candidate cells, built on first use from the atoms that are
   * safe in the headcount and in every dense rating figure (members with k or more contributors, or
   * protected by the contrasts), so that one elimination serves all of those figures; the candidates of
   * every later decision are among these cells.
   */
  private static final class Span {
    private final Atoms atoms;
    private final Contrasts contrasts;
    private final List<Cells.Cell> cells;
    private final int[] figures;
    private final long k;
    private final long maxRank;
    private SpanCertificate certificate;
    private boolean[] safeEverywhere;
    private int[] unsafe;
    private boolean[] columns;

    Span(Atoms atoms, Contrasts contrasts, List<Cells.Cell> cells, Instrument instrument, long k,
        long maxRank) {
      this.atoms = atoms;
      this.maxRank = maxRank;
      this.contrasts = contrasts;
      this.cells = cells;
      this.k = k;
      int dims = instrument.dimensions().size();
      List<Integer> list = new ArrayList<>();
      list.add(0);
      for (int f = 1; f < atoms.figures(); f++) {
        boolean rating = f <= 2 * dims || instrument.questions().get(f - 1 - 2 * dims).isRating();
        if (rating && contrasts.isDense(f)) {
          list.add(f);
        }
      }
      this.figures = list.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Marks the atoms below the threshold whose column the safe atoms' columns span as protected, and
     * returns whether every atom below the threshold now is.
     */
    boolean protect(int figure, long threshold, boolean[] protectedAtoms) {
      if (!covers(figure, threshold)) {
        return false;
      }
      int[] unsafe = built();
      // atoms safe for this figure but not for every one join the span for this check only; the lists
      // read only what the build wrote, so figures make them in parallel, and only the check is serial.
      // Both are among the atoms not safe everywhere: an open atom is not safe in this covered figure
      int n = unsafe.length;
      int[] moreSafe = new int[n];
      int safe = 0;
      int[] open = new int[n];
      int opened = 0;
      for (int a : unsafe) {
        int c = atoms.contributors(figure, a);
        if (c >= k || (c > 0 && protectedAtoms[a])) {
          moreSafe[safe++] = a;
        }
        if (c >= 1 && c < threshold && !protectedAtoms[a]) {
          open[opened++] = a;
        }
      }
      int[] extra = Arrays.copyOf(moreSafe, safe);
      int[] toCheck = Arrays.copyOf(open, opened);
      synchronized (this) {
        return certificate.markSpanned(extra, toCheck, protectedAtoms);
      }
    }

    /** Builds the certificate if need be and returns the atoms not safe in every covered figure, ascending. */
    private synchronized int[] built() {
      build();
      return unsafe;
    }

    /** Whether the certificate speaks of a figure at a threshold. */
    boolean covers(int figure, long threshold) {
      return threshold == k && Arrays.stream(figures).anyMatch(f -> f == figure);
    }

    /**
     * Returns, for a figure the certificate covers, the atoms the exact search of any set of these cells
     * needs as columns: a basis of the columns of the atoms safe in every covered figure, and every atom that
     * basis does not span. A leak is zero on the basis (its atoms are safe), so the coefficients of the rows
     * that make it annul the basis' columns and with them every column they span; dropping the spanned
     * atoms keeps exactly the leaks. Null for a figure the certificate does not cover.
     */
    synchronized boolean[] columns(int figure, long threshold) {
      if (!covers(figure, threshold)) {
        return null;
      }
      build();
      if (columns == null) {
        // a basis among neighbouring atoms (atom order) keeps the elimination over these columns sparse
        SpanCertificate neighbours = new SpanCertificate(atoms.size(), rows(), safeEverywhere, maxRank, false);
        boolean[] kept = new boolean[atoms.size()];
        for (int a : neighbours.basis()) {
          kept[a] = true;
        }
        for (int a : neighbours.unspannedOf(unsafe)) {
          kept[a] = true;
        }
        columns = kept;
      }
      return columns;
    }

    /** The population's row and the candidate cells' rows. */
    private List<int[]> rows() {
      List<int[]> rows = new ArrayList<>();
      rows.add(Cells.population(atoms).atoms());
      cells.forEach(c -> rows.add(c.atoms()));
      return rows;
    }

    private void build() {
      if (certificate == null) {
        safeEverywhere = contrasts.safeInAll(figures, k);
        unsafe = IntStream.range(0, safeEverywhere.length).filter(a -> !safeEverywhere[a]).toArray();
        // the population's row is always known (headcount) or harmless to add (an extra row only widens
        // the span the certificate must beat)
        certificate = new SpanCertificate(atoms.size(), rows(), safeEverywhere, maxRank);
      }
    }
  }

  @Override
  public String toString() {
    return "DisclosureGuard[" + policy + ", " + missingPolicy + "]";
  }
}

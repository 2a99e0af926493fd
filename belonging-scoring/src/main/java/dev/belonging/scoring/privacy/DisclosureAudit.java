package dev.belonging.scoring.privacy;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.MissingPolicy;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.internal.Atoms;
import dev.belonging.scoring.internal.Contrasts;
import dev.belonging.scoring.internal.ExactRow;
import dev.belonging.scoring.internal.LeakSearch;
import dev.belonging.scoring.internal.StatisticsLayout;
import dev.belonging.scoring.report.CommentSet;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what one or several reports of the same responses publish, together, for groups of 1 to k − 1
 * respondents that a linear combination of the published numbers reveals.
 *
 * <p>The model is the {@link DisclosureGuard}'s: atoms are the non-empty cells of the cross-classification
 * of every attribute the reports name; each kind of {@link Figure} is audited on its own rows (the segments
 * that publish it, in any of the reports, plus the population for headcounts, which an insider knows) with
 * its own contributors per atom; a leak is a group with 1 to k − 1 contributors (comments: up to the comment
 * threshold − 1) whose indicator vector lies in the rows' span. Reports published earlier for the same
 * population — a dashboard that drills down, several exports — must be audited together: each may be clean
 * alone and leak in union.
 *
 * <p>The audit is exact: fraction-free integer elimination, checked for overflow and continued in
 * {@link BigInteger} when a value would not fit in a {@code long}. Exact reductions keep it small: atoms
 * without contributors are dropped, atoms that lie in the same segments are merged, and only groups of atoms
 * with 1 to k − 1 contributors, of at most k − 1 atoms, are searched (see {@link DisclosureGuard}). Every
 * leak comes with a minimal witness; at most {@linkplain #withLeakLimit(int) the limit} are listed.
 *
 * <p>Only the structure of the reports is read (which segments show which figures), never their numbers,
 * so the audit also answers "what if": a report built to show more is audited as it is.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DisclosureAudit {

  /** The default number of leaks listed. */
  public static final int DEFAULT_LEAK_LIMIT = 100;

  private final AnonymityPolicy policy;
  private final MissingPolicy missingPolicy;
  private final int leakLimit;
  private final long workLimit;

  private DisclosureAudit(AnonymityPolicy policy, MissingPolicy missingPolicy, int leakLimit,
      long workLimit) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.missingPolicy = Objects.requireNonNull(missingPolicy, "missingPolicy");
    if (leakLimit < 1) {
      throw new IllegalArgumentException("the leak limit must be at least 1: " + leakLimit);
    }
    if (workLimit < 1) {
      throw new IllegalArgumentException("the work limit must be at least 1: " + workLimit);
    }
    this.leakLimit = leakLimit;
    this.workLimit = workLimit;
  }

  /**
   * Returns an audit against a policy, with the default missing-answer policy
   * ({@link MissingPolicy#AT_LEAST_HALF}) and leak limit ({@value #DEFAULT_LEAK_LIMIT}).
   *
   * @param policy the anonymity policy
   * @return the audit
   */
  public static DisclosureAudit of(AnonymityPolicy policy) {
    return new DisclosureAudit(policy, MissingPolicy.AT_LEAST_HALF, DEFAULT_LEAK_LIMIT, Long.MAX_VALUE);
  }

  /**
   * Returns a copy with another missing-answer policy: the one the reports were made with, which decides who
   * has a score.
   *
   * @param newMissingPolicy the policy
   * @return the audit
   */
  public DisclosureAudit withMissingPolicy(MissingPolicy newMissingPolicy) {
    return new DisclosureAudit(policy, newMissingPolicy, leakLimit, workLimit);
  }

  /**
   * Returns a copy that lists at most this many leaks.
   *
   * @param limit the most leaks listed, at least 1
   * @return the audit
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  public DisclosureAudit withLeakLimit(int limit) {
    return new DisclosureAudit(policy, missingPolicy, limit, workLimit);
  }

  /**
   * Returns a copy whose search of each figure stops after this much work, so that reports of untrusted
   * structure are audited in bounded time. The work is counted in nodes of the exact search weighted by
   * the entries they combine, plus the rows it reads to choose where to branch (the guard allows the
   * headcount 400 million, a few seconds, and the other figures as much together); a figure whose search
   * stops is {@linkplain AuditResult#unfinished() unfinished}, and a result with an unfinished figure is
   * never {@linkplain AuditResult#isClean() clean}. By default the work is not limited.
   *
   * @param nodes the most work per figure, at least 1
   * @return the audit
   * @throws IllegalArgumentException if {@code nodes < 1}
   */
  public DisclosureAudit withWorkLimit(long nodes) {
    return new DisclosureAudit(policy, missingPolicy, leakLimit, nodes);
  }

  /**
   * Returns the most work the search of one figure may take.
   *
   * @return the limit, {@link Long#MAX_VALUE} when there is none
   */
  public long workLimit() {
    return workLimit;
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
   * Returns the most leaks listed.
   *
   * @return the limit
   */
  public int leakLimit() {
    return leakLimit;
  }

  /**
   * Audits reports of a response set together.
   *
   * @param responses the responses the reports were made from
   * @param reports the reports, at least one
   * @return the leaks
   * @throws IllegalArgumentException if there is no report, a report is of another instrument or another
   *     number of respondents, or names an attribute, dimension or question the responses lack
   */
  public AuditResult audit(ResponseSet responses, Report... reports) {
    return audit(responses, List.of(reports));
  }

  /**
   * Audits reports of a response set together: the union of what they publish.
   *
   * @param responses the responses the reports were made from
   * @param reports the reports, at least one
   * @return the leaks
   * @throws IllegalArgumentException if there is no report, a report is of another instrument or another
   *     number of respondents, or names an attribute, dimension or question the responses lack
   */
  public AuditResult audit(ResponseSet responses, List<Report> reports) {
    Objects.requireNonNull(responses, "responses");
    List<Report> list = List.copyOf(reports);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("an audit needs at least one report");
    }
    Instrument instrument = responses.instrument();
    Set<String> names = new LinkedHashSet<>();
    for (Report r : list) {
      if (!r.instrument().equals(instrument)) {
        throw new IllegalArgumentException("a report is of instrument \"" + r.instrument().id()
            + "\", the responses of \"" + instrument.id() + "\"");
      }
      if (r.respondents() != responses.size()) {
        throw new IllegalArgumentException("a report counts " + r.respondents() + " respondents, the "
            + "responses " + responses.size() + ": it was made from other data");
      }
      for (Breakdown b : r.breakdowns()) {
        names.addAll(b.attributes());
      }
      for (SegmentResult s : r.segments()) {
        names.addAll(s.segment().attributes().keySet());
      }
      for (CommentSet c : r.comments()) {
        names.addAll(c.segment().attributes().keySet());
      }
    }
    for (String name : names) {
      if (!responses.attributeNames().contains(name)) {
        throw new IllegalArgumentException("a report names the attribute \"" + name
            + "\", which the responses do not have; their attributes are " + responses.attributeNames());
      }
    }
    Atoms atoms = Atoms.of(new StatisticsLayout(instrument, missingPolicy), responses, List.copyOf(names));
    Set<Set<String>> covered = new LinkedHashSet<>();
    for (Report r : list) {
      r.segments().forEach(s -> covered.add(s.segment().attributes().keySet()));
      r.comments().forEach(c -> covered.add(c.segment().attributes().keySet()));
    }
    Contrasts contrasts = Contrasts.of(atoms, covered);

    List<Figure> figures = new ArrayList<>();
    figures.add(Figure.headcount());
    for (Dimension d : instrument.dimensions()) {
      figures.add(Figure.scores(d.id()));
      figures.add(Figure.answers(d.id()));
    }
    for (Question q : instrument.questions()) {
      figures.add(q.isRating() ? Figure.question(q.id()) : Figure.comments(q.id()));
    }
    Map<Figure, Set<Segment>> shown = new LinkedHashMap<>();
    figures.forEach(f -> shown.put(f, new LinkedHashSet<>()));
    for (Report r : list) {
      for (SegmentResult s : r.segments()) {
        if (s instanceof ShownSegment x) {
          shown.get(Figure.headcount()).add(x.segment());
          for (String d : x.dimensions().keySet()) {
            require(shown, Figure.scores(d)).add(x.segment());
            require(shown, Figure.answers(d)).add(x.segment());
          }
          for (String q : x.questions().keySet()) {
            require(shown, Figure.question(q)).add(x.segment());
          }
        }
      }
      for (CommentSet c : r.comments()) {
        require(shown, Figure.comments(c.question())).add(c.segment());
      }
    }

    Set<Segment> everyShown = new LinkedHashSet<>();
    shown.values().forEach(everyShown::addAll);
    everyShown.add(Segment.population());
    Map<Segment, int[]> atomsOf = Cells.atomsOf(atoms, everyShown);

    List<Leak> leaks = new ArrayList<>();
    boolean truncated = false;
    List<Figure> unfinished = new ArrayList<>();
    for (int f = 0; f < figures.size() && !truncated; f++) {
      Figure figure = figures.get(f);
      List<Segment> segments = new ArrayList<>(shown.get(figure));
      if (segments.isEmpty()) {
        continue;
      }
      boolean headcount = figure.kind() == Figure.Kind.HEADCOUNT;
      if (headcount) {
        segments.add(Segment.population());
      }
      long threshold = figure.kind() == Figure.Kind.COMMENTS ? policy.commentThreshold() : policy.minGroupSize();
      boolean[] safe = contrasts.protectedAtoms(f, threshold);
      if (contrasts.certifies(safe, f, threshold)) {
        continue;
      }
      List<int[]> cells = segments.stream().map(atomsOf::get).toList();
      RowSet rowSet = new RowSet(figure, atoms, f, cells, threshold,
          headcount ? LeakSearch.Whole.KNOWN : LeakSearch.Whole.PROTECTED, safe, null, false);
      List<ExactRow> rows = new ArrayList<>();
      for (int[] cell : cells) {
        ExactRow row = rowSet.row(cell);
        rows.add(row);
        rowSet.add(row);
      }
      Optional<List<int[]>> listed = rowSet.search().minimalLeaksWithin(leakLimit - leaks.size(), workLimit);
      if (listed.isEmpty()) {
        unfinished.add(figure);
        continue;
      }
      List<int[]> found = listed.get();
      truncated = leaks.size() + found.size() > leakLimit;
      List<Leak> mine = new ArrayList<>();
      for (int[] columns : found.subList(0, Math.min(found.size(), leakLimit - leaks.size()))) {
        mine.add(leak(atoms, rowSet, figure, segments, rows, columns));
      }
      mine.sort((x, y) -> compareGroups(x.group(), y.group()));
      leaks.addAll(mine);
    }
    return new AuditResult(policy, leaks, truncated, unfinished);
  }

  private static Set<Segment> require(Map<Figure, Set<Segment>> shown, Figure figure) {
    Set<Segment> set = shown.get(figure);
    if (set == null) {
      throw new IllegalArgumentException("a report shows " + figure.describe()
          + ", which the instrument does not have as such");
    }
    return set;
  }

  private static Leak leak(Atoms atoms, RowSet rowSet, Figure figure, List<Segment> segments,
      List<ExactRow> rows, int[] columns) {
    long contributors = 0;
    List<Integer> members = new ArrayList<>();
    for (int c : columns) {
      contributors += rowSet.weight(c);
      for (int a : rowSet.atomsOf(c)) {
        members.add(a);
      }
    }
    members.sort(null);
    List<Segment> group = members.stream().map(a -> Cells.atom(atoms, a)).toList();
    Witness.Combination w = Witness.minimal(rows, ExactRow.ones(columns));
    if (w == null) {
      throw new IllegalStateException("no witness for a derivable group of " + figure.describe());
    }
    List<Leak.Term> terms = new ArrayList<>();
    w.coefficients().forEach((r, coefficient) -> terms.add(new Leak.Term(segments.get(r), coefficient)));
    return new Leak(figure, group, contributors, terms, w.denominator());
  }

  private static int compareGroups(List<Segment> x, List<Segment> y) {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int c = Cells.compareValues(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  @Override
  public String toString() {
    return "DisclosureAudit[" + policy + ", " + missingPolicy + ", at most " + leakLimit + " leaks"
        + (workLimit == Long.MAX_VALUE ? "" : ", at most " + workLimit + " nodes per figure") + "]";
  }
}

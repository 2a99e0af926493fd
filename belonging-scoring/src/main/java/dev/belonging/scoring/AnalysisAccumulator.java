package dev.belonging.scoring;

import dev.belonging.core.model.AttributeColumn;
import dev.belonging.core.model.CommentColumn;
import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Wave;
import dev.belonging.scoring.internal.ArrayMap;
import dev.belonging.scoring.internal.Atoms;
import dev.belonging.scoring.internal.AtomsGuard;
import dev.belonging.scoring.internal.ScoringPass;
import dev.belonging.scoring.internal.StatisticsLayout;
import dev.belonging.scoring.privacy.Disclosure;
import dev.belonging.scoring.privacy.DisclosureGuard;
import dev.belonging.scoring.reliability.CronbachAlpha;
import dev.belonging.scoring.reliability.ItemMoments;
import dev.belonging.scoring.reliability.Reliability;
import dev.belonging.scoring.report.CommentSet;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The mergeable state of one {@link BelongingAnalysis} over some respondents: everything the report needs,
 * kept as exact integer sums, so that accumulators of any partition of the respondents (files, bundles,
 * machines) merge into the accumulator of all of them, and {@link #report(Wave, List)} on the merged
 * state gives exactly what {@link BelongingAnalysis#analyze(ResponseSet, List)} gives on the respondents in
 * one response set. {@code analyze} itself runs through an accumulator.
 *
 * <p>The state is:
 * <ul>
 *   <li>the {@link SegmentStatistics} of the population and of every segment of every breakdown (headcount,
 *       score histograms per dimension, favorable, unfavorable and answered counts, answer counts per
 *       question, commenter counts), keyed by the segments' attribute <em>values</em>;</li>
 *   <li>per <em>atom</em> (a combination of values of every attribute the breakdowns name, for breakdowns
 *       {@code team} and {@code location*tenure}: a team, a location and a tenure), its contributors to
 *       each figure the anonymity guard audits (see {@link #contributors()}): a few counts per atom, not a
 *       segment's statistics, so that many crossed attributes stay small;</li>
 *   <li>over all respondents, the {@link ItemMoments} of each dimension's items, for Cronbach's alpha;</li>
 *   <li>per atom, the texts of its comments, when the instrument has comment questions (kept sorted, so
 *       that their order says nothing about the input's).</li>
 * </ul>
 * Keys are attribute values, not any response set's dictionary codes, so accumulators of different files
 * merge. {@link #merge} adds integers (and joins comment texts): it is associative and commutative, with a
 * new accumulator as identity; the results of merging in any order and grouping are
 * {@linkplain #equals equal}.
 *
 * <p>{@link #writeTo(DataOutput)} and {@link #readFrom(BelongingAnalysis, DataInput)} store the state in a
 * deterministic, versioned binary form (version {@value #FORMAT_VERSION}): equal accumulators give equal
 * bytes. The state holds unguarded numbers about small groups (and comment texts): it is for moving
 * between the parts of one computation, never for publishing; only {@link #report} is guarded.
 *
 * <p>An accumulator is mutable and not thread-safe: {@link #add} and {@link #merge} change it. Use one per
 * thread (or per bundle) and merge them.
 */
public final class AnalysisAccumulator {

  /** The version of the binary form written by {@link #writeTo(DataOutput)}. */
  public static final int FORMAT_VERSION = 1;

  private static final Comparator<List<String>> BY_VALUES = (x, y) -> {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int c = x.get(i).compareTo(y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  };

  private final BelongingAnalysis analysis;
  private final StatisticsLayout layout;
  private final List<String> attributes;
  private final int[] commentQuestions; // instrument indexes of the comment questions
  private final int figures;
  private final long[] population;
  private final List<Map<List<String>, long[]>> cells = new ArrayList<>(); // per breakdown
  // whether a report's segment statistics share the cells' arrays: they are copied before they change
  private boolean lent;
  private final Map<List<String>, long[]> atoms = new HashMap<>(); // contributors per figure
  // the atoms of the one response set added and not yet folded into the map (analyze's path)
  private Atoms unfolded;
  private final Map<List<String>, List<List<String>>> comments = new HashMap<>();
  private final ItemMoments[] moments;

  AnalysisAccumulator(BelongingAnalysis analysis) {
    this.analysis = Objects.requireNonNull(analysis, "analysis");
    this.layout = analysis.layout();
    this.attributes = analysis.attributes();
    List<Question> qs = analysis.instrument().questions();
    this.commentQuestions = IntStream.range(0, qs.size())
        .filter(q -> !qs.get(q).isRating()).toArray();
    List<Dimension> dims = analysis.instrument().dimensions();
    this.figures = 1 + 2 * dims.size() + qs.size();
    this.population = new long[layout.length()];
    for (int b = 0; b < analysis.breakdowns().size(); b++) {
      cells.add(new HashMap<>());
    }
    this.moments = new ItemMoments[dims.size()];
    for (int d = 0; d < dims.size(); d++) {
      moments[d] = ItemMoments.empty(dims.get(d).id(),
          analysis.instrument().questionsOf(dims.get(d).id()).stream().map(Question::id).toList());
    }
  }

  /**
   * Returns the analysis this accumulator collects for.
   *
   * @return the analysis
   */
  public BelongingAnalysis analysis() {
    return analysis;
  }

  /**
   * Returns the attributes that make an atom: every attribute of the analysis's breakdowns, in the order
   * first named.
   *
   * @return the attribute names, unmodifiable (empty when the analysis has no breakdown)
   */
  public List<String> attributes() {
    return attributes;
  }

  /**
   * Returns how many respondents have been added.
   *
   * @return the number of respondents
   */
  public long respondents() {
    return population[0];
  }

  /**
   * Returns each atom with respondents and its contributors to each figure the anonymity guard audits,
   * numbered as {@link DisclosureGuard#guard(dev.belonging.core.model.Instrument, Map, List)} reads them:
   * 0 the headcount; for dimension {@code d} (instrument order) {@code 1 + 2d} the members with a score
   * and {@code 2 + 2d} the members with at least one answer; for question {@code q} (instrument order)
   * {@code 1 + 2·dimensions + q} the members who answered it (rating) or wrote a comment (comment).
   *
   * @return atom (a segment over exactly {@link #attributes()}) → counts (a new array each), sorted by the
   *     atoms' values (as text, attribute by attribute); a new unmodifiable map
   */
  public Map<Segment, long[]> contributors() {
    fold();
    Map<Segment, long[]> result = new LinkedHashMap<>();
    ArrayMap.Keys keys = ArrayMap.Keys.of(attributes);
    for (List<String> values : sortedKeys(atoms)) {
      result.put(Segment.of(ArrayMap.of(keys, values)), atoms.get(values).clone());
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * Adds every respondent of a response set: one pass over its columns, as {@code analyze} makes.
   *
   * @param responses responses to the analysis's instrument, with every attribute the breakdowns name
   * @return this accumulator
   * @throws IllegalArgumentException if the responses are to another instrument or lack an attribute a
   *     breakdown names (the message names it and lists the known ones)
   */
  public AnalysisAccumulator add(ResponseSet responses) {
    requireCompatible(responses);
    count(responses);
    fold();
    Atoms found = Atoms.of(layout, responses, attributes);
    if (atoms.isEmpty()) {
      unfolded = found; // folded into the map only if something needs the map
    } else {
      fold(found);
    }
    return this;
  }

  /**
   * {@link BelongingAnalysis#analyze(ResponseSet, List)}'s path, on a new accumulator: the same report as
   * {@code add(responses).report(responses.wave(), rejected)}. The guard needs only the atoms, so it runs
   * on this thread while the scores, item moments and comments are counted by a task on the common
   * fork-join pool: both parts keep the processors busy where the other has a serial step.
   */
  Report analyze(ResponseSet responses, List<Problem> rejected) {
    requireCompatible(responses);
    analysis.requireReferenceOfABreakdown();
    Objects.requireNonNull(rejected, "rejected");
    if (population[0] != 0 || !atoms.isEmpty() || unfolded != null) {
      throw new IllegalStateException("analyze's path starts from an empty accumulator");
    }
    ForkJoinTask<?> counting = ForkJoinTask.adapt(() -> count(responses)).fork();
    Disclosure disclosure;
    try {
      Atoms found = Atoms.of(layout, responses, attributes);
      unfolded = found;
      disclosure = AtomsGuard.guard(newGuard(), analysis.instrument(), found, analysis.breakdowns());
    } finally {
      counting.join(); // the counts are complete (and visible) before anything reads them, or fails
    }
    return report(responses.wave(), rejected, disclosure);
  }

  /** Checks that responses can be added: the analysis's instrument, every attribute a breakdown names. */
  private void requireCompatible(ResponseSet responses) {
    Objects.requireNonNull(responses, "responses");
    if (!responses.instrument().equals(analysis.instrument())) {
      throw new IllegalArgumentException("the responses are to instrument \""
          + responses.instrument().id() + "\", not \"" + analysis.instrument().id() + "\"");
    }
    for (Breakdown b : analysis.breakdowns()) {
      b.requireAttributesOf(responses);
    }
  }

  /** Adds the responses' exact sums (population and every breakdown's cells), item moments and comments. */
  private void count(ResponseSet responses) {
    ScoringPass.Result pass = ScoringPass.run(layout, responses, analysis.breakdowns(), 0, responses.size());
    reclaim();
    add(population, pass.population());
    for (int b = 0; b < cells.size(); b++) {
      ScoringPass.Cells breakdown = pass.breakdowns().get(b);
      Map<List<String>, long[]> target = cells.get(b);
      // the pass's arrays are nobody else's: a new cell takes its array as it is
      breakdown.cells().forEach((key, sums) ->
          target.merge(List.copyOf(breakdown.decode(key).values()), sums, AnalysisAccumulator::sum));
    }
    for (int d = 0; d < moments.length; d++) {
      moments[d] = moments[d].plus(ItemMoments.of(responses, moments[d].dimensionId()));
    }
    if (commentQuestions.length > 0) {
      addComments(responses);
    }
  }

  /** Adds the unfolded atoms, if any, to the map. Changes no respondent this accumulator stands for. */
  private void fold() {
    if (unfolded != null) {
      Atoms found = unfolded;
      unfolded = null;
      fold(found);
    }
  }

  private void fold(Atoms found) {
    for (int a = 0; a < found.size(); a++) {
      String[] values = new String[attributes.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = found.value(a, i);
      }
      long[] counts = new long[figures];
      for (int f = 0; f < figures; f++) {
        counts[f] = found.contributors(f, a);
      }
      addTo(atoms, List.of(values), counts);
    }
  }

  /** Adds the second array into the first and returns the first. */
  private static long[] sum(long[] target, long[] source) {
    add(target, source);
    return target;
  }

  /**
   * Makes the cells' arrays this accumulator's own again before they change, if a report's statistics
   * share them (a report does not copy them: with many small segments they are most of the heap).
   */
  private void reclaim() {
    if (lent) {
      for (Map<List<String>, long[]> breakdown : cells) {
        breakdown.replaceAll((key, sums) -> sums.clone());
      }
      lent = false;
    }
  }

  private static void addTo(Map<List<String>, long[]> map, List<String> key, long[] sums) {
    long[] target = map.get(key);
    if (target == null) {
      map.put(key, sums.clone());
    } else {
      add(target, sums);
    }
  }

  private void addComments(ResponseSet responses) {
    AttributeColumn[] columns = new AttributeColumn[attributes.size()];
    for (int a = 0; a < columns.length; a++) {
      columns[a] = responses.attribute(attributes.get(a));
    }
    List<Question> qs = analysis.instrument().questions();
    Set<List<String>> touched = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int c = 0; c < commentQuestions.length; c++) {
      CommentColumn comments = responses.comments(qs.get(commentQuestions[c]).id());
      for (int row = 0; row < responses.size(); row++) {
        Optional<String> text = comments.text(row);
        if (text.isPresent()) {
          String[] values = new String[columns.length];
          for (int a = 0; a < columns.length; a++) {
            values[a] = columns[a].value(row);
          }
          List<String> texts = commentsOf(List.of(values)).get(c);
          texts.add(text.get());
          touched.add(texts);
        }
      }
    }
    touched.forEach(t -> t.sort(Comparator.naturalOrder()));
  }

  private List<List<String>> commentsOf(List<String> atom) {
    return comments.computeIfAbsent(atom, a -> {
      List<List<String>> lists = new ArrayList<>();
      for (int c = 0; c < commentQuestions.length; c++) {
        lists.add(new ArrayList<>());
      }
      return lists;
    });
  }

  /**
   * Adds another accumulator's respondents into this one. The other is not changed.
   *
   * @param other an accumulator of the same analysis configuration (instrument, missing-answer policy and
   *     breakdowns), of other respondents
   * @return this accumulator
   * @throws IllegalArgumentException if the other is for another instrument, missing-answer policy or
   *     breakdowns
   */
  public AnalysisAccumulator merge(AnalysisAccumulator other) {
    Objects.requireNonNull(other, "other");
    if (!layout.equals(other.layout) || !analysis.breakdowns().equals(other.analysis.breakdowns())) {
      throw new IllegalArgumentException("cannot merge an accumulator of " + other.analysis
          + " into one of " + analysis);
    }
    fold();
    other.fold();
    reclaim();
    add(population, other.population);
    for (int b = 0; b < cells.size(); b++) {
      Map<List<String>, long[]> target = cells.get(b);
      other.cells.get(b).forEach((key, sums) -> addTo(target, key, sums));
    }
    other.atoms.forEach((key, counts) -> addTo(atoms, key, counts));
    for (int d = 0; d < moments.length; d++) {
      moments[d] = moments[d].plus(other.moments[d]);
    }
    other.comments.forEach((atom, lists) -> {
      List<List<String>> mine = commentsOf(atom);
      for (int c = 0; c < lists.size(); c++) {
        mine.get(c).addAll(lists.get(c));
        mine.get(c).sort(Comparator.naturalOrder());
      }
    });
    return this;
  }

  /**
   * Returns the guarded report of the respondents added: the anonymity guard on the atoms' contributors,
   * then every shown segment's statistics, the gaps, Cronbach's alpha (when the population is shown) and
   * the comments, exactly as {@link BelongingAnalysis#analyze(ResponseSet, List)} gives them. The
   * accumulator is not changed and may be used further.
   *
   * @param wave the wave the report is of
   * @param rejected the problems of rows rejected on import (their publishable messages are reported)
   * @return the guarded report
   * @throws IllegalArgumentException if the gaps' reference segment is of no breakdown
   * @throws IllegalStateException if the guard's final audit finds a leak (a defect; nothing is published)
   */
  public Report report(Wave wave, List<Problem> rejected) {
    Objects.requireNonNull(wave, "wave");
    Objects.requireNonNull(rejected, "rejected");
    analysis.requireReferenceOfABreakdown();
    DisclosureGuard guard = newGuard();
    Disclosure disclosure = unfolded != null
        ? AtomsGuard.guard(guard, analysis.instrument(), unfolded, analysis.breakdowns())
        : guard.guard(analysis.instrument(), contributors(), analysis.breakdowns());
    return report(wave, rejected, disclosure);
  }

  private DisclosureGuard newGuard() {
    return DisclosureGuard.of(analysis.policy()).withMissingPolicy(analysis.missingPolicy());
  }

  /** Segments from which on their results are found in parallel. */
  private static final int PARALLEL_RESULTS = 256;

  /** The report of the respondents added, under the guard's decisions on exactly these respondents. */
  private Report report(Wave wave, List<Problem> rejected, Disclosure disclosure) {
    SegmentStatistics populationStatistics = SegmentStatistics.wrap(layout, population.clone());
    Map<Segment, SegmentStatistics> statistics = new LinkedHashMap<>();
    statistics.put(Segment.population(), populationStatistics);
    List<Segment> order = new ArrayList<>();
    order.add(Segment.population());
    for (int b = 0; b < cells.size(); b++) {
      Map<List<String>, long[]> breakdown = cells.get(b);
      List<String> names = analysis.breakdowns().get(b).attributes();
      ArrayMap.Keys keys = ArrayMap.Keys.of(names);
      for (List<String> values : analysis.valueOrder().sort(names, breakdown.keySet())) {
        Segment segment = Segment.of(ArrayMap.of(keys, values));
        order.add(segment);
        statistics.put(segment, SegmentStatistics.wrap(layout, breakdown.get(values)));
      }
    }
    lent = true;
    // each segment's result depends on nothing else (strategies are thread-safe): many are found in
    // parallel on the common fork-join pool, and kept in order
    Stream<Segment> stream = order.size() >= PARALLEL_RESULTS ? order.parallelStream() : order.stream();
    List<SegmentResult> segments =
        stream.map(segment -> analysis.result(disclosure, segment, statistics.get(segment))).toList();
    // Alpha is a statistic of the whole population: published only when the population is shown.
    List<Reliability> reliability = new ArrayList<>();
    if (!segments.get(0).isSuppressed()) {
      for (ItemMoments m : moments) {
        reliability.add(CronbachAlpha.withDefaults().compute(m));
      }
    }
    return Report.builder(analysis.instrument())
        .wave(wave)
        .policy(analysis.policy())
        .breakdowns(analysis.breakdowns())
        .respondents(population[0])
        .rejected(rejected)
        .reliability(reliability)
        .segments(segments)
        .comments(comments(segments, disclosure))
        .gaps(analysis.gaps(populationStatistics, statistics, segments))
        .workBoundReached(disclosure.workBoundReached())
        .build();
  }

  private List<CommentSet> comments(List<SegmentResult> segments, Disclosure disclosure) {
    List<CommentSet> result = new ArrayList<>();
    if (commentQuestions.length == 0) {
      return result;
    }
    List<Question> qs = analysis.instrument().questions();
    // each atom's comments grouped by the atom's values of each set of attributes a segment fixes, once per
    // set: a segment's members are then one lookup, not a pass over every atom. The order of the atoms does
    // not matter, as each list of texts is sorted
    Map<List<String>, Map<List<String>, List<List<List<String>>>>> groupings = new HashMap<>();
    for (SegmentResult s : segments) {
      if (s.isSuppressed()) {
        continue;
      }
      Map<String, String> wanted = s.segment().attributes();
      List<String> names = List.copyOf(wanted.keySet());
      List<List<List<String>>> members = groupings.computeIfAbsent(names, this::commentsBy)
          .getOrDefault(names.stream().map(wanted::get).toList(), List.of());
      for (int c = 0; c < commentQuestions.length; c++) {
        String id = qs.get(commentQuestions[c]).id();
        if (!disclosure.comments(s.segment()).contains(id)) {
          continue;
        }
        List<String> texts = new ArrayList<>();
        for (List<List<String>> atomComments : members) {
          texts.addAll(atomComments.get(c));
        }
        texts.sort(Comparator.naturalOrder());
        result.add(new CommentSet(s.segment(), id, texts));
      }
    }
    return result;
  }

  /** Each atom's comments (per comment question), grouped by the atom's values of some of the attributes. */
  private Map<List<String>, List<List<List<String>>>> commentsBy(List<String> names) {
    int[] at = names.stream().mapToInt(attributes::indexOf).toArray();
    Map<List<String>, List<List<List<String>>>> groups = new HashMap<>();
    for (Map.Entry<List<String>, List<List<String>>> e : comments.entrySet()) {
      List<String> atom = e.getKey();
      String[] values = new String[at.length];
      for (int i = 0; i < at.length; i++) {
        values[i] = atom.get(at[i]);
      }
      groups.computeIfAbsent(List.of(values), v -> new ArrayList<>()).add(e.getValue());
    }
    return groups;
  }

  private static List<List<String>> sortedKeys(Map<List<String>, ?> map) {
    List<List<String>> keys = new ArrayList<>(map.keySet());
    keys.sort(BY_VALUES);
    return keys;
  }

  private static void add(long[] target, long[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] += source[i];
    }
  }

  /**
   * Writes the state in binary form, version {@value #FORMAT_VERSION}: equal accumulators write equal
   * bytes (segments and atoms sorted by their values, comment texts sorted, statistics written sparsely).
   * The form starts with the version, the instrument's id and version, the missing-answer policy, the
   * statistics' length and the breakdowns, which {@link #readFrom} checks.
   *
   * @param out where to write
   * @throws IOException if writing fails
   */
  public void writeTo(DataOutput out) throws IOException {
    fold();
    out.writeInt(FORMAT_VERSION);
    writeHeader(out);
    writeSums(out, population);
    for (Map<List<String>, long[]> breakdown : cells) {
      writeMap(out, breakdown);
    }
    writeMap(out, atoms);
    for (ItemMoments m : moments) {
      out.writeLong(m.respondents());
      writeSums(out, m.toSums());
    }
    List<List<String>> commented = sortedKeys(comments);
    out.writeInt(commented.size());
    for (List<String> atom : commented) {
      writeStrings(out, atom);
      for (List<String> texts : comments.get(atom)) {
        writeStrings(out, texts);
      }
    }
  }

  private void writeHeader(DataOutput out) throws IOException {
    writeString(out, analysis.instrument().id());
    writeString(out, analysis.instrument().version());
    writeString(out, analysis.missingPolicy().name());
    out.writeInt(layout.length());
    out.writeInt(analysis.breakdowns().size());
    for (Breakdown b : analysis.breakdowns()) {
      writeStrings(out, b.attributes());
    }
  }

  private static void writeMap(DataOutput out, Map<List<String>, long[]> map) throws IOException {
    List<List<String>> keys = sortedKeys(map);
    out.writeInt(keys.size());
    for (List<String> key : keys) {
      writeStrings(out, key);
      writeSums(out, map.get(key));
    }
  }

  /** Writes the length, the number of non-zero values, then each as (index, value). */
  private static void writeSums(DataOutput out, long[] sums) throws IOException {
    int nonZero = 0;
    for (long v : sums) {
      nonZero += v != 0 ? 1 : 0;
    }
    out.writeInt(sums.length);
    out.writeInt(nonZero);
    for (int i = 0; i < sums.length; i++) {
      if (sums[i] != 0) {
        out.writeInt(i);
        out.writeLong(sums[i]);
      }
    }
  }

  private static long[] readSums(DataInput in, int length) throws IOException {
    int written = in.readInt();
    if (written != length) {
      throw new IOException("expected " + length + " sums, the form has " + written);
    }
    long[] sums = new long[length];
    int nonZero = nonNegative(in.readInt(), "sum count");
    for (int i = 0; i < nonZero; i++) {
      int slot = in.readInt();
      if (slot < 0 || slot >= length) {
        throw new IOException("sum index " + slot + " is outside 0.." + (length - 1));
      }
      sums[slot] = in.readLong();
    }
    return sums;
  }

  private static void readMap(DataInput in, Map<List<String>, long[]> map, int keySize, int length)
      throws IOException {
    int n = nonNegative(in.readInt(), "entry count");
    for (int i = 0; i < n; i++) {
      List<String> key = readStrings(in);
      if (key.size() != keySize) {
        throw new IOException("key " + key + " does not have " + keySize + " values");
      }
      addTo(map, key, readSums(in, length));
    }
  }

  /**
   * Reads a state written by {@link #writeTo(DataOutput)} into a new accumulator of an analysis.
   *
   * @param analysis the analysis; its instrument, missing-answer policy and breakdowns must be those the
   *     state was written with
   * @param in where to read
   * @return the accumulator
   * @throws IOException if reading fails, or the form is of another version or analysis, or malformed
   *     (the message says which)
   */
  public static AnalysisAccumulator readFrom(BelongingAnalysis analysis, DataInput in) throws IOException {
    AnalysisAccumulator acc = analysis.newAccumulator();
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new IOException("accumulator form version " + version + " is not supported (this library "
          + "reads version " + FORMAT_VERSION + ")");
    }
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    acc.writeHeader(new DataOutputStream(expected));
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    DataOutputStream copy = new DataOutputStream(actual);
    writeString(copy, readString(in));
    writeString(copy, readString(in));
    writeString(copy, readString(in));
    copy.writeInt(in.readInt());
    int breakdowns = nonNegative(in.readInt(), "breakdown count");
    copy.writeInt(breakdowns);
    for (int b = 0; b < breakdowns; b++) {
      writeStrings(copy, readStrings(in));
    }
    if (!Arrays.equals(expected.toByteArray(), actual.toByteArray())) {
      throw new IOException("the accumulator was written for another instrument, missing-answer policy "
          + "or breakdowns than " + analysis);
    }
    int length = acc.layout.length();
    add(acc.population, readSums(in, length));
    for (int b = 0; b < acc.cells.size(); b++) {
      readMap(in, acc.cells.get(b), analysis.breakdowns().get(b).attributes().size(), length);
    }
    readMap(in, acc.atoms, acc.attributes.size(), acc.figures);
    for (int d = 0; d < acc.moments.length; d++) {
      long respondents = in.readLong();
      ItemMoments empty = acc.moments[d];
      long[] sums = readSums(in, empty.toSums().length);
      try {
        acc.moments[d] = ItemMoments.ofSums(empty.dimensionId(), empty.questionIds(), respondents, sums);
      } catch (IllegalArgumentException e) {
        throw new IOException("item moments of dimension \"" + empty.dimensionId() + "\": "
            + e.getMessage(), e);
      }
    }
    int commented = nonNegative(in.readInt(), "commented atom count");
    for (int a = 0; a < commented; a++) {
      List<String> atom = readStrings(in);
      if (atom.size() != acc.attributes.size()) {
        throw new IOException("atom " + atom + " does not have " + acc.attributes.size() + " values");
      }
      List<List<String>> lists = acc.commentsOf(atom);
      for (int c = 0; c < acc.commentQuestions.length; c++) {
        lists.get(c).addAll(readStrings(in));
        lists.get(c).sort(Comparator.naturalOrder());
      }
    }
    return acc;
  }

  private static int nonNegative(int n, String what) throws IOException {
    if (n < 0) {
      throw new IOException("negative " + what + ": " + n);
    }
    return n;
  }

  private static void writeString(DataOutput out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInput in) throws IOException {
    byte[] bytes = new byte[nonNegative(in.readInt(), "string length")];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void writeStrings(DataOutput out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeString(out, s);
    }
  }

  private static List<String> readStrings(DataInput in) throws IOException {
    int n = nonNegative(in.readInt(), "list length");
    List<String> list = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return List.copyOf(list);
  }

  /**
   * Two accumulators are equal when they are for the same instrument, missing-answer policy and breakdowns
   * and hold the same sums, contributor counts, item moments and comment texts: when their reports are
   * equal for every analysis configuration that shares those.
   *
   * @param o the other object
   * @return whether the two are equal
   */
  @Override
  public boolean equals(Object o) {
    if (o instanceof AnalysisAccumulator a) {
      fold();
      a.fold();
    }
    if (!(o instanceof AnalysisAccumulator a) || !layout.equals(a.layout)
        || !analysis.breakdowns().equals(a.analysis.breakdowns()) || !Arrays.equals(population, a.population)
        || !Arrays.equals(moments, a.moments) || !sameSums(atoms, a.atoms)) {
      return false;
    }
    for (int b = 0; b < cells.size(); b++) {
      if (!sameSums(cells.get(b), a.cells.get(b))) {
        return false;
      }
    }
    return nonEmptyComments().equals(a.nonEmptyComments());
  }

  private static boolean sameSums(Map<List<String>, long[]> x, Map<List<String>, long[]> y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (Map.Entry<List<String>, long[]> e : x.entrySet()) {
      if (!Arrays.equals(e.getValue(), y.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private Map<List<String>, List<List<String>>> nonEmptyComments() {
    Map<List<String>, List<List<String>>> map = new HashMap<>();
    comments.forEach((atom, lists) -> {
      if (lists.stream().anyMatch(l -> !l.isEmpty())) {
        map.put(atom, lists);
      }
    });
    return map;
  }

  @Override
  public int hashCode() {
    fold();
    int h = Objects.hash(layout, analysis.breakdowns(), Arrays.hashCode(population), Arrays.hashCode(moments));
    for (Map.Entry<List<String>, long[]> e : atoms.entrySet()) {
      h += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
    }
    return h;
  }

  @Override
  public String toString() {
    return "AnalysisAccumulator[" + analysis.instrument().id() + ", by " + analysis.breakdowns() + ", "
        + respondents() + " respondents]";
  }
}

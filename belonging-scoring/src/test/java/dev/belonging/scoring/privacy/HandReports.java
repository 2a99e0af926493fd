package dev.belonging.scoring.privacy;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.Response;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.MissingPolicy;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.report.CommentSet;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.QuestionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import dev.belonging.scoring.report.SuppressionReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reports built by hand, showing exactly the figures a test wants, for the audit (which reads only what is
 * shown, never the numbers, so the numbers here are placeholders), and contributor counts per segment
 * counted respondent by respondent.
 */
final class HandReports {

  private HandReports() {}

  /** What one segment shows. */
  record Shown(Segment segment, Set<String> dimensions, Set<String> questions, Set<String> comments) {}

  /** Contributors of a segment per figure. */
  static Map<Figure, Long> counts(ResponseSet set, Segment segment, MissingPolicy missing) {
    Instrument instrument = set.instrument();
    Map<Figure, Long> counts = new LinkedHashMap<>();
    Attacker.figures(instrument).forEach(f -> counts.put(f, 0L));
    for (Response r : set) {
      if (!segment.attributes().entrySet().stream()
          .allMatch(e -> e.getValue().equals(r.respondent().attributes().get(e.getKey())))) {
        continue;
      }
      counts.merge(Figure.headcount(), 1L, Long::sum);
      for (Dimension d : instrument.dimensions()) {
        List<Question> items = instrument.questionsOf(d.id());
        long answered = items.stream().filter(q -> r.answers().containsKey(q.id())).count();
        if (answered >= missing.minimumAnswered(items.size())) {
          counts.merge(Figure.scores(d.id()), 1L, Long::sum);
        }
        if (answered > 0) {
          counts.merge(Figure.answers(d.id()), 1L, Long::sum);
        }
      }
      for (Question q : instrument.questions()) {
        if (q.isRating() ? r.answers().containsKey(q.id()) : r.comments().containsKey(q.id())) {
          counts.merge(q.isRating() ? Figure.question(q.id()) : Figure.comments(q.id()), 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  /** Every non-empty segment of the breakdowns, the population first. */
  static List<Segment> segments(ResponseSet set, List<Breakdown> breakdowns) {
    List<Segment> out = new ArrayList<>();
    out.add(Segment.population());
    for (Breakdown b : breakdowns) {
      Set<List<String>> seen = new LinkedHashSet<>();
      for (Response r : set) {
        seen.add(b.attributes().stream().map(a -> r.respondent().attributes().get(a)).toList());
      }
      for (List<String> values : seen) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
          attributes.put(b.attributes().get(i), values.get(i));
        }
        out.add(Segment.of(attributes));
      }
    }
    return out;
  }

  /** What the minimum-size rule alone shows: every segment and figure with enough contributors. */
  static List<Shown> minimumSizeOnly(ResponseSet set, List<Breakdown> breakdowns, AnonymityPolicy policy,
      MissingPolicy missing) {
    return select(set, breakdowns, missing, (figure, n) -> n >= threshold(figure, policy));
  }

  /** Shows the figures a predicate accepts (segments by their headcount figure). */
  static List<Shown> select(ResponseSet set, List<Breakdown> breakdowns, MissingPolicy missing,
      java.util.function.BiPredicate<Figure, Long> show) {
    List<Shown> out = new ArrayList<>();
    Instrument instrument = set.instrument();
    for (Segment s : segments(set, breakdowns)) {
      Map<Figure, Long> c = counts(set, s, missing);
      if (!show.test(Figure.headcount(), c.get(Figure.headcount()))) {
        continue;
      }
      Set<String> dims = new LinkedHashSet<>();
      for (Dimension d : instrument.dimensions()) {
        if (show.test(Figure.scores(d.id()), c.get(Figure.scores(d.id())))) {
          dims.add(d.id());
        }
      }
      Set<String> qs = new LinkedHashSet<>();
      Set<String> cs = new LinkedHashSet<>();
      for (Question q : instrument.questions()) {
        Figure f = q.isRating() ? Figure.question(q.id()) : Figure.comments(q.id());
        if (show.test(f, c.get(f))) {
          (q.isRating() ? qs : cs).add(q.id());
        }
      }
      out.add(new Shown(s, dims, qs, cs));
    }
    return out;
  }

  static long threshold(Figure figure, AnonymityPolicy policy) {
    return figure.kind() == Figure.Kind.COMMENTS ? policy.commentThreshold() : policy.minGroupSize();
  }

  /** A report that shows exactly these figures (placeholder numbers), and suppresses nothing else. */
  static Report report(ResponseSet set, List<Breakdown> breakdowns, AnonymityPolicy policy,
      List<Shown> shown) {
    List<SegmentResult> segments = new ArrayList<>();
    List<CommentSet> comments = new ArrayList<>();
    for (Shown s : shown) {
      Map<String, DimensionResult> dims = new TreeMap<>();
      s.dimensions().forEach(d -> dims.put(d, new DimensionResult(policy.minGroupSize(),
          Map.of("mean", Statistic.of(3), "sd", Statistic.of(1)))));
      Map<String, QuestionResult> qs = new TreeMap<>();
      s.questions().forEach(q -> qs.put(q, new QuestionResult(policy.minGroupSize(), Statistic.of(3),
          Statistic.of(0.5))));
      segments.add(new ShownSegment(s.segment(), policy.minGroupSize(), dims, qs));
      s.comments().forEach(q -> comments.add(new CommentSet(s.segment(), q, List.of("…"))));
    }
    return Report.builder(set.instrument()).policy(policy).breakdowns(breakdowns).respondents(set.size())
        .segments(segments).comments(comments).build();
  }

  /** What a guarded report shows, in the same form. */
  static List<Shown> shownBy(Report report) {
    Map<Segment, Shown> out = new LinkedHashMap<>();
    for (SegmentResult s : report.segments()) {
      if (s instanceof ShownSegment x) {
        out.put(x.segment(), new Shown(x.segment(), new LinkedHashSet<>(x.dimensions().keySet()),
            new LinkedHashSet<>(x.questions().keySet()), new LinkedHashSet<>()));
      }
    }
    for (CommentSet c : report.comments()) {
      out.get(c.segment()).comments().add(c.question());
    }
    return new ArrayList<>(out.values());
  }

  /** The complementary-suppressed segments of a report. */
  static List<Segment> complementary(Report report) {
    return report.segments().stream()
        .filter(s -> s instanceof SuppressedSegment x && x.reasonCode() == SuppressionReason.COMPLEMENTARY)
        .map(SegmentResult::segment).toList();
  }

  /** Keeps the shown entries a predicate accepts. */
  static List<Shown> filter(List<Shown> shown, Predicate<Shown> keep) {
    return shown.stream().filter(keep).toList();
  }
}

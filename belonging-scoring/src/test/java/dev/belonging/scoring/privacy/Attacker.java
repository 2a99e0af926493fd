package dev.belonging.scoring.privacy;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.Response;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.MissingPolicy;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.internal.BruteForce;
import dev.belonging.scoring.report.CommentSet;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.SegmentResult;
import dev.belonging.scoring.report.ShownSegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exhaustive attacker against reports, written apart from the library: atoms and contributors are
 * counted from the responses one by one, the rows are read from the reports, and every group of atoms with
 * 1 to k − 1 contributors (comments: up to the comment threshold − 1) is tried with exact rational
 * arithmetic ({@link BruteForce}).
 */
final class Attacker {

  /** A group: the set of its atoms, each as attribute name → value. */
  static final class Groups extends HashMap<Figure, Set<Set<Map<String, String>>>> {
    private static final long serialVersionUID = 1L;

    boolean isClean() {
      return values().stream().allMatch(Set::isEmpty);
    }
  }

  private Attacker() {}

  /** Per figure, the minimal groups the reports together reveal. */
  static Groups minimalLeaks(ResponseSet set, List<Report> reports, AnonymityPolicy policy,
      MissingPolicy missing) {
    Instrument instrument = set.instrument();
    Set<String> names = new LinkedHashSet<>();
    for (Report r : reports) {
      r.breakdowns().forEach(b -> names.addAll(b.attributes()));
      r.segments().forEach(s -> names.addAll(s.segment().attributes().keySet()));
    }
    // atoms and contributors, respondent by respondent
    Map<Map<String, String>, Integer> atomIndex = new LinkedHashMap<>();
    List<Map<String, String>> atoms = new ArrayList<>();
    Map<Figure, Map<Integer, Long>> counts = new LinkedHashMap<>();
    for (Figure f : figures(instrument)) {
      counts.put(f, new HashMap<>());
    }
    for (Response r : set) {
      Map<String, String> key = new LinkedHashMap<>();
      for (String n : names) {
        key.put(n, r.respondent().attributes().get(n));
      }
      int a = atomIndex.computeIfAbsent(key, k -> {
        atoms.add(k);
        return atoms.size() - 1;
      });
      counts.get(Figure.headcount()).merge(a, 1L, Long::sum);
      for (Dimension d : instrument.dimensions()) {
        List<Question> items = instrument.questionsOf(d.id());
        long answered = items.stream().filter(q -> r.answers().containsKey(q.id())).count();
        if (answered >= missing.minimumAnswered(items.size())) {
          counts.get(Figure.scores(d.id())).merge(a, 1L, Long::sum);
        }
        if (answered > 0) {
          counts.get(Figure.answers(d.id())).merge(a, 1L, Long::sum);
        }
      }
      for (Question q : instrument.questions()) {
        if (q.isRating() ? r.answers().containsKey(q.id()) : r.comments().containsKey(q.id())) {
          counts.get(q.isRating() ? Figure.question(q.id()) : Figure.comments(q.id())).merge(a, 1L, Long::sum);
        }
      }
    }
    // shown rows per figure
    Map<Figure, Set<Segment>> shown = new LinkedHashMap<>();
    counts.keySet().forEach(f -> shown.put(f, new LinkedHashSet<>()));
    for (Report r : reports) {
      for (SegmentResult s : r.segments()) {
        if (s instanceof ShownSegment x) {
          shown.get(Figure.headcount()).add(x.segment());
          x.dimensions().keySet().forEach(d -> {
            shown.get(Figure.scores(d)).add(x.segment());
            shown.get(Figure.answers(d)).add(x.segment());
          });
          x.questions().keySet().forEach(q -> shown.get(Figure.question(q)).add(x.segment()));
        }
      }
      for (CommentSet c : r.comments()) {
        shown.get(Figure.comments(c.question())).add(c.segment());
      }
    }
    Groups result = new Groups();
    for (Figure f : counts.keySet()) {
      boolean headcount = f.kind() == Figure.Kind.HEADCOUNT;
      long threshold = f.kind() == Figure.Kind.COMMENTS ? policy.commentThreshold() : policy.minGroupSize();
      List<Integer> support = new ArrayList<>();
      for (int a = 0; a < atoms.size(); a++) {
        if (counts.get(f).getOrDefault(a, 0L) > 0) {
          support.add(a);
        }
      }
      long[] weight = new long[support.size()];
      for (int c = 0; c < weight.length; c++) {
        weight[c] = counts.get(f).get(support.get(c));
      }
      List<Set<Integer>> rows = new ArrayList<>();
      for (Segment s : shown.get(f)) {
        Set<Integer> row = new HashSet<>();
        for (int c = 0; c < support.size(); c++) {
          if (contains(s, atoms.get(support.get(c)))) {
            row.add(c);
          }
        }
        rows.add(row);
      }
      if (headcount) {
        Set<Integer> all = new HashSet<>();
        for (int c = 0; c < support.size(); c++) {
          all.add(c);
        }
        rows.add(all);
      }
      Set<Set<Map<String, String>>> groups = new HashSet<>();
      for (Set<Integer> leak : BruteForce.minimalLeaks(support.size(), rows, weight, threshold - 1,
          headcount)) {
        Set<Map<String, String>> group = new HashSet<>();
        leak.forEach(c -> group.add(atoms.get(support.get(c))));
        groups.add(group);
      }
      result.put(f, groups);
    }
    return result;
  }

  /** The audit's leaks in the attacker's form. */
  static Groups of(AuditResult audit, Instrument instrument) {
    Groups result = new Groups();
    figures(instrument).forEach(f -> result.put(f, new HashSet<>()));
    for (Leak leak : audit.leaks()) {
      Set<Map<String, String>> group = new HashSet<>();
      leak.group().forEach(s -> group.add(new LinkedHashMap<>(s.attributes())));
      result.get(leak.figure()).add(group);
    }
    return result;
  }

  static List<Figure> figures(Instrument instrument) {
    List<Figure> out = new ArrayList<>();
    out.add(Figure.headcount());
    for (Dimension d : instrument.dimensions()) {
      out.add(Figure.scores(d.id()));
      out.add(Figure.answers(d.id()));
    }
    for (Question q : instrument.questions()) {
      out.add(q.isRating() ? Figure.question(q.id()) : Figure.comments(q.id()));
    }
    return out;
  }

  private static boolean contains(Segment s, Map<String, String> atom) {
    for (Map.Entry<String, String> e : s.attributes().entrySet()) {
      if (!e.getValue().equals(atom.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The breakdowns' attributes, for callers that build reports by hand. */
  static List<String> attributes(List<Breakdown> breakdowns) {
    Set<String> out = new LinkedHashSet<>();
    breakdowns.forEach(b -> out.addAll(b.attributes()));
    return List.copyOf(out);
  }
}

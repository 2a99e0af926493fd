package dev.belonging.examples.html;

import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.Scale;
import dev.belonging.core.model.Wave;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.FavorableShare;
import dev.belonging.scoring.IndexScore;
import dev.belonging.scoring.MeanScore;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.Statistic;
import dev.belonging.scoring.UnfavorableShare;
import dev.belonging.scoring.gaps.Comparison;
import dev.belonging.scoring.gaps.DifferenceUnit;
import dev.belonging.scoring.gaps.Gap;
import dev.belonging.scoring.gaps.GapEstimate;
import dev.belonging.scoring.reliability.ItemReliability;
import dev.belonging.scoring.reliability.Reliability;
import dev.belonging.scoring.report.CommentSet;
import dev.belonging.scoring.report.DimensionResult;
import dev.belonging.scoring.report.QuestionResult;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import dev.belonging.scoring.report.SuppressionReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports for the HTML tests: the bundled sample's, and one whose every string is hostile markup. */
final class Reports {

  /** The team name the tests look for. */
  static final String SCRIPT = "<script>alert(1)</script>";

  /** An attribute name that tries to break out of an attribute value. */
  static final String ATTRIBUTE = "te\"am' onmouseover=\"alert(2)";

  private Reports() {}

  /** The bundled sample (samples/acme-shkv.csv, builtin:shkv) by team, location and tenure, as the CLI has it. */
  static Report sample() {
    try {
      Instrument shkv = Instruments.builtin("shkv");
      var set = ResponseCsv.withDefaults(shkv).read(Path.of("samples", "acme-shkv.csv")).responses();
      return BelongingAnalysis.withDefaults(shkv)
          .withBreakdowns(Breakdown.of("team"), Breakdown.of("location"), Breakdown.of("tenure"))
          .withStrategies(List.of(new MeanScore(), new FavorableShare(), new UnfavorableShare(),
              new IndexScore()))
          .analyze(set);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Segment team(String name) {
    return Segment.of(Map.of(ATTRIBUTE, name));
  }

  /**
   * A report in which every string from the data is markup: instrument, wave, dimension and question ids,
   * names and texts, the attribute name and values, reasons, comments, a rejected row's column and message.
   * It has a shown team named {@link #SCRIPT} with one dimension omitted (fewer than k scores) and one
   * undefined statistic, a team below k, a team suppressed to protect another, comments and a rejected row.
   */
  static Report hostile() {
    Scale scale = Scale.of(1, 5, 4);
    Dimension d1 = Dimension.of("d\"1<", "<img src=x onerror=alert(3)>: \"quoted\" & 'single'");
    Dimension d2 = Dimension.of("d2", "Plain </title><script>alert(4)</script>");
    Instrument instrument = Instrument.of("\"><svg onload=alert(5)>", "1'\"", "Belonging & <b>co</b>", scale,
        List.of(d1, d2),
        List.of(Question.rating("q1\"", "</text><script>alert(6)</script> q1", d1.id()),
            Question.rating("q2", "q2 <!-- comment -->", d1.id()).withReverse(true),
            Question.rating("q3", "q3 ]]> & &amp;", d2.id()),
            Question.comment("c<", "Anything <else>?")));
    Segment population = Segment.population();
    Segment shown = team(SCRIPT);
    Segment below = team("\"onmouseover=\"alert(7)");
    Segment complementary = team("</svg><script>alert(8)</script>");
    Map<String, DimensionResult> all = new LinkedHashMap<>();
    all.put(d1.id(), dimension(40, 3.4, 0.55, 0.20, 60));
    all.put(d2.id(), dimension(40, 3.0, 0.35, 0.30, 50));
    Map<String, DimensionResult> partial = new LinkedHashMap<>();
    Map<String, Statistic> undefined = new LinkedHashMap<>();
    undefined.put("mean", Statistic.of(2.0));
    undefined.put("sd", Statistic.undefined("<b>one</b> score"));
    undefined.put("favorable", Statistic.of(0.1));
    undefined.put("unfavorable", Statistic.of(0.6));
    undefined.put("index", Statistic.undefined("<i>no</i> scores"));
    partial.put(d2.id(), new DimensionResult(6, undefined));
    Map<String, QuestionResult> questions = new LinkedHashMap<>();
    questions.put("q1\"", new QuestionResult(40, Statistic.of(3.5), Statistic.of(0.6)));
    return Report.builder(instrument)
        .wave(Wave.of("2026-Q1 <script>alert(9)</script>"))
        .breakdowns(List.of(Breakdown.of(ATTRIBUTE)))
        .respondents(40)
        .rejected(List.of(Problem.ofCell(12, "<q3>", "answer outside the scale 1..5 <script>alert(10)</script>")))
        .reliability(List.of(new Reliability(d1.id(), 2, 40, Statistic.of(0.72),
            List.of(new ItemReliability("q1\"", Statistic.undefined("<u>two</u> items"), Statistic.of(0.6)),
                new ItemReliability("q2", Statistic.undefined("two items"), Statistic.of(0.6)))),
            new Reliability(d2.id(), 1, 40, Statistic.undefined("one item <script>"),
                List.of(new ItemReliability("q3", Statistic.undefined("one item"),
                    Statistic.undefined("one item"))))))
        .segments(List.of(new ShownSegment(population, 40, all, questions),
            new ShownSegment(shown, 12, partial, Map.of()),
            new SuppressedSegment(below, SuppressionReason.BELOW_K, "fewer than 5 respondents <script>"),
            new SuppressedSegment(complementary, SuppressionReason.COMPLEMENTARY,
                "suppressed to protect a smaller group")))
        .gaps(List.of(gap(shown, d2.id(), DifferenceUnit.SCORE_POINTS, -0.5, -0.8, -0.2, 0.012, true)))
        .comments(List.of(new CommentSet(shown, "c<",
            List.of("</li><script>alert(11)</script>", "line one\nline two & 'more'"))))
        .build();
  }

  /**
   * A report on the built-in shkv instrument with only the given statistics per dimension: the population
   * (mean 3.2 everywhere) and team A (mean 2.6 in "seen", 3.2 elsewhere), favorable shares 0.40 and 0.25.
   */
  static Report withStatistics(List<String> names) {
    Instrument shkv = Instruments.builtin("shkv");
    Map<String, DimensionResult> population = new LinkedHashMap<>();
    Map<String, DimensionResult> a = new LinkedHashMap<>();
    for (Dimension d : shkv.dimensions()) {
      population.put(d.id(), only(dimension(100, 3.2, 0.40, 0.20, 55), names));
      a.put(d.id(), only(d.id().equals("seen") ? dimension(20, 2.6, 0.25, 0.35, 40) : dimension(20, 3.2, 0.40,
          0.20, 55), names));
    }
    return Report.builder(shkv).breakdowns(List.of(Breakdown.of("team"))).respondents(100)
        .segments(List.of(new ShownSegment(Segment.population(), 100, population, Map.of()),
            new ShownSegment(Segment.of(Map.of("team", "A")), 20, a, Map.of())))
        .build();
  }

  /**
   * The report of {@link #withStatistics} with team B (below k), team C (shown, as A, without gaps) and gaps
   * of team A: "seen" −0.5 points
   * (CI −0.8 to −0.2, g −0.6, p 0.004, q 0.012, flagged) and "heard" +0.1 (CI −0.2 to 0.4, g 0.12,
   * p 0.5, q 0.6, not flagged).
   */
  static Report withGaps() {
    Report base = withStatistics(List.of("favorable", "unfavorable", "index"));
    Segment a = Segment.of(Map.of("team", "A"));
    List<dev.belonging.scoring.report.SegmentResult> segments = new java.util.ArrayList<>(base.segments());
    segments.add(new SuppressedSegment(Segment.of(Map.of("team", "B")), SuppressionReason.BELOW_K,
        "fewer than 5 respondents"));
    ShownSegment teamA = (ShownSegment) base.segments().get(1);
    segments.add(new ShownSegment(Segment.of(Map.of("team", "C")), 20, teamA.dimensions(), Map.of()));
    return Report.builder(base.instrument()).breakdowns(base.breakdowns()).respondents(base.respondents())
        .segments(segments)
        .gaps(List.of(gap(a, "seen", DifferenceUnit.SCORE_POINTS, -0.5, -0.8, -0.2, 0.012, true),
            gap(a, "heard", DifferenceUnit.SCORE_POINTS, 0.1, -0.2, 0.4, 0.6, false)))
        .build();
  }

  /** A Welch gap against the rest with the given numbers; g is difference × 1.2, p is q / 3. */
  static Gap gap(Segment segment, String dimension, DifferenceUnit unit, double difference, double low,
      double high, double q, boolean flagged) {
    return new Gap(segment, dimension, Comparison.REST_OF_POPULATION, Optional.empty(), "welch", "hedges-g",
        unit, new GapEstimate(Statistic.of(difference), Statistic.of(difference * 1.2), Statistic.of(low),
            Statistic.of(high), Statistic.of(q / 3)), Statistic.of(q), flagged);
  }

  private static DimensionResult only(DimensionResult d, List<String> names) {
    Map<String, Statistic> kept = new LinkedHashMap<>();
    d.statistics().forEach((k, v) -> {
      if (k.equals("mean") || k.equals("sd") || names.contains(k)) {
        kept.put(k, v);
      }
    });
    return new DimensionResult(d.respondents(), kept);
  }

  private static DimensionResult dimension(long n, double mean, double favorable, double unfavorable,
      double index) {
    Map<String, Statistic> s = new LinkedHashMap<>();
    s.put("mean", Statistic.of(mean));
    s.put("sd", Statistic.of(0.9));
    s.put("favorable", Statistic.of(favorable));
    s.put("unfavorable", Statistic.of(unfavorable));
    s.put("index", Statistic.of(index));
    return new DimensionResult(n, s);
  }
}

package dev.belonging.scoring.gaps;

import dev.belonging.scoring.DimensionStatistics;
import dev.belonging.scoring.Segment;
import dev.belonging.scoring.SegmentStatistics;
import dev.belonging.scoring.internal.StableOrder;
import dev.belonging.scoring.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a report's gaps are found: the {@link GapDetector}, what each shown segment is compared with
 * ({@link Comparison}), the {@link MultipleComparison} method over every gap of the report, and the
 * significance level α of the {@code flagged} rule.
 *
 * <p>{@link #detect} compares every shown segment (intersections included, never the population) on every
 * dimension the report shows for it, when both it and its comparison group have at least k scores:
 *
 * <ul>
 *   <li>{@link Comparison#REST_OF_POPULATION} (the default): with everyone else, the population's
 *       statistics minus the segment's;
 *   <li>{@link Comparison#REFERENCE_SEGMENT}: with a named reference segment, for every shown segment
 *       disjoint from it (both name an attribute and differ in its value). Only a shown reference segment,
 *       on a dimension shown for it, is compared with: a comparison with a hidden group would publish it.
 * </ul>
 *
 * <p>The q-values adjust the p-values of all the report's gaps together; a gap is flagged when its q-value
 * is below α and its |effect size| is at least the detector's {@link GapDetector#minimumEffect()}. Gaps are
 * listed by increasing q-value, then decreasing |effect size| (undefined values last), then in report order.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class GapAnalysis {

  /** The default significance level of the flagged rule. */
  public static final double DEFAULT_ALPHA = 0.05;

  private static final GapAnalysis DEFAULTS = new GapAnalysis(WelchGap.withDefaults(),
      MultipleComparison.BENJAMINI_HOCHBERG, Optional.empty(), DEFAULT_ALPHA);

  private final GapDetector detector;
  private final MultipleComparison multipleComparison;
  private final Optional<Segment> reference;
  private final double alpha;

  private GapAnalysis(GapDetector detector, MultipleComparison multipleComparison, Optional<Segment> reference,
      double alpha) {
    this.detector = Objects.requireNonNull(detector, "detector");
    this.multipleComparison = Objects.requireNonNull(multipleComparison, "multipleComparison");
    this.reference = Objects.requireNonNull(reference, "reference");
    if (reference.isPresent() && reference.get().isPopulation()) {
      throw new IllegalArgumentException("the reference segment cannot be the population: it contains every"
          + " segment; the rest of the population is Comparison.REST_OF_POPULATION");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("the significance level α lies strictly between 0 and 1: " + alpha);
    }
    this.alpha = alpha;
  }

  /**
   * Returns the contract's default: {@link WelchGap} against the rest of the population, Benjamini–Hochberg,
   * α = {@value #DEFAULT_ALPHA}.
   *
   * @return the default gap analysis
   */
  public static GapAnalysis withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another detector.
   *
   * @param newDetector the detector
   * @return the gap analysis
   */
  public GapAnalysis withDetector(GapDetector newDetector) {
    return new GapAnalysis(newDetector, multipleComparison, reference, alpha);
  }

  /**
   * Returns a copy with another multiple-comparison method.
   *
   * @param newMethod the method
   * @return the gap analysis
   */
  public GapAnalysis withMultipleComparison(MultipleComparison newMethod) {
    return new GapAnalysis(detector, newMethod, reference, alpha);
  }

  /**
   * Returns a copy with another significance level for the flagged rule.
   *
   * @param newAlpha α, strictly between 0 and 1
   * @return the gap analysis
   * @throws IllegalArgumentException if α is not strictly between 0 and 1
   */
  public GapAnalysis withAlpha(double newAlpha) {
    return new GapAnalysis(detector, multipleComparison, reference, newAlpha);
  }

  /**
   * Returns a copy that compares every shown segment with the rest of the population.
   *
   * @return the gap analysis, with {@link Comparison#REST_OF_POPULATION}
   */
  public GapAnalysis withRestOfPopulation() {
    return new GapAnalysis(detector, multipleComparison, Optional.empty(), alpha);
  }

  /**
   * Returns a copy that compares every shown segment disjoint from a reference segment with it.
   *
   * @param newReference the reference segment, e.g. {@code team=T1}; one of the analysis's segments
   * @return the gap analysis, with {@link Comparison#REFERENCE_SEGMENT}
   * @throws IllegalArgumentException if the reference is the population
   */
  public GapAnalysis withReference(Segment newReference) {
    return new GapAnalysis(detector, multipleComparison,
        Optional.of(Objects.requireNonNull(newReference, "newReference")), alpha);
  }

  /**
   * Returns the detector.
   *
   * @return the detector
   */
  public GapDetector detector() {
    return detector;
  }

  /**
   * Returns the multiple-comparison method.
   *
   * @return the method
   */
  public MultipleComparison multipleComparison() {
    return multipleComparison;
  }

  /**
   * Returns the significance level of the flagged rule.
   *
   * @return α
   */
  public double alpha() {
    return alpha;
  }

  /**
   * Returns what shown segments are compared with.
   *
   * @return the comparison
   */
  public Comparison comparison() {
    return reference.isPresent() ? Comparison.REFERENCE_SEGMENT : Comparison.REST_OF_POPULATION;
  }

  /**
   * Returns the reference segment.
   *
   * @return the reference, present exactly when the comparison is {@link Comparison#REFERENCE_SEGMENT}
   */
  public Optional<Segment> reference() {
    return reference;
  }

  /**
   * A segment that the report shows, with its statistics and the dimensions the report shows for it.
   *
   * @param segment the segment
   * @param statistics its statistics
   * @param dimensions the ids of the dimensions shown for it, in report order
   */
  public record Shown(Segment segment, SegmentStatistics statistics, List<String> dimensions) {

    /**
     * Validates and copies the components.
     *
     * @param segment the segment
     * @param statistics the statistics
     * @param dimensions the shown dimensions
     */
    public Shown {
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(statistics, "statistics");
      dimensions = List.copyOf(dimensions);
    }
  }

  /**
   * Finds the gaps of a report.
   *
   * @param population the statistics of the whole population
   * @param shown the segments the report shows (the population among them or not), in report order
   * @param minimumScores k: both the segment and its comparison group need at least this many scores in the
   *     dimension
   * @return the gaps with q-values and flags, sorted by q-value, then |effect size| decreasing, then report
   *     order
   * @throws IllegalArgumentException if {@code minimumScores < 1}
   */
  public List<Gap> detect(SegmentStatistics population, List<Shown> shown, int minimumScores) {
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(shown, "shown");
    if (minimumScores < 1) {
      throw new IllegalArgumentException("a gap needs at least one score on each side: " + minimumScores);
    }
    Shown referenceSegment = reference.flatMap(r -> shown.stream()
        .filter(s -> s.segment().equals(r)).findFirst()).orElse(null);
    if (reference.isPresent() && referenceSegment == null) {
      return List.of();
    }
    // each segment's comparisons depend on nothing else (detectors are thread-safe): many segments are
    // compared in parallel on the common fork-join pool, and the gaps kept in segment order
    Shown ref = referenceSegment;
    Stream<Shown> segments = shown.size() >= PARALLEL_SEGMENTS ? shown.parallelStream() : shown.stream();
    List<Gap> found = segments.map(s -> compare(s, population, ref, minimumScores))
        .flatMap(List::stream).toList();
    List<Statistic> q = multipleComparison.adjust(found.stream().map(Gap::pValue).toList());
    List<Gap> gaps = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      Gap g = found.get(i);
      Statistic qi = q.get(i);
      boolean flagged = qi.isDefined() && qi.value() < alpha && g.effectSize().isDefined()
          && Math.abs(g.effectSize().value()) >= detector.minimumEffect();
      gaps.add(new Gap(g.segment(), g.dimension(), g.comparison(), g.reference(), g.detector(),
          g.effectSizeType(), g.differenceUnit(), g.estimate(), qi, flagged));
    }
    // by q-value (undefined last), then |effect size| decreasing (undefined as 0, and after a defined 0),
    // ties in report order; the keys read once, not at every comparison
    int n = gaps.size();
    double[] qKey = new double[n];
    double[] effectKey = new double[n];
    boolean[] noEffect = new boolean[n];
    for (int i = 0; i < n; i++) {
      Gap g = gaps.get(i);
      qKey[i] = g.qValue().orElse(Double.POSITIVE_INFINITY);
      effectKey[i] = -Math.abs(g.effectSize().orElse(0));
      noEffect[i] = !g.effectSize().isDefined();
    }
    int[] order = StableOrder.of(n, (a, b) -> {
      int c = Double.compare(qKey[a], qKey[b]);
      if (c == 0) {
        c = Double.compare(effectKey[a], effectKey[b]);
      }
      return c != 0 ? c : Boolean.compare(noEffect[a], noEffect[b]);
    });
    Gap[] sorted = new Gap[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = gaps.get(order[i]);
    }
    return List.of(sorted);
  }

  /** Segments from which on their comparisons run in parallel. */
  private static final int PARALLEL_SEGMENTS = 64;

  /** A segment's unadjusted gaps on its shown dimensions, against the rest of the population or the reference. */
  private List<Gap> compare(Shown s, SegmentStatistics population, Shown referenceSegment, int minimumScores) {
    if (s.segment().isPopulation()) {
      return List.of();
    }
    if (referenceSegment != null && !disjoint(s.segment(), referenceSegment.segment())) {
      return List.of();
    }
    SegmentStatistics rest = referenceSegment == null ? population.minus(s.statistics()) : null;
    List<Gap> found = new ArrayList<>();
    for (String dimension : s.dimensions()) {
      DimensionStatistics group = s.statistics().dimension(dimension);
      DimensionStatistics other;
      if (rest != null) {
        other = rest.dimension(dimension);
      } else if (referenceSegment.dimensions().contains(dimension)) {
        other = referenceSegment.statistics().dimension(dimension);
      } else {
        continue;
      }
      if (group.scored() < minimumScores || other.scored() < minimumScores) {
        continue;
      }
      found.add(new Gap(s.segment(), dimension, comparison(), reference, detector.name(),
          detector.effectSizeType(), detector.differenceUnit(), detector.estimate(group, other),
          Statistic.undefined("not adjusted"), false));
    }
    return found;
  }

  /** Whether two segments cannot share a member: they name a common attribute with different values. */
  static boolean disjoint(Segment a, Segment b) {
    for (Map.Entry<String, String> e : a.attributes().entrySet()) {
      String other = b.attributes().get(e.getKey());
      if (other != null && !other.equals(e.getValue())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GapAnalysis g
        && detector.equals(g.detector)
        && multipleComparison == g.multipleComparison
        && reference.equals(g.reference)
        && Double.compare(alpha, g.alpha) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(detector, multipleComparison, reference, alpha);
  }

  @Override
  public String toString() {
    return "GapAnalysis[" + detector.name() + " versus " + reference.map(Segment::label).orElse("the rest")
        + ", " + multipleComparison + ", α=" + alpha + "]";
  }
}

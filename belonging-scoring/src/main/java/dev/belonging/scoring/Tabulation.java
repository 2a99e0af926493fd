package dev.belonging.scoring;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.internal.ScoringPass;
import dev.belonging.scoring.internal.StatisticsLayout;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The unguarded {@link SegmentStatistics} of the population and of every non-empty segment of some
 * breakdowns of one response set, from one scoring pass: the raw material of analyses built on top of
 * {@link BelongingAnalysis}, such as trends over waves, which decide themselves what to publish.
 *
 * <p>Nothing here is guarded: a caller that publishes a number from a tabulation must first have the
 * {@link dev.belonging.scoring.privacy.DisclosureGuard} (or a report it made) agree to it.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Tabulation {

  private final SegmentStatistics population;
  private final Map<Segment, SegmentStatistics> segments;

  private Tabulation(SegmentStatistics population, Map<Segment, SegmentStatistics> segments) {
    this.population = population;
    this.segments = Collections.unmodifiableMap(segments);
  }

  /**
   * Tabulates a response set by some breakdowns.
   *
   * @param responses the responses
   * @param missingPolicy the policy that decides who has a dimension score
   * @param breakdowns the breakdowns, of attributes the responses have
   * @return the tabulation
   * @throws IllegalArgumentException if a breakdown names an attribute the responses lack
   */
  public static Tabulation of(ResponseSet responses, MissingPolicy missingPolicy, List<Breakdown> breakdowns) {
    Objects.requireNonNull(responses, "responses");
    List<Breakdown> list = List.copyOf(breakdowns);
    for (Breakdown b : list) {
      b.requireAttributesOf(responses);
    }
    StatisticsLayout layout = new StatisticsLayout(responses.instrument(), missingPolicy);
    ScoringPass.Result pass = ScoringPass.run(layout, responses, list, 0, responses.size());
    Map<Segment, SegmentStatistics> segments = new LinkedHashMap<>();
    for (ScoringPass.Cells cells : pass.breakdowns()) {
      cells.cells().forEach((key, sums) ->
          segments.put(Segment.of(cells.decode(key)), SegmentStatistics.wrap(layout, sums)));
    }
    return new Tabulation(SegmentStatistics.wrap(layout, pass.population()), segments);
  }

  /**
   * Returns the statistics of every respondent.
   *
   * @return the population's statistics
   */
  public SegmentStatistics population() {
    return population;
  }

  /**
   * Returns the statistics of a segment: the population's for {@link Segment#population()}.
   *
   * @param segment a segment
   * @return its statistics, empty when no respondent is in it (or it is of no breakdown tabulated)
   */
  public Optional<SegmentStatistics> segment(Segment segment) {
    Objects.requireNonNull(segment, "segment");
    return segment.isPopulation() ? Optional.of(population) : Optional.ofNullable(segments.get(segment));
  }

  /**
   * Returns every non-empty segment of the breakdowns with its statistics, by breakdown, in order of first
   * appearance in the rows.
   *
   * @return the segments (the population is not among them)
   */
  public Map<Segment, SegmentStatistics> segments() {
    return segments;
  }

  @Override
  public String toString() {
    return "Tabulation[" + population.respondents() + " respondents, " + segments.size() + " segments]";
  }
}

package dev.belonging.scoring.privacy;

import dev.belonging.scoring.Segment;
import dev.belonging.scoring.report.SuppressionReason;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@link DisclosureGuard} lets a report publish: for every segment, whether it is shown or why it is
 * suppressed, and inside a shown segment which dimensions, questions and comment sets may be published.
 * It holds decisions only, no numbers.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Disclosure {

  private final AnonymityPolicy policy;
  private final List<Segment> segments;
  private final Map<Segment, SuppressionReason> suppressed;
  private final Map<Segment, Set<String>> dimensions;
  private final Map<Segment, Set<String>> questions;
  private final Map<Segment, Set<String>> comments;
  private final boolean workBoundReached;

  Disclosure(AnonymityPolicy policy, List<Segment> segments, Map<Segment, SuppressionReason> suppressed,
      Map<Segment, Set<String>> dimensions, Map<Segment, Set<String>> questions,
      Map<Segment, Set<String>> comments, boolean workBoundReached) {
    this.policy = policy;
    this.segments = List.copyOf(segments);
    this.suppressed = Collections.unmodifiableMap(new LinkedHashMap<>(suppressed));
    this.dimensions = freeze(dimensions);
    this.questions = freeze(questions);
    this.comments = freeze(comments);
    this.workBoundReached = workBoundReached;
  }

  private static Map<Segment, Set<String>> freeze(Map<Segment, Set<String>> map) {
    Map<Segment, Set<String>> copy = new LinkedHashMap<>();
    // one copy of each set, however many segments share it (most segments share one)
    Map<Set<String>, Set<String>> copies = new IdentityHashMap<>();
    map.forEach((k, v) -> copy.put(k,
        copies.computeIfAbsent(v, s -> Collections.unmodifiableSet(new LinkedHashSet<>(s)))));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the policy the decisions keep.
   *
   * @return the policy
   */
  public AnonymityPolicy policy() {
    return policy;
  }

  /**
   * Returns every segment decided on: the population, then each breakdown's non-empty segments sorted by
   * their values.
   *
   * @return the segments
   */
  public List<Segment> segments() {
    return segments;
  }

  /**
   * Returns whether a segment is shown.
   *
   * @param segment a segment of {@link #segments()}
   * @return whether its numbers may be published
   * @throws IllegalArgumentException if the segment was not decided on
   */
  public boolean isShown(Segment segment) {
    return suppression(segment).isEmpty();
  }

  /**
   * Returns why a segment is suppressed.
   *
   * @param segment a segment of {@link #segments()}
   * @return the reason, empty when the segment is shown
   * @throws IllegalArgumentException if the segment was not decided on
   */
  public Optional<SuppressionReason> suppression(Segment segment) {
    require(segment);
    return Optional.ofNullable(suppressed.get(segment));
  }

  /**
   * Returns the dimensions whose numbers a shown segment publishes.
   *
   * @param segment a segment of {@link #segments()}
   * @return the dimension ids in instrument order, empty for a suppressed segment
   * @throws IllegalArgumentException if the segment was not decided on
   */
  public Set<String> dimensions(Segment segment) {
    require(segment);
    return dimensions.getOrDefault(segment, Set.of());
  }

  /**
   * Returns the rating questions whose numbers a shown segment publishes.
   *
   * @param segment a segment of {@link #segments()}
   * @return the question ids in instrument order, empty for a suppressed segment
   * @throws IllegalArgumentException if the segment was not decided on
   */
  public Set<String> questions(Segment segment) {
    require(segment);
    return questions.getOrDefault(segment, Set.of());
  }

  /**
   * Returns the comment questions whose texts a shown segment publishes.
   *
   * @param segment a segment of {@link #segments()}
   * @return the comment question ids in instrument order, empty for a suppressed segment
   * @throws IllegalArgumentException if the segment was not decided on
   */
  public Set<String> comments(Segment segment) {
    require(segment);
    return comments.getOrDefault(segment, Set.of());
  }

  /**
   * Returns whether the guard reached its bound on the work of its exact search, so that it refused some
   * segments (suppressed as complementary) or figures (omitted) without proof that showing them would
   * reveal a group. Nothing is revealed either way; the refusals are only not all necessary, and with
   * fewer or simpler crossed breakdowns the guard may decide every one. The guarantee of no derivable group
   * holds as ever.
   *
   * @return whether the bound was reached
   */
  public boolean workBoundReached() {
    return workBoundReached;
  }

  /**
   * Returns how many segments are suppressed for a reason.
   *
   * @param reason the reason
   * @return the count
   */
  public int suppressed(SuppressionReason reason) {
    return (int) suppressed.values().stream().filter(r -> r == reason).count();
  }

  private void require(Segment segment) {
    if (!dimensions.containsKey(segment) && !suppressed.containsKey(segment)) {
      throw new IllegalArgumentException("no decision on segment " + segment);
    }
  }

  @Override
  public String toString() {
    return "Disclosure[" + segments.size() + " segments, " + suppressed(SuppressionReason.BELOW_K)
        + " below k, " + suppressed(SuppressionReason.COMPLEMENTARY) + " complementary"
        + (workBoundReached ? ", work bound reached" : "") + "]";
  }
}

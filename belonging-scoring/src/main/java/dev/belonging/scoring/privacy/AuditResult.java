package dev.belonging.scoring.privacy;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link DisclosureAudit}: the leaks found, at most the audit's limit.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AuditResult {

  private final AnonymityPolicy policy;
  private final List<Leak> leaks;
  private final boolean truncated;
  private final List<Figure> unfinished;

  AuditResult(AnonymityPolicy policy, List<Leak> leaks, boolean truncated, List<Figure> unfinished) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.leaks = List.copyOf(leaks);
    this.truncated = truncated;
    this.unfinished = List.copyOf(unfinished);
  }

  /**
   * Returns the policy audited against.
   *
   * @return the policy
   */
  public AnonymityPolicy policy() {
    return policy;
  }

  /**
   * Returns the leaks, by figure (headcount, then dimensions and questions in instrument order) and group.
   *
   * @return the leaks, empty when the reports are clean
   */
  public List<Leak> leaks() {
    return leaks;
  }

  /**
   * Returns whether no group below the thresholds can be derived: no leak found, and every figure searched
   * to the end.
   *
   * @return whether the reports are proven clean
   */
  public boolean isClean() {
    return leaks.isEmpty() && unfinished.isEmpty();
  }

  /**
   * Returns the figures whose search stopped at the audit's {@linkplain DisclosureAudit#withWorkLimit work
   * limit}: about them the audit says nothing.
   *
   * @return the figures, in audit order; empty when every figure was searched to the end
   */
  public List<Figure> unfinished() {
    return unfinished;
  }

  /**
   * Returns whether every figure was searched to the end (within the leak limit).
   *
   * @return whether no figure is unfinished
   */
  public boolean isComplete() {
    return unfinished.isEmpty();
  }

  /**
   * Returns whether more leaks exist than the limit let the audit list.
   *
   * @return whether leaks were left out
   */
  public boolean isTruncated() {
    return truncated;
  }

  @Override
  public String toString() {
    return "AuditResult[" + (isClean() ? "clean" : leaks.size() + (truncated ? "+" : "") + " leaks")
        + (unfinished.isEmpty() ? "" : ", " + unfinished.size() + " figures unfinished") + "]";
  }
}

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

  AuditResult(AnonymityPolicy policy, List<Leak> leaks, boolean truncated) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.leaks = List.copyOf(leaks);
    this.truncated = truncated;
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
   * Returns whether no group below the thresholds can be derived.
   *
   * @return whether there is no leak
   */
  public boolean isClean() {
    return leaks.isEmpty();
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
    return "AuditResult[" + (isClean() ? "clean" : leaks.size() + (truncated ? "+" : "") + " leaks") + "]";
  }
}

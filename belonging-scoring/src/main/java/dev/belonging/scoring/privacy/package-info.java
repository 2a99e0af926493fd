/**
 * Anonymity: the policy a report keeps ({@link dev.belonging.scoring.privacy.AnonymityPolicy}: minimum group
 * size k, comment threshold), the {@link dev.belonging.scoring.privacy.DisclosureGuard} that decides inside
 * every analysis what may be published (primary and complementary suppression), and the
 * {@link dev.belonging.scoring.privacy.DisclosureAudit} that checks one report or several reports of the
 * same responses together.
 *
 * <p><b>What is guaranteed.</b> No group of 1 to k − 1 respondents (comments: 1 to c − 1 commenters) can
 * have its headcount, or its sums for any dimension, question or comment question, derived by any linear
 * combination of what one guarded report publishes — or what an audited set of reports publishes together —
 * plus the population's headcount. Every published statistic of a segment (count, mean, SD, favorable share,
 * index, net score, a gap versus the rest of the population) is a function of such sums. The check is exact
 * (rational arithmetic, no sampling), and the suppression is inclusion-maximal: showing any suppressed cell
 * would break the guarantee.
 *
 * <p><b>What is not.</b> How many members of a shown segment skipped a dimension (the segment's count minus
 * the dimension's) is published. Inference that is not linear — integer and range bounds on crossed
 * breakdowns, which can narrow a hidden cell without revealing it exactly — is not ruled out; nor are
 * reports that were not audited together, outside knowledge about particular people, or a group that
 * answered all alike (a shown mean of 5.0 on a 1–5 scale says what each member answered). The fewest
 * possible suppressions are not promised (finding them is NP-hard).
 */
package dev.belonging.scoring.privacy;

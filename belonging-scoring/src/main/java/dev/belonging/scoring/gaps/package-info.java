/**
 * Gap detection: which shown segments score differently from the rest of the population (or from a named
 * reference segment), by how much, and how sure the report is.
 *
 * <p>A {@link dev.belonging.scoring.gaps.GapDetector} compares the statistics of two disjoint groups for one
 * dimension: {@link dev.belonging.scoring.gaps.WelchGap} (the default: difference of mean scores, Welch's
 * t-test, Hedges' g), {@link dev.belonging.scoring.gaps.RankGap} (Mann–Whitney U, Hodges–Lehmann shift,
 * rank-biserial correlation) and {@link dev.belonging.scoring.gaps.FavorableShareGap} (difference of favorable
 * shares with respondents as clusters, Cohen's h). {@link dev.belonging.scoring.gaps.GapAnalysis} chooses the
 * detector, the {@link dev.belonging.scoring.gaps.Comparison}, the
 * {@link dev.belonging.scoring.gaps.MultipleComparison} method applied over every gap of a report, and the
 * significance level of the {@code flagged} rule.
 */
package dev.belonging.scoring.gaps;

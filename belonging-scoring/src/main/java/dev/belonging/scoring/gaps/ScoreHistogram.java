package dev.belonging.scoring.gaps;

import dev.belonging.scoring.DimensionStatistics;
import java.util.Arrays;

/**
 * The distinct scores of a group in increasing order, above the scale's minimum ({@code t / c} for a
 * respondent with {@code c} answered items and a total of {@code t} above the minimum), with their counts.
 * Equal fractions ({@code 1/2}, {@code 2/4}) are one score: IEEE division rounds equal quotients alike.
 */
final class ScoreHistogram {

  final double[] values;
  final long[] counts;
  final long total;

  private ScoreHistogram(double[] values, long[] counts, long total) {
    this.values = values;
    this.counts = counts;
    this.total = total;
  }

  static ScoreHistogram of(DimensionStatistics statistics) {
    int items = statistics.items();
    int range = statistics.scale().max() - statistics.scale().min();
    int cells = 0;
    for (int c = 1; c <= items; c++) {
      for (int t = 0; t <= c * range; t++) {
        if (statistics.count(c, t) != 0) {
          cells++;
        }
      }
    }
    double[] cellValues = new double[cells];
    long[] cellCounts = new long[cells];
    int i = 0;
    for (int c = 1; c <= items; c++) {
      for (int t = 0; t <= c * range; t++) {
        long n = statistics.count(c, t);
        if (n != 0) {
          cellValues[i] = (double) t / c;
          cellCounts[i] = n;
          i++;
        }
      }
    }
    double[] sorted = cellValues.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int j = 0; j < sorted.length; j++) {
      if (j == 0 || sorted[j] != sorted[distinct - 1]) {
        sorted[distinct++] = sorted[j];
      }
    }
    double[] values = Arrays.copyOf(sorted, distinct);
    long[] counts = new long[distinct];
    long total = 0;
    for (int j = 0; j < cells; j++) {
      counts[Arrays.binarySearch(values, cellValues[j])] += cellCounts[j];
      total += cellCounts[j];
    }
    return new ScoreHistogram(values, counts, total);
  }
}

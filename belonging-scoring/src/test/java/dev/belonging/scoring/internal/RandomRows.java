package dev.belonging.scoring.internal;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

/** Random rows for the echelon forms' properties. */
final class RandomRows {

  private RandomRows() {}

  /** A random 0/1 vector of a few columns, as the guard's rows. */
  static ExactRow incidences(Random random, int columns) {
    TreeSet<Integer> chosen = new TreeSet<>();
    int wanted = 1 + random.nextInt(Math.min(columns, 8));
    for (int i = 0; i < wanted; i++) {
      chosen.add(random.nextInt(columns));
    }
    return ExactRow.ones(chosen.stream().mapToInt(Integer::intValue).toArray());
  }

  /** A 0/1 row of one to six columns within twenty of each other, and a column anywhere one time in three. */
  static ExactRow clustered(Random random, int columns) {
    TreeSet<Integer> chosen = new TreeSet<>();
    int base = random.nextInt(columns);
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      chosen.add(Math.min(columns - 1, base + random.nextInt(20)));
    }
    if (random.nextInt(3) == 0) {
      chosen.add(random.nextInt(columns));
    }
    return ExactRow.ones(chosen.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Either kind of row, at random. */
  static ExactRow either(Random random, int columns) {
    return random.nextBoolean() ? incidences(random, columns) : vector(random, columns);
  }

  /** A random vector: mostly small values, sometimes values near a long's range (the exact fallbacks). */
  static ExactRow vector(Random random, int columns) {
    int[] cols = new int[columns];
    long[] values = new long[columns];
    int k = 0;
    for (int c = 0; c < columns; c++) {
      if (random.nextInt(3) == 0) {
        cols[k] = c;
        values[k++] = switch (random.nextInt(4)) {
          case 0, 1 -> 1;
          case 2 -> random.nextInt(7) - 3;
          default -> random.nextLong() >> random.nextInt(40);
        };
      }
    }
    return ExactRow.of(Arrays.copyOf(cols, k), Arrays.copyOf(values, k));
  }
}

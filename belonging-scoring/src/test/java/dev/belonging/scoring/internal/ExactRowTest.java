package dev.belonging.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExactRowTest {

  /** The row of these values at columns 0, 2, 4…, made without the arithmetic under test. */
  private static ExactRow row(long... values) {
    int[] columns = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      columns[i] = 2 * i;
    }
    return ExactRow.of(columns, values);
  }

  private static BigInteger[] values(ExactRow r, int width) {
    BigInteger[] out = new BigInteger[width];
    java.util.Arrays.fill(out, BigInteger.ZERO);
    for (int i = 0; i < r.size(); i++) {
      out[r.column(i)] = r.value(i);
    }
    return out;
  }

  @Test
  void combinationsThatOverflowALongAreExact() {
    ExactRow x = row(Long.MAX_VALUE, 3);
    ExactRow y = row(Long.MAX_VALUE, Long.MIN_VALUE);
    // 3·x − (−2)·y = (3·MAX + 2·MAX, 9 + 2·MIN)
    ExactRow z = ExactRow.combine(BigInteger.valueOf(3), x, BigInteger.valueOf(-2), y);
    BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
    assertThat(z.value(0)).isEqualTo(max.multiply(BigInteger.valueOf(5)));
    assertThat(z.value(1)).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).multiply(BigInteger.TWO)
        .add(BigInteger.valueOf(9)));
    // and back: dividing by a common factor returns to longs, exactly
    ExactRow back = ExactRow.combine(BigInteger.ONE, z, BigInteger.ONE, z.divideExactly(BigInteger.ONE));
    assertThat(back.isZero()).isTrue();
  }

  @Test
  void eliminationIsFractionFreeAndPrimitive() {
    // x = (6, 4), y = (9, 3): eliminating column 0 gives 3·x − 2·y = (0, 6), primitive (1) at column 2
    ExactRow r = ExactRow.eliminate(row(6, 4), row(9, 3), 0);
    assertThat(r.size()).isEqualTo(1);
    assertThat(r.column(0)).isEqualTo(2);
    assertThat(r.value(0)).isEqualTo(BigInteger.ONE);
    // signs: the first entry of a primitive row is positive
    assertThat(row(-4, 6).primitive().value(0)).isEqualTo(BigInteger.valueOf(2));
    assertThat(row(-4, 6).primitive().value(1)).isEqualTo(BigInteger.valueOf(-3));
    assertThat(row(Long.MIN_VALUE, Long.MIN_VALUE).primitive().value(0)).isEqualTo(BigInteger.ONE);
    // content 1 found early, then a sign change that a long cannot hold: exact all the same
    ExactRow negated = row(-1, 3, Long.MIN_VALUE).primitive();
    assertThat(negated.value(0)).isEqualTo(BigInteger.ONE);
    assertThat(negated.value(1)).isEqualTo(BigInteger.valueOf(-3));
    assertThat(negated.value(2)).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).negate());
    // the same through an elimination of rows held as longs: (1, -1, MIN) − (1, 0, 0) has content 1 and a
    // negative first entry
    ExactRow minimum = ExactRow.combine(BigInteger.valueOf(Long.MIN_VALUE), ExactRow.ones(new int[] {4}),
        BigInteger.ZERO, ExactRow.zero());
    ExactRow x = ExactRow.combine(BigInteger.ONE, ExactRow.combine(BigInteger.ONE, minimum,
        BigInteger.ONE.negate(), ExactRow.ones(new int[] {0})), BigInteger.ONE, ExactRow.ones(new int[] {2}));
    assertThat(x.fitsLongs()).isTrue();
    ExactRow eliminated = ExactRow.eliminate(x, ExactRow.ones(new int[] {0}), 0);
    assertThat(eliminated.value(0)).isEqualTo(BigInteger.ONE);
    assertThat(eliminated.value(1)).isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).negate());
    assertThatThrownBy(() -> ExactRow.eliminate(row(1, 0), row(0, 1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExactRow.ones(new int[] {2, 1})).hasMessageContaining("increasing");
  }

  @Test
  void theLongPathsOfCombinationContentAndDivisionEqualTheBigIntegerOnes() {
    int[] bigSeen = new int[1];
    qt().withExamples(3000).forAll(longs().all(), longs().all(), longs().all()).checkAssert((a, b, seed) -> {
      Random random = new Random(seed);
      ExactRow x = RandomRows.vector(random, 8);
      ExactRow y = random.nextInt(4) == 0 ? ExactRow.combine(BigInteger.TWO.pow(70), x, BigInteger.ONE, x)
          : RandomRows.vector(random, 8);
      long fa = random.nextBoolean() ? a : a >> random.nextInt(64);
      long fb = random.nextBoolean() ? b : b >> random.nextInt(64);
      ExactRow z = ExactRow.combine(fa, x, fb, y);
      assertThat(z).isEqualTo(ExactRow.combine(BigInteger.valueOf(fa), x, BigInteger.valueOf(fb), y));
      bigSeen[0] += z.fitsLongs() ? 0 : 1;
      // the content, as a gcd of BigIntegers entry by entry
      BigInteger content = BigInteger.ZERO;
      for (int i = 0; i < z.size(); i++) {
        content = content.gcd(z.value(i));
      }
      assertThat(z.content()).isEqualTo(content);
      long small = z.longContent();
      boolean longs = z.fitsLongs()
          && IntStream.range(0, z.size()).noneMatch(i -> z.longValue(i) == Long.MIN_VALUE);
      assertThat(small).isEqualTo(longs ? content.longValueExact() : -1);
      // dividing by the content, or by one of its divisors, entry by entry
      if (!z.isZero()) {
        BigInteger d = random.nextBoolean() ? content : content.gcd(BigInteger.valueOf(1 + random.nextInt(12)));
        ExactRow q = z.divideExactly(d);
        assertThat(q.size()).isEqualTo(z.size());
        for (int i = 0; i < z.size(); i++) {
          assertThat(q.column(i)).isEqualTo(z.column(i));
          assertThat(q.value(i)).isEqualTo(z.value(i).divide(d));
        }
      }
    });
    assertThat(bigSeen[0]).isGreaterThan(100);
  }

  @Test
  void everyCombinationEqualsTheBigIntegerOne() {
    qt().withExamples(2000).forAll(longs().all(), longs().all(), longs().all()).checkAssert((a, b, seed) -> {
      Random random = new Random(seed);
      long[] xs = new long[4];
      long[] ys = new long[4];
      for (int i = 0; i < 4; i++) {
        xs[i] = random.nextInt(3) == 0 ? 0 : random.nextBoolean() ? random.nextLong() : random.nextInt(7) - 3;
        ys[i] = random.nextInt(3) == 0 ? 0 : random.nextBoolean() ? random.nextLong() : random.nextInt(7) - 3;
      }
      ExactRow z = ExactRow.combine(BigInteger.valueOf(a), row(xs), BigInteger.valueOf(b), row(ys));
      BigInteger[] actual = values(z, 8);
      for (int i = 0; i < 4; i++) {
        BigInteger expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(xs[i]))
            .subtract(BigInteger.valueOf(b).multiply(BigInteger.valueOf(ys[i])));
        assertThat(actual[2 * i]).isEqualTo(expected);
      }
      // the primitive form is the same vector divided by its content
      ExactRow p = z.primitive();
      if (!z.isZero()) {
        BigInteger content = z.content();
        BigInteger sign = BigInteger.valueOf(z.value(0).signum());
        for (int i = 0; i < z.size(); i++) {
          assertThat(p.value(i).multiply(content).multiply(sign)).isEqualTo(z.value(i));
        }
      }
    });
  }

  @Test
  void aCombinationOfRowsOnDifferentColumnsEqualsTheBigIntegerOneAtEveryColumn() {
    // columns that interleave, coincide, or run on past the other row's last one, each row dense or sparse
    // (a long row beside a short one is combined in runs, other pairs entry by entry), factors of 1 and -1
    // (no multiplication) and others, values small or near the ends of a long
    int width = 96;
    long[] factors = {1, -1, 2, -3};
    qt().withExamples(3000).forAll(longs().all(), longs().all(), longs().all()).checkAssert((seed, fa, fb) -> {
      Random random = new Random(seed);
      long a = random.nextInt(5) < 4 ? factors[random.nextInt(factors.length)] : fa;
      long b = random.nextInt(5) < 4 ? factors[random.nextInt(factors.length)] : fb;
      ExactRow x = sparseRow(random, width);
      ExactRow y = sparseRow(random, width);
      BigInteger[] xs = values(x, width);
      BigInteger[] ys = values(y, width);
      BigInteger[] actual = values(ExactRow.combine(a, x, b, y), width);
      for (int c = 0; c < width; c++) {
        assertThat(actual[c]).as("column %d", c).isEqualTo(BigInteger.valueOf(a).multiply(xs[c])
            .subtract(BigInteger.valueOf(b).multiply(ys[c])));
      }
    });
  }

  @Test
  void aCombinationWithProductsNearTheBoundOfALongEqualsTheBigIntegerOne() {
    // a·x − b·y goes without a check per entry only while a bound on its values stays below 2^62: factors
    // and values drawn so that the products fall on both sides of it
    // (combinesUnchecked, which lets the exact search make such a combination in longs as it reads it,
    // answers from the same bound: when it says so, no product or difference reaches 2^62)
    int width = 32;
    AtomicInteger unchecked = new AtomicInteger();
    AtomicInteger checked = new AtomicInteger();
    BigInteger bound = BigInteger.ONE.shiftLeft(62);
    qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      int aBits = 1 + random.nextInt(40);
      int bBits = 1 + random.nextInt(40);
      long a = near(random, aBits);
      long b = near(random, bBits);
      ExactRow x = rowNear(random, width, 62 - aBits + random.nextInt(5) - 2);
      ExactRow y = rowNear(random, width, 62 - bBits + random.nextInt(5) - 2);
      BigInteger[] xs = values(x, width);
      BigInteger[] ys = values(y, width);
      BigInteger[] actual = values(ExactRow.combine(a, x, b, y), width);
      boolean noCheck = ExactRow.combinesUnchecked(a, x, b, y);
      (noCheck ? unchecked : checked).incrementAndGet();
      for (int c = 0; c < width; c++) {
        BigInteger ax = BigInteger.valueOf(a).multiply(xs[c]);
        BigInteger by = BigInteger.valueOf(b).multiply(ys[c]);
        assertThat(actual[c]).as("column %d", c).isEqualTo(ax.subtract(by));
        if (noCheck) {
          assertThat(ax.abs().add(by.abs())).as("column %d, said to need no check", c).isLessThan(bound);
        }
      }
    });
    assertThat(unchecked.get()).as("combinations without checks").isGreaterThan(50);
    assertThat(checked.get()).as("combinations with checks").isGreaterThan(300);
  }

  @Test
  void aRowOfWorkingArraysIsACopyAndBoundsItsCombinationsAsSuch() {
    // the exact search makes a row of a combination it keeps in working arrays only when a slower path or
    // a listing needs one, and the row knows the size of its values from the magnitudes it is given
    int width = 24;
    qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      ExactRow q = rowNear(random, width, 1 + random.nextInt(60));
      int k = q.size();
      int[] columns = new int[k + 3];
      long[] values = new long[k + 3];
      long magnitudes = 0;
      for (int i = 0; i < k; i++) {
        columns[i] = q.column(i);
        values[i] = q.longValue(i);
        magnitudes |= Math.abs(values[i]);
      }
      ExactRow made = ExactRow.ofFirst(columns, values, k, magnitudes);
      assertThat(values(made, width)).isEqualTo(values(q, width));
      columns[0] = -1; // the arrays stay the caller's
      values[0] = 12_345;
      assertThat(values(made, width)).isEqualTo(values(q, width));
      assertSizedAsAfresh(made);
    });
  }

  /**
   * A row that knows the size of its values from the pass that made them bounds its combinations as the
   * same row made afresh does, and as its values' magnitudes alone do (as the exact search bounds the
   * combinations it keeps in working arrays): with a factor of each size from 1 to 2^61, the bound says the
   * same, so a size taken one bit off would show.
   */
  private static void assertSizedAsAfresh(ExactRow row) {
    if (!row.fitsLongs()) {
      return;
    }
    int[] columns = new int[row.size()];
    long[] values = new long[row.size()];
    for (int i = 0; i < row.size(); i++) {
      columns[i] = row.column(i);
      values[i] = row.longValue(i);
    }
    ExactRow afresh = ExactRow.of(columns, values);
    long magnitudes = 0;
    for (long v : values) {
      magnitudes |= Math.abs(v);
    }
    for (int e = 0; e < 62; e++) {
      long a = 1L << e;
      boolean expected = ExactRow.combinesUnchecked(a, afresh, 1, ExactRow.zero());
      assertThat(ExactRow.combinesUnchecked(a, row, 1, ExactRow.zero())).as("factor 2^%d", e).isEqualTo(expected);
      assertThat(ExactRow.combinesUnchecked(a, magnitudes, 1, ExactRow.zero())).as("factor 2^%d, by magnitudes", e)
          .isEqualTo(expected);
    }
  }

  /** A row over about half the first {@code width} columns, its values of about {@code bits} bits. */
  private static ExactRow rowNear(Random random, int width, int bits) {
    int[] columns = IntStream.range(0, width).filter(c -> random.nextBoolean()).toArray();
    long[] values = new long[columns.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = near(random, bits);
    }
    return ExactRow.of(columns, values);
  }

  /** A row over some of the first {@code width} columns: how many, and which values, vary with the seed. */
  private static ExactRow sparseRow(Random random, int width) {
    double density = random.nextInt(4) == 0 ? 0.05 : random.nextDouble();
    int from = random.nextInt(width / 2);
    int to = width / 2 + random.nextInt(width / 2 + 1);
    int[] columns = IntStream.range(from, to).filter(c -> random.nextDouble() < density).toArray();
    long[] values = new long[columns.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(8) == 0 ? random.nextLong() : random.nextInt(7) - 3;
    }
    return ExactRow.of(columns, values);
  }

  @Test
  void gcdIsTheBigIntegerOne() {
    // values with common factors of two and of odd numbers, zeros and the largest longs among them
    qt().withExamples(5000).forAll(longs().between(-1000, 1000), longs().between(-1000, 1000),
        longs().between(0, 40), longs().between(1, 1000)).checkAssert((x, y, twos, odd) -> {
          long g = odd << twos;
          for (long[] pair : new long[][] {{x * g, y * g}, {x, y}, {x * g, Long.MAX_VALUE}, {-Long.MAX_VALUE, y}}) {
            assertThat(ExactRow.gcd(pair[0], pair[1])).as("gcd(%d, %d)", pair[0], pair[1])
                .isEqualTo(BigInteger.valueOf(pair[0]).gcd(BigInteger.valueOf(pair[1])).longValueExact());
          }
        });
  }

  @Test
  void eliminationEqualsThePrimitiveOfTheBigIntegerCombination() {
    // eliminate(x, y, c) = primitive((y_c / g)·x − (x_c / g)·y), g = gcd(x_c, y_c), whichever path computes it
    qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      long[] xs = new long[5];
      long[] ys = new long[5];
      for (int i = 0; i < 5; i++) {
        xs[i] = pick(random);
        ys[i] = pick(random);
      }
      while (xs[0] == 0) {
        xs[0] = pick(random);
      }
      while (ys[0] == 0) {
        ys[0] = pick(random);
      }
      ExactRow x = row(xs);
      ExactRow y = row(ys);
      BigInteger xc = BigInteger.valueOf(xs[0]);
      BigInteger yc = BigInteger.valueOf(ys[0]);
      BigInteger g = xc.gcd(yc);
      ExactRow expected = ExactRow.combine(yc.divide(g), x, xc.divide(g), y).primitive();
      ExactRow actual = ExactRow.eliminate(x, y, 0);
      assertThat(values(actual, 10)).containsExactly(values(expected, 10));
      assertThat(actual.isZero() || actual.signum(0) > 0).isTrue();
    });
  }

  @Test
  void eliminatingWithAShortRowWhosePivotDividesEqualsTheBigIntegerCombination() {
    // a long x and a short y whose entry at the column divides x's: x is copied in runs between y's columns
    qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      int width = 400;
      long[] xs = new long[width];
      long[] ys = new long[width];
      int column = random.nextInt(width);
      for (int i = 0; i < width; i++) {
        xs[i] = random.nextInt(3) == 0 ? pick(random) : 0;
      }
      for (int t = 0; t < 1 + random.nextInt(5); t++) {
        ys[random.nextInt(width)] = pick(random);
      }
      ys[column] = 1 + random.nextInt(3);
      xs[column] = ys[column] * (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(1 << random.nextInt(30)));
      for (int i = 0; i < 40; i++) {
        xs[random.nextInt(width)] = random.nextBoolean() ? 1 : -1; // rows of incidences: mostly ±1
      }
      xs[column] = xs[column] == 0 ? ys[column] : xs[column];
      ExactRow x = row(xs);
      ExactRow y = row(ys);
      assertThat(x.size()).isGreaterThanOrEqualTo(ExactRow.SPARSE_FROM * y.size());
      BigInteger xc = BigInteger.valueOf(xs[column]);
      BigInteger yc = BigInteger.valueOf(ys[column]);
      BigInteger g = xc.gcd(yc);
      // the expected row entry by entry in BigInteger, then primitive
      BigInteger[] expected = new BigInteger[2 * width];
      java.util.Arrays.fill(expected, BigInteger.ZERO);
      for (int i = 0; i < width; i++) {
        expected[2 * i] = yc.divide(g).multiply(BigInteger.valueOf(xs[i]))
            .subtract(xc.divide(g).multiply(BigInteger.valueOf(ys[i])));
      }
      primitive(expected);
      ExactRow actual = ExactRow.eliminate(x, y, 2 * column); // row(...) puts entry i at column 2i
      assertThat(values(actual, 2 * width)).containsExactly(expected);
      assertThat(actual.isZero() || actual.signum(0) > 0).isTrue();
    });
  }

  @Test
  void subtractingAShortRowFromALongOneEqualsTheSumEntryByEntry() {
    // x − b·y with x at least SPARSE_FROM times longer than y: x is copied in runs between y's columns
    qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      int width = 300;
      long[] xs = new long[width];
      long[] ys = new long[width];
      for (int i = 0; i < width; i++) {
        xs[i] = random.nextInt(2) == 0 ? pick(random) : random.nextBoolean() ? 1 : -1;
      }
      for (int t = 0; t < 1 + random.nextInt(8); t++) {
        ys[random.nextInt(width)] = pick(random);
      }
      long b = random.nextBoolean() ? pick(random) : random.nextInt(5) - 2;
      ExactRow x = row(xs);
      ExactRow y = row(ys);
      assertThat(x.size()).isGreaterThanOrEqualTo(ExactRow.SPARSE_FROM * y.size());
      BigInteger[] expected = new BigInteger[2 * width];
      java.util.Arrays.fill(expected, BigInteger.ZERO);
      for (int i = 0; i < width; i++) {
        expected[2 * i] =
            BigInteger.valueOf(xs[i]).subtract(BigInteger.valueOf(b).multiply(BigInteger.valueOf(ys[i])));
      }
      ExactRow actual = ExactRow.combine(BigInteger.ONE, x, BigInteger.valueOf(b), y);
      assertThat(values(actual, 2 * width)).containsExactly(expected);
      for (int i = 0; i < actual.size(); i++) {
        assertThat(actual.value(i)).isNotEqualTo(BigInteger.ZERO);
      }
    });
  }

  @Test
  void eliminatingSeveralPivotsAtOnceEqualsTheBigIntegerCombination() {
    // eliminateAll(x, ys, at) = primitive(L·x − Σ (L / y_q[at_q])·x[at_q]·y_q), L the least common multiple of
    // the |y_q[at_q]|, for rows zero at each other's columns; x long or short, the rows bringing columns of
    // their own anywhere among x's
    qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      int width = 400;
      long[] xs = new long[width];
      int density = 1 + random.nextInt(4);
      for (int c = 0; c < width; c++) {
        if (random.nextInt(density) == 0) {
          xs[c] = random.nextInt(8) == 0 ? pick(random) : random.nextInt(13) - 6;
        }
      }
      int[] at = pivotsAmong(random, xs, 6);
      if (at.length == 0) {
        return;
      }
      int count = at.length;
      java.util.Set<Integer> pivots = java.util.Arrays.stream(at).boxed().collect(java.util.stream.Collectors.toSet());
      long[][] yv = new long[count][width];
      for (int q = 0; q < count; q++) {
        for (int e = 0; e < 1 + random.nextInt(random.nextBoolean() ? 8 : 200); e++) {
          int c = random.nextInt(width);
          if (!pivots.contains(c)) {
            yv[q][c] = random.nextInt(8) == 0 ? pick(random) : random.nextInt(13) - 6;
          }
        }
        long p = random.nextInt(4) == 0 ? pick(random) : random.nextInt(7) - 3;
        yv[q][at[q]] = p == 0 ? 1 : p;
      }
      assertEliminatesAsBigIntegers(xs, yv, at);
    });
  }

  @Test
  void eliminatingSeveralPivotsWithValuesNearTheBoundOfALongEqualsTheBigIntegerCombination() {
    // products and sums around 2^62 and 2^63: the combination goes without a check per entry only while a
    // bound on every value made stays below 2^62, so it must agree with BigInteger on both sides of it
    qt().withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      int width = 24;
      int xBits = 1 + random.nextInt(40);
      long[] xs = new long[width];
      for (int c = 0; c < width; c++) {
        if (random.nextInt(3) > 0) {
          xs[c] = near(random, xBits);
        }
      }
      int[] at = pivotsAmong(random, xs, 4);
      if (at.length == 0) {
        return;
      }
      int count = at.length;
      java.util.Set<Integer> pivots = java.util.Arrays.stream(at).boxed().collect(java.util.stream.Collectors.toSet());
      long[][] yv = new long[count][width];
      for (int q = 0; q < count; q++) {
        // factor x[at]·lcm/y[at] has about xBits bits: values of about 62 − xBits bits make products near 2^62
        int yBits = Math.max(1, 62 - xBits + random.nextInt(5) - 2);
        for (int c = 0; c < width; c++) {
          if (!pivots.contains(c) && random.nextInt(3) == 0) {
            yv[q][c] = near(random, yBits);
          }
        }
        yv[q][at[q]] = random.nextBoolean() ? 1 : -1;
      }
      assertEliminatesAsBigIntegers(xs, yv, at);
    });
  }

  /**
   * One to {@code most} distinct columns where a vector is not zero, drawn at random, in the order drawn;
   * none when it is zero.
   */
  private static int[] pivotsAmong(Random random, long[] xs, int most) {
    int[] xCols = IntStream.range(0, xs.length).filter(c -> xs[c] != 0).toArray();
    if (xCols.length == 0) {
      return xCols;
    }
    int count = 1 + random.nextInt(Math.min(most, xCols.length));
    java.util.Set<Integer> drawn = new java.util.LinkedHashSet<>();
    while (drawn.size() < count) {
      drawn.add(xCols[random.nextInt(xCols.length)]);
    }
    return drawn.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A value of {@code bits} bits or one fewer or more (at most 63), of either sign, never zero. */
  private static long near(Random random, int bits) {
    int b = Math.min(63, Math.max(1, bits + random.nextInt(3) - 1));
    long magnitude = (1L << (b - 1)) | (random.nextLong() & ((1L << (b - 1)) - 1));
    return random.nextBoolean() ? magnitude : -magnitude;
  }

  /**
   * Checks {@code eliminateAll(x, ys, at)} against {@code primitive(L·x − Σ (L / y_q[at_q])·x[at_q]·y_q)} in
   * {@code BigInteger}s, {@code L} the least common multiple of the {@code |y_q[at_q]|}: the same values, no
   * zero entry, the columns increasing.
   */
  private static void assertEliminatesAsBigIntegers(long[] xs, long[][] yv, int[] at) {
    int width = xs.length;
    int count = at.length;
    ExactRow[] ys = new ExactRow[count];
    for (int q = 0; q < count; q++) {
      long[] values = yv[q];
      int[] cols = java.util.stream.IntStream.range(0, width).filter(c -> values[c] != 0).toArray();
      ys[q] = ExactRow.of(cols, java.util.Arrays.stream(cols).mapToLong(c -> values[c]).toArray());
    }
    int[] xCols = java.util.stream.IntStream.range(0, width).filter(c -> xs[c] != 0).toArray();
    ExactRow x = ExactRow.of(xCols, java.util.Arrays.stream(xCols).mapToLong(c -> xs[c]).toArray());
    BigInteger lcm = BigInteger.ONE;
    for (int q = 0; q < count; q++) {
      BigInteger d = BigInteger.valueOf(yv[q][at[q]]).abs();
      lcm = lcm.divide(lcm.gcd(d)).multiply(d);
    }
    BigInteger[] expected = new BigInteger[width];
    for (int c = 0; c < width; c++) {
      expected[c] = lcm.multiply(BigInteger.valueOf(xs[c]));
    }
    for (int q = 0; q < count; q++) {
      BigInteger factor = lcm.divide(BigInteger.valueOf(yv[q][at[q]])).multiply(BigInteger.valueOf(xs[at[q]]));
      for (int c = 0; c < width; c++) {
        expected[c] = expected[c].subtract(factor.multiply(BigInteger.valueOf(yv[q][c])));
      }
    }
    primitive(expected);
    ExactRow actual = ExactRow.eliminateAll(x, ys, at, count);
    assertThat(values(actual, width)).containsExactly(expected);
    for (int i = 0; i < actual.size(); i++) {
      assertThat(actual.value(i)).isNotEqualTo(BigInteger.ZERO);
      if (i > 0) {
        assertThat(actual.column(i)).isGreaterThan(actual.column(i - 1));
      }
    }
  }

  /** Divides a vector by the greatest common divisor of its entries, its first non-zero entry positive. */
  private static void primitive(BigInteger[] v) {
    BigInteger content = BigInteger.ZERO;
    BigInteger first = BigInteger.ZERO;
    for (BigInteger x : v) {
      content = content.gcd(x);
      if (first.signum() == 0) {
        first = x;
      }
    }
    if (content.signum() != 0) {
      BigInteger divisor = first.signum() < 0 ? content.negate() : content;
      for (int i = 0; i < v.length; i++) {
        v[i] = v[i].divide(divisor);
      }
    }
  }

  /** Values at a long's edges, and small ones, for the entries of random rows. */
  private static final long[] SPECIAL = {Long.MIN_VALUE, Long.MAX_VALUE, -Long.MAX_VALUE, 1L << 40, 6, -4, 9, 3};

  private static long pick(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> SPECIAL[random.nextInt(SPECIAL.length)];
      case 2 -> random.nextInt(13) - 6;
      default -> random.nextLong() >> random.nextInt(64);
    };
  }

  @Test
  void anEchelonFormOfLargeEntriesStaysExact() {
    // back-substitution multiplies entries near 2^62: the BigInteger path keeps it exact
    long big = 1L << 62;
    ExactRow r1 = row(big, big - 1, 0);
    ExactRow r2 = row(0, big + 1, 3);
    Echelon e = new Echelon(5);
    e.add(r1);
    e.add(r2);
    assertThat(e.rank()).isEqualTo(2);
    for (int r = 0; r < 2; r++) {
      assertThat(e.row(r).find(e.pivot(1 - r))).as("reduced").isNegative();
    }
    ExactRow inSpan = ExactRow.combine(BigInteger.valueOf(3), r1, BigInteger.valueOf(-5), r2);
    assertThat(e.reduce(inSpan).isZero()).isTrue();
    assertThat(e.reduce(ExactRow.ones(new int[] {0})).isZero()).isFalse();
    assertThat(e.reduce(row(big, big - 1, 1)).isZero()).isFalse();
  }

  @Test
  void onesOfARangeAreOnesAtThoseColumnsOnly() {
    int[] flat = {7, 0, 2, 5, 1};
    assertThat(ExactRow.ones(flat, 1, 4)).isEqualTo(ExactRow.ones(new int[] {0, 2, 5}));
    assertThat(ExactRow.ones(flat, 2, 2).isZero()).isTrue();
    assertThatThrownBy(() -> ExactRow.ones(flat, 3, 5)).hasMessageContaining("increasing");
  }

  @Test
  void onesAtMapsItemsToColumnsOnceEach() {
    // items 0..4 map to columns 3, none, 1, 3, 0: the vector is 1 at 0, 1 and 3
    ExactRow row = ExactRow.onesAt(new int[] {4, 0, 1, 2, 3}, new int[] {3, -1, 1, 3, 0});
    assertThat(row).isEqualTo(ExactRow.ones(new int[] {0, 1, 3}));
    assertThat(ExactRow.onesAt(new int[] {1}, new int[] {3, -1}).isZero()).isTrue();
  }

  @Test
  void onesAtIsTheSetOfItsItemsColumnsWhetherTheRowIsSparseOrDense() {
    // rows of a few columns are sorted, rows over most of their span are marked: both are the set
    qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      int columns = 1 + random.nextInt(2000);
      int[] columnOf = new int[columns + random.nextInt(200)];
      for (int item = 0; item < columnOf.length; item++) {
        // several items share a column; some have none
        columnOf[item] = random.nextInt(8) == 0 ? -1 : random.nextInt(columns);
      }
      double share = random.nextInt(3) == 0 ? 0.01 : random.nextDouble();
      int[] items = java.util.stream.IntStream.range(0, columnOf.length)
          .filter(item -> random.nextDouble() < share).toArray();
      java.util.TreeSet<Integer> expected = new java.util.TreeSet<>();
      for (int item : items) {
        if (columnOf[item] >= 0) {
          expected.add(columnOf[item]);
        }
      }
      assertThat(ExactRow.onesAt(items, columnOf))
          .isEqualTo(ExactRow.ones(expected.stream().mapToInt(Integer::intValue).toArray()));
    });
  }
}

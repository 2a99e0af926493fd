package dev.belonging.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A column taken over with {@link CodeColumn#of} holds the same codes as a column filled row by row with
 * {@link CodeColumn#set} and frozen, for cardinalities on either side of each width's bound, and an array
 * of another width than the cardinality gives is refused.
 */
class CodeColumnProperties {

  /** Cardinalities at and about the bounds of one and two bytes, and a few others. */
  private static final int[] CARDINALITIES = {1, 2, 7, 255, 256, 257, 4000, 65535, 65536, 65537, 1 << 20};

  @Test
  void aColumnTakenOverHoldsWhatSettingRowByRowHolds() {
    qt().withExamples(300).forAll(integers().between(0, CARDINALITIES.length - 1), integers().between(0, 600),
        integers().all()).checkAssert((which, size, seed) -> {
          int cardinality = CARDINALITIES[which];
          Random random = new Random(seed);
          // longer than the column, as the reader's arrays are; the rows past size must not count
          int[] codes = new int[size + random.nextInt(4)];
          for (int i = 0; i < codes.length; i++) {
            // the largest code often, so that the widest value of each width is met
            codes[i] = random.nextInt(4) == 0 ? cardinality - 1 : random.nextInt(cardinality);
          }
          CodeColumn set = new CodeColumn(size);
          for (int row = 0; row < size; row++) {
            set.set(row, codes[row]);
          }
          CodeColumn expected = set.freeze(size);
          CodeColumn taken = CodeColumn.of(narrowed(codes, cardinality), size, cardinality);
          assertThat(taken.size()).isEqualTo(size);
          for (int row = 0; row < size; row++) {
            assertThat(taken.get(row)).isEqualTo(expected.get(row)).isEqualTo(codes[row]);
          }
          int[] copied = new int[size];
          taken.copy(0, copied, 0, size);
          assertThat(copied).containsExactly(Arrays.copyOf(codes, size));
        });
  }

  /** The codes in the width that {@code cardinality} gives, as the reader keeps them. */
  private static Object narrowed(int[] codes, int cardinality) {
    if (cardinality <= 0x100) {
      byte[] b = new byte[codes.length];
      for (int i = 0; i < codes.length; i++) {
        b[i] = (byte) codes[i];
      }
      return b;
    }
    if (cardinality <= 0x10000) {
      short[] s = new short[codes.length];
      for (int i = 0; i < codes.length; i++) {
        s[i] = (short) codes[i];
      }
      return s;
    }
    return codes.clone();
  }

  @Test
  void anArrayOfAnotherWidthThanTheValuesGiveIsRefused() {
    // wider or narrower than the values need
    assertThatThrownBy(() -> CodeColumn.of(new short[] {0, 1}, 2, 256))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("256 values");
    assertThatThrownBy(() -> CodeColumn.of(new byte[] {0, 1}, 2, 257))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("257 values");
    assertThatThrownBy(() -> CodeColumn.of(new int[] {0, 1}, 2, 65536))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CodeColumn.of(new short[] {0, 1}, 2, 65537))
        .isInstanceOf(IllegalStateException.class);
    // too short, not codes, or a negative code in four bytes
    assertThatThrownBy(() -> CodeColumn.of(new byte[] {0}, 2, 2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CodeColumn.of("0", 1, 2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CodeColumn.of(new int[] {0, -1}, 2, 1 << 20))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("row 1");
    // bytes and shorts are read unsigned, and a code past the rows asked for is not read
    assertThat(CodeColumn.of(new byte[] {(byte) 255}, 1, 256).get(0)).isEqualTo(255);
    assertThat(CodeColumn.of(new short[] {(short) 65535}, 1, 65536).get(0)).isEqualTo(65535);
    assertThat(CodeColumn.of(new int[] {1 << 19, -1}, 1, 1 << 20).get(0)).isEqualTo(1 << 19);
  }
}

package dev.belonging.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CodeColumn#packed} holds the same codes as a column filled row by row with {@link CodeColumn#set}
 * and frozen, for cardinalities on either side of each width's bound, and refuses a code its width would cut.
 */
class CodeColumnProperties {

  /** Cardinalities at and about the bounds of one and two bytes, and a few others. */
  private static final int[] CARDINALITIES = {1, 2, 7, 255, 256, 257, 4000, 65535, 65536, 65537, 1 << 20};

  @Test
  void packedHoldsWhatSettingRowByRowHolds() {
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
          CodeColumn packed = CodeColumn.packed(codes, size, cardinality);
          assertThat(packed.size()).isEqualTo(size);
          for (int row = 0; row < size; row++) {
            assertThat(packed.get(row)).isEqualTo(expected.get(row)).isEqualTo(codes[row]);
          }
          int[] copied = new int[size];
          packed.copy(0, copied, 0, size);
          assertThat(copied).containsExactly(java.util.Arrays.copyOf(codes, size));
        });
  }

  @Test
  void aCodeItsWidthWouldCutIsRefused() {
    assertThatThrownBy(() -> CodeColumn.packed(new int[] {0, 256, 1}, 3, 256))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("0..255");
    assertThatThrownBy(() -> CodeColumn.packed(new int[] {65536}, 1, 65536))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("0..65535");
    assertThatThrownBy(() -> CodeColumn.packed(new int[] {-1}, 1, 1 << 20))
        .isInstanceOf(IllegalStateException.class);
    // a code past the rows asked for is not read
    assertThat(CodeColumn.packed(new int[] {3, 999}, 1, 4).get(0)).isEqualTo(3);
  }
}

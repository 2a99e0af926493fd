package dev.belonging.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A column's missing bits are its missing rows, 64 to a word, whatever the share of missing answers and
 * wherever the last word ends; the count of answers agrees with them.
 */
class AnswerColumnProperties {

  private static final Question QUESTION = Question.rating("q", "Q", "d");
  private static final Scale SCALE = Scale.of(1, 5, 4);

  @Test
  void theMissingBitsAreTheMissingRows() {
    // sizes about the edges of words; none, few, half or all answers missing
    qt().withExamples(300).forAll(integers().between(0, 300), integers().between(0, 4), integers().all())
        .checkAssert((size, share, seed) -> {
          Random random = new Random(seed);
          // longer than the column, as a reader's arrays are, with missing codes past its end
          byte[] codes = new byte[size + random.nextInt(70)];
          for (int i = 0; i < codes.length; i++) {
            boolean missing = i >= size || random.nextInt(4) < share;
            codes[i] = missing ? (byte) AnswerColumn.MISSING : (byte) (1 + random.nextInt(5));
          }
          AnswerColumn column = new AnswerColumn(QUESTION, SCALE, codes, size);
          int words = column.missingWords();
          assertThat(words).isEqualTo((size + 63) / 64);
          int missing = 0;
          for (int row = 0; row < size; row++) {
            boolean bit = (column.missingBits(row / 64) >>> (row % 64) & 1) != 0;
            assertThat(bit).as("row %d", row).isEqualTo(column.isMissing(row));
            missing += column.isMissing(row) ? 1 : 0;
          }
          if (size % 64 != 0) {
            assertThat(column.missingBits(words - 1) >>> (size % 64)).as("bits past the last row").isZero();
          }
          assertThat(column.answered()).isEqualTo(size - missing);
          assertThatThrownBy(() -> column.missingBits(words)).isInstanceOf(IndexOutOfBoundsException.class);
          assertThatThrownBy(() -> column.missingBits(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        });
  }
}

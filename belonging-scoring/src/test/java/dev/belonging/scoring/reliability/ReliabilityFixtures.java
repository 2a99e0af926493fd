package dev.belonging.scoring.reliability;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import java.util.ArrayList;
import java.util.List;

/** Small instruments and response sets for hand calculations. */
final class ReliabilityFixtures {

  /** The dimension of {@link #instrument}. */
  static final String DIMENSION = "d";

  private ReliabilityFixtures() {}

  /**
   * Returns an instrument with one dimension {@code d} of items {@code q1, q2, …}, all on one scale.
   *
   * @param scale the scale
   * @param reverse per item, whether it is reverse-keyed; its length is the number of items
   */
  static Instrument instrument(Scale scale, boolean... reverse) {
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < reverse.length; i++) {
      questions.add(Question.rating("q" + (i + 1), "Item " + (i + 1), DIMENSION).withReverse(reverse[i]));
    }
    return Instrument.of("fixture", "1", "Fixture", scale, List.of(Dimension.of(DIMENSION, "Dimension")),
        questions);
  }

  /** Returns an instrument of {@code items} items on 1–5, none reverse-keyed. */
  static Instrument plain(int items) {
    return instrument(Scale.of(1, 5, 4), new boolean[items]);
  }

  /**
   * Returns responses: row {@code r} has id {@code r<r+1>} and raw answers {@code rows[r][i]} to the
   * instrument's rating questions in order, {@code null} for a missing answer.
   */
  static ResponseSet responses(Instrument instrument, Integer[]... rows) {
    ResponseSet.Builder b = ResponseSet.builder(instrument);
    List<dev.belonging.core.model.Problem> problems = new ArrayList<>();
    for (int r = 0; r < rows.length; r++) {
      b.beginRow().id("r" + (r + 1));
      int i = 0;
      for (int q = 0; q < instrument.questions().size(); q++) {
        if (instrument.questions().get(q).isRating()) {
          Integer v = rows[r][i++];
          if (v != null) {
            b.answer(q, v);
          }
        }
      }
      if (!b.endRow(0, problems)) {
        throw new IllegalArgumentException("row " + (r + 1) + ": " + problems);
      }
    }
    return b.build();
  }

  /** Returns one row of raw answers. */
  static Integer[] row(Integer... answers) {
    return answers;
  }
}

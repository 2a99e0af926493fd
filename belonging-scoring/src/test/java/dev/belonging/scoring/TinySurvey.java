package dev.belonging.scoring;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small instrument for hand calculations: dimension "voice" (1–5, one reverse item) and "nps" (0–10). */
final class TinySurvey {

  static final Instrument INSTRUMENT = Instrument.of("tiny", "1", "Tiny", Scale.of(1, 5, 4),
      List.of(Dimension.of("voice", "Voice"), Dimension.of("nps", "Would recommend")),
      List.of(
          Question.rating("v1", "I was asked for my view", "voice"),
          Question.rating("v2", "My view was ignored", "voice").withReverse(true),
          Question.rating("v3", "I spoke up in a meeting", "voice"),
          Question.rating("n1", "How likely would you recommend", "nps").withScale(Scale.of(0, 10, 9, 6)),
          Question.comment("c", "Anything else?")));

  private TinySurvey() {}

  /** Rows of: id, team, v1, v2, v3, n1 (null = missing), comment (null = none). */
  static ResponseSet of(Object[]... rows) {
    ResponseSet.Builder b = ResponseSet.builder(INSTRUMENT).attributes(List.of("team"));
    for (Object[] r : rows) {
      Map<String, Integer> answers = new HashMap<>();
      String[] ids = {"v1", "v2", "v3", "n1"};
      for (int i = 0; i < 4; i++) {
        if (r[2 + i] != null) {
          answers.put(ids[i], (Integer) r[2 + i]);
        }
      }
      Map<String, String> comments = r.length > 6 && r[6] != null ? Map.of("c", (String) r[6]) : Map.of();
      b.add(RespondentId.of((String) r[0]), Map.of("team", (String) r[1]), answers, comments);
    }
    return b.build();
  }

  static Object[] row(Object... values) {
    return values;
  }
}

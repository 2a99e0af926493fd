package dev.belonging.scoring.trend;

import dev.belonging.core.model.Response;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Wave;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Response sets for trend tests: splits of one set into waves, and copies with changed answers. */
final class Waves {

  private Waves() {}

  /**
   * Splits a response set into waves {@code w1, w2, …}: within each value of the attribute, in row order,
   * row i of n goes to wave {@code floor(waves · i / n)} (the rule of make_trend_reference.py).
   */
  static List<ResponseSet> split(ResponseSet set, String attribute, int waves) {
    Map<String, Integer> sizes = new HashMap<>();
    for (int row = 0; row < set.size(); row++) {
      sizes.merge(set.attribute(attribute).value(row), 1, Integer::sum);
    }
    List<ResponseSet.Builder> builders = new ArrayList<>();
    for (int w = 0; w < waves; w++) {
      builders.add(ResponseSet.builder(set.instrument()).wave(Wave.of("w" + (w + 1)))
          .attributes(set.attributeNames()));
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int row = 0; row < set.size(); row++) {
      String value = set.attribute(attribute).value(row);
      int i = seen.merge(value, 1, Integer::sum) - 1;
      Response r = set.get(row);
      builders.get(waves * i / sizes.get(value))
          .add(r.respondent().id(), r.respondent().attributes(), r.answers(), r.comments());
    }
    return builders.stream().map(ResponseSet.Builder::build).toList();
  }

  /** Copies a response set as another wave, passing each response's answers through a function. */
  static ResponseSet copy(ResponseSet set, String label,
      BiFunction<Response, Map<String, Integer>, Map<String, Integer>> answers) {
    ResponseSet.Builder b = ResponseSet.builder(set.instrument()).wave(Wave.of(label))
        .attributes(set.attributeNames()).absentQuestions(set.absentQuestions());
    for (Response r : set) {
      b.add(r.respondent().id(), r.respondent().attributes(), answers.apply(r, r.answers()), r.comments());
    }
    return b.build();
  }

  /** Copies a response set as another wave, unchanged. */
  static ResponseSet copy(ResponseSet set, String label) {
    return copy(set, label, (r, a) -> a);
  }
}

package dev.belonging.core;

import static org.quicktheories.generators.SourceDSL.strings;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.Scale;
import dev.belonging.core.model.Wave;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of valid model values for property tests. Every value is made by the model's own factories
 * from random inputs, so that a generator cannot produce what the model would reject, and every branch of
 * the model is reached: explicit and default unfavorable thresholds, labels, scales up to
 * {@link Scale#MAX_POINTS} points, reverse-keyed items, dimensions with a scale of their own, comment
 * questions, and text with quotes, braces, control characters and characters outside the BMP.
 */
public final class BelongingGenerators {

  private BelongingGenerators() {}

  /**
   * Returns free text: possibly empty, with any character a JSON file can carry.
   *
   * @return the generator
   */
  public static Gen<String> texts() {
    Gen<String> plain = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 12);
    Gen<String> anyBmp = strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 12);
    Gen<String> astral = strings().betweenCodePoints(0x1F600, 0x1F64F).ofLengthBetween(1, 3);
    Gen<String> tricky = Generate.pick(List.of("\"", "\\", "{x}", "${y}", "\n", "\t", "…", "x-", " "));
    return plain.mix(anyBmp, 30).mix(astral, 10).mix(tricky, 15);
  }

  /**
   * Returns identifiers: non-blank, short, sometimes with spaces, punctuation or non-ASCII letters. Use
   * {@link #unique} to make a list of them distinct.
   *
   * @return the generator
   */
  public static Gen<String> ids() {
    Gen<String> simple = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 6);
    Gen<String> odd = strings().betweenCodePoints(0x21, 0x2FF).ofLengthBetween(1, 6);
    return simple.mix(odd, 30);
  }

  /**
   * Returns scales: 2 to {@value Scale#MAX_POINTS} points (mostly few), anywhere on the integers near 0,
   * every favorable threshold, a default or explicit unfavorable threshold, and sometimes labels.
   *
   * @return the generator
   */
  public static Gen<Scale> scales() {
    return in -> {
      int min = Generate.range(-20, 20).generate(in);
      int points = Generate.range(0, 9).generate(in) == 0
          ? Generate.range(2, Scale.MAX_POINTS).generate(in)
          : Generate.range(2, 11).generate(in);
      int max = min + points - 1;
      int favorableFrom = Generate.range(min + 1, max).generate(in);
      Scale scale = Generate.booleans().generate(in)
          ? Scale.of(min, max, favorableFrom)
          : Scale.of(min, max, favorableFrom, Generate.range(min, favorableFrom - 1).generate(in));
      int labels = Generate.range(0, 3).generate(in);
      if (labels > 0) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < labels; i++) {
          map.put("L" + i + " " + texts().generate(in), Generate.range(min, max).generate(in));
        }
        scale = scale.withLabels(map);
      }
      return scale;
    };
  }

  /**
   * Returns dimensions with generated ids and names.
   *
   * @return the generator
   */
  public static Gen<Dimension> dimensions() {
    return ids().zip(texts(), (id, name) -> Dimension.of(id, "D" + name));
  }

  /**
   * Returns rating questions, some reverse-keyed, some with a scale of their own.
   *
   * @return the generator
   */
  public static Gen<Question> ratings() {
    return in -> {
      Question q = Question.rating(ids().generate(in), texts().generate(in), ids().generate(in))
          .withReverse(Generate.booleans().generate(in));
      return Generate.booleans().generate(in) ? q.withScale(scales().generate(in)) : q;
    };
  }

  /**
   * Returns comment questions.
   *
   * @return the generator
   */
  public static Gen<Question> comments() {
    return ids().zip(texts(), Question::comment);
  }

  /**
   * Returns rating and comment questions.
   *
   * @return the generator
   */
  public static Gen<Question> questions() {
    return ratings().mix(comments(), 25);
  }

  /**
   * Returns valid instruments: one to four dimensions of one to four rating questions each, on the
   * default scale or on a scale of the dimension's own, up to two comment questions, in a shuffled order.
   *
   * @return the generator
   */
  public static Gen<Instrument> instruments() {
    return in -> {
      Scale defaultScale = scales().generate(in);
      int dimensionCount = Generate.range(1, 4).generate(in);
      List<Dimension> dimensions = new ArrayList<>();
      List<Question> questions = new ArrayList<>();
      List<String> dimensionIds = unique(ids(), dimensionCount, in);
      int n = 0;
      for (String dimensionId : dimensionIds) {
        dimensions.add(Dimension.of(dimensionId, "D" + texts().generate(in)));
        Scale own = Generate.range(0, 2).generate(in) == 0 ? scales().generate(in) : null;
        int items = Generate.range(1, 4).generate(in);
        for (int k = 0; k < items; k++) {
          questions.add(Question.rating("q" + n++ + "-" + ids().generate(in), texts().generate(in), dimensionId)
              .withReverse(Generate.booleans().generate(in))
              .withScale(own));
        }
      }
      int commentCount = Generate.range(0, 2).generate(in);
      for (int k = 0; k < commentCount; k++) {
        questions.add(Question.comment("c" + n++ + "-comment", texts().generate(in)));
      }
      for (int i = questions.size() - 1; i > 0; i--) {
        int j = Generate.range(0, i).generate(in);
        questions.set(i, questions.set(j, questions.get(i)));
      }
      return Instrument.of(ids().generate(in), "v" + texts().generate(in), texts().generate(in), defaultScale,
          dimensions, questions);
    };
  }

  /**
   * Returns waves, with and without a date.
   *
   * @return the generator
   */
  public static Gen<Wave> waves() {
    return in -> {
      Wave w = Wave.of(ids().generate(in));
      return Generate.booleans().generate(in)
          ? w.withDate(LocalDate.ofEpochDay(Generate.range(-40_000, 80_000).generate(in)))
          : w;
    };
  }

  /**
   * Returns respondent ids.
   *
   * @return the generator
   */
  public static Gen<RespondentId> respondentIds() {
    return ids().map(RespondentId::of);
  }

  /**
   * Generates {@code count} distinct values by suffixing repeats with their position.
   *
   * @param gen the values
   * @param count how many
   * @param in the randomness
   * @return the distinct values
   */
  public static List<String> unique(Gen<String> gen, int count, org.quicktheories.core.RandomnessSource in) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String s = gen.generate(in);
      while (out.contains(s)) {
        s = s + "#" + i;
      }
      out.add(s);
    }
    return out;
  }
}

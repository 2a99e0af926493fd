package dev.belonging.core.io;

import static dev.belonging.core.BelongingGenerators.dimensions;
import static dev.belonging.core.BelongingGenerators.instruments;
import static dev.belonging.core.BelongingGenerators.questions;
import static dev.belonging.core.BelongingGenerators.respondentIds;
import static dev.belonging.core.BelongingGenerators.scales;
import static dev.belonging.core.BelongingGenerators.waves;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.InvalidInstrumentException;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.Scale;
import dev.belonging.core.model.Wave;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Round trips of generated model values, and random mutations that break a valid instrument file. */
class InstrumentJsonProperties {

  private static final JsonMapper MODULE_MAPPER =
      JsonMapper.builder().addModule(new BelongingJacksonModule()).build();
  private static final JsonMapper TREES = JsonMapper.builder().build();

  @Test
  void instrumentsRoundTripThroughInstrumentJson() {
    qt().forAll(instruments()).checkAssert(i -> {
      String json = InstrumentJson.toJson(i);
      Instrument back = InstrumentJson.parse(json);
      assertThat(back).isEqualTo(i);
      assertThat(InstrumentJson.toJson(back)).isEqualTo(json);
    });
  }

  @Test
  void everyModelTypeRoundTripsThroughTheModule() {
    qt().forAll(scales()).checkAssert(v -> assertThat(moduleRoundTrip(v, Scale.class)).isEqualTo(v));
    qt().forAll(dimensions()).checkAssert(v -> assertThat(moduleRoundTrip(v, Dimension.class)).isEqualTo(v));
    qt().forAll(questions()).checkAssert(v -> assertThat(moduleRoundTrip(v, Question.class)).isEqualTo(v));
    qt().withExamples(300).forAll(instruments())
        .checkAssert(v -> assertThat(moduleRoundTrip(v, Instrument.class)).isEqualTo(v));
    qt().forAll(waves()).checkAssert(v -> assertThat(moduleRoundTrip(v, Wave.class)).isEqualTo(v));
    qt().forAll(respondentIds())
        .checkAssert(v -> assertThat(moduleRoundTrip(v, RespondentId.class)).isEqualTo(v));
  }

  @Test
  void theModuleAndInstrumentJsonWriteTheSameTree() {
    qt().withExamples(300).forAll(instruments()).checkAssert(i ->
        assertThat(TREES.readTree(MODULE_MAPPER.writeValueAsString(i))).isEqualTo(TREES.readTree(InstrumentJson.toJson(i))));
  }

  @Test
  void everyMutationMakesTheFileInvalidAtAPath() {
    qt().withExamples(500)
        .forAll(instruments(), integers().between(0, MUTATIONS.size() - 1), integers().between(0, 1_000_000))
        .checkAssert((instrument, m, pick) -> {
          ObjectNode tree = (ObjectNode) TREES.readTree(InstrumentJson.toJson(instrument));
          String expected = MUTATIONS.get(m).apply(tree, pick);
          if (expected == null) {
            return; // this mutation does not apply to this instrument
          }
          String json = TREES.writeValueAsString(tree);

          InvalidInstrumentException e =
              catchThrowableOfType(InvalidInstrumentException.class, () -> InstrumentJson.parse(json));

          assertThat(e).as("mutation %d: %s", m, json).isNotNull();
          assertThat(e.problems()).as(json).allSatisfy(p -> assertThat(p.path()).isNotEmpty());
          assertThat(e.problems()).as(json).extracting(Problem::path).anySatisfy(p -> assertThat(p).startsWith(expected));
        });
  }

  @Test
  void mutationsApplyOften() {
    int[] applied = new int[MUTATIONS.size()];
    qt().withExamples(400)
        .forAll(instruments(), integers().between(0, MUTATIONS.size() - 1), integers().between(0, 1_000_000))
        .checkAssert((instrument, m, pick) -> {
          ObjectNode tree = (ObjectNode) TREES.readTree(InstrumentJson.toJson(instrument));
          if (MUTATIONS.get(m).apply(tree, pick) != null) {
            applied[m]++;
          }
        });

    for (int m = 0; m < applied.length; m++) {
      assertThat(applied[m]).as("mutation %d applied", m).isPositive();
    }
  }

  private static <T> T moduleRoundTrip(T value, Class<T> type) {
    return MODULE_MAPPER.readValue(MODULE_MAPPER.writeValueAsString(value), type);
  }

  // --- mutations: each breaks one rule and returns the path (or path prefix) where it is reported ----

  private static final List<BiFunction<ObjectNode, Integer, String>> MUTATIONS = List.of(
      // a rating names no dimension
      (tree, pick) -> onRating(tree, pick, (q, i) -> {
        q.put("dimension", "\u2603 no such dimension");
        return "questions[" + i + "].dimension";
      }),
      // a rating has no dimension at all
      (tree, pick) -> onRating(tree, pick, (q, i) -> {
        q.remove("dimension");
        return "questions[" + i + "].dimension";
      }),
      // a question repeats the id of the first
      (tree, pick) -> {
        ArrayNode qs = (ArrayNode) tree.get("questions");
        if (qs.size() < 2) {
          return null;
        }
        int i = 1 + pick % (qs.size() - 1);
        ((ObjectNode) qs.get(i)).put("id", qs.get(0).get("id").asString());
        return "questions[" + i + "].id";
      },
      // a blank question id
      (tree, pick) -> {
        ArrayNode qs = (ArrayNode) tree.get("questions");
        int i = pick % qs.size();
        ((ObjectNode) qs.get(i)).put("id", " \t");
        return "questions[" + i + "].id";
      },
      // an unknown question type
      (tree, pick) -> {
        ArrayNode qs = (ArrayNode) tree.get("questions");
        int i = pick % qs.size();
        ((ObjectNode) qs.get(i)).put("type", "Rating");
        return "questions[" + i + "].type";
      },
      // a comment with a dimension
      (tree, pick) -> {
        ArrayNode qs = (ArrayNode) tree.get("questions");
        for (int k = 0; k < qs.size(); k++) {
          int i = (pick + k) % qs.size();
          if (qs.get(i).has("type")) {
            ((ObjectNode) qs.get(i)).put("dimension", tree.get("dimensions").get(0).get("id").asString());
            return "questions[" + i + "].dimension";
          }
        }
        return null;
      },
      // an unknown field in a question
      (tree, pick) -> {
        ArrayNode qs = (ArrayNode) tree.get("questions");
        int i = pick % qs.size();
        ((ObjectNode) qs.get(i)).put("dimensionId", "x");
        return "questions[" + i + "].dimensionId";
      },
      // a dimension that no question names
      (tree, pick) -> {
        ArrayNode ds = (ArrayNode) tree.get("dimensions");
        ds.addObject().put("id", "\u2603 unused").put("name", "Unused");
        return "dimensions[" + (ds.size() - 1) + "]";
      },
      // a repeated dimension id
      (tree, pick) -> {
        ArrayNode ds = (ArrayNode) tree.get("dimensions");
        JsonNode first = ds.get(0);
        ds.addObject().put("id", first.get("id").asString()).put("name", "Again");
        return "dimensions[" + (ds.size() - 1) + "].id";
      },
      // a dimension that is removed while its questions remain
      (tree, pick) -> {
        ArrayNode ds = (ArrayNode) tree.get("dimensions");
        ds.remove(pick % ds.size());
        return ds.isEmpty() ? "dimensions" : "questions[";
      },
      // a blank dimension name
      (tree, pick) -> {
        ArrayNode ds = (ArrayNode) tree.get("dimensions");
        int i = pick % ds.size();
        ((ObjectNode) ds.get(i)).put("name", "");
        return "dimensions[" + i + "].name";
      },
      // favorableFrom above max
      (tree, pick) -> {
        ObjectNode s = (ObjectNode) tree.get("scale");
        s.put("favorableFrom", s.get("max").asInt() + 1 + pick % 5);
        return "scale.favorableFrom";
      },
      // max not above min
      (tree, pick) -> {
        ObjectNode s = (ObjectNode) tree.get("scale");
        s.put("max", s.get("min").asInt() - pick % 3);
        return "scale.max";
      },
      // too many points
      (tree, pick) -> {
        ObjectNode s = (ObjectNode) tree.get("scale");
        s.put("max", s.get("min").asInt() + Scale.MAX_POINTS + pick % 1000);
        return "scale.max";
      },
      // unfavorableTo at or above favorableFrom
      (tree, pick) -> {
        ObjectNode s = (ObjectNode) tree.get("scale");
        s.put("unfavorableTo", s.get("favorableFrom").asInt() + pick % 3);
        return "scale.unfavorableTo";
      },
      // a label off the scale
      (tree, pick) -> {
        ObjectNode s = (ObjectNode) tree.get("scale");
        ObjectNode labels = s.has("labels") ? (ObjectNode) s.get("labels") : s.putObject("labels");
        labels.put("\u2603 off", s.get("max").asInt() + 1 + pick % 4);
        return "scale.labels";
      },
      // a question of a dimension with several moves to another scale
      (tree, pick) -> {
        ArrayNode qs = (ArrayNode) tree.get("questions");
        List<Integer> ratings = ratingIndexes(qs);
        for (int k = 0; k < ratings.size(); k++) {
          int first = ratings.get((pick + k) % ratings.size());
          String dim = qs.get(first).get("dimension").asString();
          for (int later : ratings) {
            if (later > first && qs.get(later).get("dimension").asString().equals(dim)) {
              ((ObjectNode) qs.get(later)).putObject("scale").put("min", -1000).put("max", -999)
                  .put("favorableFrom", -999);
              return "questions[" + later + "].scale";
            }
          }
        }
        return null;
      },
      // a required field is missing
      (tree, pick) -> {
        String field = List.of("id", "version", "name", "scale", "dimensions", "questions").get(pick % 6);
        tree.remove(field);
        return field;
      },
      // a number given as a string
      (tree, pick) -> {
        ObjectNode s = (ObjectNode) tree.get("scale");
        s.put("min", s.get("min").asString());
        return "scale.min";
      });

  private static String onRating(ObjectNode tree, int pick, BiFunction<ObjectNode, Integer, String> change) {
    ArrayNode qs = (ArrayNode) tree.get("questions");
    List<Integer> ratings = ratingIndexes(qs);
    int i = ratings.get(pick % ratings.size());
    return change.apply((ObjectNode) qs.get(i), i);
  }

  private static List<Integer> ratingIndexes(ArrayNode qs) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < qs.size(); i++) {
      if (!qs.get(i).has("type")) {
        out.add(i);
      }
    }
    return out;
  }
}

package dev.belonging.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.InvalidInstrumentException;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.Scale;
import dev.belonging.core.model.Wave;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class BelongingJacksonModuleTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new BelongingJacksonModule()).build();

  private static <T> T roundTrip(T value, Class<T> type) {
    return MAPPER.readValue(MAPPER.writeValueAsString(value), type);
  }

  @Test
  void scaleIsWrittenWithoutDefaults() {
    assertThat(MAPPER.writeValueAsString(Scale.of(1, 5, 4))).isEqualTo("{\"min\":1,\"max\":5,\"favorableFrom\":4}");
    assertThat(MAPPER.writeValueAsString(Scale.of(0, 10, 9, 6).withLabels(Map.of("Ten", 10))))
        .isEqualTo("{\"min\":0,\"max\":10,\"favorableFrom\":9,\"unfavorableTo\":6,\"labels\":{\"Ten\":10}}");
  }

  @Test
  void everyModelTypeRoundTrips() {
    Scale labelled = Scale.of(1, 5, 4).withLabels(Map.of("Agree", 4, "Disagree", 2));
    Question rating = Question.rating("q", "How?", "d").withReverse(true).withScale(Scale.of(0, 10, 9, 6));
    Question comment = Question.comment("c", "Anything else?");
    Instrument instrument = Instrument.of("i", "2", "I", labelled, List.of(Dimension.of("d", "D")),
        List.of(rating, comment));

    assertThat(roundTrip(labelled, Scale.class)).isEqualTo(labelled);
    assertThat(roundTrip(Scale.of(1, 5, 2), Scale.class)).isEqualTo(Scale.of(1, 5, 2));
    assertThat(roundTrip(Dimension.of("d", "D"), Dimension.class)).isEqualTo(Dimension.of("d", "D"));
    assertThat(roundTrip(rating, Question.class)).isEqualTo(rating);
    assertThat(roundTrip(comment, Question.class)).isEqualTo(comment);
    assertThat(roundTrip(instrument, Instrument.class)).isEqualTo(instrument);
    assertThat(roundTrip(Wave.of("2026-Q1"), Wave.class)).isEqualTo(Wave.of("2026-Q1"));
    Wave dated = Wave.of("2026-Q2", LocalDate.of(2026, 4, 1));
    assertThat(roundTrip(dated, Wave.class)).isEqualTo(dated);
    assertThat(roundTrip(RespondentId.of("r-17"), RespondentId.class)).isEqualTo(RespondentId.of("r-17"));
  }

  @Test
  void instrumentIsWrittenAsInstrumentJsonWritesIt() {
    Instrument i = Fixtures.pulse();

    assertThat(MAPPER.readTree(MAPPER.writeValueAsString(i)))
        .isEqualTo(MAPPER.readTree(InstrumentJson.toJson(i)));
  }

  @Test
  void respondentIdIsAPlainString() {
    assertThat(MAPPER.writeValueAsString(RespondentId.of("r1"))).isEqualTo("\"r1\"");
    assertThat(MAPPER.writeValueAsString(List.of(RespondentId.of("a"), RespondentId.of("b"))))
        .isEqualTo("[\"a\",\"b\"]");
    assertThat(MAPPER.readValue("[\"a\",\"b\"]", new TypeReference<List<RespondentId>>() {}))
        .containsExactly(RespondentId.of("a"), RespondentId.of("b"));
    assertThat(catchThrowable(() -> MAPPER.readValue("\" \"", RespondentId.class)))
        .hasRootCauseMessage("respondent id must not be blank");
  }

  @Test
  void waveIsWrittenWithAnIsoDate() {
    assertThat(MAPPER.writeValueAsString(Wave.of("2026-Q1", LocalDate.of(2026, 1, 12))))
        .isEqualTo("{\"label\":\"2026-Q1\",\"date\":\"2026-01-12\"}");
    assertThat(MAPPER.writeValueAsString(Wave.of("2026-Q1"))).isEqualTo("{\"label\":\"2026-Q1\"}");
  }

  @Test
  void invalidValuesAreReportedWithEveryProblemAndItsPath() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"min\": 3, \"max\": 1, \"favorableFrom\": 2}", Scale.class))
        .isInstanceOfSatisfying(InvalidInstrumentException.class, e ->
            assertThat(e.problems()).extracting(Problem::path).containsExactly("max", "favorableFrom"));
    assertThatThrownBy(() -> MAPPER.readValue("{\"id\": \"c\", \"text\": \"t\", \"type\": \"comment\", "
        + "\"dimension\": \"d\"}", Question.class))
        .isInstanceOf(InvalidInstrumentException.class)
        .hasMessageContaining("dimension: a comment question has no dimension");
    assertThatThrownBy(() -> MAPPER.readValue("{\"id\": \"d\", \"name\": \"\"}", Dimension.class))
        .isInstanceOf(InvalidInstrumentException.class)
        .hasMessageContaining("name: must not be blank");
    assertThatThrownBy(() -> MAPPER.readValue("{\"label\": \"\"}", Wave.class))
        .isInstanceOf(InvalidInstrumentException.class)
        .hasMessageContaining("label: must not be blank");
  }

  @Test
  void extensionKeysAreSkippedEvenInAStrictMapper() {
    JsonMapper strict = JsonMapper.builder().addModule(new BelongingJacksonModule())
        .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    String json = InstrumentJson.toJson(Fixtures.pulse())
        .replaceFirst("\\{", "{\"x-origin\": [1, {\"a\": null}],");

    assertThat(strict.readValue(json, Instrument.class)).isEqualTo(Fixtures.pulse());
    assertThatThrownBy(() -> strict.readValue(json.replace("x-origin", "origin"), Instrument.class))
        .isInstanceOf(tools.jackson.databind.exc.UnrecognizedPropertyException.class);
  }

  /** A small instrument for these tests, built in code. */
  private static final class Fixtures {
    static Instrument pulse() {
      return Instrument.of("pulse", "1", "Pulse", Scale.of(1, 5, 4), List.of(Dimension.of("belonging", "B")),
          List.of(Question.rating("pulse-belonging", "t", "belonging"), Question.comment("pulse-comment", "c")));
    }
  }
}

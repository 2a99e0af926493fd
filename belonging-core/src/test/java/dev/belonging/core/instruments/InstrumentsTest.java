package dev.belonging.core.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belonging.core.internal.json.Definitions;
import dev.belonging.core.internal.json.InstrumentDefinition;
import dev.belonging.core.internal.json.InstrumentMappers;
import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.Scale;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InstrumentsTest {

  private static final Scale AGREEMENT = Scale.of(1, 5, 4).withLabels(Map.of(
      "Strongly disagree", 1, "Disagree", 2, "Neither agree nor disagree", 3, "Agree", 4, "Strongly agree", 5));

  static List<String> names() {
    return Instruments.builtin();
  }

  @Test
  void listsTheBuiltInInstruments() {
    assertThat(Instruments.builtin()).containsExactly("shkv", "safety", "fairness", "pulse");
    assertThatThrownBy(() -> Instruments.builtin().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> Instruments.builtin("shvk"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no built-in instrument \"shvk\"; the built-in instruments are shkv, safety, fairness, pulse");
  }

  @ParameterizedTest
  @MethodSource("names")
  void eachLoadsOnTheLabelledAgreementScaleAndRoundTrips(String name) {
    Instrument i = Instruments.builtin(name);

    assertThat(i.id()).isEqualTo(name);
    assertThat(i.scale()).isEqualTo(AGREEMENT);
    assertThat(i.scale().labels().keySet()).containsExactly(
        "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree");
    assertThat(Instruments.builtin(name)).isSameAs(i);
    assertThat(InstrumentJson.parse(InstrumentJson.toJson(i))).isEqualTo(i);
  }

  /**
   * The built-ins are read without Hibernate Validator (see {@code Instruments.load}): this is what makes
   * that safe. Each bundled file passes every constraint of an instrument definition, and the instrument
   * read from it is the one the validating reader of user files gives.
   */
  @ParameterizedTest
  @MethodSource("names")
  void everyBundledFileIsAValidDefinitionAndReadsAsAUserFileWould(String name) throws IOException {
    String json;
    try (InputStream in = Instruments.class.getResourceAsStream(name + ".json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    InstrumentDefinition definition = InstrumentMappers.defaults().readValue(json, InstrumentDefinition.class);

    assertThat(Definitions.validate(definition)).isEmpty();
    assertThat(Instruments.builtin(name)).isEqualTo(InstrumentJson.parse(json));
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyDimensionOfSeveralItemsHasAReverseKeyedOne(String name) {
    Instrument i = Instruments.builtin(name);

    for (Dimension d : i.dimensions()) {
      List<Question> items = i.questionsOf(d.id());
      if (items.size() > 1) {
        assertThat(items).as(d.id()).anyMatch(Question::isReverse);
        assertThat(items).as(d.id()).anyMatch(q -> !q.isReverse());
      }
    }
    for (Question q : i.questions()) {
      assertThat(q.text()).as(q.id()).isNotBlank().endsWith(q.isRating() ? "." : ")");
      assertThat(q.id().endsWith("-comment")).as(q.id()).isEqualTo(!q.isRating());
    }
  }

  @Test
  void shkvHasFourDimensionsOfThreeOrFourItems() {
    Instrument shkv = Instruments.builtin("shkv");

    assertThat(shkv.dimensions()).extracting(Dimension::id).containsExactly("seen", "heard", "known", "valued");
    for (Dimension d : shkv.dimensions()) {
      List<Question> items = shkv.questionsOf(d.id());
      assertThat(items).as(d.id()).hasSizeBetween(3, 4).allMatch(q -> q.id().startsWith(d.id() + "-"));
      assertThat(items).as(d.id()).anyMatch(Question::isReverse);
    }
    assertThat(shkv.scale().favorableFrom()).isEqualTo(4);
    assertThat(shkv.scale().valueOf("Strongly agree")).hasValue(5);
  }

  @Test
  void safetyCoversSpeakingUpMistakesAndAskingForHelp() {
    Instrument safety = Instruments.builtin("safety");

    assertThat(safety.dimensions()).extracting(Dimension::id)
        .containsExactly("speaking-up", "mistakes", "asking-for-help");
    assertThat(safety.questionsOf("speaking-up")).extracting(Question::id)
        .containsExactly("safety-speak-1", "safety-speak-2", "safety-speak-3");
    assertThat(safety.questionsOf("mistakes")).hasSize(3);
    assertThat(safety.questionsOf("asking-for-help")).hasSize(3);
  }

  @Test
  void fairnessCoversPromotionsAssignmentsAndReviews() {
    Instrument fairness = Instruments.builtin("fairness");

    assertThat(fairness.dimensions()).extracting(Dimension::id)
        .containsExactly("promotions", "assignments", "reviews");
    assertThat(fairness.questions()).allMatch(q -> q.id().startsWith("fairness-"));
  }

  @Test
  void pulseIsOneBelongingItemAndAnOptionalComment() {
    Instrument pulse = Instruments.builtin("pulse");

    assertThat(pulse.dimensions()).extracting(Dimension::id).containsExactly("belonging");
    assertThat(pulse.questions()).hasSize(2);
    assertThat(pulse.questionsOf("belonging")).hasSize(1);
    Question comment = pulse.question("pulse-comment").orElseThrow();
    assertThat(comment.isRating()).isFalse();
  }

  @Test
  void questionIdsAreUniqueAcrossTheBuiltIns() {
    List<String> ids = Instruments.builtin().stream()
        .flatMap(n -> Instruments.builtin(n).questions().stream()).map(Question::id).toList();

    assertThat(ids).doesNotHaveDuplicates();
  }
}

package dev.belonging.core.internal.json;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of an {@link Instrument} (CONTRACTS.md §1): {@code id}, {@code version}, {@code name}, the
 * default {@code scale}, {@code dimensions} and {@code questions}, in that order.
 *
 * <p>Field constraints check each part on its own (cascading into the scales, dimensions and questions);
 * {@link ValidReferences} checks how the parts fit together with the model's own rules.
 *
 * @param id the identifier
 * @param version the version
 * @param name the human-readable name
 * @param scale the default scale of rating questions
 * @param dimensions the dimensions, in report order
 * @param questions the questions, in the order respondents see them
 */
@ValidReferences
public record InstrumentDefinition(
    @NotBlank(message = Messages.NOT_BLANK) String id,
    @NotBlank(message = Messages.NOT_BLANK) String version,
    @NotNull(message = Messages.REQUIRED) String name,
    @NotNull(message = Messages.REQUIRED) @Valid ScaleDefinition scale,
    @NotNull(message = Messages.REQUIRED)
    List<@NotNull(message = Messages.NOT_NULL_ELEMENT) @Valid DimensionDefinition> dimensions,
    @NotNull(message = Messages.REQUIRED)
    List<@NotNull(message = Messages.NOT_NULL_ELEMENT) @Valid QuestionDefinition> questions) {

  /**
   * Returns the definition of an instrument.
   *
   * @param instrument the instrument
   * @return its definition
   */
  public static InstrumentDefinition of(Instrument instrument) {
    List<DimensionDefinition> dimensions = new ArrayList<>();
    for (Dimension d : instrument.dimensions()) {
      dimensions.add(DimensionDefinition.of(d));
    }
    List<QuestionDefinition> questions = new ArrayList<>();
    for (Question q : instrument.questions()) {
      questions.add(QuestionDefinition.of(q));
    }
    return new InstrumentDefinition(instrument.id(), instrument.version(), instrument.name(),
        ScaleDefinition.of(instrument.scale()), dimensions, questions);
  }

  /**
   * Returns the instrument defined.
   *
   * @return the instrument
   * @throws IllegalArgumentException or {@link NullPointerException} if a part is invalid
   * @throws dev.belonging.core.model.InvalidInstrumentException if the parts do not fit together
   */
  public Instrument toModel() {
    List<Dimension> ds = new ArrayList<>();
    for (DimensionDefinition d : dimensions) {
      ds.add(d.toModel());
    }
    List<Question> qs = new ArrayList<>();
    for (QuestionDefinition q : questions) {
      qs.add(q.toModel());
    }
    return Instrument.of(id, version, name, scale.toModel(), ds, qs);
  }
}

package dev.belonging.core.io;

import dev.belonging.core.internal.json.Definitions;
import dev.belonging.core.internal.json.DimensionDefinition;
import dev.belonging.core.internal.json.ExtensionKeys;
import dev.belonging.core.internal.json.InstrumentDefinition;
import dev.belonging.core.internal.json.QuestionDefinition;
import dev.belonging.core.internal.json.RespondentIdMixIn;
import dev.belonging.core.internal.json.ScaleDefinition;
import dev.belonging.core.internal.json.WaveDefinition;
import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.Scale;
import dev.belonging.core.model.Wave;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.Version;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleSerializers;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A Jackson 3 module that reads and writes the model's value types in the library's JSON forms, for use
 * in a {@link tools.jackson.databind.json.JsonMapper} of one's own:
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new BelongingJacksonModule()).build();
 * String json = mapper.writeValueAsString(instrument);
 * Instrument back = mapper.readValue(json, Instrument.class);
 * }</pre>
 *
 * <ul>
 *   <li>{@link Instrument}: the instrument file of CONTRACTS.md §1, as {@link InstrumentJson} writes it;</li>
 *   <li>{@link Scale}: {@code {"min": 1, "max": 5, "favorableFrom": 4}}, with {@code unfavorableTo} when it
 *       is not the default and {@code labels} when there are any;</li>
 *   <li>{@link Dimension}: {@code {"id": "seen", "name": "Being seen"}};</li>
 *   <li>{@link Question}: {@code {"id": …, "text": …, "dimension": …}} with {@code reverse} when true and
 *       {@code scale} when it has its own, or {@code {"id": …, "text": …, "type": "comment"}};</li>
 *   <li>{@link Wave}: {@code {"label": "2026-Q1", "date": "2026-01-12"}}, the date optional;</li>
 *   <li>{@link RespondentId}: a JSON string.</li>
 * </ul>
 *
 * <p>Reading validates like {@link InstrumentJson}: an invalid value throws
 * {@link dev.belonging.core.model.InvalidInstrumentException} with every problem and its path (Jackson
 * may wrap it when the value is nested in another object; it is then the cause). Top-level keys of an
 * instrument that start with {@code x-} are skipped. Whether other unknown keys are an error is the
 * mapper's setting ({@code DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES}, off by default in Jackson
 * 3); {@link InstrumentJson} turns it on. So are the reading limits: through this module a document is
 * bounded only by the mapper's own {@code StreamReadConstraints}; {@link InstrumentLimits} apply to
 * {@link InstrumentJson}. Give a mapper that reads untrusted JSON constraints of its own.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BelongingJacksonModule extends JacksonModule {

  /** Creates the module. */
  public BelongingJacksonModule() {}

  /**
   * Returns the module's name.
   *
   * @return {@code "belonging"}
   */
  @Override
  public String getModuleName() {
    return "belonging";
  }

  /**
   * Returns the module's version.
   *
   * @return an unknown version: the module is versioned with the library
   */
  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  /**
   * Registers the serializers, deserializers, the mix-in of {@link RespondentId} and the handler that
   * skips {@code x-} keys.
   *
   * @param context the mapper's setup context
   */
  @Override
  public void setupModule(SetupContext context) {
    SimpleSerializers serializers = new SimpleSerializers();
    SimpleDeserializers deserializers = new SimpleDeserializers();
    add(serializers, deserializers, Instrument.class, InstrumentDefinition.class,
        InstrumentDefinition::of, InstrumentDefinition::toModel, "invalid instrument");
    add(serializers, deserializers, Scale.class, ScaleDefinition.class,
        ScaleDefinition::of, ScaleDefinition::toModel, "invalid scale");
    add(serializers, deserializers, Dimension.class, DimensionDefinition.class,
        DimensionDefinition::of, DimensionDefinition::toModel, "invalid dimension");
    add(serializers, deserializers, Question.class, QuestionDefinition.class,
        QuestionDefinition::of, QuestionDefinition::toModel, "invalid question");
    add(serializers, deserializers, Wave.class, WaveDefinition.class,
        WaveDefinition::of, WaveDefinition::toModel, "invalid wave");
    context.addSerializers(serializers);
    context.addDeserializers(deserializers);
    context.setMixIn(RespondentId.class, RespondentIdMixIn.class);
    context.addHandler(new ExtensionKeys());
  }

  private static <T, D> void add(SimpleSerializers serializers, SimpleDeserializers deserializers,
      Class<T> type, Class<D> definitionType, Function<T, D> toDefinition, Function<D, T> toModel,
      String summary) {
    serializers.addSerializer(type, new DefinitionSerializer<>(type, toDefinition));
    deserializers.addDeserializer(type,
        new DefinitionDeserializer<>(type, definitionType, toModel, summary));
  }

  /** Writes a model value as its definition. */
  private static final class DefinitionSerializer<T, D> extends StdSerializer<T> {

    private final Function<T, D> toDefinition;

    DefinitionSerializer(Class<T> type, Function<T, D> toDefinition) {
      super(type);
      this.toDefinition = toDefinition;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
      ctxt.writeValue(gen, toDefinition.apply(value));
    }
  }

  /** Reads a definition, validates it and returns the model value. */
  private static final class DefinitionDeserializer<T, D> extends StdDeserializer<T> {

    private final Class<D> definitionType;
    private final Function<D, T> toModel;
    private final String summary;

    DefinitionDeserializer(Class<T> type, Class<D> definitionType, Function<D, T> toModel,
        String summary) {
      super(type);
      this.definitionType = definitionType;
      this.toModel = toModel;
      this.summary = summary;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
      D definition = ctxt.readValue(p, definitionType);
      return Definitions.toModel(definition, toModel, summary);
    }
  }
}

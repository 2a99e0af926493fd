package dev.belonging.core.internal.json;

import dev.belonging.core.io.BelongingJacksonModule;
import dev.belonging.core.io.InstrumentLimits;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The strict Jackson mappers that read and write instrument files, one per set of limits: unknown fields,
 * repeated keys, values of the wrong JSON type and content after the object are errors; output is
 * pretty-printed with two-space indentation and {@code \n} line ends.
 *
 * <p>The mapper of the default limits is built once, on first use or ahead of it on a daemon thread started
 * by {@link #prepareInBackground()}; mappers of other limits are cached, a few at a time. This class is
 * thread-safe (mappers are immutable).
 */
public final class InstrumentMappers {

  /** The most characters of a JSON number (Jackson's default). */
  private static final int MAX_NUMBER_CHARS = 1000;

  /** Mappers for limits other than the defaults; few distinct limits are expected, so it stays small. */
  private static final int MAX_CACHED_MAPPERS = 8;
  private static final Map<List<Integer>, JsonMapper> MAPPERS = new ConcurrentHashMap<>();

  /**
   * A small instrument with every field: reading it once builds the deserializers of every definition type,
   * the costly part of the first read after building the mapper.
   */
  private static final String SAMPLE = "{\"id\": \"sample\", \"version\": \"1\", \"name\": \"sample\", "
      + "\"x-sample\": 1, \"scale\": {\"min\": 1, \"max\": 5, \"favorableFrom\": 4, \"unfavorableTo\": 2, "
      + "\"labels\": {\"agree\": 4}}, \"dimensions\": [{\"id\": \"d\", \"name\": \"d\"}], \"questions\": ["
      + "{\"id\": \"q\", \"text\": \"q\", \"dimension\": \"d\", \"reverse\": true, \"type\": \"rating\", "
      + "\"scale\": {\"min\": 1, \"max\": 5, \"favorableFrom\": 4}}, "
      + "{\"id\": \"c\", \"text\": \"c\", \"type\": \"comment\"}]}";

  /** The mapper of the default limits, with the deserializers of the definitions already built. */
  private static final Prepared<JsonMapper> DEFAULTS = new Prepared<>("belonging-json-start", () -> {
    JsonMapper mapper = newMapper(InstrumentLimits.defaults());
    mapper.readValue(SAMPLE, InstrumentDefinition.class);
    return mapper;
  });

  private InstrumentMappers() {}

  /**
   * Starts building the mapper of the default limits on a daemon thread and returns at once; does nothing
   * once it is built or being built.
   */
  public static void prepareInBackground() {
    DEFAULTS.startInBackground();
  }

  /**
   * Returns the mapper of the default limits, waiting for it if another thread is building it.
   *
   * @return the mapper
   */
  public static JsonMapper defaults() {
    return DEFAULTS.get();
  }

  /**
   * Returns a mapper whose parser enforces the limits' nesting depth, string length and size.
   *
   * @param limits the limits
   * @return the mapper
   */
  public static JsonMapper of(InstrumentLimits limits) {
    List<Integer> key = List.of(limits.maxChars(), limits.maxNestingDepth(), limits.maxStringChars());
    InstrumentLimits defaults = InstrumentLimits.defaults();
    if (key.equals(List.of(defaults.maxChars(), defaults.maxNestingDepth(), defaults.maxStringChars()))) {
      return defaults();
    }
    JsonMapper cached = MAPPERS.get(key);
    if (cached != null) {
      return cached;
    }
    if (MAPPERS.size() >= MAX_CACHED_MAPPERS) {
      MAPPERS.clear();
    }
    return MAPPERS.computeIfAbsent(key, k -> newMapper(limits));
  }

  private static JsonMapper newMapper(InstrumentLimits limits) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxNestingDepth())
        .maxStringLength(limits.maxStringChars())
        .maxNameLength(limits.maxStringChars())
        // a number is text too: one longer than a string may be would otherwise fail later, unlocated
        .maxNumberLength(Math.min(limits.maxStringChars(), MAX_NUMBER_CHARS))
        .maxDocumentLength(limits.maxChars())
        .build();
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectNameValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
        .addModule(new BelongingJacksonModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Textual, c -> c
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .defaultPrettyPrinter(printer)
        .build();
  }
}

package dev.belonging.core.internal.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Lets top-level keys of an instrument file that start with {@code x-} through, skipping their values:
 * they are the place for a tool's own data. Every other unknown key stays an error.
 */
public final class ExtensionKeys extends DeserializationProblemHandler {

  /** The prefix of extension keys. */
  public static final String PREFIX = "x-";

  /** Creates the handler. */
  public ExtensionKeys() {}

  @Override
  public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
      ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
    boolean topLevel = beanOrClass instanceof InstrumentDefinition
        || beanOrClass == InstrumentDefinition.class;
    if (topLevel && propertyName.startsWith(PREFIX)) {
      p.skipChildren();
      return true;
    }
    return false;
  }
}

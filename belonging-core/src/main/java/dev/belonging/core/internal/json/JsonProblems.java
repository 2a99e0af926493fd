package dev.belonging.core.internal.json;

import dev.belonging.core.model.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a Jackson exception met while reading an instrument file into a {@link Problem} with the line,
 * column and JSON path of the offending token and a message for the person fixing the file.
 *
 * <p>Jackson builds records from buffered properties, so an unknown property inside one comes back
 * without a location. It is found again by scanning the text with the streaming parser until the
 * parser's path equals the exception's path.
 */
public final class JsonProblems {

  private JsonProblems() {}

  /**
   * Returns the problem an exception stands for.
   *
   * @param e the exception
   * @param text the text that was read
   * @param mapper the mapper that read it, to scan the text again
   * @return the problem, with line and column when they can be found
   */
  public static Problem of(JacksonException e, String text, ObjectMapper mapper) {
    List<JacksonException.Reference> refs = e.getPath();
    String path;
    JsonPointer pointer;
    if (refs.isEmpty() && e instanceof StreamReadException && e.processor() instanceof JsonParser p) {
      // a syntax error: the parser knows where it was
      pointer = p.streamReadContext().pathAsPointer();
      path = path(p.streamReadContext());
    } else {
      pointer = pointer(refs);
      path = path(refs);
    }
    TokenStreamLocation location = e.getLocation();
    long line = location == null ? -1 : location.getLineNr();
    long column = location == null ? -1 : location.getColumnNr();
    if (line <= 0 && e instanceof StreamConstraintsException) {
      // some limits are reported without a location: read again, token by token, to where it stops
      try (JsonParser p = mapper.createParser(text)) {
        try {
          for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            if (t == JsonToken.VALUE_STRING) {
              p.getString(); // strings are decoded, and their length checked, only when read
            }
          }
        } catch (JacksonException again) {
          TokenStreamLocation at = p.currentLocation();
          return Problem.ofPosition(Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0),
              path(p.streamReadContext()), message(e));
        }
      }
    }
    if (line <= 0 && !refs.isEmpty()) {
      TokenStreamLocation found = locate(text, pointer, mapper);
      if (found != null) {
        line = found.getLineNr();
        column = found.getColumnNr();
      }
    }
    return Problem.ofPosition(Math.max(line, 0), Math.max(column, 0), path, message(e));
  }

  /** Returns the message for the person fixing the file. */
  static String message(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      StringBuilder b = new StringBuilder("unknown field \"").append(u.getPropertyName()).append('"');
      List<String> known = known(u.getKnownPropertyIds());
      if (!known.isEmpty()) {
        b.append("; the fields here are ").append(String.join(", ", known));
      }
      if (u.getReferringClass() == InstrumentDefinition.class) {
        b.append(", and extension keys starting with \"").append(ExtensionKeys.PREFIX).append('"');
      }
      return b.toString();
    }
    String original = firstLine(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      // "String value length (N) exceeds the maximum allowed (M, from `StreamReadConstraints...`)"
      return "over a reading limit (InstrumentLimits): "
          + original.replaceAll(", from `[^`]*`", "").replaceAll("\\s*\\(?[Ss]ee `[^`]*`\\)?", "");
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
      return "expected " + describe(f.getTargetType()) + ", not " + quote(f.getValue());
    }
    if (e instanceof MismatchedInputException m) {
      if (original.startsWith("No content to map")) {
        return "the input is empty: expected a JSON object";
      }
      if (original.startsWith("Trailing token")) {
        return "unexpected content after the end of the JSON object";
      }
      if (m.getTargetType() != null && m.getCurrentToken() != null) {
        return "expected " + describe(m.getTargetType()) + ", not " + describe(m.getCurrentToken());
      }
      if (m.getTargetType() != null) {
        return "expected " + describe(m.getTargetType()) + " (" + original + ")";
      }
    }
    return original;
  }

  /** Returns the location of the token at a path, or null when the text has none there. */
  static TokenStreamLocation locate(String text, JsonPointer target, ObjectMapper mapper) {
    try (JsonParser p = mapper.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (p.streamReadContext().pathAsPointer().equals(target)) {
          return p.currentTokenLocation();
        }
      }
    } catch (JacksonException ignored) {
      // the text parsed once already; a failure here leaves the location unknown
    }
    return null;
  }

  /** Formats Jackson's path references as {@code questions[3].dimension}. */
  static String path(List<JacksonException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JacksonException.Reference r : refs) {
      if (r.getPropertyName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  /** Formats a parser's position as {@code questions[3].dimension}. */
  static String path(TokenStreamContext context) {
    List<TokenStreamContext> chain = new ArrayList<>();
    for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.add(0, c);
    }
    StringBuilder b = new StringBuilder();
    for (TokenStreamContext c : chain) {
      if (c.inArray()) {
        b.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
      } else if (c.currentName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(c.currentName());
      }
    }
    return b.toString();
  }

  private static JsonPointer pointer(List<JacksonException.Reference> refs) {
    JsonPointer p = JsonPointer.empty();
    for (JacksonException.Reference r : refs) {
      if (r.getPropertyName() != null) {
        p = p.appendProperty(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        p = p.appendIndex(r.getIndex());
      }
    }
    return p;
  }

  private static List<String> known(Collection<Object> ids) {
    List<String> names = new ArrayList<>();
    if (ids != null) {
      for (Object id : ids) {
        names.add(String.valueOf(id));
      }
    }
    names.sort((a, b) -> Definitions.comparePaths(a, b));
    return names;
  }

  private static final Map<Class<?>, String> TYPES = Map.of(
      Integer.class, "an integer", int.class, "an integer", String.class, "a string",
      Boolean.class, "true or false", boolean.class, "true or false", List.class, "an array",
      Map.class, "an object", java.time.LocalDate.class, "a date (yyyy-mm-dd)");

  private static String describe(Class<?> type) {
    String known = TYPES.get(type);
    if (known != null) {
      return known;
    }
    return type.isRecord() || Map.class.isAssignableFrom(type) ? "an object"
        : Collection.class.isAssignableFrom(type) ? "an array" : "a value of type " + type.getSimpleName();
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
        return "an integer";
      case VALUE_NUMBER_FLOAT:
        return "a decimal number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return token.asString() == null ? token.name() : token.asString();
    }
  }

  private static String quote(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

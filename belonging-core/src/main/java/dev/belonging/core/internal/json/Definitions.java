package dev.belonging.core.internal.json;

import dev.belonging.core.model.InvalidInstrumentException;
import dev.belonging.core.model.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Validates definitions and turns them into model objects, reporting every violation at once as an
 * {@link InvalidInstrumentException} whose problems carry JSON paths such as
 * {@code questions[3].dimension}.
 *
 * <p>Hibernate Validator runs with the {@link ParameterMessageInterpolator}: the messages use no
 * expression language, so none is needed at run time. The validator factory is built once, on first use
 * or on a daemon thread started by {@link #prepareInBackground()}, and kept for the life of the program;
 * this class is thread-safe.
 */
public final class Definitions {

  /** The fields of the definitions in the order they are written: problems are sorted by it. */
  private static final Map<String, Integer> FIELD_ORDER = fieldOrder(
      "id", "label", "version", "name", "text", "type", "dimension", "reverse", "scale", "min", "max",
      "favorableFrom", "unfavorableTo", "labels", "date", "dimensions", "questions");

  private Definitions() {}

  /**
   * The validator, built on first use or ahead of it by {@link #prepareInBackground()}. Building it also
   * validates a small sample of every definition type, so that Hibernate Validator has read their
   * constraints (the reflection-heavy part of the first validation) before a file is waiting for it.
   */
  private static final Prepared<Validator> VALIDATOR =
      new Prepared<>("belonging-validator-start", Definitions::newValidator);

  private static Validator newValidator() {
    // the library's own validator: an application's META-INF/validation.xml must not change how instrument
    // files are checked (and not looking for one saves some start-up)
    Validator validator = Validation.byProvider(HibernateValidator.class)
        .configure()
        .ignoreXmlConfiguration()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory()
        .getValidator();
    ScaleDefinition scale = new ScaleDefinition(1, 5, 4, 2, Map.of("agree", 4));
    validator.validate(new InstrumentDefinition("sample", "1", "sample", scale,
        List.of(new DimensionDefinition("d", "d")),
        List.of(new QuestionDefinition("q", "q", null, "d", Boolean.TRUE, scale),
            new QuestionDefinition("c", "c", QuestionDefinition.COMMENT, null, null, null))));
    validator.validate(new WaveDefinition("sample", null));
    return validator;
  }

  /**
   * Starts building the validator on a daemon thread and returns at once, so that its start-up cost (a few
   * hundred milliseconds in a fresh JVM, mostly Hibernate Validator's bootstrap) overlaps whatever the
   * caller does next; the first validation waits for it. Does nothing once the validator is built or being
   * built.
   */
  public static void prepareInBackground() {
    VALIDATOR.startInBackground();
  }

  /**
   * Returns every constraint violation of a definition as a problem at its path, sorted by path in the
   * order the fields are written.
   *
   * @param definition the definition
   * @return the problems, empty when the definition is valid
   */
  public static List<Problem> validate(Object definition) {
    Set<ConstraintViolation<Object>> violations = VALIDATOR.get().validate(definition);
    Set<Problem> problems = new LinkedHashSet<>();
    for (ConstraintViolation<Object> v : violations) {
      problems.add(Problem.ofPath(path(v.getPropertyPath()), v.getMessage()));
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparing(Problem::path, Definitions::comparePaths)
        .thenComparing(Problem::message));
    return sorted;
  }

  /**
   * Validates a definition and returns the model object it defines.
   *
   * @param <D> the definition type
   * @param <T> the model type
   * @param definition the definition
   * @param toModel turns a valid definition into the model object
   * @param summary what was read, for the exception message ({@code "invalid instrument file x.json"})
   * @return the model object
   * @throws InvalidInstrumentException with every problem, each at its path
   */
  public static <D, T> T toModel(D definition, Function<D, T> toModel, String summary) {
    List<Problem> problems = validate(definition);
    if (!problems.isEmpty()) {
      throw new InvalidInstrumentException(summary, problems);
    }
    try {
      return toModel.apply(definition);
    } catch (InvalidInstrumentException e) {
      throw new InvalidInstrumentException(summary, e.problems());
    } catch (IllegalArgumentException | NullPointerException e) {
      // the constraints mirror the model's rules; should one be missed, still report it, not crash
      throw new InvalidInstrumentException(summary,
          List.of(Problem.ofPath("", String.valueOf(e.getMessage()))));
    }
  }

  /**
   * Formats a validation path the way the library reports JSON paths: {@code questions[3].dimension},
   * {@code dimensions[0]}, {@code scale.max}.
   *
   * @param path the validation path
   * @return the JSON path, {@code ""} for the whole object
   */
  public static String path(Path path) {
    StringBuilder b = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        if (node.getIndex() != null) {
          b.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
          b.append("[\"").append(node.getKey()).append("\"]");
        }
      }
      if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(node.getName());
      }
    }
    return b.toString();
  }

  /** Compares paths field by field, fields in written order and indexes by number. */
  static int comparePaths(String a, String b) {
    List<Object> x = segments(a);
    List<Object> y = segments(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      Object s = x.get(i);
      Object t = y.get(i);
      int c;
      if (s instanceof Integer si && t instanceof Integer ti) {
        c = Integer.compare(si, ti);
      } else if (s instanceof String ss && t instanceof String ts) {
        c = Integer.compare(FIELD_ORDER.getOrDefault(ss, FIELD_ORDER.size()),
            FIELD_ORDER.getOrDefault(ts, FIELD_ORDER.size()));
        if (c == 0) {
          c = ss.compareTo(ts);
        }
      } else {
        c = s instanceof Integer ? -1 : 1;
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  private static List<Object> segments(String path) {
    List<Object> out = new ArrayList<>();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          end = path.length();
        }
        String inside = path.substring(i + 1, end);
        boolean index = !inside.isEmpty() && inside.length() < 10
            && inside.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        out.add(index ? (Object) Integer.parseInt(inside) : inside);
        i = end + 1;
      } else {
        int end = i;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        out.add(path.substring(i, end));
        i = end;
      }
    }
    return out;
  }

  private static Map<String, Integer> fieldOrder(String... names) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], i);
    }
    return Map.copyOf(m);
  }
}

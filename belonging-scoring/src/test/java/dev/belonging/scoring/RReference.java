package dev.belonging.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference values computed in R by {@code shared/data/make_reference.R}, parsed from a
 * {@code *_reference.txt} file. Numbers carry 17 significant digits, so tests compare them to 1e-9 relative.
 *
 * <p>Line kinds (tokens separated by one space):
 *
 * <ul>
 *   <li>{@code alpha DIM raw_alpha}: {@code psych::alpha(coded, check.keys = FALSE)$total$raw_alpha},
 *       pairwise covariances, written only for dimensions with at least two items;
 *   <li>{@code mean all DIM mean sd n favorable}: respondent scores under {@code AT_LEAST_HALF} over the
 *       whole population, and the share of favorable answers among all answers;
 *   <li>{@code seg DIM ATTR VALUE n mean sd favorable difference p hedges_g ciLow ciHigh}: a segment
 *       {@code ATTR = VALUE} against every other respondent with a score ({@code t.test(x, y, var.equal =
 *       FALSE)}), Hedges' g with the pooled SD;
 *   <li>{@code seg DIM ATTR VALUE n small}: a segment with fewer than 5 scores, no statistics;
 *   <li>{@code q DIM ATTR VALUE bh_q}: {@code p.adjust(p, method = "BH")} over every {@code seg} p-value
 *       of the file.
 * </ul>
 *
 * <p>Instances are immutable.
 */
public final class RReference {

  /**
   * A {@code mean all} line.
   *
   * @param dimension the dimension id
   * @param mean the mean of respondent scores
   * @param sd their sample standard deviation
   * @param n the number of respondents with a score
   * @param favorable favorable answers / all answers to the dimension's items
   */
  public record All(String dimension, double mean, double sd, int n, double favorable) {}

  /**
   * A {@code seg} line with statistics.
   *
   * @param dimension the dimension id
   * @param attribute the attribute
   * @param value the attribute's value that defines the segment
   * @param n the number of scores in the segment
   * @param mean the segment's mean score
   * @param sd the segment's SD
   * @param favorable the segment's favorable share of answers
   * @param difference mean of the segment minus mean of the rest
   * @param p Welch's two-sided p-value
   * @param g Hedges' g
   * @param ciLow lower end of the 95 % Welch confidence interval of the difference
   * @param ciHigh upper end
   */
  public record Segment(String dimension, String attribute, String value, int n, double mean, double sd,
      double favorable, double difference, double p, double g, double ciLow, double ciHigh) {}

  /**
   * A {@code seg … small} line: a segment with fewer than 5 scores.
   *
   * @param dimension the dimension id
   * @param attribute the attribute
   * @param value the attribute's value
   * @param n the number of scores
   */
  public record SmallSegment(String dimension, String attribute, String value, int n) {}

  /**
   * A {@code q} line.
   *
   * @param dimension the dimension id
   * @param attribute the attribute
   * @param value the attribute's value
   * @param q the Benjamini–Hochberg q-value
   */
  public record QValue(String dimension, String attribute, String value, double q) {}

  private static final Map<String, RReference> CACHE = new ConcurrentHashMap<>();

  private final String source;
  private final Map<String, Double> alphas;
  private final Map<String, All> all;
  private final List<Segment> segments;
  private final List<SmallSegment> smallSegments;
  private final List<QValue> qValues;

  private RReference(String source, Map<String, Double> alphas, Map<String, All> all,
      List<Segment> segments, List<SmallSegment> smallSegments, List<QValue> qValues) {
    this.source = source;
    this.alphas = Collections.unmodifiableMap(alphas);
    this.all = Collections.unmodifiableMap(all);
    this.segments = List.copyOf(segments);
    this.smallSegments = List.copyOf(smallSegments);
    this.qValues = List.copyOf(qValues);
  }

  /**
   * Returns the parsed reference file of the shared data directory, loaded once.
   *
   * @param fileName e.g. {@code lq2002_reference.txt}
   * @return the reference values
   */
  public static RReference load(String fileName) {
    return CACHE.computeIfAbsent(fileName, name -> {
      Path file = RealData.dataFile(name);
      try {
        return parse(name, Files.readAllLines(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    });
  }

  /**
   * Parses the lines of a reference file.
   *
   * @param source the file's name, for messages
   * @param lines the lines; blank lines are skipped
   * @return the reference values
   * @throws IllegalArgumentException naming the line of an unknown kind, a wrong number of tokens, a number
   *     that does not parse, or a repeated key
   */
  public static RReference parse(String source, List<String> lines) {
    Map<String, Double> alphas = new LinkedHashMap<>();
    Map<String, All> all = new LinkedHashMap<>();
    List<Segment> segments = new ArrayList<>();
    List<SmallSegment> small = new ArrayList<>();
    List<QValue> qs = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      Line l = new Line(source, i + 1, line);
      switch (l.tokens[0]) {
        case "alpha" -> {
          l.expect(3);
          if (alphas.put(l.tokens[1], l.number(2)) != null) {
            throw l.error("a second alpha for dimension " + l.tokens[1]);
          }
        }
        case "mean" -> {
          l.expect(7);
          if (!l.tokens[1].equals("all")) {
            throw l.error("expected \"mean all\"");
          }
          if (all.put(l.tokens[2], new All(l.tokens[2], l.number(3), l.number(4), l.integer(5),
              l.number(6))) != null) {
            throw l.error("a second \"mean all\" for dimension " + l.tokens[2]);
          }
        }
        case "seg" -> {
          if (l.tokens.length == 6 && l.tokens[5].equals("small")) {
            small.add(new SmallSegment(l.tokens[1], l.tokens[2], l.tokens[3], l.integer(4)));
          } else {
            l.expect(13);
            segments.add(new Segment(l.tokens[1], l.tokens[2], l.tokens[3], l.integer(4), l.number(5),
                l.number(6), l.number(7), l.number(8), l.number(9), l.number(10), l.number(11),
                l.number(12)));
          }
        }
        case "q" -> {
          l.expect(5);
          qs.add(new QValue(l.tokens[1], l.tokens[2], l.tokens[3], l.number(4)));
        }
        default -> throw l.error("unknown line kind \"" + l.tokens[0] + "\"");
      }
    }
    return new RReference(source, alphas, all, segments, small, qs);
  }

  /**
   * Returns the dimensions, in the order of their {@code mean all} lines (the instrument's order).
   *
   * @return the dimension ids
   */
  public List<String> dimensions() {
    return List.copyOf(all.keySet());
  }

  /**
   * Returns every alpha line, dimension → raw alpha, in file order.
   *
   * @return the alphas
   */
  public Map<String, Double> alphas() {
    return alphas;
  }

  /**
   * Returns a dimension's raw alpha.
   *
   * @param dimension the dimension id
   * @return psych's raw alpha
   * @throws IllegalArgumentException if the file has no alpha for the dimension (one item)
   */
  public double alpha(String dimension) {
    Double a = alphas.get(dimension);
    if (a == null) {
      throw new IllegalArgumentException(source + " has no alpha for dimension " + dimension);
    }
    return a;
  }

  /**
   * Returns every {@code mean all} line, in file order.
   *
   * @return the population statistics
   */
  public List<All> all() {
    return List.copyOf(all.values());
  }

  /**
   * Returns a dimension's population statistics.
   *
   * @param dimension the dimension id
   * @return the {@code mean all} line
   * @throws IllegalArgumentException if there is none
   */
  public All all(String dimension) {
    All a = all.get(dimension);
    if (a == null) {
      throw new IllegalArgumentException(source + " has no \"mean all\" line for dimension " + dimension);
    }
    return a;
  }

  /**
   * Returns every segment line with statistics, in file order.
   *
   * @return the segments
   */
  public List<Segment> segments() {
    return segments;
  }

  /**
   * Returns a dimension's segment lines with statistics, in file order.
   *
   * @param dimension the dimension id
   * @return the segments, possibly empty
   */
  public List<Segment> segments(String dimension) {
    return segments.stream().filter(s -> s.dimension().equals(dimension)).toList();
  }

  /**
   * Returns one segment with statistics.
   *
   * @param dimension the dimension id
   * @param attribute the attribute
   * @param value the value
   * @return the segment, empty when there is no such line with statistics (absent or small)
   */
  public Optional<Segment> segment(String dimension, String attribute, String value) {
    return segments.stream().filter(s -> s.dimension().equals(dimension)
        && s.attribute().equals(attribute) && s.value().equals(value)).findFirst();
  }

  /**
   * Returns every small segment line, in file order.
   *
   * @return the small segments
   */
  public List<SmallSegment> smallSegments() {
    return smallSegments;
  }

  /**
   * Returns a dimension's small segment lines, in file order.
   *
   * @param dimension the dimension id
   * @return the small segments, possibly empty
   */
  public List<SmallSegment> smallSegments(String dimension) {
    return smallSegments.stream().filter(s -> s.dimension().equals(dimension)).toList();
  }

  /**
   * Returns every q line, in file order.
   *
   * @return the q-values
   */
  public List<QValue> qValues() {
    return qValues;
  }

  /**
   * Returns one segment's q-value.
   *
   * @param dimension the dimension id
   * @param attribute the attribute
   * @param value the value
   * @return the Benjamini–Hochberg q-value
   * @throws IllegalArgumentException if there is no such q line
   */
  public double q(String dimension, String attribute, String value) {
    return qValues.stream().filter(q -> q.dimension().equals(dimension)
            && q.attribute().equals(attribute) && q.value().equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(source + " has no q line for " + dimension + " "
            + attribute + " " + value))
        .q();
  }

  @Override
  public String toString() {
    return "RReference[" + source + ", " + alphas.size() + " alphas, " + all.size() + " dimensions, "
        + segments.size() + " segments, " + smallSegments.size() + " small, " + qValues.size() + " q]";
  }

  /** One line split into tokens, with helpers that name the line in errors. */
  private static final class Line {
    private final String source;
    private final int number;
    private final String text;
    private final String[] tokens;

    Line(String source, int number, String text) {
      this.source = Objects.requireNonNull(source, "source");
      this.number = number;
      this.text = text;
      this.tokens = text.strip().split(" +");
    }

    void expect(int count) {
      if (tokens.length != count) {
        throw error(count + " tokens expected, " + tokens.length + " found");
      }
    }

    double number(int i) {
      String t = tokens[i];
      switch (t) {
        case "NA", "NaN" -> {
          return Double.NaN;
        }
        case "Inf" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-Inf" -> {
          return Double.NEGATIVE_INFINITY;
        }
        default -> {
          try {
            return Double.parseDouble(t);
          } catch (NumberFormatException e) {
            throw error("token " + (i + 1) + " is not a number: " + t);
          }
        }
      }
    }

    int integer(int i) {
      try {
        return Integer.parseInt(tokens[i]);
      } catch (NumberFormatException e) {
        throw error("token " + (i + 1) + " is not an integer: " + tokens[i]);
      }
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException(source + " line " + number + ": " + message + ": " + text);
    }
  }
}

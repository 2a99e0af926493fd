package dev.belonging.benchmarks;

import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.Breakdown;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The large synthetic survey that the benchmarks and the side-by-side comparison run on: respondents with
 * six attributes (team 200 values, tenure 5, role 12, location 3, gender 4, age band 6) answering 30 items
 * on a 1–5 scale (5 dimensions of 6 items, favorable from 4), with 3 % of the answers missing at random.
 *
 * <p>The same size and seed always give the same respondents, whether written as CSV ({@link #writeCsv})
 * or built directly as a {@link ResponseSet} ({@link #responses}): importing the file gives a set equal to
 * the built one. Team sizes are uneven (weights 1 / rank^1.1: the largest team about 21 % of everyone, the
 * smallest about 0.06 %), attributes have skewed shares, and each dimension's answers shift with team,
 * tenure and location, so that segments differ and their sizes range widely.
 *
 * <p>The methods are static and thread-safe.
 */
public final class LargeSurvey {

  /** The seed of the published measurements. */
  public static final long DEFAULT_SEED = 20_260_101L;

  /** The respondents of the published side-by-side measurement. */
  public static final int DEFAULT_RESPONDENTS = 1_000_000;

  /** The share of answers left missing. */
  public static final double MISSING_SHARE = 0.03;

  /** The attribute columns, in file order. */
  public static final List<String> ATTRIBUTES =
      List.of("team", "tenure", "role", "location", "gender", "age");

  /** The dimensions, in instrument order; each has {@value #ITEMS_PER_DIMENSION} items. */
  public static final List<String> DIMENSIONS =
      List.of("belonging", "voice", "fairness", "growth", "wellbeing");

  /** How many items each dimension has. */
  public static final int ITEMS_PER_DIMENSION = 6;

  /** The lowest answer. */
  public static final int SCALE_MIN = 1;

  /** The highest answer. */
  public static final int SCALE_MAX = 5;

  /** The lowest favorable answer. */
  public static final int FAVORABLE_FROM = 4;

  /** The eleven breakdowns of the side-by-side report, in the command line's {@code --by} form. */
  public static final String BY = "team,tenure,role,location,gender,age,team*tenure,team*location,"
      + "role*tenure,location*gender,tenure*location";

  private static final String[] TENURE = {"<1y", "1-2y", "2-5y", "5-10y", "10y+"};
  private static final double[] TENURE_SHARE = {0.15, 0.20, 0.30, 0.20, 0.15};
  private static final String[] ROLE = {"engineering", "sales", "support", "operations", "finance",
      "marketing", "people", "legal", "product", "design", "research", "management"};
  private static final double[] ROLE_SHARE = {0.22, 0.14, 0.13, 0.12, 0.06, 0.06, 0.04, 0.02, 0.07,
      0.05, 0.04, 0.05};
  private static final String[] LOCATION = {"office", "remote", "frontline"};
  private static final double[] LOCATION_SHARE = {0.5, 0.3, 0.2};
  private static final String[] GENDER = {"woman", "man", "nonbinary", "undisclosed"};
  private static final double[] GENDER_SHARE = {0.47, 0.47, 0.02, 0.04};
  private static final String[] AGE = {"18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
  private static final double[] AGE_SHARE = {0.10, 0.30, 0.27, 0.20, 0.11, 0.02};
  private static final int TEAMS = 200;

  private static final String[][] VALUES = {teams(), TENURE, ROLE, LOCATION, GENDER, AGE};
  private static final double[][] CUMULATIVE = {cumulative(teamShares()), cumulative(TENURE_SHARE),
      cumulative(ROLE_SHARE), cumulative(LOCATION_SHARE), cumulative(GENDER_SHARE), cumulative(AGE_SHARE)};

  private LargeSurvey() {}

  /**
   * Returns the eleven breakdowns of {@link #BY}.
   *
   * @return the breakdowns, in order
   */
  public static List<Breakdown> breakdowns() {
    List<Breakdown> result = new ArrayList<>();
    for (String b : BY.split(",")) {
      result.add(Breakdown.parse(b));
    }
    return List.copyOf(result);
  }

  /**
   * Returns the first breakdowns of {@link #BY}.
   *
   * @param count how many, 0 to 11
   * @return the breakdowns, in order
   */
  public static List<Breakdown> breakdowns(int count) {
    return breakdowns().subList(0, count);
  }

  /**
   * Returns the item ids of a dimension: {@code belonging-1} … {@code belonging-6}.
   *
   * @param dimension the dimension id
   * @return the item ids, in order
   */
  public static List<String> items(String dimension) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= ITEMS_PER_DIMENSION; i++) {
      ids.add(dimension + "-" + i);
    }
    return ids;
  }

  /**
   * Returns the instrument, as the JSON file the command line reads.
   *
   * @return the JSON text
   */
  public static String instrumentJson() {
    StringBuilder b = new StringBuilder();
    b.append("{\n  \"id\": \"large\",\n  \"version\": \"1\",\n  \"name\": \"Benchmark survey\",\n")
        .append("  \"scale\": { \"min\": ").append(SCALE_MIN).append(", \"max\": ").append(SCALE_MAX)
        .append(", \"favorableFrom\": ").append(FAVORABLE_FROM).append(" },\n  \"dimensions\": [\n");
    for (int d = 0; d < DIMENSIONS.size(); d++) {
      String id = DIMENSIONS.get(d);
      b.append("    { \"id\": \"").append(id).append("\", \"name\": \"").append(id).append("\" }")
          .append(d + 1 < DIMENSIONS.size() ? ",\n" : "\n");
    }
    b.append("  ],\n  \"questions\": [\n");
    for (int d = 0; d < DIMENSIONS.size(); d++) {
      List<String> items = items(DIMENSIONS.get(d));
      for (int i = 0; i < items.size(); i++) {
        boolean last = d + 1 == DIMENSIONS.size() && i + 1 == items.size();
        b.append("    { \"id\": \"").append(items.get(i)).append("\", \"text\": \"Item ").append(i + 1)
            .append(" of ").append(DIMENSIONS.get(d)).append("\", \"dimension\": \"")
            .append(DIMENSIONS.get(d)).append("\" }").append(last ? "\n" : ",\n");
      }
    }
    return b.append("  ]\n}\n").toString();
  }

  /**
   * Returns the instrument.
   *
   * @return the instrument
   */
  public static Instrument instrument() {
    return InstrumentJson.parse(instrumentJson());
  }

  /**
   * Returns the responses as a response set, equal to importing the file {@link #writeCsv} writes.
   *
   * @param respondents how many
   * @param seed the random seed
   * @return the response set
   */
  public static ResponseSet responses(int respondents, long seed) {
    Instrument instrument = instrument();
    ResponseSet.Builder builder = ResponseSet.builder(instrument).attributes(ATTRIBUTES);
    char[][][] chars = new char[VALUES.length][][];
    for (int a = 0; a < VALUES.length; a++) {
      chars[a] = new char[VALUES[a].length][];
      for (int v = 0; v < VALUES[a].length; v++) {
        chars[a][v] = VALUES[a][v].toCharArray();
      }
    }
    char[] id = new char[16];
    List<dev.belonging.core.model.Problem> none = new ArrayList<>();
    generate(respondents, seed, (row, attributes, answers) -> {
      builder.beginRow();
      int len = id(row, id);
      builder.id(id, 0, len);
      for (int a = 0; a < attributes.length; a++) {
        char[] value = chars[a][attributes[a]];
        builder.attribute(a, value, 0, value.length);
      }
      for (int q = 0; q < answers.length; q++) {
        if (answers[q] != 0) {
          builder.answer(q, answers[q]);
        }
      }
      if (!builder.endRow(0, none)) {
        throw new IllegalStateException("generated an invalid row: " + none);
      }
    });
    return builder.build();
  }

  /**
   * Writes the responses as a CSV file: {@code respondent}, the attributes, then the items in instrument
   * order; LF line ends; a missing answer is an empty cell.
   *
   * @param file the file to write (replaced)
   * @param respondents how many
   * @param seed the random seed
   * @throws IOException if writing fails
   */
  public static void writeCsv(Path file, int respondents, long seed) throws IOException {
    Objects.requireNonNull(file, "file");
    byte[][][] bytes = new byte[VALUES.length][][];
    for (int a = 0; a < VALUES.length; a++) {
      bytes[a] = new byte[VALUES[a].length][];
      for (int v = 0; v < VALUES[a].length; v++) {
        bytes[a][v] = VALUES[a][v].getBytes(StandardCharsets.UTF_8);
      }
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      StringBuilder header = new StringBuilder("respondent");
      for (String a : ATTRIBUTES) {
        header.append(',').append(a);
      }
      for (String d : DIMENSIONS) {
        for (String item : items(d)) {
          header.append(',').append(item);
        }
      }
      out.write(header.append('\n').toString().getBytes(StandardCharsets.UTF_8));
      byte[] buf = new byte[1 << 20];
      char[] id = new char[16];
      int[] pos = {0};
      IOException[] failure = {null};
      generate(respondents, seed, (row, attributes, answers) -> {
        byte[] b = buf;
        int p = pos[0];
        if (p > b.length - 512) {
          try {
            out.write(b, 0, p);
          } catch (IOException e) {
            if (failure[0] == null) {
              failure[0] = e;
            }
          }
          p = 0;
        }
        int len = id(row, id);
        for (int i = 0; i < len; i++) {
          b[p++] = (byte) id[i];
        }
        for (int a = 0; a < attributes.length; a++) {
          b[p++] = ',';
          byte[] value = bytes[a][attributes[a]];
          System.arraycopy(value, 0, b, p, value.length);
          p += value.length;
        }
        for (int answer : answers) {
          b[p++] = ',';
          if (answer != 0) {
            b[p++] = (byte) ('0' + answer);
          }
        }
        b[p++] = '\n';
        pos[0] = p;
      });
      if (failure[0] != null) {
        throw failure[0];
      }
      out.write(buf, 0, pos[0]);
    }
  }

  /**
   * Returns a CSV file of the responses in a directory, writing it only if it is not there yet; its name
   * says its size and seed.
   *
   * @param dir the directory, created if needed
   * @param respondents how many
   * @param seed the random seed
   * @return the file
   * @throws IOException if writing fails
   */
  public static Path cachedCsv(Path dir, int respondents, long seed) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("large-" + respondents + "-" + seed + ".csv");
    if (!Files.isRegularFile(file)) {
      Path tmp = Files.createTempFile(dir, ".large-", ".csv");
      try {
        writeCsv(tmp, respondents, seed);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return file;
  }

  /**
   * Returns the instrument file in a directory, writing it if it is not there yet.
   *
   * @param dir the directory, created if needed
   * @return the file
   * @throws IOException if writing fails
   */
  public static Path cachedInstrument(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("large.instrument.json");
    String json = instrumentJson();
    if (!Files.isRegularFile(file) || !Files.readString(file).equals(json)) {
      Files.writeString(file, json);
    }
    return file;
  }

  /** Receives one generated respondent; the arrays are reused for the next. */
  interface RowSink {
    /**
     * Receives a respondent.
     *
     * @param row the 0-based row
     * @param attributes the value index of each attribute, in {@link #ATTRIBUTES} order
     * @param answers the answer to each item in instrument order, 0 when missing
     */
    void row(int row, int[] attributes, int[] answers);
  }

  /** Generates the respondents in order, the same ones for the same seed. */
  static void generate(int respondents, long seed, RowSink sink) {
    if (respondents < 0) {
      throw new IllegalArgumentException("respondents must not be negative: " + respondents);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int nd = DIMENSIONS.size();
    // how each team, tenure band and location shifts each dimension
    double[][] teamEffect = effects(random, TEAMS, nd, 0.35);
    double[][] tenureEffect = effects(random, TENURE.length, nd, 0.15);
    double[][] locationEffect = effects(random, LOCATION.length, nd, 0.2);
    double[] itemShift = new double[nd * ITEMS_PER_DIMENSION];
    for (int q = 0; q < itemShift.length; q++) {
      itemShift[q] = random.nextDouble(-0.3, 0.3);
    }
    int[] attributes = new int[ATTRIBUTES.size()];
    int[] answers = new int[nd * ITEMS_PER_DIMENSION];
    for (int row = 0; row < respondents; row++) {
      for (int a = 0; a < attributes.length; a++) {
        attributes[a] = pick(CUMULATIVE[a], random.nextDouble());
      }
      double person = random.nextGaussian() * 0.35;
      for (int d = 0; d < nd; d++) {
        double level = 3.5 + person + teamEffect[attributes[0]][d] + tenureEffect[attributes[1]][d]
            + locationEffect[attributes[3]][d] + random.nextGaussian() * 0.45;
        for (int i = 0; i < ITEMS_PER_DIMENSION; i++) {
          int q = d * ITEMS_PER_DIMENSION + i;
          if (random.nextDouble() < MISSING_SHARE) {
            answers[q] = 0;
          } else {
            long answer = Math.round(level + itemShift[q] + random.nextGaussian() * 0.75);
            answers[q] = (int) Math.max(SCALE_MIN, Math.min(SCALE_MAX, answer));
          }
        }
      }
      sink.row(row, attributes, answers);
    }
  }

  /** Writes {@code r0000001}-style ids (at least seven digits) and returns the length. */
  static int id(int row, char[] out) {
    int n = row + 1;
    int digits = Math.max(7, Integer.toString(n).length());
    out[0] = 'r';
    for (int i = digits; i >= 1; i--) {
      out[i] = (char) ('0' + n % 10);
      n /= 10;
    }
    return digits + 1;
  }

  private static double[][] effects(SplittableRandom random, int values, int dimensions, double sd) {
    double[][] e = new double[values][dimensions];
    for (double[] row : e) {
      for (int d = 0; d < dimensions; d++) {
        row[d] = random.nextGaussian() * sd;
      }
    }
    return e;
  }

  private static int pick(double[] cumulative, double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (u < cumulative[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static String[] teams() {
    String[] t = new String[TEAMS];
    for (int i = 0; i < TEAMS; i++) {
      t[i] = String.format("T%03d", i + 1);
    }
    return t;
  }

  private static double[] teamShares() {
    double[] w = new double[TEAMS];
    for (int i = 0; i < TEAMS; i++) {
      w[i] = 1.0 / Math.pow(i + 1, 1.1);
    }
    return w;
  }

  private static double[] cumulative(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum / total;
    }
    c[c.length - 1] = 1.0;
    return c;
  }
}

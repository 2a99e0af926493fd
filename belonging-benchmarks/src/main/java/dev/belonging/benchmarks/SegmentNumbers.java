package dev.belonging.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The numbers both sides of the comparison compute for one segment and dimension.
 *
 * @param segment the segment's attribute values as {@code name=value} joined by {@code ;}, sorted by name;
 *     {@code ""} for the population
 * @param dimension the dimension id
 * @param members the segment's respondents
 * @param scored the members with a score on the dimension
 * @param mean the mean score, NaN without scores
 * @param sd the sample standard deviation of the scores, NaN below two scores
 * @param favorable favorable answers / answered items over the members' answers to the dimension
 */
public record SegmentNumbers(String segment, String dimension, long members, long scored, double mean,
    double sd, double favorable) {

  /**
   * Checks the identifying fields.
   *
   * @param segment the segment key
   * @param dimension the dimension id
   * @param members the segment's respondents
   * @param scored the members with a score
   * @param mean the mean score
   * @param sd the standard deviation
   * @param favorable the favorable share
   */
  public SegmentNumbers {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(dimension, "dimension");
  }

  /**
   * Returns the key that identifies this entry: segment and dimension.
   *
   * @return the key
   */
  public String key() {
    return (segment.isEmpty() ? "(all)" : segment) + " / " + dimension;
  }

  /**
   * Writes numbers as tab-separated lines, doubles in full precision.
   *
   * @param numbers the numbers
   * @param file the file to write
   * @throws IOException if writing fails
   */
  public static void write(List<SegmentNumbers> numbers, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (SegmentNumbers n : numbers) {
        w.write(n.segment + "\t" + n.dimension + "\t" + n.members + "\t" + n.scored + "\t" + n.mean + "\t"
            + n.sd + "\t" + n.favorable + "\n");
      }
    }
  }

  /**
   * Reads numbers written by {@link #write}.
   *
   * @param file the file
   * @return the numbers, in file order
   * @throws IOException if reading fails
   */
  public static List<SegmentNumbers> read(Path file) throws IOException {
    List<SegmentNumbers> result = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (f.length != 7) {
        throw new IOException(file + ": expected 7 tab-separated fields, not " + f.length + ": " + line);
      }
      result.add(new SegmentNumbers(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]),
          Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
    }
    return result;
  }

  /**
   * Reads the shown segments' dimension numbers from a report in the JSON form of CONTRACTS.md §4.
   * Suppressed segments and omitted dimensions have no numbers and give no entry.
   *
   * @param reportJson the report file
   * @return the numbers, in report order
   * @throws IOException if reading fails
   */
  public static List<SegmentNumbers> fromReportJson(Path reportJson) throws IOException {
    JsonNode root = JsonMapper.builder().build().readTree(reportJson.toFile());
    List<SegmentNumbers> result = new ArrayList<>();
    for (JsonNode segment : root.get("segments")) {
      if (segment.get("suppressed").asBoolean()) {
        continue;
      }
      List<String> pairs = new ArrayList<>();
      for (Map.Entry<String, JsonNode> a : segment.get("attributes").properties()) {
        pairs.add(a.getKey() + "=" + a.getValue().asString());
      }
      pairs.sort(null);
      String key = String.join(";", pairs);
      long members = segment.get("respondents").asLong();
      for (Map.Entry<String, JsonNode> d : segment.get("dimensions").properties()) {
        JsonNode v = d.getValue();
        result.add(new SegmentNumbers(key, d.getKey(), members, v.get("respondents").asLong(),
            number(v.get("mean")), number(v.get("sd")), number(v.get("favorable"))));
      }
    }
    return result;
  }

  private static double number(JsonNode node) {
    return node == null || node.isNull() ? Double.NaN : node.asDouble();
  }

  /**
   * Compares the report's numbers with a reference computed over every segment: each entry of the report
   * must be in the reference with the same counts and with mean, sd and favorable share within the
   * tolerance.
   *
   * @param report the report's numbers (shown segments only)
   * @param reference the reference numbers (every segment)
   * @param tolerance the largest absolute difference allowed
   * @return the outcome
   */
  public static Comparison compare(List<SegmentNumbers> report, List<SegmentNumbers> reference,
      double tolerance) {
    Map<String, SegmentNumbers> byKey = new LinkedHashMap<>();
    for (SegmentNumbers n : reference) {
      byKey.put(n.key(), n);
    }
    List<String> mismatches = new ArrayList<>();
    double maxMean = 0;
    double maxSd = 0;
    double maxFavorable = 0;
    for (SegmentNumbers n : report) {
      SegmentNumbers r = byKey.get(n.key());
      if (r == null) {
        mismatches.add(n.key() + ": not in the reference");
        continue;
      }
      if (n.members != r.members || n.scored != r.scored) {
        mismatches.add(n.key() + ": counts " + n.members + "/" + n.scored + " versus " + r.members + "/"
            + r.scored);
      }
      double dm = difference(n.mean, r.mean);
      double ds = difference(n.sd, r.sd);
      double df = difference(n.favorable, r.favorable);
      maxMean = Math.max(maxMean, dm);
      maxSd = Math.max(maxSd, ds);
      maxFavorable = Math.max(maxFavorable, df);
      if (!(dm <= tolerance && ds <= tolerance && df <= tolerance)) {
        mismatches.add(n.key() + ": mean " + n.mean + " versus " + r.mean + ", sd " + n.sd + " versus "
            + r.sd + ", favorable " + n.favorable + " versus " + r.favorable);
      }
    }
    return new Comparison(report.size(), maxMean, maxSd, maxFavorable, List.copyOf(mismatches));
  }

  /** The absolute difference; 0 when both are NaN, infinite when only one is. */
  private static double difference(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b) ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(a - b);
  }

  /**
   * The outcome of {@link #compare}.
   *
   * @param compared how many report entries were compared
   * @param maxMeanDifference the largest absolute difference of means
   * @param maxSdDifference the largest absolute difference of standard deviations
   * @param maxFavorableDifference the largest absolute difference of favorable shares
   * @param mismatches one line per entry that differs, empty when all agree
   */
  public record Comparison(int compared, double maxMeanDifference, double maxSdDifference,
      double maxFavorableDifference, List<String> mismatches) {

    /**
     * Returns whether every entry agreed.
     *
     * @return whether there is no mismatch
     */
    public boolean agrees() {
      return mismatches.isEmpty() && compared > 0;
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      b.append(compared).append(" segment × dimension entries compared; largest differences: mean ")
          .append(maxMeanDifference).append(", sd ").append(maxSdDifference).append(", favorable ")
          .append(maxFavorableDifference);
      Iterator<String> it = mismatches.iterator();
      for (int i = 0; i < 10 && it.hasNext(); i++) {
        b.append("\n  MISMATCH ").append(it.next());
      }
      if (mismatches.size() > 10) {
        b.append("\n  … and ").append(mismatches.size() - 10).append(" more");
      }
      return b.toString();
    }
  }
}

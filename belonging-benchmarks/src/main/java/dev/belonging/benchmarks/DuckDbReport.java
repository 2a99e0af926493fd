package dev.belonging.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The other side of the comparison: DuckDB loads the large survey's CSV into a table and computes, for the
 * population and every segment of the eleven breakdowns, the same numbers as the report, in one
 * {@code GROUPING SETS} query.
 *
 * <p>Per respondent and dimension it counts the answered items {@code c}, their sum {@code s} and their
 * favorable answers {@code f}; the score is {@code s / c} when {@code c >= ceil(m / 2)} (CONTRACTS.md §5,
 * {@code AT_LEAST_HALF}), else missing. Per segment: the member count, and per dimension the number of
 * scores, their mean and sample variance (reported as its square root, the sd), and the favorable share {@code sum(f) / sum(c)} over every
 * member's answers.
 *
 * <p>Run as its own process by {@link SideBySide}, so that its time includes starting a JVM and loading
 * DuckDB's native library: {@code DuckDbReport CSV OUT.tsv [THREADS]}.
 */
public final class DuckDbReport {

  private DuckDbReport() {}

  /**
   * Loads the CSV, runs the query and writes one line per segment and dimension to the output file.
   *
   * @param args the CSV file, the output file and optionally DuckDB's thread count (default 2)
   * @throws Exception if DuckDB fails or the files cannot be read or written
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: DuckDbReport CSV OUT.tsv [THREADS]");
      System.exit(2);
    }
    int threads = args.length == 3 ? Integer.parseInt(args[2]) : 2;
    List<SegmentNumbers> numbers = run(Path.of(args[0]), threads);
    SegmentNumbers.write(numbers, Path.of(args[1]));
  }

  /**
   * Loads the CSV into an in-memory DuckDB database and computes every segment's numbers.
   *
   * @param csv the large survey's CSV file
   * @param threads DuckDB's thread count
   * @return one entry per segment and dimension
   * @throws SQLException if DuckDB fails
   */
  public static List<SegmentNumbers> run(Path csv, int threads) throws SQLException {
    List<SegmentNumbers> result = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads=" + threads);
      s.execute("CREATE TABLE responses AS SELECT * FROM read_csv('"
          + csv.toAbsolutePath().toString().replace("'", "''") + "')");
      List<String> attributes = LargeSurvey.ATTRIBUTES;
      try (ResultSet r = s.executeQuery(query())) {
        while (r.next()) {
          StringJoiner key = new StringJoiner(";");
          List<String> grouped = new ArrayList<>();
          for (int a = 0; a < attributes.size(); a++) {
            if (r.getInt("g_" + attributes.get(a)) == 0) {
              grouped.add(attributes.get(a) + "=" + r.getString(attributes.get(a)));
            }
          }
          grouped.sort(null);
          grouped.forEach(key::add);
          long members = r.getLong("n");
          for (int d = 0; d < LargeSurvey.DIMENSIONS.size(); d++) {
            long scored = r.getLong("scored_" + d);
            double mean = r.getDouble("mean_" + d);
            double sd = scored < 2 ? Double.NaN : Math.sqrt(r.getDouble("var_" + d));
            result.add(new SegmentNumbers(key.toString(), LargeSurvey.DIMENSIONS.get(d), members, scored,
                scored == 0 ? Double.NaN : mean, sd, r.getDouble("fav_" + d)));
          }
        }
      }
    }
    return result;
  }

  /**
   * Returns the one query: per-respondent dimension scores, then per segment of every grouping set the
   * counts, means, variances and favorable shares.
   *
   * @return the SQL
   */
  public static String query() {
    List<String> attributes = LargeSurvey.ATTRIBUTES;
    int minAnswered = (LargeSurvey.ITEMS_PER_DIMENSION + 1) / 2;
    StringBuilder q = new StringBuilder("WITH counted AS (\n  SELECT ").append(String.join(", ", attributes));
    for (int d = 0; d < LargeSurvey.DIMENSIONS.size(); d++) {
      StringJoiner c = new StringJoiner(" + ");
      StringJoiner sum = new StringJoiner(" + ");
      StringJoiner f = new StringJoiner(" + ");
      for (String item : LargeSurvey.items(LargeSurvey.DIMENSIONS.get(d))) {
        String col = "\"" + item + "\"";
        c.add("(" + col + " IS NOT NULL)::INTEGER");
        sum.add("coalesce(" + col + ", 0)");
        f.add("coalesce((" + col + " >= " + LargeSurvey.FAVORABLE_FROM + ")::INTEGER, 0)");
      }
      q.append(",\n    ").append(c).append(" AS c_").append(d)
          .append(",\n    ").append(sum).append(" AS s_").append(d)
          .append(",\n    ").append(f).append(" AS f_").append(d);
    }
    q.append("\n  FROM responses\n), scored AS (\n  SELECT *");
    for (int d = 0; d < LargeSurvey.DIMENSIONS.size(); d++) {
      q.append(",\n    CASE WHEN c_").append(d).append(" >= ").append(minAnswered).append(" THEN s_")
          .append(d).append("::DOUBLE / c_").append(d).append(" END AS score_").append(d);
    }
    q.append("\n  FROM counted\n)\nSELECT ");
    for (String a : attributes) {
      q.append(a).append(", GROUPING(").append(a).append(") AS g_").append(a).append(", ");
    }
    q.append("count(*) AS n");
    for (int d = 0; d < LargeSurvey.DIMENSIONS.size(); d++) {
      q.append(",\n  count(score_").append(d).append(") AS scored_").append(d)
          .append(", avg(score_").append(d).append(") AS mean_").append(d)
          .append(", var_samp(score_").append(d).append(") AS var_").append(d)
          .append(", sum(f_").append(d).append(")::DOUBLE / sum(c_").append(d).append(") AS fav_").append(d);
    }
    q.append("\nFROM scored\nGROUP BY GROUPING SETS (()");
    for (String b : LargeSurvey.BY.split(",")) {
      q.append(", (").append(b.replace("*", ", ")).append(")");
    }
    return q.append(")").toString();
  }

}

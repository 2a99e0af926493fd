package dev.belonging.scoring;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled real data sets (described in {@code shared/data/README.md}) as response sets, loaded once.
 *
 * <p>The data directory is found by walking up from the working directory until a directory holds
 * {@code shared/data/README.md}; a test fails with a clear message when there is none. The instruments are
 * built here with the model's factories, mirroring {@code lq2002.instrument.json} and
 * {@code attrition.instrument.json}, and the CSV files are read by a minimal parser for their simple form
 * (a header of quoted names; quoted text fields without commas or quotes inside; integer or empty answers).
 */
public final class RealData {

  /** The lq2002 instrument: leadership (11 items, 1–5), significance (3, 1–5), civility (5, 0–4, reversed). */
  public static final Instrument LQ2002 = lq2002Instrument();

  /** The attrition instrument: satisfaction (3 items) and engagement (2 items), all 1–4. */
  public static final Instrument ATTRITION = attritionInstrument();

  private static final Map<String, ResponseSet> CACHE = new ConcurrentHashMap<>();
  private static volatile Path dataDirectory;

  private RealData() {}

  /**
   * Returns lq2002.csv: 2042 soldiers in 49 companies (attribute {@code company}), no missing answers.
   *
   * @return the responses
   */
  public static ResponseSet lq2002() {
    return load("lq2002.csv", LQ2002);
  }

  /**
   * Returns lq2002_missing.csv: the same soldiers with 6 % of answers blanked and 40 who skipped every
   * hostility item.
   *
   * @return the responses
   */
  public static ResponseSet lq2002Missing() {
    return load("lq2002_missing.csv", LQ2002);
  }

  /**
   * Returns attrition.csv: 1470 employees with department, role, gender, overtime, tenure, travel and left.
   *
   * @return the responses
   */
  public static ResponseSet attrition() {
    return load("attrition.csv", ATTRITION);
  }

  /**
   * Returns the path of a file in the shared data directory.
   *
   * @param name the file name, e.g. {@code lq2002_reference.txt}
   * @return the path of an existing file
   * @throws IllegalStateException if the data directory or the file cannot be found
   */
  public static Path dataFile(String name) {
    Path file = dataDirectory().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("the data file " + file + " does not exist");
    }
    return file;
  }

  private static Path dataDirectory() {
    Path found = dataDirectory;
    if (found == null) {
      Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve("shared/data/README.md"))) {
          found = dir.resolve("shared/data");
          break;
        }
      }
      if (found == null) {
        throw new IllegalStateException("no directory shared/data/README.md in " + start
            + " or any directory above it; the real data sets are expected in shared/data beside the"
            + " project's clone");
      }
      dataDirectory = found;
    }
    return found;
  }

  private static ResponseSet load(String fileName, Instrument instrument) {
    return CACHE.computeIfAbsent(fileName, name -> read(dataFile(name), instrument));
  }

  private static ResponseSet read(Path file, Instrument instrument) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String headerLine = in.readLine();
      if (headerLine == null) {
        throw new IllegalStateException(file + " is empty");
      }
      List<String> header = fields(headerLine, file, 1);
      int idColumn = header.indexOf("respondent");
      if (idColumn < 0) {
        throw new IllegalStateException(file + " has no column \"respondent\"");
      }
      // per column: -1 = id, question index >= 0, or -(2 + attribute index)
      int[] role = new int[header.size()];
      List<String> attributes = new ArrayList<>();
      for (int c = 0; c < header.size(); c++) {
        int q = instrument.indexOf(header.get(c));
        if (c == idColumn) {
          role[c] = -1;
        } else if (q >= 0) {
          role[c] = q;
        } else {
          role[c] = -(2 + attributes.size());
          attributes.add(header.get(c));
        }
      }
      ResponseSet.Builder builder = ResponseSet.builder(instrument).attributes(attributes);
      List<Problem> problems = new ArrayList<>();
      long line = 1;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        line++;
        List<String> cells = fields(text, file, line);
        if (cells.size() != header.size()) {
          throw new IllegalStateException(file + " line " + line + ": " + cells.size() + " cells, "
              + header.size() + " expected");
        }
        builder.beginRow();
        for (int c = 0; c < cells.size(); c++) {
          String cell = cells.get(c);
          if (role[c] == -1) {
            builder.id(cell);
          } else if (role[c] >= 0) {
            if (!cell.isEmpty()) {
              try {
                builder.answer(role[c], Integer.parseInt(cell));
              } catch (NumberFormatException e) {
                throw new IllegalStateException(file + " line " + line + ", column " + header.get(c)
                    + ": not an integer: " + cell, e);
              }
            }
          } else {
            builder.attribute(-role[c] - 2, cell);
          }
        }
        if (!builder.endRow(line, problems)) {
          throw new IllegalStateException(file + ": " + problems);
        }
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Splits a line at commas and removes the quotes around a field. */
  private static List<String> fields(String line, Path file, long lineNumber) {
    List<String> out = new ArrayList<>();
    for (String f : line.split(",", -1)) {
      if (f.startsWith("\"")) {
        if (f.length() < 2 || !f.endsWith("\"") || f.substring(1, f.length() - 1).contains("\"")) {
          throw new IllegalStateException(file + " line " + lineNumber + ": a quoted field this reader"
              + " cannot handle: " + f);
        }
        f = f.substring(1, f.length() - 1);
      }
      out.add(f);
    }
    return out;
  }

  private static Instrument lq2002Instrument() {
    Scale hostility = Scale.of(0, 4, 3);
    List<Question> questions = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      questions.add(Question.rating(String.format("LEAD%02d", i), "Leadership climate item " + i,
          "leadership"));
    }
    for (int i = 1; i <= 3; i++) {
      questions.add(Question.rating(String.format("TSIG%02d", i), "Task significance item " + i,
          "significance"));
    }
    for (int i = 1; i <= 5; i++) {
      questions.add(Question.rating(String.format("HOSTIL%02d", i), "Hostility item " + i, "civility")
          .withReverse(true).withScale(hostility));
    }
    return Instrument.of("lq2002", "1", "Leadership climate, task significance and civility (lq2002)",
        Scale.of(1, 5, 4),
        List.of(Dimension.of("leadership", "Leadership climate"),
            Dimension.of("significance", "Task significance"),
            Dimension.of("civility", "Civility (hostility items, reverse-coded)")),
        questions);
  }

  private static Instrument attritionInstrument() {
    return Instrument.of("attrition", "1", "Satisfaction and involvement (IBM HR analytics sample)",
        Scale.of(1, 4, 3),
        List.of(Dimension.of("satisfaction", "Satisfaction with environment, job and relationships"),
            Dimension.of("engagement", "Involvement and work-life balance")),
        List.of(
            Question.rating("environment", "How satisfied are you with your work environment?",
                "satisfaction"),
            Question.rating("job", "How satisfied are you with your job?", "satisfaction"),
            Question.rating("relationships", "How satisfied are you with your working relationships?",
                "satisfaction"),
            Question.rating("involvement", "How involved are you in your job?", "engagement"),
            Question.rating("balance", "How good is your work-life balance?", "engagement")));
  }
}

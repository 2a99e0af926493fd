package dev.belonging.beam;

import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/** Shared test data: the bundled sample, a generated organisation, and a sink for pipeline outputs. */
final class BeamFixtures {

  private BeamFixtures() {}

  /** The bundled sample's analysis, as the README's command line has it (k = 5). */
  static BelongingAnalysis acme() {
    return BelongingAnalysis.withDefaults(Instruments.builtin("shkv")).withBreakdowns(Breakdown.of("team"),
        Breakdown.of("location"), Breakdown.of("tenure"), Breakdown.parse("location*tenure"));
  }

  /** belonging-examples/samples/acme-shkv.csv, found by walking up from the working directory. */
  static Path acmeSample() {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
        dir = dir.getParent()) {
      Path file = dir.resolve("belonging-examples/samples/acme-shkv.csv");
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new IllegalStateException("belonging-examples/samples/acme-shkv.csv not found above "
        + System.getProperty("user.dir"));
  }

  /** Two dimensions (one reverse-keyed item, one 0–10 item) and a comment question. */
  static final Instrument GENERATED = Instrument.of("generated", "1", "Generated", Scale.of(1, 5, 4),
      List.of(Dimension.of("voice", "Voice"), Dimension.of("nps", "Would recommend")),
      List.of(
          Question.rating("v1", "I was asked for my view", "voice"),
          Question.rating("v2", "My view was ignored", "voice").withReverse(true),
          Question.rating("v3", "I spoke up in a meeting", "voice"),
          Question.rating("n1", "How likely would you recommend", "nps").withScale(Scale.of(0, 10, 9, 6)),
          Question.comment("c", "Anything else?")));

  /** The generated organisation's analysis: k = 3 and a comment threshold of 3, so that much is shown. */
  static BelongingAnalysis generated() {
    return BelongingAnalysis.withDefaults(GENERATED)
        .withPolicy(AnonymityPolicy.withDefaults().withMinGroupSize(3).withCommentThreshold(3))
        .withBreakdowns(Breakdown.of("team"), Breakdown.of("site"), Breakdown.parse("site*team"));
  }

  /**
   * Generates respondents of one organisation: teams of very different sizes (some below k), missing
   * answers, and comments with commas, quotes and newlines.
   */
  static ResponseSet organisation(int n, long seed, String idPrefix) {
    Random random = new Random(seed);
    ResponseSet.Builder b = ResponseSet.builder(GENERATED).attributes(List.of("team", "site"));
    for (int i = 0; i < n; i++) {
      Map<String, Integer> answers = new HashMap<>();
      for (String q : List.of("v1", "v2", "v3")) {
        if (random.nextInt(5) != 0) {
          answers.put(q, 1 + random.nextInt(5));
        }
      }
      if (random.nextInt(4) != 0) {
        answers.put("n1", random.nextInt(11));
      }
      Map<String, String> comments = random.nextInt(3) == 0
          ? Map.of("c", List.of("more, please", "say \"hi\"", "two\nlines", "fine").get(random.nextInt(4)))
          : Map.of();
      // T0 has about 1 in 36 of the respondents, T9 one in 1000: teams and cells below k are common
      String team = i % 1000 == 5 ? "T9" : "T" + (int) Math.sqrt(random.nextInt(36));
      b.add(RespondentId.of(idPrefix + i), Map.of("team", team, "site", random.nextInt(3) == 0 ? "remote"
          : "office"), answers, comments);
    }
    return b.build();
  }

  /** Returns rows from..to-1 of a set as a new set. */
  static ResponseSet slice(ResponseSet set, int from, int to) {
    ResponseSet.Builder b = ResponseSet.builder(set.instrument()).attributes(set.attributeNames());
    for (int r = from; r < to; r++) {
      ResponseRow row = ResponseRow.of(set, r);
      b.add(set.respondentId(r), row.attributes(), row.answers(), row.comments());
    }
    return b.build();
  }

  /** Writes a set as CSV text, as the library writes it. */
  static String csv(ResponseSet set) {
    StringWriter out = new StringWriter();
    try {
      ResponseCsv.withDefaults(set.instrument()).write(set, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Every row of a set. */
  static List<ResponseRow> rows(ResponseSet set) {
    List<ResponseRow> rows = new ArrayList<>();
    for (int r = 0; r < set.size(); r++) {
      rows.add(ResponseRow.of(set, r));
    }
    return rows;
  }

  static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner", "--targetParallelism=4")
        .create());
  }

  // The Direct runner runs in this JVM: outputs are collected here, per sink id.
  private static final Map<String, ConcurrentLinkedQueue<String>> SINKS = new ConcurrentHashMap<>();

  /** Collects a pipeline's strings under a new sink id, readable after the run with {@link #drain}. */
  static String collect(PCollection<String> values) {
    String id = UUID.randomUUID().toString();
    SINKS.put(id, new ConcurrentLinkedQueue<>());
    values.apply("Collect " + id, ParDo.of(new Sink(id)));
    return id;
  }

  static List<String> drain(String id) {
    return new ArrayList<>(SINKS.remove(id));
  }

  private static final class Sink extends DoFn<String, Void> {
    private static final long serialVersionUID = 1L;
    private final String id;

    Sink(String id) {
      this.id = id;
    }

    @ProcessElement
    public void process(@Element String value) {
      SINKS.get(id).add(value);
    }
  }
}

package dev.belonging.scoring.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belonging.core.model.Dimension;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Scale;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.internal.JsonTrees;
import dev.belonging.scoring.privacy.AnonymityPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportJsonTest {

  private static final Instrument ONE = Instrument.of("one", "2", "One", Scale.of(1, 5, 4),
      List.of(Dimension.of("seen", "Being seen")),
      List.of(Question.rating("seen-1", "Asked for my view", "seen"),
          Question.rating("seen-2", "Ignored", "seen").withReverse(true),
          Question.comment("note", "Anything else?")));

  private static ResponseSet set() {
    ResponseSet.Builder b = ResponseSet.builder(ONE).attributes(List.of("team"));
    int[][] answers = {{5, 1}, {4, 2}, {3, 3}, {2, 4}, {5, 2}, {4, 4}, {1, 5}};
    for (int i = 0; i < answers.length; i++) {
      b.add(RespondentId.of("r" + i), Map.of("team", i < 5 ? "T1" : "T2"),
          Map.of("seen-1", answers[i][0], "seen-2", answers[i][1]), Map.of("note", "note " + (i % 3)));
    }
    return b.build();
  }

  @Test
  void theReportFollowsTheContract() {
    Report report = BelongingAnalysis.withDefaults(ONE)
        .withPolicy(AnonymityPolicy.withDefaults().withCommentThreshold(5))
        .withBreakdowns(Breakdown.of("team"))
        .analyze(set(), List.of(Problem.ofCell(12, "seen-1", "answer outside the scale 1..5",
            "answer 7 is outside the scale 1..5")));
    JsonNode root = JsonMapper.shared().readTree(ReportSchema.requireValid(report));

    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.get("instrument").get("id").asString()).isEqualTo("one");
    assertThat(root.get("instrument").get("version").asString()).isEqualTo("2");
    assertThat(root.get("minGroupSize").asInt()).isEqualTo(5);
    assertThat(root.get("policy").get("commentThreshold").asInt()).isEqualTo(5);
    assertThat(root.get("suppression").get("primary").asInt()).isEqualTo(1);
    assertThat(root.get("suppression").get("secondary").asInt()).isEqualTo(1);
    assertThat(root.get("respondents").asInt()).isEqualTo(7);
    JsonNode rejected = root.get("rejected").get(0);
    assertThat(rejected.get("line").asInt()).isEqualTo(12);
    assertThat(rejected.get("column").asString()).isEqualTo("seen-1");
    assertThat(rejected.get("message").asString()).isEqualTo("answer outside the scale 1..5");

    JsonNode all = root.get("segments").get(0);
    assertThat(all.get("attributes").size()).isZero();
    assertThat(all.get("suppressed").asBoolean()).isFalse();
    // coded scores: 5, 4, 3, 2, 4.5, 3, 1 → mean 22.5 / 7
    assertThat(all.get("dimensions").get("seen").get("mean").asDouble()).isEqualTo(22.5 / 7);
    assertThat(all.get("questions").get("seen-2").get("respondents").asInt()).isEqualTo(7);

    JsonNode t2 = root.get("segments").get(2);
    assertThat(t2.get("attributes").get("team").asString()).isEqualTo("T2");
    assertThat(t2.get("suppressed").asBoolean()).isTrue();
    assertThat(t2.get("reasonCode").asString()).isEqualTo("below-k");
    assertThat(t2.get("reason").asString()).isEqualTo("fewer than 5 respondents");
    assertThat(t2.has("respondents")).isFalse();
    assertThat(t2.has("dimensions")).isFalse();

    // T1 (5) would reveal T2 (2) as the population (7) minus T1
    JsonNode t1 = root.get("segments").get(1);
    assertThat(t1.get("suppressed").asBoolean()).isTrue();
    assertThat(t1.get("reasonCode").asString()).isEqualTo("complementary");
    assertThat(t1.get("reason").asString()).isEqualTo("suppressed to protect a smaller group");
    assertThat(t1.has("respondents")).isFalse();

    // comments: only the population's (7 commenters), sorted by text
    assertThat(root.get("comments")).hasSize(1);
    assertThat(root.get("comments").get(0).get("texts").get(0).asString()).isEqualTo("note 0");
    assertThat(root.get("gaps").isArray()).isTrue();
  }

  @Test
  void undefinedStatisticsAreNullWithAReasonAndNeverNaN() {
    ResponseSet.Builder b = ResponseSet.builder(ONE);
    for (int i = 0; i < 5; i++) {
      b.add(RespondentId.of("r" + i), Map.of(), Map.of("seen-1", 3, "seen-2", 3), Map.of());
    }
    // every answer 3: no variance, so alpha is undefined and so is nothing else but the SD of 0
    Report withUndefined = BelongingAnalysis.withDefaults(ONE).analyze(b.build());
    String json = ReportSchema.requireValid(withUndefined);
    assertThat(json).doesNotContain("NaN");
    JsonNode seen = JsonMapper.shared().readTree(json).get("reliability").get("seen");
    assertThat(seen.get("alpha").isNull()).isTrue();
    assertThat(seen.get("undefined").get("alpha").asString()).isNotBlank();
    assertThat(seen.get("items").asInt()).isEqualTo(2);
  }

  @Test
  void theSchemaRejectsAReportThatBreaksTheContract() {
    assertThat(ReportSchema.violations("{\"schemaVersion\": 2}")).isNotEmpty();
    assertThat(ReportSchema.violations(ReportJson.toJson(BelongingAnalysis.withDefaults(ONE).analyze(set()))
        .replace("\"suppressed\" : false", "\"suppressed\" : \"no\""))).isNotEmpty();
  }

  @Test
  void writingStreamsTheSameTextAsToJsonAndLeavesTheTargetOpen() {
    Report report = BelongingAnalysis.withDefaults(ONE)
        .withPolicy(AnonymityPolicy.withDefaults().withCommentThreshold(5))
        .withBreakdowns(Breakdown.of("team"))
        // non-ASCII text in the report: UTF-8 bytes, not escapes, the same as encoding the String
        .analyze(set(), List.of(Problem.ofCell(3, "seen-1", "réponse hors de l'échelle 1..5 🙂",
            "answer 7 is outside the scale 1..5")));
    String json = ReportJson.toJson(report);
    ClosingTracker bytes = new ClosingTracker();
    StringWriter chars = new StringWriter() {
      @Override
      public void close() {
        throw new AssertionError("the writer was closed");
      }
    };

    ReportJson.write(report, bytes);
    ReportJson.write(report, chars);

    assertThat(json).contains("réponse hors de l'échelle 1..5 🙂").endsWith("}" + System.lineSeparator());
    assertThat(bytes.toByteArray()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    assertThat(JsonTrees.text(ReportJson.toTree(report))).isEqualTo(json);
    assertThat(bytes.closed).isFalse();
    assertThat(chars.toString()).isEqualTo(json);
  }

  @Test
  void aFailingStreamIsAnUncheckedIoExceptionWithItsCause() {
    Report report = BelongingAnalysis.withDefaults(ONE).analyze(set());
    IOException full = new IOException("No space left on device");
    OutputStream failing = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw full;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw full;
      }
    };

    assertThatThrownBy(() -> ReportJson.write(report, failing))
        .isInstanceOf(UncheckedIOException.class).hasCause(full);
  }

  /** Collects bytes and remembers whether it was closed. */
  private static final class ClosingTracker extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}

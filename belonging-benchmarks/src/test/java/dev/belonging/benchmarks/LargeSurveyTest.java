package dev.belonging.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.AnswerColumn;
import dev.belonging.core.model.Question;
import dev.belonging.core.model.ResponseSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeSurveyTest {

  @TempDir
  Path dir;

  @Test
  void theSameSeedWritesTheSameFileAndAnotherSeedAnotherOne() throws IOException {
    LargeSurvey.writeCsv(dir.resolve("a.csv"), 2000, 7);
    LargeSurvey.writeCsv(dir.resolve("b.csv"), 2000, 7);
    LargeSurvey.writeCsv(dir.resolve("c.csv"), 2000, 8);
    assertThat(Files.readAllBytes(dir.resolve("a.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("b.csv")));
    assertThat(Files.readAllBytes(dir.resolve("a.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("c.csv")));
  }

  @Test
  void importingTheFileGivesTheBuiltSet() throws IOException {
    Path csv = dir.resolve("large.csv");
    LargeSurvey.writeCsv(csv, 5000, LargeSurvey.DEFAULT_SEED);
    ResponseSet imported = ResponseCsv.withDefaults(LargeSurvey.instrument()).read(csv).responses();
    assertThat(imported).isEqualTo(LargeSurvey.responses(5000, LargeSurvey.DEFAULT_SEED));
    assertThat(imported.respondentId(0).value()).isEqualTo("r0000001");
  }

  @Test
  void theFileHasTheShapeOfTheComparison() throws IOException {
    Path csv = dir.resolve("large.csv");
    LargeSurvey.writeCsv(csv, 3, 1);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).split(",")).hasSize(1 + 6 + 30)
        .startsWith("respondent", "team", "tenure", "role", "location", "gender", "age", "belonging-1");
    assertThat(LargeSurvey.instrument().dimensions()).hasSize(5);
    assertThat(LargeSurvey.instrument().questions()).hasSize(30);
    assertThat(LargeSurvey.breakdowns()).hasSize(11);
  }

  @Test
  void attributesHaveTheirCardinalitiesAndThreePercentOfAnswersAreMissing() {
    ResponseSet set = LargeSurvey.responses(200_000, LargeSurvey.DEFAULT_SEED);
    assertThat(List.of("team", "tenure", "role", "location", "gender", "age"))
        .extracting(a -> set.attribute(a).cardinality())
        .containsExactly(200, 5, 12, 3, 4, 6);
    long missing = 0;
    for (Question q : set.instrument().questions()) {
      AnswerColumn c = set.answers(q.id());
      missing += c.size() - c.answered();
      for (int row = 0; row < 1000; row++) {
        assertThat(c.isMissing(row) || (c.value(row) >= 1 && c.value(row) <= 5)).isTrue();
      }
    }
    double share = missing / (200_000.0 * 30);
    // 6 M cells, binomial sd 0.00007: a fixed seed lands well inside ± 0.001
    assertThat(share).isBetween(0.029, 0.031);
  }

  @Test
  void idsHaveAtLeastSevenDigits() {
    char[] id = new char[16];
    assertThat(new String(id, 0, LargeSurvey.id(0, id))).isEqualTo("r0000001");
    assertThat(new String(id, 0, LargeSurvey.id(12_345_677, id))).isEqualTo("r12345678");
  }
}

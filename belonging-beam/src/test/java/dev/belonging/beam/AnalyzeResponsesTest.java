package dev.belonging.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportJson;
import dev.belonging.scoring.report.ShownSegment;
import dev.belonging.scoring.report.SuppressedSegment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the Direct runner, the pipeline's report equals the in-memory report of the same rows. Reports are
 * compared as their JSON, which writes every number at full double precision: equal text is equal counts
 * and bit-equal statistics (stricter than 1e-12), and the same suppressions.
 */
class AnalyzeResponsesTest {

  @TempDir
  Path dir;

  @Test
  void theBundledSampleGivesTheInMemoryReport() throws IOException {
    Path file = BeamFixtures.acmeSample();
    ResponseSet set = ResponseCsv.withDefaults(Instruments.builtin("shkv")).read(file).responses();
    Report expected = BeamFixtures.acme().analyze(set);
    // the sample exercises the guard: shown segments and suppressed ones
    assertThat(expected.segments()).hasAtLeastOneElementOfType(ShownSegment.class)
        .hasAtLeastOneElementOfType(SuppressedSegment.class);

    assertReportsAcmeAsInMemory(file, ReadResponses.of(BeamFixtures::acme), expected);
  }

  /** Runs the acme analysis over one file read as given: one report, the in-memory one, nothing rejected. */
  private static void assertReportsAcmeAsInMemory(Path file, ReadResponses reading, Report expected) {
    Pipeline pipeline = BeamFixtures.pipeline();
    PCollectionTuple read = pipeline
        .apply(FileIO.match().filepattern(file.toString()))
        .apply(FileIO.readMatches())
        .apply(reading);
    String reports = BeamFixtures.collect(read.get(ReadResponses.ROWS)
        .apply(AnalyzeResponses.with(BeamFixtures::acme))
        .apply(MapElements.into(TypeDescriptors.strings()).via(ReportJson::toJson)));
    String rejected = BeamFixtures.collect(read.get(ReadResponses.REJECTED)
        .apply(MapElements.into(TypeDescriptors.strings()).via(RejectedLine::toString)));
    pipeline.run().waitUntilFinish();

    assertThat(BeamFixtures.drain(reports)).containsExactly(ReportJson.toJson(expected));
    assertThat(BeamFixtures.drain(rejected)).isEmpty();
  }

  @Test
  void aSemicolonSeparatedFileIsReadWithTheSeparatorGiven() throws IOException {
    Path comma = BeamFixtures.acmeSample();
    Report expected = BeamFixtures.acme().analyze(
        ResponseCsv.withDefaults(Instruments.builtin("shkv")).read(comma).responses());
    Path file = Files.writeString(dir.resolve("acme-semicolons.csv"),
        Files.readString(comma, StandardCharsets.UTF_8).replace(",", ";"), StandardCharsets.UTF_8);

    assertReportsAcmeAsInMemory(file, ReadResponses.of(BeamFixtures::acme).withSeparator(';'), expected);
    assertThatThrownBy(() -> ReadResponses.of(BeamFixtures::acme)
        .withSeparator(':')).hasMessage("the separator must be ',', ';', a tab or '|', not ':'");
  }

  @Test
  void anOrganisationSplitAcrossFilesAndBundlesGivesTheInMemoryReportAndEveryBadRowIsDeadLettered()
      throws IOException {
    ResponseSet whole = BeamFixtures.organisation(1500, 7, "p");
    Report expected = BeamFixtures.generated().analyze(whole);
    assertThat(expected.segments()).hasAtLeastOneElementOfType(SuppressedSegment.class);
    assertThat(expected.comments()).isNotEmpty();
    assertThat(expected.gaps()).isNotEmpty();

    int[] cuts = {0, 100, 101, 700, 1200, 1500};
    List<String> expectedRejected = new ArrayList<>();
    for (int f = 0; f + 1 < cuts.length; f++) {
      String text = BeamFixtures.csv(BeamFixtures.slice(whole, cuts[f], cuts[f + 1]));
      Path file = dir.resolve("part-" + f + ".csv");
      if (f == 2) {
        // bad rows after valid ones: an answer outside the scale and a row with too few cells; their
        // physical line numbers count the newlines inside quoted comments
        String header = text.substring(0, text.indexOf("\r\n"));
        long line = text.chars().filter(c -> c == '\n').count() + 1;
        text += badRow(header, "bad-1", "v1", "9") + "\r\n" + "bad-2,T1\r\n";
        expectedRejected.add(file + ":" + line + " column v1: answer outside the scale 1..5");
        expectedRejected.add(file + ":" + (line + 1) + ": ");
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("empty.csv"), "");

    Pipeline pipeline = BeamFixtures.pipeline();
    PCollectionTuple read = pipeline
        .apply(FileIO.match().filepattern(dir + "/*.csv"))
        .apply(FileIO.readMatches())
        .apply(ReadResponses.of(BeamFixtures::generated));
    // each file's rows arrive as a bundle of their own (AnalysisCombineFnProperties splits rows into
    // arbitrary bundles)
    String reports = BeamFixtures.collect(read.get(ReadResponses.ROWS)
        .apply(AnalyzeResponses.with(BeamFixtures::generated))
        .apply(MapElements.into(TypeDescriptors.strings()).via(ReportJson::toJson)));
    String rejected = BeamFixtures.collect(read.get(ReadResponses.REJECTED)
        .apply(MapElements.into(TypeDescriptors.strings())
            .via((RejectedLine r) -> r.file() + (r.line() > 0 ? ":" + r.line() : "")
                + (r.column().isEmpty() ? "" : " column " + r.column()) + ": " + r.message())));
    pipeline.run().waitUntilFinish();

    assertThat(BeamFixtures.drain(reports)).containsExactly(ReportJson.toJson(expected));
    List<String> dead = BeamFixtures.drain(rejected);
    assertThat(dead).filteredOn(s -> s.startsWith(dir.resolve("part-2.csv").toString()))
        .hasSize(2)
        .anySatisfy(s -> assertThat(s).isEqualTo(expectedRejected.get(0)))
        .anySatisfy(s -> assertThat(s).startsWith(expectedRejected.get(1)).contains("too few cells"));
    assertThat(dead).filteredOn(s -> s.startsWith(dir.resolve("empty.csv").toString())).hasSize(1);
    assertThat(dead).hasSize(3);
  }

  @Test
  void aFileWithoutABreakdownAttributeIsDeadLetteredRowByRow() throws IOException {
    ResponseSet set = BeamFixtures.organisation(4, 3, "q");
    String text = BeamFixtures.csv(set).replace("site", "office_or_remote");
    Path file = dir.resolve("renamed.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    Pipeline pipeline = BeamFixtures.pipeline();
    PCollectionTuple read = pipeline
        .apply(FileIO.match().filepattern(file.toString()))
        .apply(FileIO.readMatches())
        .apply(ReadResponses.of(BeamFixtures::generated));
    String rows = BeamFixtures.collect(read.get(ReadResponses.ROWS)
        .apply(MapElements.into(TypeDescriptors.strings()).via(ResponseRow::toString)));
    String rejected = BeamFixtures.collect(read.get(ReadResponses.REJECTED)
        .apply(MapElements.into(TypeDescriptors.strings()).via(RejectedLine::message)));
    pipeline.run().waitUntilFinish();

    assertThat(BeamFixtures.drain(rows)).isEmpty();
    List<String> dead = BeamFixtures.drain(rejected);
    assertThat(dead).containsOnlyOnce("the breakdown attribute is not a column");
    assertThat(dead).filteredOn(m -> m.startsWith("not analysed")).hasSize(4);
  }

  private static String badRow(String header, String id, String column, String value) {
    List<String> cells = new ArrayList<>();
    for (String name : header.split(",", -1)) {
      cells.add(switch (name) {
        case "respondent" -> id;
        case "team" -> "T1";
        case "site" -> "office";
        default -> name.equals(column) ? value : "";
      });
    }
    return String.join(",", cells);
  }
}

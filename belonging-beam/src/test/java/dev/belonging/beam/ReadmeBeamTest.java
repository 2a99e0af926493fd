package dev.belonging.beam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.Breakdown;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Beam snippet is the code this test runs, and it gives the in-memory report. */
class ReadmeBeamTest {

  private static final Path THIS_FILE =
      Path.of("src", "test", "java", "dev", "belonging", "beam", "ReadmeBeamTest.java");

  @TempDir
  Path folder;

  @Test
  void theReadmeSnippetIsTheCodeThisTestRuns() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("## Beyond one machine.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("a java block in the README's Beam section").isTrue();
    Matcher here = Pattern.compile("// README start\\n(.*?)    // README end", Pattern.DOTALL)
        .matcher(Files.readString(THIS_FILE, StandardCharsets.UTF_8));
    assertThat(here.find()).isTrue();
    String code = here.group(1).lines().map(l -> l.length() >= 4 ? l.substring(4) : l.strip())
        .reduce("", (a, b) -> a + b + "\n");
    assertThat(block.group(1)).isEqualTo(code);
  }

  @Test
  void theReadmeSnippetGivesTheInMemoryReport() throws Exception {
    Files.copy(BeamFixtures.acmeSample(), folder.resolve("acme.csv"));
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create();
    // README start
    AnalysisFactory factory = () -> BelongingAnalysis.withDefaults(Instruments.builtin("shkv"))
        .withBreakdowns(Breakdown.of("team"), Breakdown.parse("location*tenure"));
    Pipeline pipeline = Pipeline.create(options);
    PCollectionTuple read = pipeline
        .apply(FileIO.match().filepattern(folder + "/*.csv"))
        .apply(FileIO.readMatches())
        .apply(ReadResponses.of(factory));
    PCollection<Report> report = read.get(ReadResponses.ROWS).apply(AnalyzeResponses.with(factory));
    PCollection<RejectedLine> rejected = read.get(ReadResponses.REJECTED);
    // README end
    String reports = BeamFixtures.collect(
        report.apply(MapElements.into(TypeDescriptors.strings()).via(ReportJson::toJson)));
    String problems = BeamFixtures.collect(
        rejected.apply(MapElements.into(TypeDescriptors.strings()).via(RejectedLine::toString)));
    pipeline.run().waitUntilFinish();

    Report expected = factory.create().analyze(
        ResponseCsv.withDefaults(Instruments.builtin("shkv")).read(BeamFixtures.acmeSample()).responses());
    assertThat(BeamFixtures.drain(reports)).containsExactly(ReportJson.toJson(expected));
    assertThat(BeamFixtures.drain(problems)).isEmpty();
  }
}

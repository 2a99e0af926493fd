package dev.belonging.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Wave;
import dev.belonging.scoring.report.Report;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** Every coder round-trips, is versioned, and the deterministic ones give equal bytes for equal values. */
class CodersTest {

  @Test
  void rowsRoundTripAndEncodeTheSameWhateverTheMapOrder() throws CoderException {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("team", "T1");
    a.put("site", "office");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("site", "office");
    b.put("team", "T1");
    ResponseRow x = ResponseRow.of(a, Map.of("v1", 3, "n1", 10), Map.of("c", "two\nlines, \"quoted\""));
    ResponseRow y = ResponseRow.of(b, Map.of("n1", 10, "v1", 3), Map.of("c", "two\nlines, \"quoted\""));
    byte[] bytes = CoderUtils.encodeToByteArray(ResponseRowCoder.of(), x);
    assertThat(CoderUtils.encodeToByteArray(ResponseRowCoder.of(), y)).isEqualTo(bytes);
    assertThat(CoderUtils.decodeFromByteArray(ResponseRowCoder.of(), bytes)).isEqualTo(x);
    bytes[0] = 2;
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(ResponseRowCoder.of(), bytes))
        .isInstanceOf(CoderException.class)
        .hasMessage("response row form version 2 is not supported (this library reads version 1)");
  }

  @Test
  void rejectedLinesRoundTrip() throws CoderException {
    RejectedLine line = new RejectedLine("gs://b/f.csv", 12, "v1", "answer outside the scale 1..5",
        "answer 7 is outside the scale 1..5");
    assertThat(CoderUtils.clone(RejectedLineCoder.of(), line)).isEqualTo(line);
    byte[] bytes = CoderUtils.encodeToByteArray(RejectedLineCoder.of(), line);
    bytes[0] = 3;
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(RejectedLineCoder.of(), bytes))
        .isInstanceOf(CoderException.class)
        .hasMessage("rejected line form version 3 is not supported (this library reads version 1)");
  }

  @Test
  void partialAnalysesRoundTripOneAfterAnotherInOneStream() throws IOException {
    AnalysisPartialCoder coder = AnalysisPartialCoder.of(BeamFixtures::generated);
    AnalysisPartial first = partial(BeamFixtures.organisation(50, 1, "a"));
    AnalysisPartial second = partial(BeamFixtures.organisation(20, 2, "b"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    coder.encode(first, out);
    coder.encode(second, out);
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
    assertThat(coder.decode(in)).isEqualTo(first);
    assertThat(coder.decode(in)).isEqualTo(second);
    assertThat(in.available()).isZero();
    coder.verifyDeterministic();
  }

  @Test
  void aPartialAnalysisOfAnotherVersionOrAnalysisIsRefused() throws CoderException {
    AnalysisPartialCoder coder = AnalysisPartialCoder.of(BeamFixtures::generated);
    byte[] bytes = CoderUtils.encodeToByteArray(coder, partial(BeamFixtures.organisation(10, 1, "a")));
    byte[] wrong = bytes.clone();
    wrong[0] = 7;
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(coder, wrong))
        .isInstanceOf(CoderException.class)
        .hasMessage("partial analysis form version 7 is not supported (this library reads version 1)");
    AnalysisPartialCoder other = AnalysisPartialCoder.of(BeamFixtures::acme);
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(other, bytes))
        .isInstanceOf(CoderException.class)
        .hasMessageStartingWith("the accumulator was written for another instrument");
  }

  @Test
  void reportsRoundTripToEqualReports() throws IOException {
    Report generated = BeamFixtures.generated().analyze(BeamFixtures.organisation(400, 5, "p"),
        List.of(Problem.ofCell(12, "v1", "answer outside the scale 1..5", "answer 7 is outside the scale 1..5"),
            Problem.ofCell(14, "respondent", "blank respondent id")));
    assertThat(generated.comments()).isNotEmpty();
    assertThat(generated.gaps()).isNotEmpty();
    assertThat(generated.reliability()).isNotEmpty();
    ReportCoder coder = ReportCoder.of(BeamFixtures::generated);
    assertThat(CoderUtils.clone(coder, generated)).isEqualTo(generated);

    ResponseSet acme = ResponseCsv.withDefaults(Instruments.builtin("shkv"))
        .withWave(Wave.of("2026-Q1", LocalDate.of(2026, 3, 31))).read(BeamFixtures.acmeSample()).responses();
    Report report = BeamFixtures.acme().analyze(acme);
    assertThat(CoderUtils.clone(ReportCoder.of(BeamFixtures::acme), report)).isEqualTo(report);
    assertThatThrownBy(() -> CoderUtils.encodeToByteArray(coder, report))
        .isInstanceOf(CoderException.class)
        .hasMessage("the report is of instrument \"shkv\", not of the coder's \"generated\"");
  }

  private static AnalysisPartial partial(ResponseSet set) {
    AnalysisPartial p = AnalysisPartial.of(BeamFixtures.generated());
    BeamFixtures.rows(set).forEach(p::add);
    return p;
  }
}

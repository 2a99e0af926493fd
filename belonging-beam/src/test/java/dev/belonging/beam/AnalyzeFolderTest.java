package dev.belonging.beam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.io.InstrumentJson;
import dev.belonging.core.model.RespondentId;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.BelongingAnalysis;
import dev.belonging.scoring.report.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The example pipeline, as the README runs it, on a local folder of two organisations' files. */
class AnalyzeFolderTest {

  @TempDir
  Path dir;

  @Test
  void writesOneReportPerOrganisationAndEveryRejectedRow() throws IOException {
    Path instrument = dir.resolve("generated.json");
    Files.writeString(instrument, InstrumentJson.toJson(BeamFixtures.GENERATED));
    Path input = Files.createDirectory(dir.resolve("in"));
    ResponseSet north = withOrganisation(BeamFixtures.organisation(300, 1, "n"), "north");
    ResponseSet south = withOrganisation(BeamFixtures.organisation(200, 2, "s"), "south");
    Files.writeString(input.resolve("north.csv"), BeamFixtures.csv(north), StandardCharsets.UTF_8);
    String southText = BeamFixtures.csv(south);
    Files.writeString(input.resolve("south.csv"), southText.replaceFirst("\r\ns0,", "\r\ns1,"),
        StandardCharsets.UTF_8); // s1 twice: its second row is rejected
    Path output = dir.resolve("out");

    AnalyzeFolder.main(new String[] {"--input=" + input + "/*.csv", "--output=" + output,
        "--instrument=" + instrument, "--by=team,site*team", "--minGroup=3", "--organisation=org"});

    BelongingAnalysis analysis = new AnalyzeFolder.Configuration(instrument.toString(), "team,site*team", 3)
        .create();
    JsonMapper json = JsonMapper.builder().build();
    List<String> lines = Files.readAllLines(output.resolve("reports.jsonl"));
    assertThat(lines).hasSize(2);
    Map<String, JsonNode> byOrganisation = new HashMap<>();
    for (String line : lines) {
      JsonNode node = json.readTree(line);
      byOrganisation.put(node.get("organisation").asString(), node.get("report"));
    }
    assertThat(byOrganisation.get("north")).isEqualTo(json.readTree(ReportJson.toTree(analysis.analyze(north)).toString()));
    // south's second row (the second s1) is rejected, every other row analysed
    ResponseSet southKept = withOrganisation(BeamFixtures.organisation(200, 2, "s"), "south", 1);
    assertThat(southKept.size()).isEqualTo(south.size() - 1);
    assertThat(byOrganisation.get("south")).isEqualTo(json.readTree(ReportJson.toTree(analysis.analyze(southKept)).toString()));
    assertThat(Files.readAllLines(output.resolve("rejected.txt")))
        .singleElement().asString().contains("south.csv:").contains("duplicate respondent id");
  }

  private static ResponseSet withOrganisation(ResponseSet set, String organisation) {
    return withOrganisation(set, organisation, -1);
  }

  /** The set with an organisation attribute, without row {@code skip} (none if negative). */
  private static ResponseSet withOrganisation(ResponseSet set, String organisation, int skip) {
    ResponseSet.Builder b = ResponseSet.builder(set.instrument()).attributes(List.of("team", "site", "org"));
    for (int r = 0; r < set.size(); r++) {
      if (r == skip) {
        continue;
      }
      ResponseRow row = ResponseRow.of(set, r).withAttribute("org", organisation);
      b.add(RespondentId.of(set.respondentId(r).value()), row.attributes(), row.answers(), row.comments());
    }
    return b.build();
  }
}

package dev.belonging.examples.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.belonging.core.instruments.Instruments;
import dev.belonging.core.io.ImportResult;
import dev.belonging.core.io.ResponseCsv;
import dev.belonging.core.model.Instrument;
import dev.belonging.core.model.ResponseSet;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SampleOrganisationTest {

  private static final Instrument SHKV = Instruments.builtin("shkv");

  /** The Quick start reads this file; it must be what the generator makes, byte for byte. */
  @Test
  void theBundledSampleIsTheGeneratorsOutput() throws Exception {
    Path bundled = Path.of("samples", "acme-shkv.csv");
    StringWriter expected = new StringWriter();
    ResponseCsv.withDefaults(SHKV)
        .write(SampleOrganisation.of(400, SampleOrganisation.DEFAULT_SEED).responses(SHKV), expected);
    assertThat(Files.readString(bundled, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
  }

  /** The trend example reads this second wave, in which one team ran a pilot. */
  @Test
  void theBundledSecondWaveIsTheGeneratorsOutputWithThePilot() throws Exception {
    Path bundled = Path.of("samples", "acme-shkv-wave2.csv");
    StringWriter expected = new StringWriter();
    ResponseCsv.withDefaults(SHKV).write(SampleOrganisation.of(400, SampleOrganisation.DEFAULT_SEED).inWave(2)
        .withPilot(SampleOrganisation.PILOT_TEAM, SampleOrganisation.PILOT_EFFECT).responses(SHKV), expected);
    assertThat(Files.readString(bundled, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
  }

  @Test
  void aLaterWaveHasTheSameTeamsAndOtherPeople() {
    SampleOrganisation organisation = SampleOrganisation.of(400, SampleOrganisation.DEFAULT_SEED);
    ResponseSet first = organisation.responses(SHKV);
    ResponseSet second = organisation.inWave(2).responses(SHKV);
    for (int row = 0; row < first.size(); row++) {
      assertThat(second.attribute("team").value(row)).isEqualTo(first.attribute("team").value(row));
    }
    assertThat(second.answers("seen-1")).isNotEqualTo(first.answers("seen-1"));
    assertThat(organisation.inWave(1).responses(SHKV)).isEqualTo(first);
    // a pilot changes nothing in the first wave
    assertThat(organisation.withPilot("T01", 1.0).responses(SHKV)).isEqualTo(first);
  }

  @Test
  void theSameSeedGivesTheSameResponses() {
    ResponseSet a = SampleOrganisation.of(150, 7).responses(SHKV);
    assertThat(SampleOrganisation.of(150, 7).responses(SHKV)).isEqualTo(a);
    assertThat(SampleOrganisation.of(150, 8).responses(SHKV)).isNotEqualTo(a);
  }

  @Test
  void itHasSmallTeamsAndEveryLocation() throws Exception {
    ResponseSet set = SampleOrganisation.of(400, SampleOrganisation.DEFAULT_SEED).responses(SHKV);
    assertThat(set.size()).isEqualTo(400);
    assertThat(set.attributeNames()).containsExactly("team", "tenure", "location");
    assertThat(set.attribute("location").values()).containsExactlyInAnyOrder("office", "remote", "frontline");
    int[] sizes = new int[set.attribute("team").cardinality()];
    for (int row = 0; row < set.size(); row++) {
      sizes[set.attribute("team").code(row)]++;
    }
    assertThat(java.util.Arrays.stream(sizes).boxed().toList()).anyMatch(n -> n < 5).anyMatch(n -> n >= 20);
    // it answers any instrument, and what it writes reads back unchanged
    Instrument pulse = Instruments.builtin("pulse");
    ResponseSet pulses = SampleOrganisation.of(60, 1).responses(pulse);
    StringWriter csv = new StringWriter();
    ResponseCsv.withDefaults(pulse).write(pulses, csv);
    ImportResult back = ResponseCsv.withDefaults(pulse).read(new java.io.StringReader(csv.toString()));
    assertThat(back.responses()).isEqualTo(pulses);
  }
}

package dev.belonging.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.report.Report;
import dev.belonging.scoring.report.ReportJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

/** Several organisations in one pipeline never mix: each key's report is the report of its rows alone. */
class PerKeyProperties {

  @Test
  void eachOrganisationsReportIsThatOfItsOwnRows() {
    // few examples: each is a whole pipeline on the Direct runner
    qt().withExamples(4).forAll(lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 4))
        .ofSizeBetween(1, 5), longs().all(), integers().between(1, 120))
        .checkAssert((keys, seed, maxSize) -> {
          List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
          Random random = new Random(seed);
          List<KV<String, ResponseRow>> input = new ArrayList<>();
          List<String> expected = new ArrayList<>();
          for (int k = 0; k < distinct.size(); k++) {
            // sizes from 1 up, so that some organisations are below k as a whole
            ResponseSet set = BeamFixtures.organisation(1 + random.nextInt(maxSize), seed + k, "r");
            for (ResponseRow row : BeamFixtures.rows(set)) {
              input.add(KV.of(distinct.get(k), row));
            }
            expected.add(distinct.get(k) + "\t" + ReportJson.toJson(BeamFixtures.generated().analyze(set)));
          }
          java.util.Collections.shuffle(input, random);

          Pipeline pipeline = BeamFixtures.pipeline();
          String reports = BeamFixtures.collect(pipeline
              .apply(Create.of(input).withCoder(KvCoder.of(StringUtf8Coder.of(), ResponseRowCoder.of())))
              .apply(Reshuffle.viaRandomKey())
              .apply(AnalyzeResponses.<String>perKey(BeamFixtures::generated))
              .apply(MapElements.into(TypeDescriptors.strings())
                  .via((KV<String, Report> kv) -> kv.getKey() + "\t" + ReportJson.toJson(kv.getValue()))));
          pipeline.run().waitUntilFinish();
          assertThat(BeamFixtures.drain(reports)).containsExactlyInAnyOrderElementsOf(expected);
        });
  }
}

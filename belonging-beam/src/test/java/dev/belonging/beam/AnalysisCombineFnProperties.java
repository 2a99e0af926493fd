package dev.belonging.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.belonging.core.model.ResponseSet;
import dev.belonging.scoring.report.ReportJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/**
 * The combine's accumulator merges as a commutative monoid: rows split into any bundles, each bundle's
 * accumulator sent through its coder (as a shuffle would), merged in any order and grouping, give the
 * in-memory report, and equal accumulators encode to equal bytes.
 */
class AnalysisCombineFnProperties {

  private static final AnalysisCombineFn FN = AnalysisCombineFn.of(BeamFixtures::generated);
  private static final AnalysisPartialCoder CODER = AnalysisPartialCoder.of(BeamFixtures::generated);

  @Test
  void anySplitAndMergeOrderGivesTheInMemoryReport() {
    qt().withExamples(60).forAll(integers().between(0, 300), longs().all(), integers().between(1, 8))
        .checkAssert((n, seed, bundles) -> check(n, seed, bundles));
  }

  @Test
  void bundlesLargerThanABlockGiveTheInMemoryReport() {
    // more than AnalysisPartial.BLOCK rows in a bundle: rows are added in blocks as they arrive
    check(3 * AnalysisPartial.BLOCK + 17, 11, 2);
  }

  private static void check(int n, long seed, int bundles) {
    ResponseSet set = BeamFixtures.organisation(n, seed, "p");
    List<ResponseRow> rows = BeamFixtures.rows(set);
    Random random = new Random(seed ^ n);
    Collections.shuffle(rows, random);
    List<AnalysisPartial> partials = new ArrayList<>();
    int from = 0;
    for (int b = 0; b < bundles; b++) {
      int to = b == bundles - 1 ? n : from + random.nextInt(n - from + 1);
      AnalysisPartial partial = FN.createAccumulator();
      for (ResponseRow row : rows.subList(from, to)) {
        partial = FN.addInput(partial, row);
      }
      partials.add(random.nextBoolean() ? roundTrip(partial) : partial);
      from = to;
    }
    // merge random groups until one is left, sending some results through the coder
    while (partials.size() > 1) {
      Collections.shuffle(partials, random);
      int take = 2 + random.nextInt(partials.size() - 1);
      List<AnalysisPartial> group = new ArrayList<>(partials.subList(0, take));
      partials.subList(0, take).clear();
      AnalysisPartial merged = FN.mergeAccumulators(group);
      partials.add(random.nextBoolean() ? roundTrip(merged) : merged);
    }
    AnalysisPartial result = partials.get(0);
    AnalysisPartial onePass = FN.createAccumulator();
    for (ResponseRow row : BeamFixtures.rows(set)) {
      onePass = FN.addInput(onePass, row);
    }
    assertThat(encode(result)).isEqualTo(encode(onePass));
    assertThat(ReportJson.toJson(FN.extractOutput(result)))
        .isEqualTo(ReportJson.toJson(BeamFixtures.generated().analyze(set)));
  }

  private static AnalysisPartial roundTrip(AnalysisPartial partial) {
    try {
      return CoderUtils.decodeFromByteArray(CODER, encode(partial));
    } catch (CoderException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] encode(AnalysisPartial partial) {
    try {
      return CoderUtils.encodeToByteArray(CODER, partial);
    } catch (CoderException e) {
      throw new AssertionError(e);
    }
  }
}

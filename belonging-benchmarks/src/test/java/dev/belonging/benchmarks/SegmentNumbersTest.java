package dev.belonging.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentNumbersTest {

  private static final SegmentNumbers TEAM =
      new SegmentNumbers("team=T1", "voice", 40, 38, 3.5, 0.8, 0.6);

  @Test
  void equalNumbersAgree() {
    SegmentNumbers.Comparison c = SegmentNumbers.compare(List.of(TEAM), List.of(TEAM), 1e-9);
    assertThat(c.agrees()).isTrue();
    assertThat(c.compared()).isEqualTo(1);
  }

  @Test
  void aMeanOffByMoreThanTheToleranceIsAMismatch() {
    SegmentNumbers off = new SegmentNumbers("team=T1", "voice", 40, 38, 3.5 + 2e-9, 0.8, 0.6);
    SegmentNumbers.Comparison c = SegmentNumbers.compare(List.of(TEAM), List.of(off), 1e-9);
    assertThat(c.agrees()).isFalse();
    assertThat(c.mismatches()).singleElement().asString().contains("team=T1 / voice");
    assertThat(c.maxMeanDifference()).isGreaterThan(1e-9);
  }

  @Test
  void anotherCountOrAMissingSegmentIsAMismatch() {
    SegmentNumbers fewer = new SegmentNumbers("team=T1", "voice", 40, 37, 3.5, 0.8, 0.6);
    assertThat(SegmentNumbers.compare(List.of(TEAM), List.of(fewer), 1e-9).agrees()).isFalse();
    SegmentNumbers other = new SegmentNumbers("team=T2", "voice", 40, 38, 3.5, 0.8, 0.6);
    assertThat(SegmentNumbers.compare(List.of(TEAM), List.of(other), 1e-9).mismatches())
        .singleElement().asString().contains("not in the reference");
  }

  @Test
  void nothingComparedDoesNotAgree() {
    assertThat(SegmentNumbers.compare(List.of(), List.of(TEAM), 1e-9).agrees()).isFalse();
  }

  @Test
  void anUndefinedSdOnOneSideOnlyIsAMismatch() {
    SegmentNumbers noSd = new SegmentNumbers("team=T1", "voice", 40, 38, 3.5, Double.NaN, 0.6);
    assertThat(SegmentNumbers.compare(List.of(TEAM), List.of(noSd), 1e-9).agrees()).isFalse();
    assertThat(SegmentNumbers.compare(List.of(noSd), List.of(noSd), 1e-9).agrees()).isTrue();
  }
}

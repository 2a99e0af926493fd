package dev.belonging.examples.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PaletteTest {

  private static final double AA = 4.5;

  @Test
  void computesTheWcagContrastRatio() {
    // WCAG 2: black on white is 21:1; #767676 on white is the lightest grey with 4.5:1 (4.54)
    assertThat(Palette.contrast("#000000", "#ffffff")).isCloseTo(21.0, within(1e-9));
    assertThat(Palette.contrast("#767676", "#ffffff")).isCloseTo(4.54, within(0.01));
    assertThat(Palette.contrast("#777777", "#ffffff")).isLessThan(AA);
    assertThat(Palette.contrast("#123456", "#123456")).isEqualTo(1.0);
  }

  @Test
  void everyFillHasTextThatReachesAa() {
    for (String fill : Palette.DIVERGING) {
      assertThat(Palette.contrast(Palette.textOn(fill), fill)).as(fill).isGreaterThanOrEqualTo(AA);
    }
    for (String fill : new String[] {Palette.UNFAVORABLE, Palette.NEUTRAL, Palette.FAVORABLE, Palette.UNDEFINED,
        Palette.HIDDEN, Palette.PAPER}) {
      assertThat(Palette.contrast(Palette.textOn(fill), fill)).as(fill).isGreaterThanOrEqualTo(AA);
    }
    assertThat(Palette.textOn(Palette.FAVORABLE)).isEqualTo(Palette.WHITE);
    assertThat(Palette.textOn(Palette.DIVERGING[3])).isEqualTo(Palette.INK);
  }

  @Test
  void theStyleSheetsTextColoursReachAaOnTheirBackgrounds() {
    // text colours of the style sheet: body, muted, links; muted text also on the hidden cell's grey
    for (String fg : new String[] {"#1a1a1a", "#4d4d4d", "#1f5f99"}) {
      assertThat(Palette.contrast(fg, "#ffffff")).as(fg).isGreaterThanOrEqualTo(AA);
    }
    assertThat(Palette.contrast("#1a1a1a", "#f0f0f0")).isGreaterThanOrEqualTo(AA);
    assertThat(Palette.contrast(Palette.MUTED, Palette.HIDDEN)).isGreaterThanOrEqualTo(AA);
    assertThat(Style.CSS).contains("#1a1a1a", "#4d4d4d", "#1f5f99");
  }

  @Test
  void theForestPlotsMarksAndLabelsReachAaOnThePage() {
    // flagged lower, flagged higher and unflagged marks, lines and the value labels beside them
    for (String mark : new String[] {Palette.UNFAVORABLE, Palette.FAVORABLE, Palette.MUTED, Palette.INK}) {
      assertThat(Palette.contrast(mark, Palette.PAPER)).as(mark).isGreaterThanOrEqualTo(AA);
    }
    // the hidden rows' text sits on the hatching behind a white halo; without the halo, still AA on its grey
    assertThat(Palette.contrast(Palette.MUTED, "#f7f7f7")).isGreaterThanOrEqualTo(AA);
  }

  @Test
  void theDivergingScaleIsCentredAndSymmetric() {
    assertThat(Palette.bin(0)).isEqualTo(3);
    assertThat(Palette.bin(2.49)).isEqualTo(3);
    assertThat(Palette.bin(-2.49)).isEqualTo(3);
    assertThat(Palette.bin(2.5)).isEqualTo(4);
    assertThat(Palette.bin(-2.5)).isEqualTo(2);
    assertThat(Palette.bin(-10)).isEqualTo(1);
    assertThat(Palette.bin(12.5)).isEqualTo(6);
    assertThat(Palette.bin(-80)).isEqualTo(0);
    assertThat(Palette.bin(80)).isEqualTo(6);
  }
}

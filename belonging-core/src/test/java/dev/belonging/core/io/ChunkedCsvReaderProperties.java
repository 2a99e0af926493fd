package dev.belonging.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import static dev.belonging.core.io.ReaderOutcomes.assertSame;
import static dev.belonging.core.io.ReaderOutcomes.chunked;
import static dev.belonging.core.io.ReaderOutcomes.streaming;

import dev.belonging.core.io.CsvGenerators.Defect;
import dev.belonging.core.io.ReaderOutcomes.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The chunked reader gives exactly what the one-threaded streaming reader gives: the same response set
 * (rows, ids, answers, comments, attribute values and their codes), the same rejected rows with the same
 * problems, lines and messages, or the same exception, whatever the chunk size (down to one byte, which
 * cuts after every line break, quoted ones included) and the number of threads.
 */
class ChunkedCsvReaderProperties {

  private static final ResponseCsv STRICT = ResponseCsv.withDefaults(CsvGenerators.INSTRUMENT)
      .withLimits(CsvLimits.defaults().withMaxCellChars(CsvGenerators.CELL_LIMIT));
  private static final ResponseCsv SKIP = STRICT.withMode(ImportMode.SKIP_INVALID);

  /** The defects that the chunked reader handles itself (the others send the file to the streaming one). */
  private static final Set<Defect> HANDLED = EnumSet.of(Defect.OUT_OF_SCALE, Defect.NOT_AN_ANSWER,
      Defect.TOO_FEW_CELLS, Defect.TOO_MANY_CELLS, Defect.BLANK_ID, Defect.DUPLICATE_ID);

  @Test
  void givesWhatTheStreamingReaderGivesAtEveryCut() {
    AtomicInteger rejecting = new AtomicInteger();
    qt().withExamples(150).forAll(CsvGenerators.rows(12, HANDLED, 30), CsvGenerators.styles(),
        integers().between(1, 2)).checkAssert((rows, style, threads) -> {
          CsvGenerators.Csv file = CsvGenerators.write(rows, style);
          byte[] bytes = file.bytes();
          for (ResponseCsv csv : List.of(file.reader(STRICT), file.reader(SKIP))) {
            Outcome expected = streaming(csv, bytes);
            if (expected.result() != null && !expected.result().rejected().isEmpty()) {
              rejecting.incrementAndGet();
            }
            for (int chunk = 1; chunk <= bytes.length; chunk += chunk < 48 ? 1 : 17) {
              Outcome actual = chunked(csv, bytes, chunk, threads);
              assertThat(actual).as("left to the streaming reader at chunk size %d", chunk).isNotNull();
              assertSame(actual, expected);
            }
          }
        });
    assertThat(rejecting.get()).as("files with rejected rows").isGreaterThan(20);
  }

  @Test
  void givesWhatTheStreamingReaderGivesOnManyRowsAndThreads() {
    qt().withExamples(60).forAll(CsvGenerators.rows(300, HANDLED, 5), CsvGenerators.styles(),
        integers().between(64, 4096)).checkAssert((rows, style, chunk) -> {
          CsvGenerators.Csv file = CsvGenerators.write(rows, style);
          byte[] bytes = file.bytes();
          for (ResponseCsv csv : List.of(file.reader(STRICT), file.reader(SKIP))) {
            Outcome expected = streaming(csv, bytes);
            for (int threads = 1; threads <= 4; threads++) {
              Outcome actual = chunked(csv, bytes, chunk, threads);
              assertThat(actual).isNotNull();
              assertSame(actual, expected);
            }
          }
        });
  }

  @Test
  void leavesWhatItDoesNotHandleToTheStreamingReaderAndOtherwiseAgrees() {
    AtomicInteger leftOver = new AtomicInteger();
    qt().withExamples(200).forAll(CsvGenerators.rows(12, EnumSet.allOf(Defect.class), 30),
        CsvGenerators.styles(), integers().between(1, 64)).checkAssert((rows, style, chunk) -> {
          CsvGenerators.Csv file = CsvGenerators.write(rows, style);
          byte[] bytes = file.bytes();
          for (ResponseCsv csv : List.of(file.reader(STRICT), file.reader(SKIP))) {
            Outcome actual = chunked(csv, bytes, chunk, 2);
            if (actual == null) {
              leftOver.incrementAndGet();
            } else {
              assertSame(actual, streaming(csv, bytes));
            }
          }
        });
    assertThat(leftOver.get()).as("inputs left to the streaming reader").isGreaterThan(20);
  }

  @Test
  void checksUtf8AsStrictlyAsTheJdkDecoder() {
    java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    AtomicInteger invalid = new AtomicInteger();
    qt().withExamples(20_000).forAll(integers().between(1, 6), org.quicktheories.generators.SourceDSL
        .longs().all()).checkAssert((length, seed) -> {
          byte[] bytes = new byte[length];
          java.util.Random random = new java.util.Random(seed);
          for (int i = 0; i < length; i++) {
            // mostly the bytes where the rules are: leads, continuations and their edges
            int[] interesting = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
            bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256)
                : interesting[random.nextInt(interesting.length)]);
          }
          boolean jdk;
          try {
            decoder.reset().decode(java.nio.ByteBuffer.wrap(bytes));
            jdk = true;
          } catch (java.nio.charset.CharacterCodingException e) {
            jdk = false;
            invalid.incrementAndGet();
          }
          assertThat(Utf8.isValid(bytes, 0, length)).as("%s", java.util.HexFormat.of().formatHex(bytes))
              .isEqualTo(jdk);
        });
    assertThat(invalid.get()).as("invalid inputs").isBetween(1000, 20_000 - 500);
  }

  @Test
  void quotedLineBreaksAcrossEveryCutDoNotFoolTheSplit() {
    StringBuilder b = new StringBuilder("respondent,team,site,q1,q2,q3,note\r\n");
    for (int i = 0; i < 40; i++) {
      b.append("r").append(i).append(",\"T\n").append(i % 3).append("\",S,1,2,3,\"line\r\n\"\"")
          .append(i).append("\"\"\n\nend\"\r\n");
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    Outcome expected = streaming(SKIP, bytes);
    assertThat(expected.result().responses().size()).isEqualTo(40);
    for (int chunk = 1; chunk <= bytes.length; chunk++) {
      Outcome actual = chunked(SKIP, bytes, chunk, 2);
      assertThat(actual).as("chunk size %d", chunk).isNotNull();
      assertSame(actual, expected);
    }
  }
}

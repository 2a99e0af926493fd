package dev.belonging.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.belonging.core.model.InvalidResponsesException;
import dev.belonging.core.model.Wave;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a file takes the chunked path, and what it leaves to the streaming reader reads as before. */
class ChunkedCsvReaderTest {

  private static final String HEADER = "respondent,team,q1,q2,q3,note\n";
  private static final ResponseCsv STRICT = ResponseCsv.withDefaults(TestInstruments.pulse());
  private static final ResponseCsv SKIP = STRICT.withMode(ImportMode.SKIP_INVALID);

  @TempDir
  Path dir;

  private Path file(byte[] bytes) throws IOException {
    Path file = dir.resolve("responses.csv");
    Files.write(file, bytes);
    return file;
  }

  @Test
  void aFileReadsOnTheChunkedPathAsTheStreamReads() throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < 5000; i++) {
      text.append("r").append(i).append(",T").append(i % 7).append(",").append(1 + i % 5).append(",,")
          .append(i % 3 == 0 ? "\" 4 \"" : "3").append(",\"fine,\nthanks\"\r\n");
    }
    text.append("r17,T1,9,1,1,\n"); // a duplicate id with an answer outside the scale
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

    assertThat(ChunkedCsvReader.read(SKIP, ChunkedCsvReader.Source.of(bytes), "x", 4096, 2)).isNotNull();
    ImportResult fromFile = SKIP.read(file(bytes));
    ImportResult fromStream = SKIP.read(new ByteArrayInputStream(bytes), file(bytes).toString());

    assertThat(fromFile).isEqualTo(fromStream);
    assertThat(fromFile.responses().size()).isEqualTo(5000);
    assertThat(fromFile.problems()).extracting(p -> p.line() + " " + p.column() + " " + p.message())
        .containsExactly("10002 respondent duplicate respondent id (first on line 36)",
            "10002 q1 answer outside the scale 1..5");
  }

  @Test
  void aFileTheChunkedPathLeavesReadsAsTheStreamReads() throws IOException {
    byte[] bytes = (HEADER + "r1,T1,1,1,1,\nr2,T\u00e9,2,2,2,x\"y\n").getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 14] = (byte) 0xFF; // the é's first byte: invalid UTF-8 in the team

    assertThat(ChunkedCsvReader.read(SKIP, ChunkedCsvReader.Source.of(bytes), "x", 16, 2)).isNull();
    InvalidResponsesException fromFile = catchThrowableOfType(InvalidResponsesException.class,
        () -> STRICT.read(file(bytes)));
    InvalidResponsesException fromStream = catchThrowableOfType(InvalidResponsesException.class,
        () -> STRICT.read(new ByteArrayInputStream(bytes), file(bytes).toString()));

    assertThat(fromFile.getMessage()).isEqualTo(fromStream.getMessage());
    assertThat(fromFile.problems()).isEqualTo(fromStream.problems()).isNotEmpty();
  }

  @Test
  void edgesOfTheFormatReadTheSameOnBothPaths() {
    String[] inputs = {
      "\uFEFF\r\n\n" + HEADER + "r1,T1,1,1,1,\n",
      HEADER + "\"\"\nr1,T1,1,1,1,\n",
      HEADER + ",\nr1,T1,1,1,1,",
      HEADER + "r1,T1,1,1,1,,\r\r\n\rr2,T1,1,1,1,\"\"\r",
      HEADER + "\"r\"\"1\",\"T,1\",\" 5 \",\"+2\",-1,\"\"\n",
      HEADER + " \nr1,T1,1,1,1,\n",
      HEADER + "r1,T1,10,1,1,\nr2,T1,0,1,1,\nr3,T1,1,1,1\n",
      HEADER + "r1,,,,,\nr1,T2,1,2,3,x\nr1,T3,9,2,3,x\n",
      "respondent,team,q1,q2,q3,note,extra\nr1,T1,1,1,1,,e\nr2,T2,2,2,2,,\n",
      HEADER + "\u00e9,\u6f22\u5b57,1,1,1,\ud83d\ude00\n\u2003,T,1,1,1,\n",
      HEADER + "r1,T1,1,1,1,\"a\nb\"\"c\r\nd\"\n\"r\n2\",T1,1,1,1,\n",
      HEADER + "r1,T1,1,1,1,\"open",
      HEADER + "r1,T1,1,1,1,\"x\"y\n",
      HEADER + "r1,T1,1,1,1,a\"b\n",
      HEADER,
      "",
    };
    int handled = 11; // the inputs before the unterminated quote; the others go to the streaming reader
    for (int i = 0; i < inputs.length; i++) {
      byte[] bytes = inputs[i].getBytes(StandardCharsets.UTF_8);
      for (ResponseCsv csv : new ResponseCsv[] {STRICT, SKIP}) {
        ReaderOutcomes.Outcome expected = ReaderOutcomes.streaming(csv, bytes);
        for (int chunk = 1; chunk <= bytes.length + 1; chunk++) {
          ReaderOutcomes.Outcome actual = ReaderOutcomes.chunked(csv, bytes, chunk, 2);
          assertThat(actual == null).as("input %d left to the streaming reader", i).isEqualTo(i >= handled);
          if (actual != null) {
            ReaderOutcomes.assertSame(actual, expected);
          }
        }
      }
    }
  }

  @Test
  void everySettingOfTheReaderGivesTheSameOnBothPaths() {
    String text = "site,person,q3,extra,team,note\r\nS1,p1,4,x,T1,hello\r\nS2,p2,,y,T2, \r\n"
        + "S1,p3,5,z,T1,\"multi\nline\"\r\nS3,p1,2,w,T3,\r\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ResponseCsv base = ResponseCsv.withDefaults(TestInstruments.pulse()).withIdColumn("person")
        .withQuestionColumns(QuestionColumns.OPTIONAL)
        .withWave(Wave.of("2026-Q1"));
    for (ResponseCsv csv : new ResponseCsv[] {base, base.withAttributes(List.of("team", "site")),
        base.withAttributes(List.of()), base.withMode(ImportMode.SKIP_INVALID),
        base.withMode(ImportMode.SKIP_INVALID).withAttributes(List.of("team"))}) {
      ReaderOutcomes.Outcome expected = ReaderOutcomes.streaming(csv, bytes);
      for (int chunk = 1; chunk <= bytes.length; chunk++) {
        ReaderOutcomes.Outcome actual = ReaderOutcomes.chunked(csv, bytes, chunk, 2);
        assertThat(actual).as("%s at chunk size %d", csv, chunk).isNotNull();
        ReaderOutcomes.assertSame(actual, expected);
        if (actual.result() != null) {
          assertThat(actual.result().responses().absentQuestions()).containsExactly("q1", "q2");
        }
      }
    }
  }

  @Test
  void aShortLastRowIsReadUpToTheEndOfTheFileAndNoFurther() {
    // one thread reuses its window: after the last row, which has no line break and stops after q2, the
    // window still holds the first row's ",2,3,x": read as more cells, r2 would have a q3 of 3 and a note
    byte[] bytes = (HEADER + "r1,T1,1,2,3,x\nr2,T1,4,5").getBytes(StandardCharsets.UTF_8);
    for (ResponseCsv csv : List.of(STRICT, SKIP)) {
      ReaderOutcomes.Outcome expected = ReaderOutcomes.streaming(csv, bytes);
      for (int chunk = 1; chunk <= bytes.length; chunk++) {
        ReaderOutcomes.Outcome actual = ReaderOutcomes.chunked(csv, bytes, chunk, 1);
        assertThat(actual).as("at chunk size %d", chunk).isNotNull();
        ReaderOutcomes.assertSame(actual, expected);
      }
    }
    assertThat(ReaderOutcomes.streaming(SKIP, bytes).result().problems())
        .extracting(p -> p.line() + " " + p.message()).singleElement().asString().startsWith("3 ");
  }

  @Test
  void attributesWithMoreValuesThanAByteOrTwoHoldReadTheSameOnBothPaths() {
    // the kept rows' codes are stored a byte wide until the 257th value comes, then two bytes wide until
    // the 65,537th: each count of values about those bounds, first met late in the file, after rows of
    // the few values the file starts with; values met only in rejected rows get no code and widen nothing
    for (int values : new int[] {255, 256, 257, 65_536, 65_537}) {
      StringBuilder text = new StringBuilder(HEADER);
      int rows = 3000 + values;
      for (int i = 0; i < rows; i++) {
        String team = i < 3000 ? "T" + i % 10 : "T" + (i - 3000);
        text.append("r").append(i).append(',').append(team).append(",1,2,3,\n");
        if (i % 97 == 0) {
          // a duplicate id, rejected, with a value of its own
          text.append("r").append(i).append(",only-rejected-").append(i).append(",1,2,3,\n");
        }
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      ReaderOutcomes.Outcome expected = ReaderOutcomes.streaming(SKIP, bytes);
      assertThat(expected.result().responses().attribute("team").values()).hasSize(values);
      for (int threads = 1; threads <= 2; threads++) {
        ReaderOutcomes.Outcome actual = ReaderOutcomes.chunked(SKIP, bytes, 1 << 14, threads);
        assertThat(actual).as("%d values", values).isNotNull();
        ReaderOutcomes.assertSame(actual, expected);
      }
    }
  }

  @Test
  void valuesThatShareTheirFirstSevenBytesAndLengthAreHashedApart() {
    // such values have one key, so the tail's bytes must spread them over a chunk's dictionary, or each
    // cell would probe through all of them; and the bytes a cell's scan puts in the key are not hashed
    // again, so values that differ only there must differ in their keys
    Set<Integer> slots = new HashSet<>();
    Set<Long> keys = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      byte[] tailDiffers = String.format("Engineering team %03d", i).getBytes(StandardCharsets.US_ASCII);
      int h = ChunkedCsvReader.valueHash(ChunkedCsvReader.key(tailDiffers, 0, tailDiffers.length),
          ChunkedCsvReader.tail(tailDiffers, 0, tailDiffers.length));
      slots.add(h & 2047);
      byte[] keyDiffers = String.format("%03d-team", i).getBytes(StandardCharsets.US_ASCII);
      keys.add(ChunkedCsvReader.key(keyDiffers, 0, keyDiffers.length));
    }
    // 1,000 values over 2,048 slots fill about 790 of them when hashed at random
    assertThat(slots).hasSizeGreaterThan(700);
    assertThat(keys).hasSize(1000);
  }

  @Test
  void strictModeRejectsAFileWithTheSameProblemsOnBothPaths() throws IOException {
    byte[] bytes = (HEADER + "r1,T1,1,1,1,\n,T1,x,1,1,\nr1,T2,1,1\n").getBytes(StandardCharsets.UTF_8);

    InvalidResponsesException chunked = catchThrowableOfType(InvalidResponsesException.class,
        () -> ChunkedCsvReader.read(STRICT, ChunkedCsvReader.Source.of(bytes), "x", 8, 2));
    InvalidResponsesException streaming = catchThrowableOfType(InvalidResponsesException.class,
        () -> STRICT.read(new ByteArrayInputStream(bytes), "x"));

    assertThat(chunked.getMessage()).isEqualTo(streaming.getMessage()).startsWith("invalid responses in x");
    assertThat(chunked.problems()).isEqualTo(streaming.problems()).hasSize(4);
  }
}

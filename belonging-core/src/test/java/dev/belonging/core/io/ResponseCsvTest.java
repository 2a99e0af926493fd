package dev.belonging.core.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.belonging.core.model.BelongingException;
import dev.belonging.core.model.InvalidResponsesException;
import dev.belonging.core.model.Problem;
import dev.belonging.core.model.ResponseSet;
import dev.belonging.core.model.Wave;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCsvTest {

  private static final String HEADER = "respondent,team,q1,q2,q3,note\n";
  private static final ResponseCsv STRICT = ResponseCsv.withDefaults(TestInstruments.pulse());
  private static final ResponseCsv SKIP = STRICT.withMode(ImportMode.SKIP_INVALID);

  private static ImportResult read(ResponseCsv csv, String text) throws IOException {
    return read(csv, text.getBytes(UTF_8));
  }

  private static ImportResult read(ResponseCsv csv, byte[] bytes) throws IOException {
    return csv.read(new ByteArrayInputStream(bytes), "test.csv");
  }

  private static InvalidResponsesException rejects(ResponseCsv csv, String text) {
    return rejects(csv, text.getBytes(UTF_8));
  }

  private static InvalidResponsesException rejects(ResponseCsv csv, byte[] bytes) {
    return catchThrowableOfType(InvalidResponsesException.class, () -> read(csv, bytes));
  }

  private static Problem onlyProblem(ImportResult result) {
    assertThat(result.problems()).hasSize(1);
    return result.problems().get(0);
  }

  private static void assertProblem(Problem p, long line, String column, String message) {
    assertThat(p.line()).as("line of %s", p).isEqualTo(line);
    assertThat(p.column()).as("column of %s", p).isEqualTo(column);
    assertThat(p.message()).as("message of %s", p).isEqualTo(message);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  // ---------------------------------------------------------------------------------------------------
  // valid input

  @Test
  void readsIdsAttributesAnswersAndCommentsInFileOrder() throws IOException {
    ImportResult result = read(STRICT, HEADER
        + "r1,T1,1,5,0,\n"
        + "r2,T2,3,,4,\"fine, thanks\"\n"
        + "r3,T1,,,,\n");

    ResponseSet set = result.responses();
    assertThat(result.isComplete()).isTrue();
    assertThat(set.size()).isEqualTo(3);
    assertThat(set.attributeNames()).containsExactly("team");
    assertThat(set.respondentId(1).value()).isEqualTo("r2");
    assertThat(set.attribute("team").value(2)).isEqualTo("T1");
    assertThat(set.answers("q1").value(0)).isEqualTo(1);
    assertThat(set.answers("q2").value(0)).isEqualTo(5);
    assertThat(set.answers("q3").value(1)).isEqualTo(4);
    assertThat(set.answers("q2").isMissing(1)).isTrue();
    assertThat(set.comment("note", 1)).contains("fine, thanks");
    assertThat(set.comment("note", 0)).isEmpty();
    assertThat(set.get(2).answers()).isEmpty();
  }

  @Test
  void cellsMayBeSeparatedBySemicolonsTabsOrBarsWhateverReadsTheFile(@TempDir Path dir) throws IOException {
    ResponseSet commas = read(STRICT, HEADER
        + "r1,\"Sales, EMEA\",1,5,0,\n"
        + "r2,T2,3,,4,\"fine; thanks | \"\"really\"\"\"\n").responses();
    for (char separator : new char[] {';', '\t', '|'}) {
      String s = String.valueOf(separator);
      String text = HEADER.replace(",", s)
          + String.join(s, "r1", "Sales, EMEA", "1", "5", "0", "") + "\n"
          + String.join(s, "r2", "T2", "3", "", "4", "\"fine; thanks | \"\"really\"\"\"") + "\n";
      ResponseCsv csv = STRICT.withSeparator(separator);
      assertThat(csv.separator()).isEqualTo(separator);
      // a stream is read by the streaming reader, a file in chunks: both take the separator
      assertThat(read(csv, text).responses()).as("stream, %s", s).isEqualTo(commas);
      Path file = Files.writeString(dir.resolve("sep.csv"), text);
      assertThat(csv.read(file).responses()).as("file, %s", s).isEqualTo(commas);
      // and the comma is then text like any other
      assertThat(csv.read(file).responses().attribute("team").value(0)).isEqualTo("Sales, EMEA");
      // written with the separator, read back equal
      StringWriter written = new StringWriter();
      csv.write(commas, written);
      assertThat(written.toString()).startsWith("respondent" + s + "team" + s);
      assertThat(csv.read(new StringReader(written.toString())).responses()).isEqualTo(commas);
    }
  }

  @Test
  void onlyTheCommaSemicolonTabAndBarSeparateCells() {
    for (char c : new char[] {'"', '\n', '\r', ' ', 'a', '1', ':'}) {
      assertThatThrownBy(() -> STRICT.withSeparator(c)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("the separator must be ',', ';', a tab or '|', not ");
    }
    assertThatThrownBy(() -> STRICT.withSeparator('\n')).hasMessageEndingWith("not U+000A");
    assertThat(STRICT.separator()).isEqualTo(',');
    assertThat(STRICT.withSeparator('\t').toString()).endsWith("separator a tab]");
  }

  @Test
  void aFileSeparatedByAnotherCharacterIsNamedInTheProblem() {
    String text = HEADER.replace(",", ";") + "r1;T1;1;2;3;\n";
    InvalidResponsesException e = rejects(STRICT, text);
    assertThat(e.problems().get(0).detail()).endsWith("; the header is one column holding ';': are the cells "
        + "separated by ';'?");
    InvalidResponsesException tabs = rejects(STRICT.withSeparator(';'), HEADER.replace(",", "\t"));
    assertThat(tabs.problems().get(0).detail()).endsWith("are the cells separated by a tab?");
    // a header of several columns is not one that another separator would split
    InvalidResponsesException other = rejects(STRICT, "id;x,team,q1,q2,q3,note\nr1,T1,1,2,3,\n");
    assertThat(other.problems().get(0).detail()).doesNotContain("separated by");
  }

  @Test
  void emptyAndBlankCellsAreMissingAnswers() throws IOException {
    ResponseSet set = read(STRICT, HEADER + "r1,T1,, ,\t,\n").responses();

    assertThat(set.answers("q1").isMissing(0)).isTrue();
    assertThat(set.answers("q2").isMissing(0)).isTrue();
    assertThat(set.answers("q3").isMissing(0)).isTrue();
  }

  @Test
  void answersMayBeSurroundedBySpacesAndSigned() throws IOException {
    ResponseSet set = read(STRICT, HEADER + "r1,T1, 4 ,+2,\t0\t,\n").responses();

    assertThat(set.answers("q1").value(0)).isEqualTo(4);
    assertThat(set.answers("q2").value(0)).isEqualTo(2);
    assertThat(set.answers("q3").value(0)).isEqualTo(0);
  }

  @Test
  void idsAndAttributeValuesAreKeptExactly() throws IOException {
    ResponseSet set = read(STRICT, HEADER + " r 1 ,\" T,1 \",1,1,1,\n").responses();

    assertThat(set.respondentId(0).value()).isEqualTo(" r 1 ");
    assertThat(set.attribute("team").value(0)).isEqualTo(" T,1 ");
  }

  @Test
  void labelsMapThroughTheQuestionsScale() throws IOException {
    ResponseSet set = read(STRICT, HEADER + "r1,T1,Strongly agree, Disagree ,2,\n").responses();

    assertThat(set.answers("q1").value(0)).isEqualTo(5);
    assertThat(set.answers("q2").value(0)).isEqualTo(2);
  }

  @Test
  void aLabelOfAnotherScaleOrInAnotherCaseIsNotAnAnswer() throws IOException {
    ImportResult result = read(SKIP, HEADER + "r1,T1,strongly agree,1,Agree,\n");

    assertThat(result.responses().isEmpty()).isTrue();
    List<Problem> problems = result.problems();
    assertThat(problems).hasSize(2);
    assertProblem(problems.get(0), 2, "q1", "answer not an integer or a label of the scale");
    assertThat(problems.get(0).detail()).contains("\"strongly agree\"").contains("Strongly agree");
    assertProblem(problems.get(1), 2, "q3", "answer not an integer");
    assertThat(problems.get(1).detail()).isEqualTo("answer \"Agree\" is not an integer on the scale 0..4");
  }

  @Test
  void commentsAreKeptAsTextWithLineBreaksAndQuotes() throws IOException {
    ResponseSet set = read(STRICT, HEADER + "r1,T1,1,1,1,\"two\nlines, \"\"quoted\"\"\"\n"
        + "r2,T1,1,1,1,   \n").responses();

    assertThat(set.comment("note", 0)).contains("two\nlines, \"quoted\"");
    assertThat(set.comment("note", 1)).isEmpty();
  }

  @Test
  void putsTheResponsesInTheConfiguredWave() throws IOException {
    Wave wave = Wave.of("2026-Q1");
    assertThat(read(STRICT.withWave(wave), HEADER + "r1,T1,1,1,1,\n").responses().wave()).isEqualTo(wave);
  }

  @Test
  void readsAnotherIdColumn() throws IOException {
    ResponseSet set = read(STRICT.withIdColumn("person"), "team,person,q1,q2,q3,note\nT1,p7,1,2,3,\n")
        .responses();

    assertThat(set.respondentId(0).value()).isEqualTo("p7");
    assertThat(set.attributeNames()).containsExactly("team");
  }

  @Test
  void namedAttributesAreReadInTheirOrderAndOtherColumnsIgnored() throws IOException {
    ResponseSet set = read(STRICT.withAttributes(List.of("site", "team")),
        "respondent,team,extra,q1,q2,q3,site,note\nr1,T1,x,1,2,3,S1,\n").responses();

    assertThat(set.attributeNames()).containsExactly("site", "team");
    assertThat(set.attribute("site").value(0)).isEqualTo("S1");
    assertThat(set.attribute("team").value(0)).isEqualTo("T1");
  }

  @Test
  void noAttributesWhenAnEmptyListIsNamed() throws IOException {
    assertThat(read(STRICT.withAttributes(List.of()), HEADER + "r1,T1,1,1,1,\n").responses()
        .attributeNames()).isEmpty();
  }

  @Test
  void optionalQuestionColumnsDeclareAbsentQuestions() throws IOException {
    ResponseSet set = read(STRICT.withQuestionColumns(QuestionColumns.OPTIONAL),
        "respondent,team,q1,note\nr1,T1,4,\n").responses();

    assertThat(set.absentQuestions()).containsExactly("q2", "q3");
    assertThat(set.answers("q2").isMissing(0)).isTrue();
    assertThat(set.answers("q1").value(0)).isEqualTo(4);
  }

  // ---------------------------------------------------------------------------------------------------
  // encodings, line endings, physical lines

  @Test
  void skipsAUtf8ByteOrderMark() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    ResponseSet set = read(STRICT, concat(bom, ("\"respondent\",team,q1,q2,q3,note\nr1,T1,1,1,1,\n")
        .getBytes(UTF_8))).responses();

    assertThat(set.size()).isEqualTo(1);
    assertThat(set.respondentId(0).value()).isEqualTo("r1");
  }

  @Test
  void skipsAByteOrderMarkInDecodedText() throws IOException {
    ResponseSet set = STRICT.read(new StringReader("\uFEFF" + HEADER + "r1,T1,1,1,1,\n")).responses();

    assertThat(set.size()).isEqualTo(1);
  }

  @Test
  void readsCrLfLineEndingsWithCorrectLines() throws IOException {
    ImportResult result = read(SKIP, HEADER.replace("\n", "\r\n") + "r1,T1,1,1,1,\r\nr2,T1,9,1,1,\r\n");

    assertThat(result.responses().size()).isEqualTo(1);
    assertProblem(onlyProblem(result), 3, "q1", "answer outside the scale 1..5");
  }

  @Test
  void readsCrLineEndingsWithCorrectLines() throws IOException {
    ImportResult result = read(SKIP, HEADER.replace("\n", "\r") + "r1,T1,1,1,1,\rr2,T1,1,1,7,\r");

    assertThat(result.responses().size()).isEqualTo(1);
    assertProblem(onlyProblem(result), 3, "q3", "answer outside the scale 0..4");
  }

  @Test
  void aRowSpanningLinesReportsTheLineWhereItStarts() throws IOException {
    ImportResult result = read(SKIP, HEADER
        + "r1,\"team\non two lines\",1,1,1,\"a\r\nb\rc\"\n"
        + "r2,\"T\n2\",1,6,1,\n"
        + "r3,T3,1,1,x,\n");

    assertThat(result.responses().size()).isEqualTo(1);
    assertThat(result.responses().attribute("team").value(0)).isEqualTo("team\non two lines");
    assertThat(result.responses().comment("note", 0)).contains("a\r\nb\rc");
    // r1 spans lines 2-5 (LF, CR LF and CR each end a line), r2 lines 6-7, r3 starts on line 8
    assertThat(result.rejected()).extracting(RejectedRow::line).containsExactly(6L, 8L);
    assertProblem(result.problems().get(0), 6, "q2", "answer outside the scale 1..5");
    assertProblem(result.problems().get(1), 8, "q3", "answer not an integer");
  }

  @Test
  void emptyLinesAreIgnoredAndDoNotShiftLines() throws IOException {
    ImportResult result = read(SKIP, "\n" + HEADER + "\nr1,T1,1,1,1,\n\n\nr2,T1,0,1,1,\n\n");

    assertThat(result.responses().size()).isEqualTo(1);
    assertProblem(onlyProblem(result), 7, "q1", "answer outside the scale 1..5");
  }

  @Test
  void invalidUtf8IsReportedWhereTheBytesAre() throws IOException {
    byte[] bytes = concat((HEADER + "r1,T1,1,1,1,\nr2,T").getBytes(UTF_8), new byte[] {(byte) 0xFF},
        ",1,1,1,\nr3,T1,1,1,1,\n".getBytes(UTF_8));

    ImportResult result = read(SKIP, bytes);

    assertThat(result.responses().size()).isEqualTo(2);
    Problem p = onlyProblem(result);
    assertProblem(p, 3, "team", "invalid UTF-8");
    assertThat(rejects(STRICT, bytes).problems()).containsExactly(p);
  }

  @Test
  void invalidUtf8InsideAMultiLineCellReportsItsOwnLine() throws IOException {
    byte[] bytes = concat((HEADER + "r1,T1,1,1,1,\"first\r\nsecond\n").getBytes(UTF_8),
        new byte[] {(byte) 0xC3, (byte) 0x28}, "third\"\nr2,T1,1,1,1,\n".getBytes(UTF_8));

    ImportResult result = read(SKIP, bytes);

    // the row starts on line 2; its comment goes on over line 3 to the bad bytes on line 4
    assertThat(result.rejected()).extracting(RejectedRow::line).containsExactly(2L);
    assertProblem(onlyProblem(result), 4, "note", "invalid UTF-8");
    assertThat(result.responses().respondentId(0).value()).isEqualTo("r2");
  }

  @Test
  void aTruncatedUtf8SequenceAtTheEndIsInvalid() throws IOException {
    byte[] bytes = concat((HEADER + "r1,T1,1,1,1,caf").getBytes(UTF_8), new byte[] {(byte) 0xC3});

    assertProblem(onlyProblem(read(SKIP, bytes)), 2, "note", "invalid UTF-8");
  }

  @Test
  void validUnicodeIsNotMistakenForInvalidBytes() throws IOException {
    // U+10FFFF is encoded as the surrogate pair DBFF DFFF, whose low half equals the invalid-byte marker
    String id = "é漢😀\uDBFF\uDFFF";
    byte[] bytes = concat((HEADER + id + ",T1,1,1,1,\nr2,T").getBytes(UTF_8), new byte[] {(byte) 0x80},
        ",1,1,1,\n".getBytes(UTF_8));

    ImportResult result = read(SKIP, bytes);

    assertThat(result.responses().respondentId(0).value()).isEqualTo(id);
    assertProblem(onlyProblem(result), 3, "team", "invalid UTF-8");
  }

  @Test
  void invalidUtf8InTheHeaderRejectsTheFile() {
    byte[] bytes = concat("respondent,te".getBytes(UTF_8), new byte[] {(byte) 0xFE},
        "am,q1,q2,q3,note\nr1,T1,1,1,1,\n".getBytes(UTF_8));

    InvalidResponsesException e = rejects(SKIP, bytes);

    assertThat(e.problems()).hasSize(1);
    assertProblem(e.problems().get(0), 1, "", "invalid UTF-8");
  }

  // ---------------------------------------------------------------------------------------------------
  // row problems

  @Test
  void anAnswerOutsideTheScaleNamesNeitherRespondentNorAnswer() throws IOException {
    Problem p = onlyProblem(read(SKIP, HEADER + "secret-id,T1,1,7,1,\n"));

    assertProblem(p, 2, "q2", "answer outside the scale 1..5");
    assertThat(p.message()).doesNotContain("secret-id").doesNotContain("7");
    assertThat(p.detail()).isEqualTo("answer 7 is outside the scale 1..5");
    assertThat(p.toString()).isEqualTo("line 2, column q2: answer 7 is outside the scale 1..5");
  }

  @Test
  void negativeAndHugeNumbersAreOutsideTheScale() throws IOException {
    ImportResult result = read(SKIP, HEADER + "r1,T1,-1,99999999999999999999,1,\n");

    assertThat(result.problems()).hasSize(2);
    assertThat(result.problems()).extracting(Problem::column).containsExactlyInAnyOrder("q1", "q2");
    assertThat(result.problems()).extracting(Problem::message).containsOnly("answer outside the scale 1..5");
    assertThat(result.problems()).extracting(Problem::detail)
        .contains("answer \"99999999999999999999\" is outside the scale 1..5");
  }

  @Test
  void decimalsSignsAloneAndInnerSpacesAreNotIntegers() throws IOException {
    ImportResult result = read(SKIP, HEADER + "r1,T1,4.0,-,1 2,\n");

    assertThat(result.problems()).extracting(Problem::column).containsExactly("q1", "q2", "q3");
    assertThat(result.problems().get(0).detail()).contains("\"4.0\"");
  }

  @Test
  void aRowWithSeveralProblemsReportsEachWithTheSameLine() throws IOException {
    ImportResult result = read(SKIP, HEADER + "r1,T1,1,1,1,\nr2,T1,0,x,5,\n");

    assertThat(result.rejected()).hasSize(1);
    RejectedRow row = result.rejected().get(0);
    assertThat(row.line()).isEqualTo(3);
    assertThat(row.problems()).extracting(Problem::line).containsOnly(3L);
    assertThat(row.problems()).extracting(Problem::column).containsExactlyInAnyOrder("q1", "q2", "q3");
    assertThat(result.problems()).isEqualTo(row.problems());
  }

  @Test
  void tooFewCells() throws IOException {
    ImportResult result = read(SKIP, HEADER + "r1,T1,1,1\nr2,T1,1,1,1,\n");

    assertThat(result.responses().size()).isEqualTo(1);
    Problem p = onlyProblem(result);
    assertProblem(p, 2, "", "row has 4 cells but the header has 6 (too few cells)");
  }

  @Test
  void tooManyCells() throws IOException {
    Problem p = onlyProblem(read(SKIP, HEADER + "r1,T1,1,1,1,,extra,more\n"));

    assertProblem(p, 2, "", "row has 8 cells but the header has 6 (too many cells)");
  }

  @Test
  void aRowWithTooFewCellsStillHasItsOtherProblemsReported() throws IOException {
    ImportResult result = read(SKIP, HEADER + "r1,T1,9\n");

    assertThat(result.problems()).extracting(Problem::column).containsExactlyInAnyOrder("", "q1");
  }

  @Test
  void aBlankIdIsAProblem() throws IOException {
    ImportResult result = read(SKIP, HEADER + "r1,T1,1,1,1,\n  ,T1,1,1,1,\n,T2,1,1,1,\n");

    assertThat(result.responses().size()).isEqualTo(1);
    assertThat(result.problems()).hasSize(2);
    assertProblem(result.problems().get(0), 3, "respondent", "blank respondent id");
    assertProblem(result.problems().get(1), 4, "respondent", "blank respondent id");
  }

  @Test
  void aDuplicateIdIsAProblemOfTheLaterRow() throws IOException {
    ImportResult result = read(SKIP, HEADER + "r1,T1,1,1,1,\nr2,T1,1,1,1,\nr1,T2,2,2,2,\n");

    assertThat(result.responses().size()).isEqualTo(2);
    Problem p = onlyProblem(result);
    assertProblem(p, 4, "respondent", "duplicate respondent id (first on line 2)");
    assertThat(p.detail()).contains("\"r1\"");
  }

  @Test
  void theIdColumnIsNamedInIdProblems() throws IOException {
    Problem p = onlyProblem(read(SKIP.withIdColumn("person"), "person,q1,q2,q3,note\n,1,1,1,\n"));

    assertProblem(p, 2, "person", "blank respondent id");
  }

  @Test
  void aCellOverTheLimitIsAProblemOfItsRow() throws IOException {
    ResponseCsv csv = SKIP.withLimits(CsvLimits.defaults().withMaxCellChars(10));

    ImportResult result = read(csv, HEADER
        + "r1,T1,1,1,1,1234567890\nr2,T1,1,1,1,12345678901\nr3,\"abc\ndefghij\",1,1,1,\n");

    assertThat(result.responses().size()).isEqualTo(1);
    assertThat(result.problems()).hasSize(2);
    assertProblem(result.problems().get(0), 3, "note", "cell longer than 10 characters");
    assertThat(result.problems().get(0).detail())
        .isEqualTo("cell of 11 characters is longer than the limit of 10");
    assertProblem(result.problems().get(1), 4, "team", "cell longer than 10 characters");
  }

  @Test
  void anIdOverTheLimitIsOnlyTooLong() throws IOException {
    ResponseCsv csv = SKIP.withLimits(CsvLimits.defaults().withMaxCellChars(10));

    assertProblem(onlyProblem(read(csv, HEADER + "r123456789X,T1,1,1,1,\n")), 2, "respondent",
        "cell longer than 10 characters");
  }

  @Test
  void aColumnNameOverTheLimitRejectsTheFile() {
    InvalidResponsesException e = rejects(SKIP.withLimits(CsvLimits.defaults().withMaxCellChars(4)),
        HEADER + "r1,T1,1,1,1,\n");

    assertThat(e.problems()).extracting(Problem::message).contains("column name longer than 4 characters")
        .doesNotContain("column without a name");
  }

  @Test
  void aCellOverTheDefaultLimitOfOneMebibyte() throws IOException {
    String atLimit = "x".repeat(CsvLimits.DEFAULT_MAX_CELL_CHARS);
    ImportResult result = read(SKIP, HEADER + "r1,T1,1,1,1," + atLimit + "\n"
        + "r2,T1,1,1,1,\"" + atLimit + "y\"\n" + "r3,T1,1,1,1,\n");

    assertThat(CsvLimits.DEFAULT_MAX_CELL_CHARS).isEqualTo(1_048_576);
    assertThat(result.responses().size()).isEqualTo(2);
    assertThat(result.responses().comment("note", 0)).hasValueSatisfying(
        text -> assertThat(text).hasSize(1_048_576));
    assertProblem(onlyProblem(result), 3, "note", "cell longer than 1048576 characters");
  }

  @Test
  void anUnterminatedQuoteAtTheEndRejectsItsRow() throws IOException {
    String text = HEADER + "r1,T1,1,1,1,\nr2,T1,1,1,1,\"never closed\nr3,T1,1,1,1,\n";

    ImportResult result = read(SKIP, text);

    assertThat(result.responses().size()).isEqualTo(1);
    assertThat(result.rejected()).extracting(RejectedRow::line).containsExactly(3L);
    Problem p = onlyProblem(result);
    assertProblem(p, 3, "note", "unterminated quote");
    assertThat(rejects(STRICT, text).problems()).containsExactly(p);
  }

  @Test
  void anUnterminatedQuoteInTheFirstCellOfTheLastRow() throws IOException {
    ImportResult result = read(SKIP, HEADER + "r1,T1,1,1,1,\n\"r2,T1,1,1,1,\n");

    assertProblem(onlyProblem(result), 3, "respondent", "unterminated quote");
  }

  @Test
  void anUnterminatedQuoteEndingInADoubledQuote() throws IOException {
    ImportResult result = read(SKIP, HEADER + "r1,T1,1,1,1,\"a \"\"b\"\"");

    assertProblem(onlyProblem(result), 2, "note", "unterminated quote");
  }

  @Test
  void aQuotedCellClosedAtTheEndOfTheFileIsFine() throws IOException {
    ImportResult result = read(STRICT, HEADER + "r1,T1,1,1,1,\"a \"\"b\"\"\"");

    assertThat(result.responses().comment("note", 0)).contains("a \"b\"");
  }

  @Test
  void textAfterAClosingQuoteStopsTheImportInBothModes() {
    String text = HEADER + "r1,T1,1,1,1,\nr2,\"T\"1,1,1,1,\nr3,T1,1,1,1,\n";

    for (ResponseCsv csv : List.of(STRICT, SKIP)) {
      InvalidResponsesException e = rejects(csv, text);
      assertThat(e.problems()).hasSize(1);
      assertProblem(e.problems().get(0), 3, "team", "malformed CSV");
      assertThat(e.getMessage()).startsWith("cannot read responses from test.csv");
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // strict and skip-invalid

  @Test
  void strictModeRejectsTheFileWithEveryProblem() {
    InvalidResponsesException e = rejects(STRICT, HEADER + "r1,T1,6,1,1,\nr2,T1,1,1,1,\n,T1,x,1,1,\n");

    assertThat(e.problems()).extracting(Problem::line).containsExactly(2L, 4L, 4L);
    assertThat(e.problems()).extracting(Problem::column).containsExactly("q1", "q1", "respondent");
    assertThat(e.getMessage()).startsWith("invalid responses in test.csv (3 problems):");
    assertThat(e.getMessage()).contains("line 2, column q1: answer 6 is outside the scale 1..5");
  }

  @Test
  void skipInvalidKeepsEveryValidRowAndListsEveryRejectedOne() throws IOException {
    ImportResult result = read(SKIP, HEADER + "r1,T1,6,1,1,\nr2,T1,1,1,1,\n,T1,x,1,1,\nr4,T2,2,2,2,\n");

    assertThat(result.responses().stream().map(r -> r.respondent().id().value())).containsExactly("r2", "r4");
    assertThat(result.rejected()).extracting(RejectedRow::line).containsExactly(2L, 4L);
    assertThat(result.rejected().get(1).problems()).hasSize(2);
    assertThat(result.problems()).hasSize(3);
    assertThat(result.isComplete()).isFalse();
  }

  @Test
  void theMessageShowsAtMostFiftyProblemsThenACount() {
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < 60; i++) {
      text.append("r").append(i).append(",T1,9,1,1,\n");
    }

    InvalidResponsesException e = rejects(STRICT, text.toString());

    assertThat(e.problems()).hasSize(60);
    assertThat(e.getMessage()).contains("(60 problems)");
    assertThat(e.getMessage()).contains("line 51, column q1");
    assertThat(e.getMessage()).doesNotContain("line 52, column q1");
    assertThat(e.getMessage()).endsWith("… and 10 more");
    assertThat(BelongingException.MAX_LISTED).isEqualTo(50);
  }

  @Test
  void skipInvalidWithEveryRowRejectedGivesAnEmptySet() throws IOException {
    ImportResult result = read(SKIP, HEADER + "r1,T1,9,1,1,\n");

    assertThat(result.responses().isEmpty()).isTrue();
    assertThat(result.rejected()).hasSize(1);
  }

  // ---------------------------------------------------------------------------------------------------
  // problems of the whole file

  @Test
  void anEmptyFileIsRejectedInBothModes() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    for (ResponseCsv csv : List.of(STRICT, SKIP)) {
      for (byte[] empty : List.of(new byte[0], bom, "\n\r\n\n".getBytes(UTF_8))) {
        InvalidResponsesException e = rejects(csv, empty);
        assertThat(e.problems()).hasSize(1);
        assertProblem(e.problems().get(0), 0, "", "empty file");
      }
    }
  }

  @Test
  void aHeaderWithoutRowsIsRejectedInBothModes() {
    for (ResponseCsv csv : List.of(STRICT, SKIP)) {
      InvalidResponsesException e = rejects(csv, "\n" + HEADER + "\n");
      assertThat(e.problems()).hasSize(1);
      assertProblem(e.problems().get(0), 2, "", "header without rows");
    }
  }

  @Test
  void aMissingQuestionColumnIsRejectedInBothModes() {
    for (ResponseCsv csv : List.of(STRICT, SKIP)) {
      InvalidResponsesException e = rejects(csv, "respondent,team,q1,note\nr1,T1,1,\n");
      assertThat(e.problems()).hasSize(2);
      assertProblem(e.problems().get(0), 1, "q2", "question column missing from the header");
      assertProblem(e.problems().get(1), 1, "q3", "question column missing from the header");
    }
  }

  @Test
  void aColumnThatDiffersOnlyInCaseIsPointedOut() {
    InvalidResponsesException e = rejects(STRICT, "respondent,team,q1,Q2,q3,note\nr1,T1,1,1,1,\n");

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).detail()).contains("column \"Q2\" differs only in case or spaces");
  }

  @Test
  void duplicateColumnNamesAreRejected() {
    InvalidResponsesException e = rejects(SKIP, "respondent,team,q1,q2,team,q3,note\nr1,T1,1,1,T2,1,\n");

    assertThat(e.problems()).hasSize(1);
    assertProblem(e.problems().get(0), 1, "team", "duplicate column name");
    assertThat(e.problems().get(0).detail()).isEqualTo("column name \"team\" appears in columns 2 and 5");
  }

  @Test
  void aColumnWithoutANameIsRejected() {
    InvalidResponsesException e = rejects(SKIP, "respondent,team,q1,q2,q3,note,\nr1,T1,1,1,1,,\n");

    assertProblem(e.problems().get(0), 1, "", "column without a name");
    assertThat(e.problems().get(0).detail()).isEqualTo("column 7 has no name");
  }

  @Test
  void aMissingIdColumnIsRejected() {
    InvalidResponsesException e = rejects(SKIP, "id,team,q1,q2,q3,note\nr1,T1,1,1,1,\n");

    assertThat(e.problems()).hasSize(1);
    assertProblem(e.problems().get(0), 1, "respondent", "no respondent id column");
  }

  @Test
  void aMissingNamedAttributeIsRejected() {
    InvalidResponsesException e = rejects(STRICT.withAttributes(List.of("team", "site")),
        HEADER + "r1,T1,1,1,1,\n");

    assertThat(e.problems()).hasSize(1);
    assertProblem(e.problems().get(0), 1, "site", "attribute column missing from the header");
  }

  @Test
  void everyHeaderProblemIsListedAtOnce() {
    InvalidResponsesException e = rejects(STRICT, "respondent,q1,q1,,note\nr1,1,1,,\n");

    assertThat(e.problems()).extracting(Problem::message).containsExactly("duplicate column name",
        "column without a name", "question column missing from the header",
        "question column missing from the header");
  }

  @Test
  void theColumnLimitRejectsTheFile() {
    InvalidResponsesException e = rejects(STRICT.withLimits(CsvLimits.defaults().withMaxColumns(5)),
        HEADER + "r1,T1,1,1,1,\n");

    assertThat(e.problems()).extracting(Problem::message).contains("more than 5 columns");
  }

  @Test
  void theRowLimitRejectsTheFile() {
    InvalidResponsesException e = rejects(SKIP.withLimits(CsvLimits.defaults().withMaxRows(2)),
        HEADER + "r1,T1,1,1,1,\nr2,T1,1,1,1,\nr3,T1,1,1,1,\n");

    assertThat(e.problems()).hasSize(1);
    assertProblem(e.problems().get(0), 4, "", "more than 2 rows");
  }

  @Test
  void theDistinctValueLimitRejectsTheFileAndNamesTheAttribute() {
    InvalidResponsesException e = rejects(SKIP.withLimits(CsvLimits.defaults().withMaxDistinctValues(2)),
        HEADER + "r1,T1,1,1,1,\nr2,T2,1,1,1,\nr3,T1,1,1,1,\nr4,T3,1,1,1,\n");

    assertThat(e.problems()).hasSize(1);
    assertProblem(e.problems().get(0), 5, "team", "attribute with more than 2 distinct values");
  }

  @Test
  void aStopReportsTheRowProblemsFoundBeforeIt() {
    InvalidResponsesException e = rejects(SKIP.withLimits(CsvLimits.defaults().withMaxRows(2)),
        HEADER + "r1,T1,9,1,1,\nr2,T1,1,1,1,\nr3,T1,1,1,1,\n");

    assertThat(e.problems()).extracting(Problem::line).containsExactly(2L, 4L);
  }

  // ---------------------------------------------------------------------------------------------------
  // configuration

  @Test
  void defaults() {
    assertThat(STRICT.idColumn()).isEqualTo("respondent");
    assertThat(STRICT.attributes()).isEmpty();
    assertThat(STRICT.wave()).isEqualTo(Wave.DEFAULT);
    assertThat(STRICT.mode()).isEqualTo(ImportMode.STRICT);
    assertThat(STRICT.questionColumns()).isEqualTo(QuestionColumns.REQUIRED);
    assertThat(STRICT.limits()).isEqualTo(CsvLimits.defaults());
    assertThat(CsvLimits.defaults().maxColumns()).isEqualTo(4096);
    assertThat(CsvLimits.defaults().maxRows()).isEqualTo(Long.MAX_VALUE);
    assertThat(CsvLimits.defaults().maxDistinctValues()).isEqualTo(100_000);
  }

  @Test
  void withersValidate() {
    assertThatThrownBy(() -> STRICT.withIdColumn(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> STRICT.withIdColumn("q1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> STRICT.withAttributes(List.of("team")).withIdColumn("team"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> STRICT.withAttributes(List.of("a", "a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> STRICT.withAttributes(List.of("q2")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> STRICT.withAttributes(List.of("respondent")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> STRICT.withMode(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> CsvLimits.defaults().withMaxCellChars(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CsvLimits.defaults().withMaxRows(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withersReturnCopies() {
    ResponseCsv other = STRICT.withIdColumn("person").withAttributes(List.of("team"));

    assertThat(STRICT.idColumn()).isEqualTo("respondent");
    assertThat(other.idColumn()).isEqualTo("person");
    assertThat(other.attributes()).contains(List.of("team"));
  }

  // ---------------------------------------------------------------------------------------------------
  // writing

  @Test
  void writesQuotingOnlyWhatNeedsIt() throws IOException {
    ResponseSet set = read(STRICT, HEADER + "r1,\"T,1\",1,,4,\"say \"\"hi\"\"\nthere\"\nr2,T2,,Agree,0,\n")
        .responses();
    StringWriter out = new StringWriter();

    STRICT.write(set, out);

    assertThat(out.toString()).isEqualTo("respondent,team,q1,q2,q3,note\r\n"
        + "r1,\"T,1\",1,,4,\"say \"\"hi\"\"\nthere\"\r\n"
        + "r2,T2,,4,0,\r\n");
  }

  @Test
  void writtenResponsesReadBackEqual(@TempDir Path dir) throws IOException {
    ResponseSet set = read(STRICT.withQuestionColumns(QuestionColumns.OPTIONAL),
        "respondent,team,q1,q3,note\nr1,T1,1,4,\"a\nb\"\nr2,,,0,\n").responses();
    Path file = dir.resolve("out.csv");

    ResponseCsv optional = STRICT.withQuestionColumns(QuestionColumns.OPTIONAL);
    optional.write(set, file);

    assertThat(Files.readString(file)).startsWith("respondent,team,q1,q3,note\r\n");
    assertThat(optional.read(file).responses()).isEqualTo(set);
  }

  @Test
  void writingResponsesOfAnotherInstrumentIsRefused() {
    ResponseSet other = ResponseSet.builder(TestInstruments.attrition()).build();

    assertThatThrownBy(() -> STRICT.write(other, new StringWriter()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attrition");
  }

  @Test
  void writingAnAttributeNamedLikeTheIdColumnIsRefused() {
    ResponseSet set = ResponseSet.builder(TestInstruments.pulse()).attributes(List.of("respondent"))
        .add(dev.belonging.core.model.RespondentId.of("x"), Map.of(), Map.of(), Map.of()).build();

    assertThatThrownBy(() -> STRICT.write(set, new StringWriter()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void problemsFromAFileNameTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("survey.csv");
    Files.writeString(file, HEADER + "r1,T1,8,1,1,\n");

    assertThatThrownBy(() -> STRICT.read(file)).isInstanceOf(InvalidResponsesException.class)
        .hasMessageStartingWith("invalid responses in " + file);
  }
}

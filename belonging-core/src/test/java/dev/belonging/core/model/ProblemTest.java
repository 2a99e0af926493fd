package dev.belonging.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void cellProblemShowsLineColumnAndDetail() {
    Problem p = Problem.ofCell(22, "q1", "answer outside the scale 1..5", "answer 7 is outside the scale 1..5");

    assertThat(p).hasToString("line 22, column q1: answer 7 is outside the scale 1..5");
    assertThat(p.message()).isEqualTo("answer outside the scale 1..5");
    assertThat(p.detail()).isEqualTo("answer 7 is outside the scale 1..5");
    assertThat(p.location()).isEqualTo("line 22, column q1");
    assertThat(p.path()).isEmpty();
  }

  @Test
  void cellProblemWithoutDataHasOneMessage() {
    Problem p = Problem.ofCell(3, "respondent", "blank respondent id");

    assertThat(p.message()).isEqualTo(p.detail());
    assertThat(p).hasToString("line 3, column respondent: blank respondent id");
    assertThat(Problem.ofCell(0, "", "empty file")).hasToString("empty file");
    assertThat(Problem.ofCell(5, "", "too many cells")).hasToString("line 5: too many cells");
  }

  @Test
  void pathProblemShowsThePath() {
    Problem p = Problem.ofPath("questions[3].dimension", "no dimension \"nope\"");

    assertThat(p).hasToString("questions[3].dimension: no dimension \"nope\"");
    assertThat(p.line()).isZero();
    assertThat(p.column()).isEmpty();
    assertThat(Problem.ofPath("", "empty")).hasToString("empty");
  }

  @Test
  void positionProblemShowsLineCharacterColumnAndPath() {
    assertThat(Problem.ofPosition(3, 7, "questions[1]", "Unexpected character"))
        .hasToString("line 3, column 7, questions[1]: Unexpected character");
    assertThat(Problem.ofPosition(3, 0, "", "x")).hasToString("line 3: x");
    assertThat(Problem.ofPosition(0, 0, "id", "x")).hasToString("id: x");
    assertThat(Problem.ofPosition(2, 9, "", "x").column()).isEqualTo("9");
  }

  @Test
  void rejectsNegativeLinesAndNulls() {
    assertThatThrownBy(() -> Problem.ofCell(-1, "c", "m")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Problem.ofPath(null, "m")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Problem.ofPath("p", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void withLineMovesTheProblem() {
    Problem p = Problem.ofCell(0, "q1", "m", "d").withLine(9);

    assertThat(p).isEqualTo(Problem.ofCell(9, "q1", "m", "d"))
        .hasSameHashCodeAs(Problem.ofCell(9, "q1", "m", "d"));
    assertThat(p).isNotEqualTo(Problem.ofCell(9, "q1", "m", "other"));
    assertThat(p).isNotEqualTo(Problem.ofCell(9, "q2", "m", "d"));
    assertThat(Problem.ofPath("a", "m")).isNotEqualTo(Problem.ofPath("b", "m"));
  }

  @Test
  void exceptionMessageListsOneProblemInTheSingular() {
    InvalidResponsesException e = new InvalidResponsesException("invalid responses in s.csv",
        List.of(Problem.ofCell(2, "q1", "m")));

    assertThat(e.getMessage()).isEqualTo("invalid responses in s.csv (1 problem):"
        + System.lineSeparator() + "  line 2, column q1: m");
  }

  @Test
  void exceptionMessageListsFiftyProblemsThenCountsTheRest() {
    List<Problem> problems = new ArrayList<>();
    for (int i = 1; i <= 53; i++) {
      problems.add(Problem.ofCell(i, "q", "bad"));
    }

    InvalidResponsesException e = new InvalidResponsesException("invalid", problems);

    String[] lines = e.getMessage().split(System.lineSeparator());
    assertThat(lines).hasSize(1 + BelongingException.MAX_LISTED + 1);
    assertThat(lines[0]).isEqualTo("invalid (53 problems):");
    assertThat(lines[50]).isEqualTo("  line 50, column q: bad");
    assertThat(lines[51]).isEqualTo("  … and 3 more");
    assertThat(e.problems()).hasSize(53);
  }

  @Test
  void exceptionMessageWithExactlyFiftyProblemsCountsNoRest() {
    List<Problem> problems = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      problems.add(Problem.ofPath("questions[" + i + "]", "bad"));
    }

    InvalidInstrumentException e = new InvalidInstrumentException("invalid", problems);

    assertThat(e.getMessage().split(System.lineSeparator())).hasSize(51);
    assertThat(e.getMessage()).doesNotContain("more");
  }

  @Test
  void exceptionNeedsAProblemAndCopiesThem() {
    assertThatThrownBy(() -> new InvalidInstrumentException("x", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    List<Problem> problems = new ArrayList<>(List.of(Problem.ofPath("a", "b")));
    InvalidInstrumentException e = new InvalidInstrumentException("x", problems);
    problems.clear();
    assertThat(e.problems()).hasSize(1);
    assertThatThrownBy(() -> e.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}

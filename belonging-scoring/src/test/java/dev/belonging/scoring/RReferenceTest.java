package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RReferenceTest {

  @Test
  void parsesEveryLineKind() {
    RReference r = RReference.parse("t", List.of(
        "alpha d 0.5",
        "mean all d 3.25 0.75 40 0.625",
        "seg d team A 12 3.5 0.5 0.75 0.25 0.01 0.3 0.1 0.4",
        "seg d team B 3 small",
        "",
        "q d team A 0.02"));

    assertThat(r.alpha("d")).isEqualTo(0.5);
    assertThat(r.alphas()).containsOnlyKeys("d");
    assertThat(r.dimensions()).containsExactly("d");
    assertThat(r.all("d")).isEqualTo(new RReference.All("d", 3.25, 0.75, 40, 0.625));
    assertThat(r.segments("d")).containsExactly(
        new RReference.Segment("d", "team", "A", 12, 3.5, 0.5, 0.75, 0.25, 0.01, 0.3, 0.1, 0.4));
    assertThat(r.segment("d", "team", "A")).isPresent();
    assertThat(r.segment("d", "team", "B")).isEmpty();
    assertThat(r.smallSegments("d")).containsExactly(new RReference.SmallSegment("d", "team", "B", 3));
    assertThat(r.q("d", "team", "A")).isEqualTo(0.02);
    assertThat(r.qValues()).hasSize(1);
  }

  @Test
  void namesTheLineOfAnError() {
    assertThatThrownBy(() -> RReference.parse("f.txt", List.of("alpha d 0.5", "mean all d 1 2 x 3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("f.txt line 2")
        .hasMessageContaining("not an integer: x");
    assertThatThrownBy(() -> RReference.parse("f.txt", List.of("beta d 1")))
        .hasMessageContaining("unknown line kind \"beta\"");
    assertThatThrownBy(() -> RReference.parse("f.txt", List.of("seg d team A 12 3.5")))
        .hasMessageContaining("13 tokens expected, 6 found");
    assertThatThrownBy(() -> RReference.parse("f.txt", List.of("alpha d 1", "alpha d 2")))
        .hasMessageContaining("a second alpha");
    assertThatThrownBy(() -> RReference.parse("f.txt", List.of()).alpha("d"))
        .hasMessageContaining("no alpha for dimension d");
  }

  @Test
  void readsTheSharedReferenceFiles() {
    RReference lq = RReference.load("lq2002_reference.txt");
    assertThat(lq.dimensions()).containsExactly("leadership", "significance", "civility");
    // alpha leadership 0.90223656575976574
    assertThat(lq.alpha("leadership")).isEqualTo(0.90223656575976574);
    // mean all leadership 3.0007123141305314 0.82029449898791906 2042 0.39965274686136587
    assertThat(lq.all("leadership")).isEqualTo(new RReference.All("leadership", 3.0007123141305314,
        0.82029449898791906, 2042, 0.39965274686136587));
    assertThat(lq.segments("leadership")).hasSize(49);
    assertThat(lq.qValues()).hasSize(3 * 49);
    RReference attrition = RReference.load("attrition_reference.txt");
    assertThat(attrition.dimensions()).containsExactly("satisfaction", "engagement");
    assertThat(attrition.q("satisfaction", "department", "Sales")).isEqualTo(0.77040149541485825);
  }
}

package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueOrderTest {

  private static List<String> sorted(ValueOrder order, String attribute, String... values) {
    List<String> list = new ArrayList<>(List.of(values));
    list.sort((a, b) -> order.compare(attribute, a, b));
    return list;
  }

  @Test
  void numbersInValuesCompareAsNumbers() {
    assertThat(sorted(ValueOrder.natural(), "team", "Team 10", "Team 2", "Team 1", "Team 21"))
        .containsExactly("Team 1", "Team 2", "Team 10", "Team 21");
    assertThat(sorted(ValueOrder.natural(), "tenure", "10+ years", "2-5 years", "5-10 years", "0-2 years"))
        .containsExactly("0-2 years", "2-5 years", "5-10 years", "10+ years");
    assertThat(sorted(ValueOrder.natural(), "age", "65+", "25-34", "18-24", "35-44"))
        .containsExactly("18-24", "25-34", "35-44", "65+");
    // text without digits is in plain text order
    assertThat(sorted(ValueOrder.natural(), "site", "remote", "Office", "frontline", "office"))
        .containsExactly("Office", "frontline", "office", "remote");
  }

  @Test
  void numbersLongerThanALongCompareByValue() {
    assertThat(ValueOrder.compareNaturally("n99999999999999999999", "n100000000000000000000")).isNegative();
    assertThat(ValueOrder.compareNaturally("n100000000000000000001", "n100000000000000000000")).isPositive();
  }

  @Test
  void leadingZerosTieOnTheNumberAndAreThenToldApartAsText() {
    // 2 = 02 as numbers; "T02" < "T2" as text, as '0' < '2'
    assertThat(ValueOrder.compareNaturally("T02", "T2")).isNegative();
    assertThat(ValueOrder.compareNaturally("T2", "T02")).isPositive();
    assertThat(ValueOrder.compareNaturally("T02", "T3")).isNegative();
    assertThat(ValueOrder.compareNaturally("T002b", "T2a")).isPositive(); // b > a decides before the tie
    assertThat(ValueOrder.compareNaturally("T2", "T2")).isZero();
  }

  @Test
  void aNumberSitsAmongOtherCharactersWhereItsFirstDigitWould() {
    // '-' < digits < '<' < letters in UTF-16 order
    assertThat(sorted(ValueOrder.natural(), "x", "<1y", "a", "12", "-3", "3"))
        .containsExactly("-3", "3", "12", "<1y", "a");
    assertThat(ValueOrder.compareNaturally("ab", "ab1")).isNegative();
    assertThat(ValueOrder.compareNaturally("", "0")).isNegative();
  }

  @Test
  void listedValuesComeFirstInTheirOrderAndTheRestAfterInNaturalOrder() {
    ValueOrder order = ValueOrder.natural().withValues("tenure", List.of("<1y", "1-3y", "3-5y", "5y+"));
    assertThat(sorted(order, "tenure", "5y+", "unknown", "3-5y", "<1y", "1-3y", "10y+", "2y"))
        .containsExactly("<1y", "1-3y", "3-5y", "5y+", "2y", "10y+", "unknown");
    // other attributes keep the natural order
    assertThat(sorted(order, "team", "T10", "T9")).containsExactly("T9", "T10");
    assertThat(order.values("tenure")).containsExactly("<1y", "1-3y", "3-5y", "5y+");
    assertThat(order.values("team")).isEmpty();
    assertThat(order.attributes()).containsExactly("tenure");
  }

  @Test
  void listingAnAttributeAgainReplacesItsValues() {
    ValueOrder order = ValueOrder.natural()
        .withValues("level", List.of("low", "high"))
        .withValues("site", List.of("office"))
        .withValues("level", List.of("low", "medium", "high"));
    assertThat(order.values("level")).containsExactly("low", "medium", "high");
    assertThat(order.attributes()).containsExactly("level", "site");
    assertThat(order).isEqualTo(ValueOrder.natural().withValues("level", List.of("low", "medium", "high"))
        .withValues("site", List.of("office")));
    assertThat(order.hashCode()).isEqualTo(ValueOrder.natural().withValues("site", List.of("office"))
        .withValues("level", List.of("low", "medium", "high")).hashCode());
    assertThat(order).isNotEqualTo(ValueOrder.natural());
    assertThat(order.toString()).contains("level=[low, medium, high]");
    assertThatThrownBy(() -> order.attributes().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void badListsAreRefusedWithTheirReason() {
    ValueOrder natural = ValueOrder.natural();
    assertThatThrownBy(() -> natural.withValues("tenure", List.of("<1y", "1-3y", "<1y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the value \"<1y\" of \"tenure\" is listed twice");
    assertThatThrownBy(() -> natural.withValues("tenure", List.of()))
        .hasMessage("no value of \"tenure\" is listed");
    assertThatThrownBy(() -> natural.withValues(" ", List.of("a"))).hasMessage("the attribute's name is blank");
    assertThatThrownBy(() -> natural.withValues("tenure", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void segmentsCompareAttributeByAttributeThePopulationFirst() {
    ValueOrder order = ValueOrder.natural().withValues("tenure", List.of("new", "old"));
    List<Segment> segments = new ArrayList<>(List.of(segment("team", "T10", "tenure", "new"),
        segment("team", "T2", "tenure", "old"), segment("team", "T2", "tenure", "new"),
        segment("team", "T10", "tenure", "old"), Segment.population()));
    segments.sort(order.segmentComparator());
    assertThat(segments).containsExactly(Segment.population(), segment("team", "T2", "tenure", "new"),
        segment("team", "T2", "tenure", "old"), segment("team", "T10", "tenure", "new"),
        segment("team", "T10", "tenure", "old"));
    // segments of other breakdowns: by the attributes' names where they differ, then by how many
    Comparator<Segment> c = order.segmentComparator();
    assertThat(c.compare(segment("site", "b"), segment("team", "a"))).isNegative();
    assertThat(c.compare(segment("team", "T2"), segment("team", "T2", "tenure", "new"))).isNegative();
    assertThat(c.compare(segment("team", "T2", "tenure", "new"), segment("team", "T2", "tenure", "new")))
        .isZero();
  }

  private static Segment segment(String... namesAndValues) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      attributes.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Segment.of(attributes);
  }
}

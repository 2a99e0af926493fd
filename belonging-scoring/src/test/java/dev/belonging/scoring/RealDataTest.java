package dev.belonging.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.belonging.core.model.ResponseSet;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class RealDataTest {

  @Test
  void findsTheSharedDataDirectory() {
    assertThat(Files.isRegularFile(RealData.dataFile("README.md"))).isTrue();
    assertThat(RealData.dataFile("lq2002.csv").getParent().getFileName()).hasToString("data");
    assertThatThrownBy(() -> RealData.dataFile("no-such-file.csv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-file.csv");
  }

  @Test
  void loadsLq2002() {
    ResponseSet set = RealData.lq2002();
    assertThat(set.size()).isEqualTo(2042);
    assertThat(set.attributeNames()).containsExactly("company");
    assertThat(set.attribute("company").values()).hasSize(49);
    // "s0001","C02",2,2,2,3,2,2,5,5,5,5,4,1,5,5,0,0,0,0,0
    assertThat(set.respondentId(0).value()).isEqualTo("s0001");
    assertThat(set.attribute("company").value(0)).isEqualTo("C02");
    assertThat(set.answers("LEAD04").value(0)).isEqualTo(3);
    assertThat(set.answers("HOSTIL01").value(0)).isZero();
    assertThat(set.answers("HOSTIL01").coded(0)).isEqualTo(4);
    assertThat(set.answers("TSIG01").answered()).isEqualTo(2042);
    assertThat(RealData.lq2002()).isSameAs(set);
  }

  @Test
  void loadsLq2002WithMissingAnswers() {
    ResponseSet set = RealData.lq2002Missing();
    assertThat(set.size()).isEqualTo(2042);
    // "s0001","C02",2,2,2,3,2,2,5,5,5,5,4,1,5,5,0,0,0,,0
    assertThat(set.answers("HOSTIL04").isMissing(0)).isTrue();
    assertThat(set.answers("HOSTIL05").isMissing(0)).isFalse();
    assertThat(set.answers("LEAD01").answered()).isLessThan(2042);
  }

  @Test
  void loadsAttrition() {
    ResponseSet set = RealData.attrition();
    assertThat(set.size()).isEqualTo(1470);
    assertThat(set.attributeNames())
        .containsExactly("department", "role", "gender", "overtime", "tenure", "travel", "left");
    // "e0001","Sales","Sales_Executive","Female","Yes","5-9","Travel_Rarely","Yes",2,4,1,3,1
    assertThat(set.attribute("role").value(0)).isEqualTo("Sales_Executive");
    assertThat(set.attribute("left").value(0)).isEqualTo("Yes");
    assertThat(set.answers("environment").value(0)).isEqualTo(2);
    assertThat(set.answers("balance").value(0)).isEqualTo(1);
    assertThat(set.instrument().questionsOf("engagement")).hasSize(2);
  }
}

package dev.belonging.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both forms of the map number keys in insertion order, as a plain hash map of first appearances does. */
class LongIntMapProperties {

  @Test
  void theArrayAndTheTableGiveTheIdsOfFirstAppearance() {
    qt().forAll(integers().between(1, 5_000), integers().between(0, 3_000), longs().all())
        .checkAssert((bound, count, seed) -> {
          Random random = new Random(seed);
          Map<Long, Integer> expected = new HashMap<>();
          LongIntMap direct = new LongIntMap(bound);
          LongIntMap table = new LongIntMap();
          LongIntMap unbounded = new LongIntMap(LongIntMap.DIRECT_LIMIT + 1L);
          for (int i = 0; i < count; i++) {
            long key = random.nextInt(bound);
            int id = expected.computeIfAbsent(key, k -> expected.size());
            assertThat(direct.idOf(key)).isEqualTo(id);
            assertThat(table.idOf(key)).isEqualTo(id);
            assertThat(unbounded.idOf(key)).isEqualTo(id);
          }
          assertThat(direct.size()).isEqualTo(expected.size());
          assertThat(table.size()).isEqualTo(expected.size());
          for (long key = -2; key < bound + 2; key++) {
            int id = expected.getOrDefault(key, -1);
            assertThat(direct.get(key)).as("key %d", key).isEqualTo(id);
            assertThat(table.get(key)).as("key %d", key).isEqualTo(id);
          }
        });
  }

  @Test
  void aKeyAtOrPastTheBoundIsRefused() {
    LongIntMap map = new LongIntMap(10);
    assertThatThrownBy(() -> map.idOf(10)).isInstanceOf(ArrayIndexOutOfBoundsException.class);
    assertThat(map.get(10)).isEqualTo(-1);
  }
}

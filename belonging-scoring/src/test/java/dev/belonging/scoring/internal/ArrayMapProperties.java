package dev.belonging.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * An {@link ArrayMap} is an unmodifiable {@link LinkedHashMap}: the same entries in the same order, the same
 * answers to every query, equal to it both ways with the same hash code, and every change refused.
 */
class ArrayMapProperties {

  /** Names with equal hash codes ("Aa" and "BB", and their concatenations), so that the table probes. */
  private static final List<String> NAMES = names();

  private static List<String> names() {
    List<String> out = new ArrayList<>(List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "mean", "sd"));
    for (int i = 0; out.size() < 60; i++) {
      out.add("q" + i);
    }
    return List.copyOf(out);
  }

  /** A map of up to 40 distinct names, in a random order, to small integers: both lookups are drawn. */
  private static LinkedHashMap<String, Integer> randomMap(Random random) {
    List<String> names = new ArrayList<>(NAMES);
    java.util.Collections.shuffle(names, random);
    int n = random.nextInt(41);
    LinkedHashMap<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      map.put(names.get(i), random.nextInt(4));
    }
    return map;
  }

  @Test
  void aCopyAnswersAsTheLinkedMapDoes() {
    int[] largest = new int[1];
    qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      LinkedHashMap<String, Integer> expected = randomMap(random);
      ArrayMap<Integer> map = ArrayMap.copyOf(expected);
      largest[0] = Math.max(largest[0], map.size());

      assertThat(map.size()).isEqualTo(expected.size());
      assertThat(map.isEmpty()).isEqualTo(expected.isEmpty());
      assertThat(new ArrayList<>(map.entrySet())).containsExactlyElementsOf(expected.entrySet());
      assertThat(new ArrayList<>(map.keySet())).containsExactlyElementsOf(expected.keySet());
      assertThat(new ArrayList<>(map.values())).containsExactlyElementsOf(expected.values());
      List<String> visited = new ArrayList<>();
      map.forEach((k, v) -> {
        assertThat(v).isEqualTo(expected.get(k));
        visited.add(k);
      });
      assertThat(visited).containsExactlyElementsOf(expected.keySet());
      for (Object key : lookups()) {
        assertThat(map.get(key)).as("get %s", key).isEqualTo(expected.get(key));
        assertThat(map.containsKey(key)).as("containsKey %s", key).isEqualTo(expected.containsKey(key));
        assertThat(map.keySet().contains(key)).isEqualTo(expected.containsKey(key));
        assertThat(map.getOrDefault(key, -1)).isEqualTo(expected.getOrDefault(key, -1));
      }
      for (int v = -1; v < 5; v++) {
        assertThat(map.containsValue(v)).isEqualTo(expected.containsValue(v));
      }
      assertThat(map).isEqualTo(expected);
      assertThat(expected).isEqualTo(map);
      assertThat(map.hashCode()).isEqualTo(expected.hashCode());
      assertThat(map.toString()).isEqualTo(expected.toString());
      assertThat(ArrayMap.copyOf(map)).isSameAs(map);
    });
    assertThat(largest[0]).isGreaterThan(ArrayMap.SCAN_UP_TO);
  }

  private static List<Object> lookups() {
    List<Object> out = new ArrayList<>(NAMES);
    out.addAll(Arrays.asList("q99", "", "Ab", 7, null));
    return out;
  }

  @Test
  void mapsEqualExactlyWhenTheirEntriesDoWhetherOrNotTheyShareTheirNames() {
    AtomicInteger swaps = new AtomicInteger();
    qt().withExamples(2000).forAll(longs().all(), integers().between(0, 2)).checkAssert((seed, change) -> {
      Random random = new Random(seed);
      LinkedHashMap<String, Integer> first = randomMap(random);
      LinkedHashMap<String, Integer> second = new LinkedHashMap<>(first);
      if (change == 1 && !second.isEmpty()) {
        String key = second.keySet().iterator().next();
        second.put(key, second.get(key) + 1);
      } else if (change == 2 && second.containsKey("Aa") && second.containsKey("BB")) {
        // names of equal hash codes swap their values: the maps' hash codes stay equal
        Integer aa = second.get("Aa");
        second.put("Aa", second.get("BB"));
        second.put("BB", aa);
        swaps.incrementAndGet();
      }
      ArrayMap<Integer> a = ArrayMap.copyOf(first);
      ArrayMap<Integer> separate = ArrayMap.copyOf(second);
      ArrayMap<Integer> shared = ArrayMap.of(a.keys(), new ArrayList<>(second.values()));
      // the same entries in another order are the same map
      List<Map.Entry<String, Integer>> reversed = new ArrayList<>(second.entrySet());
      java.util.Collections.reverse(reversed);
      LinkedHashMap<String, Integer> backwards = new LinkedHashMap<>();
      reversed.forEach(e -> backwards.put(e.getKey(), e.getValue()));
      ArrayMap<Integer> otherOrder = ArrayMap.copyOf(backwards);
      boolean equal = first.equals(second);
      for (ArrayMap<Integer> b : List.of(separate, shared, otherOrder)) {
        assertThat(a.equals(b)).isEqualTo(equal);
        assertThat(b.equals(a)).isEqualTo(equal);
        assertThat(b.equals(new HashMap<>(first))).isEqualTo(equal);
        if (equal) {
          assertThat(b.hashCode()).isEqualTo(a.hashCode());
        }
      }
    });
    assertThat(swaps.get()).isGreaterThan(50);
  }

  @Test
  void everyChangeIsRefusedEvenOneThatWouldChangeNothing() {
    for (ArrayMap<Integer> map : List.of(ArrayMap.<Integer>empty(), ArrayMap.copyOf(Map.of("a", 1)))) {
      List<ThrowingCallable> changes = List.of(
          () -> map.put("a", 1), () -> map.remove("x"), () -> map.remove("x", 1), () -> map.putAll(Map.of()),
          map::clear, () -> map.replaceAll((k, v) -> v), () -> map.putIfAbsent("a", 1),
          () -> map.replace("x", 1), () -> map.replace("x", 1, 2), () -> map.computeIfAbsent("a", k -> 1),
          () -> map.computeIfPresent("x", (k, v) -> v), () -> map.compute("x", (k, v) -> null),
          () -> map.merge("x", 1, Integer::sum));
      for (ThrowingCallable change : changes) {
        assertThatThrownBy(change).isInstanceOf(UnsupportedOperationException.class);
      }
      for (Iterator<?> it : List.of(map.entrySet().iterator(), map.keySet().iterator(),
          map.values().iterator())) {
        if (it.hasNext()) {
          it.next();
          assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
        }
      }
      for (Map.Entry<String, Integer> e : map.entrySet()) {
        assertThatThrownBy(() -> e.setValue(2)).isInstanceOf(UnsupportedOperationException.class);
      }
    }
  }

  @Test
  void nullsRepeatedNamesAndMissingValuesAreRefused() {
    Map<String, Integer> nullValue = new LinkedHashMap<>();
    nullValue.put("a", null);
    assertThatThrownBy(() -> ArrayMap.copyOf(nullValue)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("\"a\"");
    Map<String, Integer> nullName = new HashMap<>();
    nullName.put(null, 1);
    assertThatThrownBy(() -> ArrayMap.copyOf(nullName)).isInstanceOf(NullPointerException.class);
    List<String> many = new ArrayList<>(NAMES.subList(0, 20));
    many.add("Aa");
    for (List<String> names : List.of(List.of("a", "b", "a"), many)) {
      assertThatThrownBy(() -> ArrayMap.Keys.of(names)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("given twice");
    }
    ArrayMap.Keys keys = ArrayMap.Keys.of(List.of("a", "b"));
    assertThatThrownBy(() -> ArrayMap.of(keys, List.of(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("1 values for 2 names");
    assertThatThrownBy(() -> ArrayMap.of(keys, Arrays.asList(1, null)))
        .isInstanceOf(NullPointerException.class);
  }
}

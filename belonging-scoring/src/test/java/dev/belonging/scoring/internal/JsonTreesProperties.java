package dev.belonging.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * A document written as it is built, its long arrays a batch at a time, is the text of the whole tree,
 * whatever the arrays' lengths: empty, within one batch, at a batch's edge and across several.
 */
class JsonTreesProperties {

  @Test
  void writingBatchByBatchGivesTheTextOfTheWholeTree() {
    int b = JsonTrees.BATCH;
    qt().withExamples(40)
        .forAll(integers().from(0).upToAndIncluding(3 * b + 2), integers().between(0, 3))
        .checkAssert((length, shape) -> {
          int first = shape == 0 ? 0 : shape == 1 ? b : shape == 2 ? b + 1 : length;
          List<Integer> items = IntStream.range(0, first).boxed().toList();
          List<Integer> more = IntStream.range(0, length % 7).boxed().toList();
          List<JsonTrees.LongArray<?>> arrays = List.of(
              new JsonTrees.LongArray<>("items", items, JsonTreesProperties::node),
              new JsonTrees.LongArray<>("more", more, JsonTreesProperties::node));

          String whole = JsonTrees.text(JsonTrees.tree(head(), arrays));
          String streamed = JsonTrees.text(head(), arrays);
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          JsonTrees.write(head(), arrays, bytes);

          assertThat(streamed).isEqualTo(whole);
          assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(whole);
        });
  }

  private static ObjectNode head() {
    ObjectNode head = JsonTrees.object();
    head.put("schemaVersion", 1);
    head.putObject("nested").putArray("empty");
    head.putArray("list").add("é 🙂").add(2.5);
    return head;
  }

  private static ObjectNode node(Integer i) {
    ObjectNode o = JsonTrees.object();
    o.put("i", i);
    o.putObject("inner").put("half", i / 2.0).putArray("texts").add("t" + i);
    if (i % 3 == 0) {
      o.putNull("none");
    }
    return o;
  }
}

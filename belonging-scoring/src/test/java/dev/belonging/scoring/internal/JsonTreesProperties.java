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
 * whatever the arrays' lengths (empty, within one batch, at the edges of batches and of the windows of
 * batches rendered together, across several) and whether or not the head has members.
 */
class JsonTreesProperties {

  @Test
  void writingBatchByBatchGivesTheTextOfTheWholeTree() {
    int b = JsonTrees.BATCH;
    int w = JsonTrees.WINDOW * b;
    List<Integer> edges = List.of(0, 1, b - 1, b, b + 1, w - 1, w, w + 1, 2 * w + b);
    qt().withExamples(60)
        .forAll(integers().from(0).upToAndIncluding(edges.size()), integers().from(0).upToAndIncluding(2 * w + 2),
            integers().between(0, 2))
        .checkAssert((edge, length, heads) -> {
          int first = edge < edges.size() ? edges.get(edge) : length;
          List<Integer> items = IntStream.range(0, first).boxed().toList();
          List<Integer> more = IntStream.range(0, length % 7).boxed().toList();
          List<JsonTrees.LongArray<?>> arrays = heads == 2 ? List.of() : List.of(
              new JsonTrees.LongArray<>("items", items, JsonTreesProperties::node),
              new JsonTrees.LongArray<>("more", more, JsonTreesProperties::node));

          String whole = JsonTrees.text(JsonTrees.tree(head(heads == 1), arrays));
          String streamed = JsonTrees.text(head(heads == 1), arrays);
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          JsonTrees.write(head(heads == 1), arrays, bytes);

          assertThat(streamed).isEqualTo(whole);
          assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(whole);
        });
  }

  /** A head with members of every kind, or none. */
  private static ObjectNode head(boolean empty) {
    ObjectNode head = JsonTrees.object();
    if (empty) {
      return head;
    }
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

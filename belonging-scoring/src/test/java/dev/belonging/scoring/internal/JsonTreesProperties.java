package dev.belonging.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.belonging.scoring.Statistic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * A document written as it is built, its long arrays a batch at a time, is the text of the whole tree,
 * whatever the arrays' lengths (empty, within one batch, at the edges of batches and of the windows of
 * batches rendered together, across several) and whether or not the head has members; a batch's text
 * gives back its items whatever the blocks it is held in.
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
              new JsonTrees.LongArray<>("items", items, JsonTreesProperties::write),
              new JsonTrees.LongArray<>("more", more, JsonTreesProperties::write));

          String whole = JsonTrees.text(JsonTrees.tree(head(heads == 1), arrays));
          String streamed = JsonTrees.text(head(heads == 1), arrays);
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          JsonTrees.write(head(heads == 1), arrays, bytes);

          assertThat(streamed).isEqualTo(whole);
          assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(whole);
        });
  }

  @Test
  void aBatchsTextWritesItsBytesButTheFirstTwoAndTheLastTwoWhateverItsBlocks() {
    // bytes written one at a time and in runs that fall short of a block, fill it, or span several, in
    // blocks as small as one byte, so that the bytes left out lie across blocks' edges
    qt().withExamples(300).forAll(integers().between(4, 300), integers().between(1, 40), integers().all())
        .checkAssert((length, blockSize, seed) -> {
          Random random = new Random(seed);
          byte[] bytes = new byte[length];
          random.nextBytes(bytes);
          JsonTrees.Text text = new JsonTrees.Text(blockSize);
          int at = 0;
          while (at < length) {
            if (random.nextBoolean()) {
              text.write(bytes[at++]);
            } else {
              int run = Math.min(length - at, random.nextInt(3 * blockSize + 2));
              // from inside a larger array, as the generator's buffer is given
              byte[] padded = new byte[run + 3];
              System.arraycopy(bytes, at, padded, 1, run);
              text.write(padded, 1, run);
              at += run;
            }
          }
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try {
            text.writeItems(out);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          assertThat(out.toByteArray()).containsExactly(Arrays.copyOfRange(bytes, 2, length - 2));
        });
  }

  @Test
  void aRunOfStatisticsIsWrittenAsItsStatisticsArePutIntoATree() {
    // runs of up to six statistics, each defined or not, between members of other kinds: the written
    // object, read back, is the tree, its nodes of the same kinds, and its text is the tree's
    qt().withExamples(300).forAll(integers().between(0, 6), integers().all()).checkAssert((n, seed) -> {
      Random random = new Random(seed);
      String[] names = new String[n];
      Statistic[] statistics = new Statistic[n];
      ObjectNode tree = JsonTrees.object();
      tree.put("int", 7);
      tree.put("long", 7L);
      for (int i = 0; i < n; i++) {
        names[i] = "s" + i;
        statistics[i] = random.nextBoolean() ? Statistic.of(random.nextGaussian())
            : Statistic.undefined("reason " + random.nextInt(3));
        JsonTrees.putStatistic(tree, names[i], statistics[i]);
      }
      tree.put("after", true);

      ObjectNode written = JsonTrees.node((g, unused) -> {
        g.writeStartObject();
        g.writeNumberProperty("int", 7);
        g.writeNumberProperty("long", 7L);
        JsonTrees.writeStatistics(g, names, statistics);
        g.writeBooleanProperty("after", true);
        g.writeEndObject();
      }, 0);

      assertThat(written).isEqualTo(tree);
      assertThat(written.get("long").isLong()).isTrue();
      assertThat(JsonTrees.text(written)).isEqualTo(JsonTrees.text(tree));
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

  private static void write(JsonGenerator g, Integer i) {
    g.writeStartObject();
    g.writeNumberProperty("i", i);
    g.writeObjectPropertyStart("inner");
    g.writeNumberProperty("half", i / 2.0);
    g.writeArrayPropertyStart("texts");
    g.writeString("t" + i);
    g.writeEndArray();
    g.writeEndObject();
    if (i % 3 == 0) {
      g.writeNullProperty("none");
    }
    g.writeEndObject();
  }
}

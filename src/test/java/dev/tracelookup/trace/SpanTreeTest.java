package dev.tracelookup.trace;

import static dev.tracelookup.trace.TestSpans.id;
import static dev.tracelookup.trace.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SpanTreeTest {

  /**
   * Spans arrive leaf first; the tree comes out ordered:
   *
   * <pre>
   * a
   * ├── b  (10 ms)
   * │   └── d
   * └── c  (20 ms)
   * </pre>
   */
  @Test
  void of_spansInAnyOrder_linksChildrenInStartOrder() {
    List<Span> spans =
        List.of(
            span("d").parent("b").at(12).build(),
            span("c").parent("a").at(20).build(),
            span("a").build(),
            span("b").parent("a").at(10).build());

    SpanTree tree = SpanTree.of(spans);

    assertThat(names(tree.tops())).containsExactly("a");
    assertThat(names(tree.tops().get(0).children())).containsExactly("b", "c");
    assertThat(outline(tree)).containsExactly("a", "-b", "--d", "-c");
    assertThat(tree.nodes())
        .allSatisfy(node -> assertThat(tree.nodes().get(node.index())).isSameAs(node));
  }

  /** The same tree whatever order the backend returned the spans in. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void of_shuffledSpans_buildsSameTree(long seed) {
    List<Span> spans =
        new ArrayList<>(
            List.of(
                span("a").build(),
                span("b").parent("a").at(5).build(),
                span("c").parent("a").at(5).build(),
                span("d").parent("c").at(6).build(),
                span("e").parent("f").at(1).build(),
                span("9").parent("a").at(2).build()));
    Collections.shuffle(spans, new Random(seed));

    SpanTree tree = SpanTree.of(spans);

    assertThat(outline(tree)).containsExactly("a", "-9", "-b", "-c", "--d", "e");
  }

  /**
   * Siblings starting at the same instant are ordered by span ID.
   *
   * <pre>
   * a
   * ├── 3
   * ├── 7
   * └── c
   * </pre>
   */
  @Test
  void of_equalStartTimes_ordersSiblingsBySpanId() {
    List<Span> spans =
        List.of(
            span("c").parent("a").build(),
            span("7").parent("a").build(),
            span("a").build(),
            span("3").parent("a").build());

    SpanTree tree = SpanTree.of(spans);

    assertThat(outline(tree)).containsExactly("a", "-3", "-7", "-c");
  }

  /**
   * An orphan (its parent {@code f} was never reported) hangs beside the real root:
   *
   * <pre>
   * (synthetic root)
   * ├── a          real root, 0 ms
   * │   └── b
   * └── x          orphan, 5 ms
   *     └── y
   * </pre>
   */
  @Test
  void of_missingParent_hangsOrphanBesideRealRoot() {
    List<Span> spans =
        List.of(
            span("y").parent("x").at(6).build(),
            span("x").parent("f").at(5).build(),
            span("b").parent("a").at(1).build(),
            span("a").build());

    SpanTree tree = SpanTree.of(spans);

    assertThat(outline(tree)).containsExactly("a", "-b", "x", "-y");
    assertThat(tree.tops()).extracting(SpanNode::isOrphan).containsExactly(false, true);
    assertThat(tree.nodes().get(3).isOrphan()).isFalse();
  }

  /**
   * Several real roots stay side by side in start order.
   *
   * <pre>
   * (synthetic root)
   * ├── b   0 ms
   * └── a   30 ms
   *     └── c
   * </pre>
   */
  @Test
  void of_severalRoots_keepsEveryRootInStartOrder() {
    List<Span> spans =
        List.of(span("a").at(30).build(), span("c").parent("a").at(31).build(), span("b").build());

    SpanTree tree = SpanTree.of(spans);

    assertThat(outline(tree)).containsExactly("b", "a", "-c");
    assertThat(tree.tops()).noneMatch(SpanNode::isOrphan);
  }

  /** Two copies of {@code b}, each with part of the story, become one span under {@code a}. */
  @Test
  void of_repeatedSpanId_mergesCopiesIntoOneNode() {
    List<Span> spans =
        List.of(
            span("a").build(),
            span("b").parent("a").attribute("http.route", "/charge").build(),
            span("b").error("refused").attribute("peer.service", "gateway").build());

    SpanTree tree = SpanTree.of(spans);

    assertThat(outline(tree)).containsExactly("a", "-b");
    Span merged = tree.nodes().get(1).span();
    assertThat(merged.status()).isEqualTo(SpanStatus.error("refused"));
    assertThat(merged.attributes().values()).containsOnlyKeys("http.route", "peer.service");
  }

  /**
   * A Zipkin shared span ID keeps both halves; children of that ID hang under the server half.
   *
   * <pre>
   * a
   * └── s  CLIENT
   *     └── s  SERVER
   *         └── c
   * </pre>
   */
  @Test
  void of_sharedClientServerId_hangsServerHalfUnderClientHalf() {
    List<Span> spans =
        List.of(
            span("s").parent("a").server().at(2).build(),
            span("c").parent("s").at(3).build(),
            span("s").parent("a").client().at(1).build(),
            span("a").build());

    SpanTree tree = SpanTree.of(spans);

    assertThat(outline(tree)).containsExactly("a", "-s", "--s", "---c");
    assertThat(tree.nodes())
        .extracting(node -> node.span().kind())
        .containsExactly(SpanKind.INTERNAL, SpanKind.CLIENT, SpanKind.SERVER, SpanKind.INTERNAL);
    assertThat(tree.nodes().get(2).isSharedServerHalf()).isTrue();
  }

  /**
   * {@code p} and {@code q} name each other as parent; the cycle is cut at its earliest span:
   *
   * <pre>
   * (synthetic root)
   * ├── r
   * └── p   orphan (its parent link to q was cut)
   *     └── q
   *         └── t
   * </pre>
   */
  @Test
  void of_parentCycle_cutsAtEarliestSpanAsOrphan() {
    List<Span> spans =
        List.of(
            span("t").parent("q").at(9).build(),
            span("q").parent("p").at(7).build(),
            span("p").parent("q").at(5).build(),
            span("r").build());

    SpanTree tree = SpanTree.of(spans);

    assertThat(outline(tree)).containsExactly("r", "p", "-q", "--t");
    assertThat(tree.tops().get(1).isOrphan()).isTrue();
  }

  @Test
  void of_selfParent_becomesOrphan() {
    List<Span> spans = List.of(span("a").parent("a").build(), span("b").parent("a").at(1).build());

    SpanTree tree = SpanTree.of(spans);

    assertThat(outline(tree)).containsExactly("a", "-b");
    assertThat(tree.tops().get(0).isOrphan()).isTrue();
  }

  /** A cycle 100,000 spans long is walked without recursion and cut once. */
  @Test
  void of_cycle100000Long_terminatesWithOneOrphan() {
    int length = 100_000;
    List<Span> spans = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      spans.add(span(hex(i)).parent(hex((i + length - 1) % length)).at(i).build());
    }

    SpanTree tree = SpanTree.of(spans);

    assertThat(tree.tops())
        .singleElement()
        .satisfies(
            top -> {
              assertThat(top.span().spanId()).isEqualTo(id(hex(0)));
              assertThat(top.isOrphan()).isTrue();
            });
    assertThat(tree.nodes().get(length - 1).depth()).isEqualTo(length - 1);
  }

  /**
   * A chain 100,000 spans deep, reported leaf first, builds without overflowing the stack.
   *
   * <pre>
   * 0
   * └── 1
   *     └── …
   *         └── 1869f
   * </pre>
   */
  @Test
  void of_chain100000Deep_buildsWithoutStackOverflow() {
    int depth = 100_000;
    List<Span> spans = new ArrayList<>(depth);
    for (int i = depth - 1; i > 0; i--) {
      spans.add(span(hex(i)).parent(hex(i - 1)).at(i).build());
    }
    spans.add(span(hex(0)).build());

    SpanTree tree = SpanTree.of(spans);

    assertThat(tree.size()).isEqualTo(depth);
    assertThat(tree.tops()).hasSize(1);
    SpanNode deepest = tree.nodes().get(depth - 1);
    assertThat(deepest.span().spanId()).isEqualTo(id(hex(depth - 1)));
    assertThat(deepest.depth()).isEqualTo(depth - 1);
  }

  @Test
  void of_noSpans_isEmpty() {
    SpanTree tree = SpanTree.of(List.of());

    assertThat(tree.size()).isZero();
    assertThat(tree.tops()).isEmpty();
  }

  private static String hex(int n) {
    return Integer.toHexString(n);
  }

  private static List<String> names(List<SpanNode> nodes) {
    return nodes.stream().map(node -> node.span().name()).collect(Collectors.toList());
  }

  /** Returns each node's name in tree order, prefixed by one dash per level of depth. */
  private static List<String> outline(SpanTree tree) {
    return tree.nodes().stream()
        .map(node -> "-".repeat(node.depth()) + node.span().name())
        .collect(Collectors.toList());
  }
}

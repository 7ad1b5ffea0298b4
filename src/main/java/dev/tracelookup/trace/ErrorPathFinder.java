package dev.tracelookup.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the error path of a span tree: from the top of the culprit's tree down to the culprit.
 *
 * <p>A culprit is a failing span with no failing descendant. A span that fails only because
 * something below it failed (a server answering 500 because its client call got a 502) is on the
 * path, not a culprit of its own, even when a non-failing span sits between them. When several
 * independent branches fail, the most relevant culprit is the one under the entry span's tree, then
 * the deepest, then the earliest; the others are counted.
 */
final class ErrorPathFinder {
  static final int MAX_OTHER_CULPRIT_IDS = 20;

  private ErrorPathFinder() {}

  /** Returns the error path, or empty when no span fails. */
  static Optional<ErrorPath> find(SpanTree tree, boolean[] failing, SpanNode entry) {
    List<SpanNode> culprits = culprits(tree.nodes(), failing);
    if (culprits.isEmpty()) {
      return Optional.empty();
    }
    SpanNode culprit = Collections.min(culprits, relevance(tree.nodes(), entry));
    List<SpanNode> others = new ArrayList<>(culprits);
    others.remove(culprit);
    others.sort(SpanNode.START_ORDER);
    List<SpanNode> path = pathTo(culprit);
    return Optional.of(
        new ErrorPath(
            PathSteps.of(path, failing),
            others.size(),
            spanIds(others.subList(0, Math.min(others.size(), MAX_OTHER_CULPRIT_IDS))),
            path.get(0).isOrphan()));
  }

  /** Returns the failing spans with no failing descendant, found in one post-order pass. */
  private static List<SpanNode> culprits(List<SpanNode> nodes, boolean[] failing) {
    boolean[] failingBelow = new boolean[nodes.size()];
    List<SpanNode> culprits = new ArrayList<>();
    // Nodes are in pre-order, so walking them backwards visits every child before its parent.
    for (int i = nodes.size() - 1; i >= 0; i--) {
      if (failing[i] && !failingBelow[i]) {
        culprits.add(nodes.get(i));
      }
      if (failing[i] || failingBelow[i]) {
        nodes.get(i).parent().ifPresent(parent -> failingBelow[parent.index()] = true);
      }
    }
    return culprits;
  }

  /** Orders culprits most relevant first: in the entry's tree, deepest, earliest. */
  private static Comparator<SpanNode> relevance(List<SpanNode> nodes, SpanNode entry) {
    int[] topOf = topIndexes(nodes);
    int entryTop = topOf[entry.index()];
    return Comparator.<SpanNode, Boolean>comparing(node -> topOf[node.index()] != entryTop)
        .thenComparing(Comparator.comparingInt(SpanNode::depth).reversed())
        .thenComparing(SpanNode.START_ORDER);
  }

  /** Returns, by node index, the index of the node's top. */
  private static int[] topIndexes(List<SpanNode> nodes) {
    int[] topOf = new int[nodes.size()];
    for (SpanNode node : nodes) {
      topOf[node.index()] = node.parent().map(parent -> topOf[parent.index()]).orElse(node.index());
    }
    return topOf;
  }

  /** Returns the nodes from the culprit's top down to the culprit. */
  private static List<SpanNode> pathTo(SpanNode culprit) {
    List<SpanNode> path = new ArrayList<>(culprit.depth() + 1);
    for (Optional<SpanNode> node = Optional.of(culprit);
        node.isPresent();
        node = node.get().parent()) {
      path.add(node.get());
    }
    Collections.reverse(path);
    return path;
  }

  private static List<String> spanIds(List<SpanNode> nodes) {
    List<String> ids = new ArrayList<>(nodes.size());
    for (SpanNode node : nodes) {
      ids.add(node.span().spanId());
    }
    return ids;
  }
}

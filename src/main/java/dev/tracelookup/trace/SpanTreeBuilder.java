package dev.tracelookup.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link SpanTree}: merge repeated span IDs, link, break cycles, order. */
final class SpanTreeBuilder {
  private SpanTreeBuilder() {}

  static SpanTree build(Collection<Span> spans) {
    Map<String, SpanNode> parentsById = new HashMap<>();
    List<SpanNode> nodes = createNodes(spans, parentsById);
    List<SpanNode> tops = link(nodes, parentsById);
    breakCycles(nodes, tops);
    return new SpanTree(tops, order(tops, nodes.size()));
  }

  /**
   * Returns one node per span ID (two for a shared client/server ID, already linked), indexed by
   * creation order; fills {@code parentsById} with the node that children of each ID attach to.
   */
  private static List<SpanNode> createNodes(
      Collection<Span> spans, Map<String, SpanNode> parentsById) {
    Map<String, Copies> copiesById = new LinkedHashMap<>();
    for (Span span : spans) {
      copiesById.computeIfAbsent(span.spanId(), id -> new Copies()).add(span);
    }
    List<SpanNode> nodes = new ArrayList<>(copiesById.size());
    for (Copies copies : copiesById.values()) {
      SpanNode parentOfChildren = addNodes(copies, nodes);
      parentsById.put(parentOfChildren.span().spanId(), parentOfChildren);
    }
    for (int i = 0; i < nodes.size(); i++) {
      // Until the tree is ordered, the index is the creation ordinal used by breakCycles.
      nodes.get(i).place(i, 0);
    }
    return nodes;
  }

  /**
   * Adds the node of one span ID, or its linked client and server halves; returns the node that
   * children of this ID attach to.
   */
  private static SpanNode addNodes(Copies copies, List<SpanNode> nodes) {
    if (!copies.isShared()) {
      SpanNode node = new SpanNode(copies.all, false);
      nodes.add(node);
      return node;
    }
    SpanNode clientHalf = new SpanNode(copies.nonServer, false);
    SpanNode serverHalf = new SpanNode(copies.server, true);
    clientHalf.attach(serverHalf);
    nodes.add(clientHalf);
    nodes.add(serverHalf);
    return serverHalf;
  }

  /** Links each node to its parent; returns the tops: real roots and orphans. */
  private static List<SpanNode> link(List<SpanNode> nodes, Map<String, SpanNode> parentsById) {
    List<SpanNode> tops = new ArrayList<>();
    for (SpanNode node : nodes) {
      if (node.isSharedServerHalf()) {
        continue;
      }
      String parentId = node.span().parentSpanId();
      SpanNode parent = parentId.isEmpty() ? null : parentsById.get(parentId);
      if (parent != null) {
        parent.attach(node);
        continue;
      }
      if (!parentId.isEmpty()) {
        node.detachAsOrphan();
      }
      tops.add(node);
    }
    return tops;
  }

  /**
   * Turns into an orphan the earliest span of every cycle of parent links. A node no top reaches
   * has only unreached ancestors, so walking its parents must end in a cycle.
   */
  private static void breakCycles(List<SpanNode> nodes, List<SpanNode> tops) {
    boolean[] reached = new boolean[nodes.size()];
    int[] walkStamp = new int[nodes.size()];
    for (SpanNode top : tops) {
      markSubtree(top, reached);
    }
    for (SpanNode node : nodes) {
      if (!reached[node.index()]) {
        SpanNode cut = earliestInCycle(firstOnCycle(node, walkStamp));
        cut.detachAsOrphan();
        tops.add(cut);
        markSubtree(cut, reached);
      }
    }
  }

  private static SpanNode firstOnCycle(SpanNode start, int[] walkStamp) {
    int stamp = start.index() + 1;
    SpanNode node = start;
    while (walkStamp[node.index()] != stamp) {
      walkStamp[node.index()] = stamp;
      node = node.parent().orElseThrow();
    }
    return node;
  }

  private static SpanNode earliestInCycle(SpanNode onCycle) {
    SpanNode earliest = onCycle;
    for (SpanNode node = onCycle.parent().orElseThrow();
        node != onCycle;
        node = node.parent().orElseThrow()) {
      if (SpanNode.START_ORDER.compare(node, earliest) < 0) {
        earliest = node;
      }
    }
    return earliest;
  }

  private static void markSubtree(SpanNode top, boolean[] reached) {
    Deque<SpanNode> stack = new ArrayDeque<>();
    stack.push(top);
    while (!stack.isEmpty()) {
      SpanNode node = stack.pop();
      reached[node.index()] = true;
      node.children().forEach(stack::push);
    }
  }

  /** Sorts tops and children, and numbers the nodes depth-first; returns them in that order. */
  private static List<SpanNode> order(List<SpanNode> tops, int size) {
    tops.sort(SpanNode.START_ORDER);
    List<SpanNode> ordered = new ArrayList<>(size);
    Deque<SpanNode> stack = new ArrayDeque<>();
    pushReversed(tops, stack);
    while (!stack.isEmpty()) {
      SpanNode node = stack.pop();
      node.place(ordered.size(), node.parent().map(parent -> parent.depth() + 1).orElse(0));
      ordered.add(node);
      node.sortChildren();
      pushReversed(node.children(), stack);
    }
    return ordered;
  }

  private static void pushReversed(List<SpanNode> nodes, Deque<SpanNode> stack) {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      stack.push(nodes.get(i));
    }
  }

  /** Every report of one span ID, merged three ways until it is known whether the ID is shared. */
  private static final class Copies {
    private Span all;
    private Span server;
    private Span nonServer;
    private boolean hasClient;

    void add(Span span) {
      all = SpanMerger.merge(all, span);
      if (span.kind() == SpanKind.SERVER) {
        server = SpanMerger.merge(server, span);
      } else {
        nonServer = SpanMerger.merge(nonServer, span);
        hasClient |= span.kind() == SpanKind.CLIENT;
      }
    }

    boolean isShared() {
      return server != null && hasClient;
    }
  }
}

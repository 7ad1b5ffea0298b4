package dev.tracelookup.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/** Builds a {@link SpanTree}: merge repeated span IDs, link, break cycles, order. */
final class SpanTreeBuilder {
  private SpanTreeBuilder() {}

  static SpanTree build(Collection<Span> spans) {
    SpanIdIndex ordinals = new SpanIdIndex(spans.size());
    List<Copies> copies = group(spans, ordinals);
    int[] parentOfChildren = new int[copies.size()];
    List<SpanNode> nodes = createNodes(copies, parentOfChildren);
    List<SpanNode> tops = link(nodes, ordinals, parentOfChildren);
    breakCycles(nodes, tops);
    return new SpanTree(tops, order(tops, nodes.size()), nodes);
  }

  /**
   * Returns the reports of each span ID in first-report order; {@code ordinals} numbers the IDs.
   */
  private static List<Copies> group(Collection<Span> spans, SpanIdIndex ordinals) {
    List<Copies> copies = new ArrayList<>();
    for (Span span : spans) {
      int ordinal = ordinals.putIfAbsent(span.spanId(), copies.size());
      if (ordinal == copies.size()) {
        copies.add(new Copies());
      }
      copies.get(ordinal).add(span);
    }
    return copies;
  }

  /**
   * Returns one node per span ID (two for a shared client/server ID, already linked), indexed by
   * creation order; fills {@code parentOfChildren}, by ID ordinal, with the index of the node that
   * children of the ID attach to.
   */
  private static List<SpanNode> createNodes(List<Copies> copies, int[] parentOfChildren) {
    List<SpanNode> nodes = new ArrayList<>(copies.size());
    for (int ordinal = 0; ordinal < copies.size(); ordinal++) {
      addNodes(copies.get(ordinal), nodes);
      // The node children attach to is the last one added: the only one, or the server half.
      parentOfChildren[ordinal] = nodes.size() - 1;
    }
    for (int i = 0; i < nodes.size(); i++) {
      // Until the tree is ordered, the index is the creation ordinal used by breakCycles.
      nodes.get(i).place(i, 0);
    }
    return nodes;
  }

  /** Adds the node of one span ID, or its linked client and server halves. */
  private static void addNodes(Copies copies, List<SpanNode> nodes) {
    if (!copies.isShared()) {
      nodes.add(new SpanNode(copies.all, false));
      return;
    }
    SpanNode clientHalf = new SpanNode(copies.nonServer, false);
    SpanNode serverHalf = new SpanNode(copies.server, true);
    clientHalf.attach(serverHalf);
    nodes.add(clientHalf);
    nodes.add(serverHalf);
  }

  /** Links each node to its parent; returns the tops: real roots and orphans. */
  private static List<SpanNode> link(
      List<SpanNode> nodes, SpanIdIndex ordinals, int[] parentOfChildren) {
    int[] parentOf = new int[nodes.size()];
    List<SpanNode> tops = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      SpanNode node = nodes.get(i);
      String parentId = node.span().parentSpanId();
      int ordinal = parentId.isEmpty() ? -1 : ordinals.get(parentId);
      parentOf[i] = node.isSharedServerHalf() || ordinal < 0 ? -1 : parentOfChildren[ordinal];
      if (node.isSharedServerHalf() || ordinal >= 0) {
        continue;
      }
      if (!parentId.isEmpty()) {
        node.detachAsOrphan();
      }
      tops.add(node);
    }
    attachByParent(nodes, parentOf);
    return tops;
  }

  /**
   * Attaches each node to its parent, taking the parents in creation order and each parent's
   * children together: nodes lie in memory in creation order, and attaching child by child would
   * jump to a parent anywhere among 100,000 nodes for every span.
   */
  private static void attachByParent(List<SpanNode> nodes, int[] parentOf) {
    // Counting sort: the children of parent p are children[firstChild[p] .. firstChild[p + 1]).
    int[] firstChild = new int[nodes.size() + 1];
    for (int parent : parentOf) {
      if (parent >= 0) {
        firstChild[parent + 1]++;
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      firstChild[i + 1] += firstChild[i];
    }
    int[] children = new int[firstChild[nodes.size()]];
    int[] filled = Arrays.copyOf(firstChild, nodes.size());
    for (int child = 0; child < parentOf.length; child++) {
      if (parentOf[child] >= 0) {
        children[filled[parentOf[child]]++] = child;
      }
    }
    for (int parent = 0; parent < nodes.size(); parent++) {
      for (int next = firstChild[parent]; next < firstChild[parent + 1]; next++) {
        nodes.get(parent).attach(nodes.get(children[next]));
      }
    }
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

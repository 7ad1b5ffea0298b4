package dev.tracelookup.trace;

import java.util.Collection;
import java.util.List;

/**
 * The spans of one trace linked parent to child, after Zipkin's {@code SpanNode}.
 *
 * <p>Trace data is messy, and the tree absorbs it:
 *
 * <ul>
 *   <li>Spans arrive in any order; children are kept in {@link SpanNode#START_ORDER}.
 *   <li>A span ID reported more than once is one span, its copies merged by {@link SpanMerger}. The
 *       exception is a Zipkin shared span: a CLIENT and a SERVER reported under one ID (B3 "join").
 *       Both halves are kept, because the client's HTTP status and the server's exception are
 *       different facts; the server half hangs under the client half, and spans naming that ID as
 *       parent hang under the server half, as Zipkin does.
 *   <li>A span whose parent is missing (the backend cut the trace, or a service did not report) is
 *       an orphan. The tree itself stands for Zipkin's synthetic root: its {@link #tops()} are the
 *       real roots and the orphans, side by side.
 *   <li>Parent links that form a cycle (self-parenting included) are cut at the cycle's earliest
 *       span, which becomes an orphan, so no walk loops forever.
 * </ul>
 *
 * <p>Building is linear in the number of spans apart from sorting each node's children, and every
 * walk is iterative, so a chain 100,000 spans deep cannot overflow the stack.
 */
final class SpanTree {
  private final List<SpanNode> tops;
  private final List<SpanNode> nodes;
  private final List<SpanNode> nodesAsCreated;

  SpanTree(List<SpanNode> tops, List<SpanNode> nodes, List<SpanNode> nodesAsCreated) {
    this.tops = List.copyOf(tops);
    this.nodes = List.copyOf(nodes);
    this.nodesAsCreated = List.copyOf(nodesAsCreated);
  }

  /** Returns the tree of these spans, given in any order; no spans give an empty tree. */
  static SpanTree of(Collection<Span> spans) {
    return SpanTreeBuilder.build(spans);
  }

  /** Returns the children of the synthetic root: real roots and orphans, in start order. */
  List<SpanNode> tops() {
    return tops;
  }

  /**
   * Returns every node depth-first, parents before children, siblings in start order; a node's
   * position here is its {@link SpanNode#index()}.
   */
  List<SpanNode> nodes() {
    return nodes;
  }

  /**
   * Returns every node in the order their spans were first reported, which is the order the nodes
   * lie in memory: a pass that needs no tree order runs over a 100k-span tree several times faster
   * this way than in {@link #nodes()} order, which jumps across memory at every step.
   */
  List<SpanNode> nodesAsCreated() {
    return nodesAsCreated;
  }

  int size() {
    return nodes.size();
  }
}

package dev.tracelookup.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One span in a {@link SpanTree}, linked to its parent and its children.
 *
 * <p>Only {@link SpanTreeBuilder} mutates a node; once the tree is built, nodes are read-only.
 */
final class SpanNode {
  /** Start time, then span ID, then the client half of a shared ID before its server half. */
  static final Comparator<SpanNode> START_ORDER =
      Comparator.<SpanNode>comparingLong(node -> node.span.startEpochNanos())
          .thenComparing(node -> node.span.spanId())
          .thenComparing(node -> node.sharedServerHalf);

  private final Span span;
  private final boolean sharedServerHalf;
  private final List<SpanNode> children = new ArrayList<>(0);
  private SpanNode parent;
  private boolean orphan;
  private int depth;
  private int index = -1;

  SpanNode(Span span, boolean sharedServerHalf) {
    this.span = span;
    this.sharedServerHalf = sharedServerHalf;
  }

  Span span() {
    return span;
  }

  /** Returns the parent, empty for a top: a real root or an orphan. */
  Optional<SpanNode> parent() {
    return Optional.ofNullable(parent);
  }

  /** Returns the direct children in {@link #START_ORDER}. */
  List<SpanNode> children() {
    return Collections.unmodifiableList(children);
  }

  /**
   * Returns whether this top's parent is missing from the trace, or its parent link was cut to
   * break a cycle; false for real roots and for every node that has a parent.
   */
  boolean isOrphan() {
    return orphan;
  }

  /** Returns whether this is the server half of a Zipkin span ID shared by client and server. */
  boolean isSharedServerHalf() {
    return sharedServerHalf;
  }

  /** Returns the distance from this node's top, 0 for a top. */
  int depth() {
    return depth;
  }

  /** Returns this node's position in {@link SpanTree#nodes()}, so analyses can use arrays. */
  int index() {
    return index;
  }

  void attach(SpanNode child) {
    child.parent = this;
    children.add(child);
  }

  /** Makes this node an orphan top, cutting it from its parent when it had one. */
  void detachAsOrphan() {
    if (parent != null) {
      parent.children.remove(this);
      parent = null;
    }
    orphan = true;
  }

  void sortChildren() {
    children.sort(START_ORDER);
  }

  void place(int index, int depth) {
    this.index = index;
    this.depth = depth;
  }

  @Override
  public String toString() {
    // Never recurse into parent or children: a tree may be 100,000 spans deep.
    return "SpanNode{"
        + span.spanId()
        + (sharedServerHalf ? " server half" : "")
        + ", "
        + span.name()
        + "}";
  }
}

package dev.tracelookup.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the rows of a trace's compact waterfall. A trace of up to {@link #MAX_ROWS} spans is
 * drawn whole. A bigger one shows the error path (or, for a trace that did not fail, the time path
 * from the entry down to the slow span), the time path, the spans that failed or were retried with
 * the spans above them, and the children of the paths that took a tenth of the time or more; a
 * phone shows about {@link #MAX_ROWS} rows without scrolling, so the rest are left out, lowest
 * priority and shortest first.
 */
final class Timeline {
  static final int MAX_ROWS = 14;
  private static final int SIGNIFICANT_PER_MILLE = 100;

  private Timeline() {}

  /** Returns the rows in tree order; empty only for a tree without nodes. */
  static List<TimelineRow> of(
      SpanTree tree, Evidence evidence, SpanNode start, Optional<List<SpanNode>> errorPath) {
    List<SpanNode> timePath = timePath(start, evidence);
    SpanNode slow = timePath.get(timePath.size() - 1);
    int[] priority = new int[tree.size()];
    List<SpanNode> path = errorPath.orElse(timePath);
    path.forEach(node -> priority[node.index()] = 4);
    timePath.forEach(node -> priority[node.index()] = Math.max(priority[node.index()], 3));
    long total = Math.max(1, start.span().durationNanos());
    List<SpanNode> spine = new ArrayList<>(path);
    spine.addAll(timePath);
    for (SpanNode node : spine) {
      for (SpanNode child : node.children()) {
        int i = child.index();
        if (evidence.own(child) == Evidence.FAILED || evidence.recovered(child)) {
          priority[i] = Math.max(priority[i], 2);
        } else if (child.span().durationNanos() * 1000 >= total * SIGNIFICANT_PER_MILLE) {
          priority[i] = Math.max(priority[i], 1);
        }
      }
    }
    markFailures(tree, evidence, priority);
    List<SpanNode> chosen = choose(tree, priority);
    SpanNode culprit = errorPath.map(p -> p.get(p.size() - 1)).orElse(null);
    List<TimelineRow> rows = new ArrayList<>(chosen.size());
    for (SpanNode node : chosen) {
      rows.add(
          row(
              node,
              start.depth(),
              evidence,
              priority[node.index()] >= 4,
              node == culprit,
              node == slow && slow != start));
    }
    return rows;
  }

  /**
   * Gives every span that failed, or failed and was retried, a row, and its ancestors rows of their
   * own so the failure is drawn where it happened: a recovered trace's retries are what the reader
   * looks for. Each ancestor chain stops at the first ancestor already drawn, so this is linear.
   */
  private static void markFailures(SpanTree tree, Evidence evidence, int[] priority) {
    for (SpanNode node : tree.nodesAsCreated()) {
      if (evidence.own(node) != Evidence.FAILED && !evidence.recovered(node)) {
        continue;
      }
      priority[node.index()] = Math.max(priority[node.index()], 2);
      for (SpanNode up = node.parent().orElse(null);
          up != null && priority[up.index()] == 0;
          up = up.parent().orElse(null)) {
        priority[up.index()] = 1;
      }
    }
  }

  /** Returns the nodes from the start down through each child taking half its parent's time. */
  static List<SpanNode> timePath(SpanNode start, Evidence evidence) {
    List<SpanNode> path = new ArrayList<>();
    SpanNode node = start;
    path.add(node);
    while (true) {
      SpanNode longest = null;
      for (SpanNode child : node.children()) {
        if (!evidence.async(child)
            && (longest == null || child.span().durationNanos() > longest.span().durationNanos())) {
          longest = child;
        }
      }
      if (longest == null || longest.span().durationNanos() * 2 < node.span().durationNanos()) {
        return path;
      }
      path.add(longest);
      node = longest;
    }
  }

  /**
   * Returns the rows to draw, in tree order: the highest priorities, longest first among equals.
   */
  private static List<SpanNode> choose(SpanTree tree, int[] priority) {
    // A trace that fits is drawn whole: the healthy siblings are context too.
    boolean whole = tree.size() <= MAX_ROWS;
    List<SpanNode> candidates = new ArrayList<>();
    for (SpanNode node : tree.nodesAsCreated()) {
      if (whole || priority[node.index()] > 0) {
        candidates.add(node);
      }
    }
    if (candidates.size() > MAX_ROWS) {
      candidates.sort(
          Comparator.comparingInt((SpanNode node) -> -priority[node.index()])
              .thenComparing(node -> -node.span().durationNanos()));
      candidates = new ArrayList<>(candidates.subList(0, MAX_ROWS));
    }
    candidates.sort(Comparator.comparingInt(SpanNode::index));
    return candidates;
  }

  private static TimelineRow row(
      SpanNode node,
      int baseDepth,
      Evidence evidence,
      boolean onPath,
      boolean culprit,
      boolean slow) {
    Span span = node.span();
    TimelineRow.Mark mark =
        evidence.recovered(node)
            ? TimelineRow.Mark.RECOVERED
            : evidence.own(node) == Evidence.FAILED ? TimelineRow.Mark.FAILED : TimelineRow.Mark.OK;
    return new TimelineRow(
        span.spanId(),
        span.traceId(),
        Math.max(0, node.depth() - baseDepth),
        span.service(),
        span.name(),
        span.startEpochNanos(),
        span.durationNanos(),
        mark,
        onPath,
        culprit,
        slow);
  }
}

package dev.tracelookup.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Turns a trace into what a card shows about it: a summary and, when any span fails under {@link
 * FailureRules}, the error path from the entry span down to the culprit.
 *
 * <p>The analysis is a pure function of the trace with nothing to configure, so it is a static
 * method. It takes time and memory linear in the number of spans (plus sorting siblings), and never
 * recurses, so traces of any depth are safe.
 */
public final class TraceAnalyzer {
  private TraceAnalyzer() {}

  /**
   * Analyzes one trace.
   *
   * <p>Repeated copies of a span are merged first (see {@link SpanTree}), so {@code spanCount}
   * counts distinct spans; the client and server halves of a Zipkin shared span ID count as two.
   * The entry span is the earliest real root, or the earliest span when the backend returned no
   * root. The trace starts at the earliest span start and lasts until the latest span end.
   *
   * @param trace a trace with at least one span, in any order
   * @return the summary, and the error path when at least one span fails
   * @throws IllegalArgumentException if the trace has no spans; a backend reports an empty trace as
   *     not found rather than passing it on
   */
  public static TraceAnalysis analyze(Trace trace) {
    if (trace.spans().isEmpty()) {
      throw new IllegalArgumentException("trace " + trace.traceId() + " has no spans to analyze");
    }
    SpanTree tree = SpanTree.of(trace.spans());
    boolean[] failing = failing(tree.nodesAsCreated());
    SpanNode entry = entry(tree);
    return new TraceAnalysis(
        summary(trace.traceId(), tree.nodesAsCreated(), entry, failing),
        ErrorPathFinder.find(tree, failing, entry));
  }

  /** Returns, by node index, whether each span fails. */
  private static boolean[] failing(List<SpanNode> nodes) {
    boolean[] failing = new boolean[nodes.size()];
    for (SpanNode node : nodes) {
      failing[node.index()] = FailureRules.isFailing(node.span());
    }
    return failing;
  }

  /** Returns the earliest real root, or the earliest span when every top is an orphan. */
  private static SpanNode entry(SpanTree tree) {
    for (SpanNode top : tree.tops()) {
      if (!top.isOrphan()) {
        return top;
      }
    }
    return Collections.min(tree.nodesAsCreated(), SpanNode.START_ORDER);
  }

  private static TraceSummary summary(
      String traceId, List<SpanNode> nodes, SpanNode entry, boolean[] failing) {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    int failingSpans = 0;
    for (SpanNode node : nodes) {
      start = Math.min(start, node.span().startEpochNanos());
      end = Math.max(end, node.span().endEpochNanos());
      failingSpans += failing[node.index()] ? 1 : 0;
    }
    Span entrySpan = entry.span();
    return new TraceSummary(
        traceId,
        Instant.ofEpochSecond(0, start),
        Duration.ofNanos(end - start),
        entrySpan.service(),
        entrySpan.name(),
        FailureRules.httpStatus(entrySpan),
        nodes.size(),
        failingSpans);
  }
}

package dev.tracelookup.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a trace into what a card shows about it: the verdict (what the customer saw), the error
 * path from the entry span down to the culprit when the customer saw a failure, and the rows of a
 * compact waterfall.
 *
 * <p>The analysis is a pure function of the traces with nothing to configure, so it is a static
 * method. It takes time and memory linear in the number of spans (plus sorting siblings), and never
 * recurses, so traces of any depth are safe.
 */
public final class TraceAnalyzer {
  private TraceAnalyzer() {}

  /** Analyzes one trace on its own; see {@link #analyze(Trace, List)}. */
  public static TraceAnalysis analyze(Trace trace) {
    return analyze(trace, List.of());
  }

  /**
   * Analyzes one trace, with the traces its span links connect it to.
   *
   * <p>Repeated copies of a span are merged first (see {@link SpanTree}), so {@code spanCount}
   * counts distinct spans; the client and server halves of a Zipkin shared span ID count as two.
   * The entry span is the earliest real root of the trace; without one the trace is partial, and
   * the verdict starts from its worst top. The trace starts at the earliest span start and lasts
   * until the latest span end, counting its own spans only.
   *
   * @param trace a trace with at least one span, in any order
   * @param linked traces that span links connect to it (see {@link LinkedSpans}); others are
   *     ignored
   * @return the summary with the verdict, the error path when the customer saw a failure, and the
   *     waterfall
   * @throws IllegalArgumentException if the trace has no spans; a backend reports an empty trace as
   *     not found rather than passing it on
   */
  public static TraceAnalysis analyze(Trace trace, List<Trace> linked) {
    if (trace.spans().isEmpty()) {
      throw new IllegalArgumentException("trace " + trace.traceId() + " has no spans to analyze");
    }
    LinkedSpans.Combined combined = LinkedSpans.combine(trace, linked);
    SpanTree tree = SpanTree.of(combined.spans());
    Evidence evidence = Evidence.of(tree);
    Set<String> linkedIds = Set.copyOf(combined.attached());
    VerdictJudge.Judged judged = VerdictJudge.judge(tree, evidence, entry(tree, linkedIds));
    Optional<ErrorPathFinder.Walk> walk = ErrorPathFinder.find(tree, evidence, judged);
    List<TimelineRow> timeline =
        Timeline.of(tree, evidence, judged.start(), walk.map(ErrorPathFinder.Walk::nodes));
    return new TraceAnalysis(
        summary(trace.traceId(), tree, evidence, judged, linkedIds),
        walk.map(ErrorPathFinder.Walk::path),
        timeline,
        combined.trigger(),
        combined.attached());
  }

  /** Returns the earliest real root of the trace itself, or empty when it has none. */
  private static Optional<SpanNode> entry(SpanTree tree, Set<String> linked) {
    for (SpanNode top : tree.tops()) {
      if (!top.isOrphan() && !linked.contains(top.span().traceId())) {
        return Optional.of(top);
      }
    }
    return Optional.empty();
  }

  private static TraceSummary summary(
      String traceId,
      SpanTree tree,
      Evidence evidence,
      VerdictJudge.Judged judged,
      Set<String> linked) {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    int spans = 0;
    int failingSpans = 0;
    for (SpanNode node : tree.nodesAsCreated()) {
      if (linked.contains(node.span().traceId())) {
        continue;
      }
      spans++;
      start = Math.min(start, node.span().startEpochNanos());
      end = Math.max(end, node.span().endEpochNanos());
      failingSpans += evidence.own(node) == Evidence.FAILED ? 1 : 0;
    }
    Span entrySpan = judged.start().span();
    return new TraceSummary(
        traceId,
        Instant.ofEpochSecond(0, start),
        Duration.ofNanos(end - start),
        entrySpan.service(),
        entrySpan.name(),
        FailureRules.httpStatus(entrySpan),
        spans,
        failingSpans,
        judged.verdict());
  }
}

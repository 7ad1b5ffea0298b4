package dev.tracelookup.trace;

import java.util.ArrayList;
import java.util.List;

/** Builds the {@link PathStep}s of an error path: each span with its outcome and its children. */
final class PathSteps {
  /** A card has room for about this many children per step; a fan-out of hundreds is common. */
  static final int MAX_CHILDREN = 12;

  private PathSteps() {}

  /** Returns one step per node of the path, top first, with the failed attempts of each call. */
  static List<PathStep> of(List<SpanNode> path, List<Integer> attempts, Evidence evidence) {
    List<PathStep> steps = new ArrayList<>(path.size());
    for (int i = 0; i < path.size(); i++) {
      SpanNode next = i + 1 < path.size() ? path.get(i + 1) : null;
      steps.add(step(path.get(i), next, attempts.get(i), evidence));
    }
    return steps;
  }

  private static PathStep step(SpanNode node, SpanNode next, int attempts, Evidence evidence) {
    Span span = node.span();
    List<SpanOutcome> shown = shownChildren(node.children(), next, evidence);
    return new PathStep(
        span,
        evidence.own(node) == Evidence.FAILED,
        FailureRules.httpStatus(span),
        evidence.exception(node),
        shown,
        node.children().size() - shown.size(),
        attempts);
  }

  /**
   * Returns the first children in start order; when the path's next step would be left out, it
   * takes the last place, so the reader can always follow the path.
   */
  private static List<SpanOutcome> shownChildren(
      List<SpanNode> children, SpanNode next, Evidence evidence) {
    int limit = Math.min(children.size(), MAX_CHILDREN);
    boolean nextLeftOut = next != null && !children.subList(0, limit).contains(next);
    List<SpanOutcome> shown = new ArrayList<>(limit);
    for (int i = 0; i < (nextLeftOut ? limit - 1 : limit); i++) {
      shown.add(outcome(children.get(i), evidence));
    }
    if (nextLeftOut) {
      shown.add(outcome(next, evidence));
    }
    return shown;
  }

  private static SpanOutcome outcome(SpanNode node, Evidence evidence) {
    Span span = node.span();
    return new SpanOutcome(
        span.spanId(),
        span.service(),
        span.name(),
        evidence.own(node) == Evidence.FAILED,
        FailureRules.httpStatus(span),
        evidence.recovered(node),
        FailureRules.grpcStatus(span));
  }
}

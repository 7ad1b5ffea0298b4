package dev.tracelookup.trace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a trace together with the traces its span links connect it to.
 *
 * <p>A consumer that starts its own trace links back to the producer span that sent the message.
 * When such a consumer trace links into the customer's trace, its roots are hung under that
 * producer span, so one tree shows the request and the work it queued; the tree marks the edge as
 * queued work. When instead the customer's trace is the consumer and links to a producer in another
 * trace, that trace is the trigger: it is named, not merged.
 */
final class LinkedSpans {
  private LinkedSpans() {}

  /** The spans to build one tree from, and what the links added. */
  record Combined(List<Span> spans, Optional<Trigger> trigger, List<String> attached) {}

  static Combined combine(Trace trace, List<Trace> linked) {
    if (linked.isEmpty()) {
      return new Combined(trace.spans(), Optional.empty(), List.of());
    }
    Set<String> ownSpanIds = new HashSet<>();
    Set<String> linkedTraceIds = new HashSet<>();
    Set<String> seen = new HashSet<>();
    seen.add(trace.traceId());
    for (Span span : trace.spans()) {
      ownSpanIds.add(span.spanId());
      seen.add(span.traceId());
      span.links().forEach(link -> linkedTraceIds.add(link.traceId()));
    }
    List<Span> spans = new ArrayList<>(trace.spans());
    Optional<Trigger> trigger = Optional.empty();
    List<String> attached = new ArrayList<>();
    for (Trace other : linked) {
      if (other.spans().isEmpty() || !seen.add(other.traceId()) || !distinct(other, seen)) {
        continue;
      }
      Optional<String> producer = producerIn(other, trace.traceId(), ownSpanIds);
      if (producer.isPresent()) {
        for (Span span : other.spans()) {
          spans.add(span.isRoot() ? span.withParent(producer.get()) : span);
        }
        attached.add(other.spans().get(0).traceId());
      } else if (trigger.isEmpty() && linkedTraceIds.contains(other.traceId())) {
        trigger = Optional.of(trigger(other));
      }
    }
    return new Combined(spans, trigger, attached);
  }

  /**
   * Returns whether the other trace's spans carry one trace ID that no trace read so far carries,
   * and records it: linked spans are told apart from the customer's by their trace ID.
   */
  private static boolean distinct(Trace other, Set<String> seen) {
    String id = other.spans().get(0).traceId();
    for (Span span : other.spans()) {
      if (!span.traceId().equals(id)) {
        return false;
      }
    }
    return id.equals(other.traceId()) || seen.add(id);
  }

  /** Returns the span of the customer's trace that a span of the other trace links to. */
  private static Optional<String> producerIn(Trace other, String traceId, Set<String> ownSpanIds) {
    for (Span span : other.spans()) {
      for (SpanLink link : span.links()) {
        if (link.traceId().equals(traceId) && ownSpanIds.contains(link.spanId())) {
          return Optional.of(link.spanId());
        }
      }
    }
    return Optional.empty();
  }

  private static Trigger trigger(Trace producerTrace) {
    // Its earliest root; the earliest span when the producer's trace came without one.
    Span entry = producerTrace.spans().get(0);
    for (Span span : producerTrace.spans()) {
      boolean rootFirst = span.isRoot() && !entry.isRoot();
      boolean earlier =
          span.isRoot() == entry.isRoot() && span.startEpochNanos() < entry.startEpochNanos();
      if (rootFirst || earlier) {
        entry = span;
      }
    }
    return new Trigger(
        producerTrace.traceId(), entry.service(), entry.name(), FailureRules.response(entry));
  }
}

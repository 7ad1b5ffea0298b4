package dev.tracelookup.lookup;

import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanLink;
import dev.tracelookup.trace.Trace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a trace's spans say about work in other traces: where its links point, what it queued. */
final class QueuedWork {
  private QueuedWork() {}

  /**
   * Returns the other traces the trace's span links point into (a consumer's producer), each once,
   * in span order, at most {@code max}.
   */
  static List<String> linkedTraceIds(Trace trace, int max) {
    Set<String> ids = new LinkedHashSet<>();
    for (Span span : trace.spans()) {
      for (SpanLink link : span.links()) {
        if (!link.traceId().equals(trace.traceId()) && ids.size() < max) {
          ids.add(link.traceId());
        }
      }
    }
    return List.copyOf(ids);
  }

  /**
   * Returns the trace's PRODUCER spans whose consumers are not in the trace: no CONSUMER span is
   * their child and no span of the trace links to them. Their work, if it ran, ran in traces of its
   * own.
   */
  static List<Span> producersWithoutConsumer(Trace trace) {
    List<Span> producers = new ArrayList<>();
    for (Span span : trace.spans()) {
      if (span.kind() == SpanKind.PRODUCER) {
        producers.add(span);
      }
    }
    if (producers.isEmpty()) {
      return producers;
    }
    Set<String> consumed = new HashSet<>();
    for (Span span : trace.spans()) {
      if (span.kind() == SpanKind.CONSUMER && !span.isRoot()) {
        consumed.add(span.parentSpanId());
      }
      for (SpanLink link : span.links()) {
        if (link.traceId().equals(trace.traceId())) {
          consumed.add(link.spanId());
        }
      }
    }
    producers.removeIf(producer -> consumed.contains(producer.spanId()));
    return producers;
  }

  /**
   * Returns the distinct names of the spans, for a sentence: {@code orders publish, emails
   * publish}.
   */
  static String names(List<Span> spans, int max) {
    Set<String> names = new LinkedHashSet<>();
    spans.forEach(span -> names.add(span.name()));
    List<String> shown = names.stream().limit(max).toList();
    String more = names.size() > max ? " and " + (names.size() - max) + " more" : "";
    return String.join(", ", shown) + more;
  }
}

package dev.tracelookup.backend.otlp;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanLink;
import dev.tracelookup.trace.SpanStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A span as read, before its resource is known: OTLP allows a resource to follow its spans in the
 * document, so the service and the kept resource attributes are added last.
 */
record SpanDraft(
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    SpanKind kind,
    long startEpochNanos,
    long endEpochNanos,
    SpanStatus status,
    Map<String, String> attributes,
    List<SpanEvent> events,
    List<SpanLink> links) {

  /**
   * Returns the span, with the resource's kept attributes wherever the span has none of its own.
   */
  Span toSpan(Resource resource) {
    return new Span(
        traceId,
        spanId,
        parentSpanId,
        resource.service(),
        name,
        kind,
        startEpochNanos,
        endEpochNanos - startEpochNanos,
        status,
        new Attributes(withKept(resource.kept())),
        events,
        links);
  }

  // Most resources keep nothing (no user ID on the resource): then the span's own map is copied
  // once, by Attributes, instead of first into a merged map.
  private Map<String, String> withKept(Map<String, String> kept) {
    if (kept.isEmpty()) {
      return attributes;
    }
    Map<String, String> merged = new HashMap<>(kept);
    merged.putAll(attributes);
    return merged;
  }
}

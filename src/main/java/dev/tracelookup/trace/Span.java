package dev.tracelookup.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One span, as every backend maps it.
 *
 * @param traceId 32 lower-case hex characters (64-bit IDs are left-padded), see {@link TraceIds}
 * @param spanId 16 lower-case hex characters
 * @param parentSpanId 16 lower-case hex characters, or empty for a root span
 * @param service the resource's {@code service.name}, or {@code unknown_service} when absent
 * @param attributes span attributes; resource attributes other than the service name are not kept
 * @param links links to other spans, usually in other traces (a consumer's producer)
 */
public record Span(
    String traceId,
    String spanId,
    String parentSpanId,
    String service,
    String name,
    SpanKind kind,
    long startEpochNanos,
    long durationNanos,
    SpanStatus status,
    Attributes attributes,
    List<SpanEvent> events,
    List<SpanLink> links) {

  public static final String UNKNOWN_SERVICE = "unknown_service";

  public Span {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
    parentSpanId = parentSpanId == null ? "" : parentSpanId;
    service = service == null || service.isBlank() ? UNKNOWN_SERVICE : service;
    name = name == null ? "" : name;
    kind = kind == null ? SpanKind.UNSPECIFIED : kind;
    durationNanos = Math.max(0, durationNanos);
    status = status == null ? SpanStatus.UNSET : status;
    attributes = attributes == null ? Attributes.empty() : attributes;
    events = events == null ? List.of() : List.copyOf(events);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** A span without links, which is most spans. */
  public Span(
      String traceId,
      String spanId,
      String parentSpanId,
      String service,
      String name,
      SpanKind kind,
      long startEpochNanos,
      long durationNanos,
      SpanStatus status,
      Attributes attributes,
      List<SpanEvent> events) {
    this(
        traceId,
        spanId,
        parentSpanId,
        service,
        name,
        kind,
        startEpochNanos,
        durationNanos,
        status,
        attributes,
        events,
        List.of());
  }

  /** Returns this span under another parent: a linked trace's root hung under its producer. */
  public Span withParent(String newParentSpanId) {
    return new Span(
        traceId,
        spanId,
        newParentSpanId,
        service,
        name,
        kind,
        startEpochNanos,
        durationNanos,
        status,
        attributes,
        events,
        links);
  }

  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }

  public Instant start() {
    return Instant.ofEpochSecond(0, startEpochNanos);
  }

  public Duration duration() {
    return Duration.ofNanos(durationNanos);
  }

  public long endEpochNanos() {
    return startEpochNanos + durationNanos;
  }
}

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
    return toBuilder().parentSpanId(newParentSpanId).build();
  }

  /** Returns a builder holding this span's fields, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
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

  /**
   * Builds a changed copy of a span: readers that learn a field late (a Jaeger process, a trace ID
   * normalised after the spans) and the privacy policy (redacted texts) set only what changes.
   */
  public static final class Builder {
    private String traceId;
    private String spanId;
    private String parentSpanId;
    private String service;
    private String name;
    private SpanKind kind;
    private long startEpochNanos;
    private long durationNanos;
    private SpanStatus status;
    private Attributes attributes;
    private List<SpanEvent> events;
    private List<SpanLink> links;

    private Builder(Span span) {
      traceId = span.traceId;
      spanId = span.spanId;
      parentSpanId = span.parentSpanId;
      service = span.service;
      name = span.name;
      kind = span.kind;
      startEpochNanos = span.startEpochNanos;
      durationNanos = span.durationNanos;
      status = span.status;
      attributes = span.attributes;
      events = span.events;
      links = span.links;
    }

    public Builder traceId(String traceId) {
      this.traceId = traceId;
      return this;
    }

    public Builder parentSpanId(String parentSpanId) {
      this.parentSpanId = parentSpanId;
      return this;
    }

    public Builder service(String service) {
      this.service = service;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder status(SpanStatus status) {
      this.status = status;
      return this;
    }

    public Builder attributes(Attributes attributes) {
      this.attributes = attributes;
      return this;
    }

    public Builder events(List<SpanEvent> events) {
      this.events = events;
      return this;
    }

    public Builder links(List<SpanLink> links) {
      this.links = links;
      return this;
    }

    public Span build() {
      return new Span(
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
          links);
    }
  }
}

package dev.tracelookup.demo;

import dev.tracelookup.trace.SpanKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A span being made up for the demo files, with typed attribute values (String, Long, Boolean) so
 * they are written as OTLP writes them.
 */
final class DemoSpan {
  final String traceId;
  final String spanId;
  final String parentSpanId;
  final DemoService service;
  final DemoService.Scope scope;
  final String name;
  final SpanKind kind;
  final long startNanos;
  final long endNanos;
  final int pod;
  final Map<String, Object> attributes = new LinkedHashMap<>();
  final List<Event> events = new ArrayList<>();
  int statusCode;
  String statusMessage = "";

  /** A timed event, such as an {@code exception}. */
  record Event(String name, long timeNanos, Map<String, Object> attributes) {}

  DemoSpan(
      String traceId,
      String spanId,
      String parentSpanId,
      DemoService service,
      DemoService.Scope scope,
      String name,
      SpanKind kind,
      long startNanos,
      long endNanos,
      int pod) {
    this.traceId = traceId;
    this.spanId = spanId;
    this.parentSpanId = parentSpanId;
    this.service = service;
    this.scope = scope;
    this.name = name;
    this.kind = kind;
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    this.pod = pod;
  }

  DemoSpan attr(String key, Object value) {
    attributes.put(key, value);
    return this;
  }

  DemoSpan error(String message) {
    statusCode = 2;
    statusMessage = message;
    return this;
  }

  DemoSpan ok() {
    statusCode = 1;
    return this;
  }

  /** Records an exception event at the span's end and marks the span failed, as SDKs do. */
  DemoSpan exception(String type, String message, String stacktrace) {
    Map<String, Object> exception = new LinkedHashMap<>();
    exception.put("exception.type", type);
    exception.put("exception.message", message);
    exception.put("exception.stacktrace", stacktrace);
    events.add(new Event("exception", endNanos - 1_000_000, exception));
    return error(message);
  }
}

package dev.tracelookup.backend.otlpfile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Writes test spans, resources and lines in the collector file exporter's OTLP JSON. */
final class SpanJson {
  private final String traceId;
  private final String spanId;
  private String parentSpanId = "";
  private String name = "GET /";
  private int kind = 2;
  private Instant start = Instant.parse("2026-02-06T14:00:00Z");
  private Duration duration = Duration.ofMillis(100);
  private int statusCode;
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private final List<String> links = new ArrayList<>();

  private SpanJson(String traceId, String spanId) {
    this.traceId = traceId;
    this.spanId = spanId;
  }

  static SpanJson span(String traceId, String spanId) {
    return new SpanJson(traceId, spanId);
  }

  /** Returns a line holding the given resources: {@code {"resourceSpans":[..]}}. */
  static String line(String... resources) {
    return "{\"resourceSpans\":[" + String.join(",", resources) + "]}";
  }

  /** Returns a resource entry with the service, further resource attributes, and the spans. */
  static String resource(String service, Map<String, String> attributes, SpanJson... spans) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("service.name", service);
    all.putAll(attributes);
    StringJoiner spanList = new StringJoiner(",", "[", "]");
    for (SpanJson span : spans) {
      spanList.add(span.toJson());
    }
    return "{\"resource\":{\"attributes\":"
        + keyValues(all)
        + "},"
        + "\"scopeSpans\":[{\"scope\":{\"name\":\"test\"},\"spans\":"
        + spanList
        + "}]}";
  }

  static String resource(String service, SpanJson... spans) {
    return resource(service, Map.of(), spans);
  }

  SpanJson parent(String parent) {
    this.parentSpanId = parent;
    return this;
  }

  SpanJson name(String value) {
    this.name = value;
    return this;
  }

  SpanJson client() {
    this.kind = 3;
    return this;
  }

  /** Sets the OTLP kind number: 4 PRODUCER, 5 CONSUMER. */
  SpanJson kind(int otlpKind) {
    this.kind = otlpKind;
    return this;
  }

  /** Links the span to a span of another trace, in hex as the file exporter writes it. */
  SpanJson link(String linkedTraceId, String linkedSpanId) {
    links.add(
        "{\"traceId\":\"" + linkedTraceId + "\",\"spanId\":\"" + linkedSpanId + "\",\"flags\":1}");
    return this;
  }

  SpanJson at(String isoInstant) {
    this.start = Instant.parse(isoInstant);
    return this;
  }

  SpanJson lasting(Duration value) {
    this.duration = value;
    return this;
  }

  SpanJson error() {
    this.statusCode = 2;
    return this;
  }

  SpanJson attr(String key, String value) {
    attributes.put(key, value);
    return this;
  }

  String toJson() {
    long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
    return "{\"traceId\":\""
        + traceId
        + "\",\"spanId\":\""
        + spanId
        + "\",\"parentSpanId\":\""
        + parentSpanId
        + "\",\"name\":\""
        + name
        + "\",\"kind\":"
        + kind
        + ",\"startTimeUnixNano\":\""
        + startNanos
        + "\",\"endTimeUnixNano\":\""
        + (startNanos + duration.toNanos())
        + "\",\"attributes\":"
        + keyValues(attributes)
        + (links.isEmpty() ? "" : ",\"links\":[" + String.join(",", links) + "]")
        + ",\"status\":{\"code\":"
        + statusCode
        + "}}";
  }

  private static String keyValues(Map<String, String> values) {
    StringJoiner list = new StringJoiner(",", "[", "]");
    values.forEach(
        (key, value) ->
            list.add("{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}"));
    return list.toString();
  }
}

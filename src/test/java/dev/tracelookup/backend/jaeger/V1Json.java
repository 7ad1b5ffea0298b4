package dev.tracelookup.backend.jaeger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.StatusCode;
import dev.tracelookup.trace.Trace;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes traces as Jaeger's UI JSON API answers them, after the OTLP-to-Jaeger mapping
 * (opentelemetry-collector-contrib pkg/translator/jaeger): the service becomes a process, the kind
 * a {@code span.kind} tag, an ERROR status {@code error=true} with {@code otel.status_code} and
 * {@code otel.status_description}, events logs with an {@code event} field. Fields in Go's struct
 * order, so each trace's {@code processes} come after its {@code spans}; times in µs.
 */
final class V1Json {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Set<String> INT_KEYS =
      Set.of("http.response.status_code", "http.status_code");

  private V1Json() {}

  /** Returns {@code {"data":[..],"total":0,"limit":0,"offset":0,"errors":null}}. */
  static String data(List<Trace> traces) {
    return write(
        json -> {
          json.writeArrayFieldStart("data");
          for (Trace trace : traces) {
            trace(json, trace);
          }
          json.writeEndArray();
          json.writeNumberField("total", 0);
          json.writeNumberField("limit", 0);
          json.writeNumberField("offset", 0);
          json.writeNullField("errors");
        });
  }

  /** Returns the body Jaeger writes with an error status: data null, one error. */
  static String error(int code, String message) {
    return write(
        json -> {
          json.writeNullField("data");
          json.writeNumberField("total", 0);
          json.writeNumberField("limit", 0);
          json.writeNumberField("offset", 0);
          json.writeArrayFieldStart("errors");
          json.writeStartObject();
          json.writeNumberField("code", code);
          json.writeStringField("msg", message);
          json.writeEndObject();
          json.writeEndArray();
        });
  }

  /** Returns a trace ID as Jaeger prints it: 16 characters when the high 64 bits are zero. */
  static String jaegerTraceId(String traceId) {
    return traceId.startsWith("0000000000000000") ? traceId.substring(16) : traceId;
  }

  private interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      body.write(json);
      json.writeEndObject();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toString();
  }

  private static void trace(JsonGenerator json, Trace trace) throws IOException {
    Map<String, String> processIds = new LinkedHashMap<>();
    for (Span span : trace.spans()) {
      processIds.computeIfAbsent(span.service(), service -> "p" + (processIds.size() + 1));
    }
    json.writeStartObject();
    json.writeStringField("traceID", jaegerTraceId(trace.traceId()));
    json.writeArrayFieldStart("spans");
    for (Span span : trace.spans()) {
      span(json, span, processIds.get(span.service()));
    }
    json.writeEndArray();
    json.writeObjectFieldStart("processes");
    for (Map.Entry<String, String> process : processIds.entrySet()) {
      json.writeObjectFieldStart(process.getValue());
      json.writeStringField("serviceName", process.getKey());
      json.writeArrayFieldStart("tags");
      tag(json, "telemetry.sdk.language", "java");
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndObject();
    json.writeNullField("warnings");
    json.writeEndObject();
  }

  private static void span(JsonGenerator json, Span span, String processId) throws IOException {
    json.writeStartObject();
    json.writeStringField("traceID", jaegerTraceId(span.traceId()));
    json.writeStringField("spanID", span.spanId());
    json.writeStringField("operationName", span.name());
    json.writeArrayFieldStart("references");
    if (!span.isRoot()) {
      json.writeStartObject();
      json.writeStringField("refType", "CHILD_OF");
      json.writeStringField("traceID", jaegerTraceId(span.traceId()));
      json.writeStringField("spanID", span.parentSpanId());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeNumberField("startTime", span.startEpochNanos() / 1_000);
    json.writeNumberField("duration", span.durationNanos() / 1_000);
    json.writeArrayFieldStart("tags");
    tag(json, "otel.scope.name", "io.opentelemetry.demo");
    for (Map.Entry<String, String> attribute : span.attributes().values().entrySet()) {
      tag(json, attribute.getKey(), attribute.getValue());
    }
    kindAndStatus(json, span);
    json.writeEndArray();
    logs(json, span.events());
    json.writeStringField("processID", processId);
    json.writeNullField("warnings");
    json.writeEndObject();
  }

  private static void kindAndStatus(JsonGenerator json, Span span) throws IOException {
    if (span.kind() != SpanKind.UNSPECIFIED) {
      tag(json, "span.kind", span.kind().name().toLowerCase(Locale.ROOT));
    }
    if (span.status().code() == StatusCode.UNSET) {
      return;
    }
    tag(json, "otel.status_code", span.status().code().name());
    if (span.status().code() == StatusCode.ERROR) {
      typed(json, "error", "bool", true);
    }
    if (!span.status().message().isEmpty()) {
      tag(json, "otel.status_description", span.status().message());
    }
  }

  private static void logs(JsonGenerator json, List<SpanEvent> events) throws IOException {
    json.writeArrayFieldStart("logs");
    for (SpanEvent event : events) {
      json.writeStartObject();
      json.writeNumberField("timestamp", event.epochNanos() / 1_000);
      json.writeArrayFieldStart("fields");
      tag(json, "event", event.name());
      for (Map.Entry<String, String> field : event.attributes().values().entrySet()) {
        tag(json, field.getKey(), field.getValue());
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void tag(JsonGenerator json, String key, String value) throws IOException {
    if (INT_KEYS.contains(key) && value.matches("\\d{1,9}")) {
      typed(json, key, "int64", Long.parseLong(value));
    } else if (value.equals("true") || value.equals("false")) {
      typed(json, key, "bool", Boolean.parseBoolean(value));
    } else {
      typed(json, key, "string", value);
    }
  }

  private static void typed(JsonGenerator json, String key, String type, Object value)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("key", key);
    json.writeStringField("type", type);
    json.writeFieldName("value");
    json.writeObject(value);
    json.writeEndObject();
  }
}

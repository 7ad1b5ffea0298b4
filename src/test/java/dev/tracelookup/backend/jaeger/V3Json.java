package dev.tracelookup.backend.jaeger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.Trace;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes traces as Jaeger's api/v3 gateway answers them: {@code {"result":{"resourceSpans":[..]}}}
 * in OTLP JSON with hex IDs, integer enums and int64 as strings, one resource per trace and service
 * (the gateway appends each trace's resources in turn), compact, no defaults written.
 */
final class V3Json {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Set<String> INT_KEYS =
      Set.of("http.response.status_code", "http.status_code");

  private V3Json() {}

  static String result(List<Trace> traces) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeObjectFieldStart("result");
      json.writeArrayFieldStart("resourceSpans");
      for (Trace trace : traces) {
        for (Map.Entry<String, List<Span>> service : byService(trace).entrySet()) {
          resource(json, service.getKey(), service.getValue());
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toString();
  }

  private static Map<String, List<Span>> byService(Trace trace) {
    Map<String, List<Span>> byService = new LinkedHashMap<>();
    for (Span span : trace.spans()) {
      byService.computeIfAbsent(span.service(), s -> new java.util.ArrayList<>()).add(span);
    }
    return byService;
  }

  private static void resource(JsonGenerator json, String service, List<Span> spans)
      throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("resource");
    attributes(json, Map.of("service.name", service));
    json.writeEndObject();
    json.writeArrayFieldStart("scopeSpans");
    json.writeStartObject();
    json.writeObjectFieldStart("scope");
    json.writeStringField("name", "io.opentelemetry.demo");
    json.writeEndObject();
    json.writeArrayFieldStart("spans");
    for (Span span : spans) {
      span(json, span);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void span(JsonGenerator json, Span span) throws IOException {
    json.writeStartObject();
    json.writeStringField("traceId", span.traceId());
    json.writeStringField("spanId", span.spanId());
    if (!span.parentSpanId().isEmpty()) {
      json.writeStringField("parentSpanId", span.parentSpanId());
    }
    json.writeStringField("name", span.name());
    if (span.kind().ordinal() != 0) {
      json.writeNumberField("kind", span.kind().ordinal());
    }
    json.writeStringField("startTimeUnixNano", Long.toString(span.startEpochNanos()));
    json.writeStringField("endTimeUnixNano", Long.toString(span.endEpochNanos()));
    attributes(json, span.attributes().values());
    if (!span.events().isEmpty()) {
      json.writeArrayFieldStart("events");
      for (SpanEvent event : span.events()) {
        json.writeStartObject();
        json.writeStringField("timeUnixNano", Long.toString(event.epochNanos()));
        json.writeStringField("name", event.name());
        attributes(json, event.attributes().values());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    status(json, span);
    json.writeEndObject();
  }

  private static void status(JsonGenerator json, Span span) throws IOException {
    if (span.status().code().ordinal() == 0) {
      return;
    }
    json.writeObjectFieldStart("status");
    if (!span.status().message().isEmpty()) {
      json.writeStringField("message", span.status().message());
    }
    json.writeNumberField("code", span.status().code().ordinal());
    json.writeEndObject();
  }

  private static void attributes(JsonGenerator json, Map<String, String> attributes)
      throws IOException {
    if (attributes.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("attributes");
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      json.writeStartObject();
      json.writeStringField("key", attribute.getKey());
      json.writeObjectFieldStart("value");
      value(json, attribute.getKey(), attribute.getValue());
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void value(JsonGenerator json, String key, String value) throws IOException {
    if (INT_KEYS.contains(key) && value.matches("\\d{1,9}")) {
      json.writeStringField("intValue", value);
    } else if (value.equals("true") || value.equals("false")) {
      json.writeBooleanField("boolValue", Boolean.parseBoolean(value));
    } else {
      json.writeStringField("stringValue", value);
    }
  }
}

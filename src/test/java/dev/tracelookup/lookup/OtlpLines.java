package dev.tracelookup.lookup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanLink;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes spans as one line of the collector's file exporter, for lookups end to end on the file
 * backend: hex IDs, integer enums, 64-bit integers as strings, one resource per span.
 */
final class OtlpLines {
  private static final JsonFactory JSON = new JsonFactory();

  private OtlpLines() {}

  static String line(List<Span> spans) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("resourceSpans");
      for (Span span : spans) {
        json.writeStartObject();
        json.writeObjectFieldStart("resource");
        attributes(json, Attributes.of("service.name", span.service()));
        json.writeEndObject();
        json.writeArrayFieldStart("scopeSpans");
        json.writeStartObject();
        json.writeArrayFieldStart("spans");
        span(json, span);
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toString();
  }

  private static void span(JsonGenerator json, Span span) throws IOException {
    json.writeStartObject();
    json.writeStringField("traceId", span.traceId());
    json.writeStringField("spanId", span.spanId());
    json.writeStringField("parentSpanId", span.parentSpanId());
    json.writeStringField("name", span.name());
    json.writeNumberField("kind", span.kind().ordinal());
    json.writeStringField("startTimeUnixNano", Long.toString(span.startEpochNanos()));
    json.writeStringField("endTimeUnixNano", Long.toString(span.endEpochNanos()));
    attributes(json, span.attributes());
    json.writeArrayFieldStart("events");
    for (SpanEvent event : span.events()) {
      json.writeStartObject();
      json.writeStringField("timeUnixNano", Long.toString(event.epochNanos()));
      json.writeStringField("name", event.name());
      attributes(json, event.attributes());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("links");
    for (SpanLink link : span.links()) {
      json.writeStartObject();
      json.writeStringField("traceId", link.traceId());
      json.writeStringField("spanId", link.spanId());
      attributes(json, link.attributes());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeObjectFieldStart("status");
    json.writeNumberField("code", span.status().code().ordinal());
    json.writeStringField("message", span.status().message());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void attributes(JsonGenerator json, Attributes attributes) throws IOException {
    json.writeArrayFieldStart("attributes");
    for (Map.Entry<String, String> attribute : attributes.values().entrySet()) {
      json.writeStartObject();
      json.writeStringField("key", attribute.getKey());
      json.writeObjectFieldStart("value");
      json.writeStringField("stringValue", attribute.getValue());
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}

package dev.tracelookup.backend.tempo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.StatusCode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes spans the way Tempo's trace-by-ID answers hold them, quirks included: gogo {@code jsonpb}
 * JSON with base64 IDs, enum names, int64 as strings and {@code "status":{}} when unset, in v2's
 * {@code {"trace":..}} or v1's {@code {"batches":..}}. Search answers are {@link
 * TempoSearchJson}'s.
 */
final class TempoJson {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern INT = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

  private TempoJson() {}

  /** The v2 answer, as in docs/sources/tempo/api_docs/pushing-spans-with-http.md. */
  static String traceV2(List<Span> spans) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeObjectFieldStart("trace");
          resourceSpans(json, "resourceSpans", spans);
          json.writeEndObject();
          metrics(json);
          json.writeEndObject();
        });
  }

  /**
   * The v2 answer for a trace Tempo cut at {@code max_bytes}: status and message after the trace.
   */
  static String partialTraceV2(List<Span> spans, String message) {
    String complete = traceV2(spans);
    return complete.substring(0, complete.length() - 1)
        + ",\"status\":\"PARTIAL\",\"message\":\""
        + message
        + "\"}";
  }

  /**
   * The v1 answer ({@code /api/traces/<id>}), which renames {@code resourceSpans} to {@code
   * batches}.
   */
  static String traceV1(List<Span> spans) {
    return write(
        json -> {
          json.writeStartObject();
          resourceSpans(json, "batches", spans);
          json.writeEndObject();
        });
  }

  static String base64(String hex) {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
  }

  private static void resourceSpans(JsonGenerator json, String field, List<Span> spans)
      throws IOException {
    Map<String, List<Span>> byService = new LinkedHashMap<>();
    spans.forEach(
        span -> byService.computeIfAbsent(span.service(), s -> new ArrayList<>()).add(span));
    json.writeArrayFieldStart(field);
    for (Map.Entry<String, List<Span>> service : byService.entrySet()) {
      json.writeStartObject();
      json.writeObjectFieldStart("resource");
      attributes(json, Map.of("service.name", service.getKey()));
      json.writeEndObject();
      json.writeArrayFieldStart("scopeSpans");
      json.writeStartObject();
      json.writeObjectFieldStart("scope");
      json.writeStringField("name", "io.opentelemetry.demo");
      json.writeEndObject();
      json.writeArrayFieldStart("spans");
      for (Span span : service.getValue()) {
        span(json, span);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void span(JsonGenerator json, Span span) throws IOException {
    json.writeStartObject();
    json.writeStringField("traceId", base64(span.traceId()));
    json.writeStringField("spanId", base64(span.spanId()));
    if (!span.isRoot()) {
      json.writeStringField("parentSpanId", base64(span.parentSpanId()));
    }
    json.writeStringField("name", span.name());
    if (span.kind() != SpanKind.UNSPECIFIED) {
      json.writeStringField("kind", "SPAN_KIND_" + span.kind().name());
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
    json.writeObjectFieldStart("status");
    if (!span.status().message().isEmpty()) {
      json.writeStringField("message", span.status().message());
    }
    if (span.status().code() != StatusCode.UNSET) {
      json.writeStringField("code", "STATUS_CODE_" + span.status().code().name());
    }
    json.writeEndObject();
  }

  /**
   * Writes typed values as instrumentation sends them: ints as proto int64 strings, booleans bare.
   */
  static void attributes(JsonGenerator json, Map<String, String> values) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("attributes");
    for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
      json.writeStartObject();
      json.writeStringField("key", entry.getKey());
      json.writeObjectFieldStart("value");
      String value = entry.getValue();
      if (INT.matcher(value).matches()) {
        json.writeStringField("intValue", value);
      } else if (value.equals("true") || value.equals("false")) {
        json.writeBooleanField("boolValue", Boolean.parseBoolean(value));
      } else {
        json.writeStringField("stringValue", value);
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  static void metrics(JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("metrics");
    json.writeNumberField("inspectedTraces", 3100);
    json.writeStringField("inspectedBytes", "3811736");
    json.writeNumberField("completedJobs", 1);
    json.writeNumberField("totalJobs", 1);
    json.writeEndObject();
  }

  static String write(JsonWriting writing) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      writing.write(json);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return text.toString();
  }

  interface JsonWriting {
    void write(JsonGenerator json) throws IOException;
  }
}

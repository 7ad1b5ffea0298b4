package dev.tracelookup.backend.tempo;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes Tempo's TraceQL search answers: {@code traceID} with leading zeros stripped
 * (pkg/util.TraceIDToHexString), int64s as strings, and the deprecated {@code spanSet} beside
 * {@code spanSets}, as in docs/sources/tempo/api_docs/pushing-spans-with-http.md.
 */
final class TempoSearchJson {
  private TempoSearchJson() {}

  /** A TraceQL search answer listing the traces in the order given (Tempo does not sort). */
  static String search(List<Trace> traces) {
    return TempoJson.write(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("traces");
          for (Trace trace : traces) {
            searchEntry(json, trace);
          }
          json.writeEndArray();
          TempoJson.metrics(json);
          json.writeEndObject();
        });
  }

  /** Returns the trace ID as Tempo's search writes it: hex without leading zeros. */
  private static String strippedTraceId(String traceId) {
    String stripped = traceId.replaceFirst("^0+", "");
    return stripped.isEmpty() ? "0" : stripped;
  }

  private static void searchEntry(JsonGenerator json, Trace trace) throws IOException {
    Span root =
        trace.spans().stream()
            .filter(Span::isRoot)
            .findFirst()
            .orElseGet(
                () ->
                    trace.spans().stream()
                        .min(Comparator.comparingLong(Span::startEpochNanos))
                        .orElseThrow());
    long start = trace.spans().stream().mapToLong(Span::startEpochNanos).min().orElseThrow();
    long end = trace.spans().stream().mapToLong(Span::endEpochNanos).max().orElseThrow();
    json.writeStartObject();
    json.writeStringField("traceID", strippedTraceId(trace.traceId()));
    json.writeStringField("rootServiceName", root.service());
    json.writeStringField("rootTraceName", root.name());
    json.writeStringField("startTimeUnixNano", Long.toString(start));
    json.writeNumberField("durationMs", (end - start) / 1_000_000);
    json.writeFieldName("spanSet");
    spanSet(json, root);
    json.writeArrayFieldStart("spanSets");
    spanSet(json, root);
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void spanSet(JsonGenerator json, Span span) throws IOException {
    json.writeStartObject();
    json.writeArrayFieldStart("spans");
    json.writeStartObject();
    json.writeStringField("spanID", span.spanId());
    json.writeStringField("name", span.name());
    json.writeStringField("startTimeUnixNano", Long.toString(span.startEpochNanos()));
    json.writeStringField("durationNanos", Long.toString(span.durationNanos()));
    TempoJson.attributes(json, Map.of("service.name", span.service()));
    json.writeEndObject();
    json.writeEndArray();
    json.writeNumberField("matched", 1);
    json.writeEndObject();
  }
}

package dev.tracelookup.backend.jaeger;

import static dev.tracelookup.backend.json.JsonSteps.fail;
import static dev.tracelookup.backend.json.JsonSteps.int64;
import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.isObject;
import static dev.tracelookup.backend.json.JsonSteps.nextElement;
import static dev.tracelookup.backend.json.JsonSteps.nextField;
import static dev.tracelookup.backend.json.JsonSteps.skip;
import static dev.tracelookup.backend.json.JsonSteps.text;

import com.fasterxml.jackson.core.JsonParser;
import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.TraceIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one span of Jaeger's UI JSON. Its service lives in the trace's {@code processes}, which
 * Jaeger writes after the spans, so the span is returned with the process ID to resolve later. The
 * parent is chosen among the references as Jaeger's model chooses it; the other references become
 * span links.
 */
final class V1SpanReader {
  private final StringPool pool;

  V1SpanReader(StringPool pool) {
    this.pool = pool;
  }

  /** A span whose service is not known yet. */
  record PendingSpan(Span span, String processId) {}

  /** Reads the span the parser is on; returns null for a JSON null in the spans array. */
  PendingSpan read(JsonParser parser) throws IOException {
    if (!isObject(parser, "spans")) {
      return null;
    }
    Fields fields = new Fields();
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      fields.read(field, parser);
    }
    String traceId =
        pool.of(
            TraceIds.traceId(fields.traceId)
                .orElseThrow(() -> fail(parser, "a span has no valid traceID")));
    String spanId =
        TraceIds.spanId(fields.spanId)
            .orElseThrow(() -> fail(parser, "a span has no valid spanID"));
    // Siblings share their parent's ID: pooled, a wide trace stores it once.
    String parent =
        pool.of(
            V1Reference.parent(fields.references, traceId)
                .orElseGet(() -> TraceIds.spanId(fields.parentSpanId).orElse("")));
    // Kind and status are read out of the tags first: the tags they came from are not attributes.
    SpanKind kind = V1TagMapping.kind(fields.tags);
    SpanStatus status = V1TagMapping.status(fields.tags);
    Span span =
        new Span(
            traceId,
            spanId,
            parent,
            Span.UNKNOWN_SERVICE,
            fields.name,
            kind,
            nanos(fields.startMicros),
            nanos(fields.durationMicros),
            status,
            new Attributes(fields.tags),
            fields.logs,
            V1Reference.links(fields.references, traceId, parent));
    return new PendingSpan(span, fields.processId == null ? "" : fields.processId);
  }

  /** Returns µs as ns; a value that cannot be a time fails the answer rather than wrapping. */
  private static long nanos(long micros) {
    return Math.multiplyExact(micros, 1_000L);
  }

  private List<V1Reference> references(JsonParser parser) throws IOException {
    List<V1Reference> references = new ArrayList<>();
    if (!isArray(parser, "references")) {
      return references;
    }
    while (nextElement(parser)) {
      if (isObject(parser, "references")) {
        references.add(reference(parser));
      }
    }
    return references;
  }

  private V1Reference reference(JsonParser parser) throws IOException {
    String type = "";
    String traceId = "";
    String spanId = "";
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("refType")) {
        type = pool.of(text(parser, "refType"));
      } else if (field.equals("traceID")) {
        traceId = TraceIds.traceId(text(parser, "traceID")).orElse("");
      } else if (field.equals("spanID")) {
        spanId = TraceIds.spanId(text(parser, "spanID")).orElse("");
      } else {
        skip(parser);
      }
    }
    return new V1Reference(type, traceId, spanId);
  }

  /** The span's fields as they arrive, in any order. */
  private final class Fields {
    String traceId;
    String spanId;
    String parentSpanId;
    String name = "";
    String processId = "";
    long startMicros;
    long durationMicros;
    List<V1Reference> references = List.of();
    Map<String, String> tags = new LinkedHashMap<>();
    List<SpanEvent> logs = List.of();

    void read(String field, JsonParser parser) throws IOException {
      switch (field) {
        case "traceID":
          traceId = text(parser, "traceID");
          break;
        case "spanID":
          spanId = text(parser, "spanID");
          break;
        case "parentSpanID":
          parentSpanId = text(parser, "parentSpanID");
          break;
        case "operationName":
          name = pool.of(text(parser, "operationName"));
          break;
        case "processID":
          processId = pool.of(text(parser, "processID"));
          break;
        case "startTime":
          startMicros = int64(parser, "startTime");
          break;
        case "duration":
          durationMicros = int64(parser, "duration");
          break;
        case "references":
          references = references(parser);
          break;
        case "tags":
          tags = V1Tags.read(parser, pool, "tags");
          break;
        case "logs":
          logs = V1Logs.read(parser, pool);
          break;
        default:
          skip(parser);
      }
    }
  }
}

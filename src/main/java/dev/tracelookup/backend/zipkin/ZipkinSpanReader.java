package dev.tracelookup.backend.zipkin;

import static dev.tracelookup.backend.json.JsonSteps.fail;
import static dev.tracelookup.backend.json.JsonSteps.int64;
import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.isObject;
import static dev.tracelookup.backend.json.JsonSteps.nextElement;
import static dev.tracelookup.backend.json.JsonSteps.nextField;
import static dev.tracelookup.backend.json.JsonSteps.text;

import com.fasterxml.jackson.core.JsonParser;
import dev.tracelookup.backend.json.JsonShapeException;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Zipkin v2 span object (zipkin2-api.yaml) into the shared model.
 *
 * <p>Times are microseconds and may be absent on a span whose other half was never reported. A span
 * without {@code kind} is a local span, INTERNAL in OpenTelemetry's terms. {@code shared} marks the
 * server half of a span ID shared with its client; the span tree tells the halves apart by kind, so
 * it needs no field of its own. IDs are lower-hex, 16 or 32 characters for traces.
 *
 * <p>Zipkin v2 has no field for span links. The OpenTelemetry Collector's Zipkin exporter keeps
 * them as {@code otlp.link.N} tags, which are read back as links ({@link ZipkinTags#links}); other
 * reporters (Brave, the SDKs' own Zipkin exporters) drop them.
 */
final class ZipkinSpanReader {
  private ZipkinSpanReader() {}

  /** Reads the span the parser is on; returns null for a JSON null in the list. */
  static Span read(JsonParser parser) throws IOException {
    if (!isObject(parser, "span")) {
      return null;
    }
    Fields fields = new Fields();
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      fields.read(field, parser);
    }
    return fields.toSpan(parser);
  }

  private static long nanos(JsonParser parser, long micros, String what) throws JsonShapeException {
    try {
      return Math.multiplyExact(micros, 1_000L);
    } catch (ArithmeticException beyondLong) {
      throw fail(parser, "'" + what + "' is out of range");
    }
  }

  private static String endpointService(JsonParser parser, String what) throws IOException {
    String service = null;
    if (!isObject(parser, what)) {
      return null;
    }
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("serviceName")) {
        service = text(parser, what + ".serviceName");
      } else {
        parser.skipChildren();
      }
    }
    return service;
  }

  private static Map<String, String> tags(JsonParser parser) throws IOException {
    Map<String, String> tags = new LinkedHashMap<>();
    if (!isObject(parser, "tags")) {
      return tags;
    }
    for (String key = nextField(parser); key != null; key = nextField(parser)) {
      String value = text(parser, "tags");
      if (value != null) {
        tags.put(key, value);
      }
    }
    return tags;
  }

  private static List<SpanEvent> annotations(JsonParser parser) throws IOException {
    List<SpanEvent> events = new ArrayList<>();
    if (!isArray(parser, "annotations")) {
      return events;
    }
    while (nextElement(parser)) {
      if (isObject(parser, "annotations")) {
        annotation(parser, events);
      }
    }
    return events;
  }

  private static void annotation(JsonParser parser, List<SpanEvent> events) throws IOException {
    long micros = 0;
    String value = null;
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("timestamp")) {
        micros = int64(parser, "annotations.timestamp");
      } else if (field.equals("value")) {
        value = text(parser, "annotations.value");
      } else {
        parser.skipChildren();
      }
    }
    if (value != null) {
      events.add(AnnotationEvents.event(nanos(parser, micros, "annotations.timestamp"), value));
    }
  }

  /** The span's fields as they arrive, in any order. */
  private static final class Fields {
    private String traceId;
    private String id;
    private String parentId;
    private String kind;
    private String name;
    private long timestamp;
    private long duration;
    private String localService;
    private String remoteService;
    private Map<String, String> tags = Map.of();
    private List<SpanEvent> events = List.of();

    void read(String field, JsonParser parser) throws IOException {
      switch (field) {
        case "traceId":
          traceId = text(parser, field);
          break;
        case "id":
          id = text(parser, field);
          break;
        case "parentId":
          parentId = text(parser, field);
          break;
        case "kind":
          kind = text(parser, field);
          break;
        case "name":
          name = text(parser, field);
          break;
        case "timestamp":
          timestamp = int64(parser, field);
          break;
        case "duration":
          duration = int64(parser, field);
          break;
        case "localEndpoint":
          localService = endpointService(parser, field);
          break;
        case "remoteEndpoint":
          remoteService = endpointService(parser, field);
          break;
        case "tags":
          tags = tags(parser);
          break;
        case "annotations":
          events = annotations(parser);
          break;
        default:
          parser.skipChildren();
      }
    }

    Span toSpan(JsonParser parser) throws JsonShapeException {
      String normalisedTraceId =
          HexIds.traceId(traceId).orElseThrow(() -> fail(parser, "a span has no valid traceId"));
      String spanId = HexIds.spanId(id).orElseThrow(() -> fail(parser, "a span has no valid id"));
      // A parent that is not a valid ID cannot be linked: the span is read as a root.
      String parentSpanId = HexIds.spanId(parentId).orElse("");
      return new Span(
          normalisedTraceId,
          spanId,
          parentSpanId,
          localService,
          name,
          kind == null ? SpanKind.INTERNAL : SpanKind.fromName(kind),
          nanos(parser, timestamp, "timestamp"),
          nanos(parser, duration, "duration"),
          ZipkinTags.status(tags),
          ZipkinTags.attributes(tags, remoteService),
          events,
          ZipkinTags.links(tags));
    }
  }
}

package dev.tracelookup.backend.otlp;

import static dev.tracelookup.backend.json.JsonSteps.int64;
import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.isObject;
import static dev.tracelookup.backend.json.JsonSteps.nextElement;
import static dev.tracelookup.backend.json.JsonSteps.skip;
import static dev.tracelookup.backend.json.JsonSteps.text;
import static dev.tracelookup.backend.otlp.JsonTokens.fail;
import static dev.tracelookup.backend.otlp.JsonTokens.nextField;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracelookup.backend.json.JsonShapeException;
import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanLink;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.StatusCode;
import dev.tracelookup.trace.TraceIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the OTLP span objects of one document, their events, links and status. One instance serves
 * one document on one thread.
 */
final class SpanReader {
  private final RepeatedText texts;
  private final AttributeReader attributes;
  private String lastRawTraceId;
  private String lastTraceId;

  SpanReader(RepeatedText texts, AttributeReader attributes) {
    this.texts = texts;
    this.attributes = attributes;
  }

  /** Reads the span the parser is on; returns null for a JSON null in the spans array. */
  SpanDraft read(JsonParser parser) throws IOException {
    if (!isObject(parser, "spans")) {
      return null;
    }
    Fields fields = new Fields();
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      fields.read(field, parser);
    }
    String traceId = traceId(fields.traceId, parser);
    String spanId =
        TraceIds.spanId(fields.spanId)
            .orElseThrow(() -> fail(parser, "a span has no valid spanId"));
    // A parent that is not a valid ID (all zeros, garbage) cannot be linked: read it as a root.
    String parentSpanId = TraceIds.spanId(fields.parentSpanId).orElse("");
    return new SpanDraft(
        traceId,
        spanId,
        parentSpanId,
        fields.name,
        fields.kind,
        fields.start,
        fields.end,
        fields.status,
        fields.attributes,
        fields.events,
        fields.links);
  }

  // Spans of one trace repeat its ID, which RepeatedText hands back as the same instance: then
  // the check is one comparison, not a normalisation.
  private String traceId(String raw, JsonParser parser) throws OtlpFormatException {
    if (raw != null && raw.equals(lastRawTraceId)) {
      return lastTraceId;
    }
    lastTraceId =
        TraceIds.traceId(raw).orElseThrow(() -> fail(parser, "a span has no valid traceId"));
    lastRawTraceId = raw;
    return lastTraceId;
  }

  private List<SpanEvent> events(JsonParser parser) throws IOException {
    List<SpanEvent> events = new ArrayList<>();
    if (!isArray(parser, "events")) {
      return events;
    }
    while (nextElement(parser)) {
      if (isObject(parser, "events")) {
        events.add(event(parser));
      }
    }
    return events;
  }

  private SpanEvent event(JsonParser parser) throws IOException {
    String name = "";
    long time = 0;
    Map<String, String> attributes = Map.of();
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("name")) {
        name = texts.text(parser, "name");
      } else if (field.equals("timeunixnano")) {
        time = int64(parser, "timeUnixNano");
      } else if (field.equals("attributes")) {
        attributes = this.attributes.keyValues(parser);
      } else {
        skip(parser);
      }
    }
    return new SpanEvent(name, time, new Attributes(attributes));
  }

  /**
   * Reads a span's links. A link only points at more context, so one that cannot be read (an ID
   * missing or invalid, a value of the wrong shape) is left out instead of failing the document:
   * the span and its trace stay readable. Most spans have no links and get the shared empty list.
   */
  private List<SpanLink> links(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      skip(parser);
      return List.of();
    }
    List<SpanLink> links = null;
    while (nextElement(parser)) {
      SpanLink link = link(parser);
      if (link != null) {
        if (links == null) {
          links = new ArrayList<>(2);
        }
        links.add(link);
      }
    }
    return links == null ? List.of() : links;
  }

  /** Reads one element of {@code links}; returns null when it is not a readable link. */
  private SpanLink link(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      skip(parser);
      return null;
    }
    JsonStreamContext linksArray = parser.getParsingContext().getParent();
    try {
      return readLink(parser);
    } catch (JsonShapeException unreadable) {
      skipPastLink(parser, linksArray);
      return null;
    }
  }

  private SpanLink readLink(JsonParser parser) throws IOException {
    Optional<String> traceId = Optional.empty();
    Optional<String> spanId = Optional.empty();
    Map<String, String> linkAttributes = Map.of();
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("traceid")) {
        traceId = TraceIds.traceId(texts.text(parser, "links.traceId"));
      } else if (field.equals("spanid")) {
        spanId = TraceIds.spanId(text(parser, "links.spanId"));
      } else if (field.equals("attributes")) {
        linkAttributes = attributes.keyValues(parser);
      } else {
        // traceState, flags, droppedAttributesCount: nothing the analysis reads.
        skip(parser);
      }
    }
    if (traceId.isEmpty() || spanId.isEmpty()) {
      return null;
    }
    return new SpanLink(traceId.get(), spanId.get(), new Attributes(linkAttributes));
  }

  /**
   * Moves the parser from wherever reading a link failed to the end of that link, so the next
   * element of {@code links} is read as if nothing happened.
   */
  private static void skipPastLink(JsonParser parser, JsonStreamContext linksArray)
      throws IOException {
    while (true) {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        parser.skipChildren();
      }
      if (parser.getParsingContext() == linksArray) {
        return;
      }
      if (parser.nextToken() == null) {
        throw fail(parser, "the JSON ends inside a span link");
      }
    }
  }

  private SpanStatus status(JsonParser parser) throws IOException {
    StatusCode code = StatusCode.UNSET;
    String message = "";
    if (!isObject(parser, "status")) {
      return SpanStatus.UNSET;
    }
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("code")) {
        code = OtlpEnums.statusCode(parser);
      } else if (field.equals("message")) {
        message = texts.text(parser, "status.message");
      } else {
        skip(parser);
      }
    }
    return new SpanStatus(code, message);
  }

  /** The span's fields as they arrive, in any order. */
  private final class Fields {
    String traceId;
    String spanId;
    String parentSpanId;
    String name = "";
    SpanKind kind = SpanKind.UNSPECIFIED;
    long start;
    long end;
    SpanStatus status = SpanStatus.UNSET;
    Map<String, String> attributes = Map.of();
    List<SpanEvent> events = List.of();
    List<SpanLink> links = List.of();

    void read(String field, JsonParser parser) throws IOException {
      switch (field) {
        case "traceid":
          traceId = texts.text(parser, "traceId");
          break;
        case "spanid":
          spanId = text(parser, "spanId");
          break;
        case "parentspanid":
          parentSpanId = text(parser, "parentSpanId");
          break;
        case "name":
          name = text(parser, "name");
          break;
        case "kind":
          kind = OtlpEnums.kind(parser);
          break;
        case "starttimeunixnano":
          start = int64(parser, "startTimeUnixNano");
          break;
        case "endtimeunixnano":
          end = int64(parser, "endTimeUnixNano");
          break;
        case "attributes":
          attributes = SpanReader.this.attributes.keyValues(parser);
          break;
        case "events":
          events = events(parser);
          break;
        case "status":
          status = status(parser);
          break;
        case "links":
          links = links(parser);
          break;
        default:
          skip(parser);
      }
    }
  }
}

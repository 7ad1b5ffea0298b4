package dev.tracelookup.backend.otlp;

import static dev.tracelookup.backend.otlp.JsonTokens.fail;
import static dev.tracelookup.backend.json.JsonSteps.int64;
import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.isObject;
import static dev.tracelookup.backend.json.JsonSteps.nextElement;
import static dev.tracelookup.backend.otlp.JsonTokens.nextField;
import static dev.tracelookup.backend.json.JsonSteps.skip;
import static dev.tracelookup.backend.json.JsonSteps.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.StatusCode;
import dev.tracelookup.trace.TraceIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the OTLP span objects of one document, their events and their status; links are skipped.
 * One instance serves one document on one thread.
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
        fields.events);
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

  private SpanStatus status(JsonParser parser) throws IOException {
    StatusCode code = StatusCode.UNSET;
    String message = "";
    if (!isObject(parser, "status")) {
      return SpanStatus.UNSET;
    }
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("code") && isWholeNumber(parser)) {
        code = StatusCode.fromOtlpNumber(parser.getLongValue());
      } else if (field.equals("code")) {
        String text = text(parser, "status.code");
        code =
            isSmallNumber(text)
                ? StatusCode.fromOtlpNumber(Integer.parseInt(text))
                : StatusCode.fromName(text);
      } else if (field.equals("message")) {
        message = texts.text(parser, "status.message");
      } else {
        skip(parser);
      }
    }
    return new SpanStatus(code, message);
  }

  private static SpanKind kind(JsonParser parser) throws IOException {
    if (isWholeNumber(parser)) {
      return SpanKind.fromOtlpNumber(parser.getLongValue());
    }
    String text = text(parser, "kind");
    return isSmallNumber(text)
        ? SpanKind.fromOtlpNumber(Integer.parseInt(text))
        : SpanKind.fromName(text);
  }

  /** Returns whether an enum arrived as a JSON number (OTLP) that fits a long. */
  private static boolean isWholeNumber(JsonParser parser) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
  }

  /** Returns whether an enum arrived as a number in a string rather than as a name (Tempo). */
  private static boolean isSmallNumber(String text) {
    if (text == null || text.isEmpty() || text.length() > 9) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
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
          kind = kind(parser);
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
        default:
          skip(parser);
      }
    }
  }
}

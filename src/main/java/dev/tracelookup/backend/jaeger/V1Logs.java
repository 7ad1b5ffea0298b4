package dev.tracelookup.backend.jaeger;

import static dev.tracelookup.backend.json.JsonSteps.int64;
import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.isObject;
import static dev.tracelookup.backend.json.JsonSteps.nextElement;
import static dev.tracelookup.backend.json.JsonSteps.nextField;
import static dev.tracelookup.backend.json.JsonSteps.skip;

import com.fasterxml.jackson.core.JsonParser;
import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.SpanEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a span's logs as events. The {@code event} field names the event, as the OTLP-to-Jaeger
 * mapping writes it ({@code event=exception} with {@code exception.*} fields). OpenTracing clients
 * logged failures as {@code event=error} with {@code error.kind}, {@code error.object}, {@code
 * message} and {@code stack}; those become exception events too, so their errors read the same.
 */
final class V1Logs {
  static final String EVENT = "event";

  private V1Logs() {}

  /** Reads the logs array the parser is on. */
  static List<SpanEvent> read(JsonParser parser, StringPool pool) throws IOException {
    List<SpanEvent> events = new ArrayList<>();
    if (!isArray(parser, "logs")) {
      return events;
    }
    while (nextElement(parser)) {
      if (isObject(parser, "logs")) {
        events.add(readOne(parser, pool));
      }
    }
    return events;
  }

  /** Returns the event for a log's timestamp (µs) and fields; takes the mutable map over. */
  static SpanEvent event(long timestampMicros, Map<String, String> fields) {
    String name = fields.getOrDefault(EVENT, "");
    fields.remove(EVENT);
    if (name.equals("error") && !fields.containsKey("exception.type")) {
      name = SpanEvent.EXCEPTION;
      copy(
          fields,
          fields.containsKey("error.kind") ? "error.kind" : "error.object",
          "exception.type");
      copy(fields, "message", "exception.message");
      copy(fields, "stack", "exception.stacktrace");
    }
    return new SpanEvent(name, timestampMicros * 1_000L, new Attributes(fields));
  }

  private static SpanEvent readOne(JsonParser parser, StringPool pool) throws IOException {
    long timestamp = 0;
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("timestamp")) {
        timestamp = int64(parser, "timestamp");
      } else if (field.equals("fields")) {
        fields = V1Tags.read(parser, pool, "fields");
      } else {
        skip(parser);
      }
    }
    return event(timestamp, fields);
  }

  private static void copy(Map<String, String> fields, String from, String to) {
    String value = fields.get(from);
    if (value != null) {
      fields.put(to, value);
    }
  }
}

package dev.tracelookup.backend.jaeger;

import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.StatusCode;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the span fields Jaeger keeps in tags, the way Jaeger's own Jaeger-to-OTLP translator does,
 * and removes the tags it consumed: {@code span.kind}; the status from {@code error=true} (which
 * wins, as it is the ultimate truth for Jaeger) or else {@code otel.status_code}, with {@code
 * otel.status_description} (or {@code error.message}) as its message.
 */
final class V1TagMapping {
  static final String SPAN_KIND = "span.kind";
  static final String ERROR = "error";
  static final String STATUS_CODE = "otel.status_code";
  static final String STATUS_DESCRIPTION = "otel.status_description";
  static final String ERROR_MESSAGE = "error.message";

  private V1TagMapping() {}

  /** Returns the span kind and removes its tag. */
  static SpanKind kind(Map<String, String> tags) {
    return SpanKind.fromName(tags.remove(SPAN_KIND));
  }

  /** Returns the span status and removes the tags it was read from. */
  static SpanStatus status(Map<String, String> tags) {
    String code = tags.remove(STATUS_CODE);
    if (isTrue(tags.get(ERROR))) {
      tags.remove(ERROR);
      String description = tags.remove(STATUS_DESCRIPTION);
      return SpanStatus.error(description != null ? description : tags.get(ERROR_MESSAGE));
    }
    if (code == null) {
      return SpanStatus.UNSET;
    }
    StatusCode parsed = StatusCode.fromName(code);
    String description = tags.remove(STATUS_DESCRIPTION);
    if (parsed == StatusCode.ERROR && description == null) {
      description = tags.get(ERROR_MESSAGE);
    }
    return new SpanStatus(parsed, parsed == StatusCode.UNSET ? "" : description);
  }

  /** Jaeger's UI counts {@code true} and {@code "true"} as an error; so does the bot. */
  private static boolean isTrue(String value) {
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
  }
}

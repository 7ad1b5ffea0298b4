package dev.tracelookup.trace;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Decides whether a span failed, the same way for every backend.
 *
 * <p>A span fails when its status is ERROR (OTLP status, or Jaeger's {@code error=true} and
 * {@code otel.status_code=ERROR}, or Zipkin's {@code error} tag, whose value is often empty, all
 * mapped to ERROR by the readers); or, with no status set, when it is a SERVER span answering 500
 * or more, or a CLIENT span receiving 400 or more. HTTP semantic conventions leave 4xx unset on
 * servers because the client caused them.
 */
public final class FailureRules {
  public static final String HTTP_STATUS = "http.response.status_code";
  public static final String HTTP_STATUS_OLD = "http.status_code";

  private FailureRules() {}

  /** Returns whether the span counts as failing. */
  public static boolean isFailing(Span span) {
    if (span.status().code() == StatusCode.ERROR) {
      return true;
    }
    if (span.status().code() == StatusCode.OK) {
      return false;
    }
    if (span.attributes().get("error").map(v -> v.equalsIgnoreCase("true")).orElse(false)) {
      return true;
    }
    if (span.attributes()
        .get("otel.status_code")
        .map(v -> v.toUpperCase(Locale.ROOT).equals("ERROR"))
        .orElse(false)) {
      return true;
    }
    int status = httpStatus(span);
    if (status <= 0) {
      return false;
    }
    switch (span.kind()) {
      case SERVER:
        return status >= 500;
      case CLIENT:
        return status >= 400;
      default:
        // Older instrumentation leaves the kind unset; treat it like a server answer.
        return status >= 500;
    }
  }

  /** Returns the span's HTTP status, from the stable or the older attribute, or 0 when none. */
  public static int httpStatus(Span span) {
    OptionalLong status = span.attributes().getLong(HTTP_STATUS);
    if (status.isEmpty()) {
      status = span.attributes().getLong(HTTP_STATUS_OLD);
    }
    long value = status.orElse(0);
    return value >= 100 && value <= 999 ? (int) value : 0;
  }
}

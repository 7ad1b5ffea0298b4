package dev.tracelookup.trace;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A one-line view of a span for the error path: a child shown next to the step on the path, marked
 * ok or failed.
 *
 * @param httpStatus the HTTP status when the span has one, 0 otherwise
 * @param recovered the span failed, and a later attempt of the same call succeeded
 */
public record SpanOutcome(
    String spanId,
    String service,
    String name,
    boolean failing,
    int httpStatus,
    boolean recovered) {
  public SpanOutcome {
    Objects.requireNonNull(spanId, "spanId");
    service = service == null ? "" : service;
    name = name == null ? "" : name;
  }

  /** A child that was not retried. */
  public SpanOutcome(String spanId, String service, String name, boolean failing, int httpStatus) {
    this(spanId, service, name, failing, httpStatus, false);
  }

  public OptionalInt http() {
    return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
  }
}

package dev.tracelookup.trace;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A one-line view of a span for the error path: a child shown next to the step on the path, marked
 * ok or failed.
 *
 * @param httpStatus the HTTP status when the span has one, 0 otherwise
 * @param recovered the span failed, and a later attempt of the same call succeeded
 * @param grpcStatus the gRPC status when the span has one and no HTTP status
 */
public record SpanOutcome(
    String spanId,
    String service,
    String name,
    boolean failing,
    int httpStatus,
    boolean recovered,
    Optional<GrpcStatus> grpcStatus) {
  public SpanOutcome {
    Objects.requireNonNull(spanId, "spanId");
    service = service == null ? "" : service;
    name = name == null ? "" : name;
    grpcStatus = grpcStatus == null ? Optional.empty() : grpcStatus;
  }

  /** A child that was not retried and is no gRPC call. */
  public SpanOutcome(String spanId, String service, String name, boolean failing, int httpStatus) {
    this(spanId, service, name, failing, httpStatus, false, Optional.empty());
  }

  public OptionalInt http() {
    return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
  }

  /** Returns what the span answered or received: its HTTP status, else its gRPC status. */
  public Optional<ResponseStatus> response() {
    return httpStatus > 0
        ? Optional.of(ResponseStatus.http(httpStatus))
        : grpcStatus.map(ResponseStatus::grpc);
  }
}

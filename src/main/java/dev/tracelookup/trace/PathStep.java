package dev.tracelookup.trace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One span on the error path, with what the card shows about it.
 *
 * @param httpStatus the span's HTTP status ({@code http.response.status_code} or the older {@code
 *     http.status_code}), 0 when it has none
 * @param exception the first recorded exception, if any
 * @param children the span's direct children in start order, at most a bounded number; the next
 *     step of the path is among them whenever it is a real child
 * @param hiddenChildren how many further children were left out of {@code children}
 * @param attempts how many attempts of this call failed side by side (retries that all failed); 1
 *     for a call made once
 */
public record PathStep(
    Span span,
    boolean failing,
    int httpStatus,
    Optional<ExceptionInfo> exception,
    List<SpanOutcome> children,
    int hiddenChildren,
    int attempts) {

  public PathStep {
    Objects.requireNonNull(span, "span");
    exception = exception == null ? Optional.empty() : exception;
    children = children == null ? List.of() : List.copyOf(children);
    attempts = Math.max(1, attempts);
  }

  /** A step for a call made once. */
  public PathStep(
      Span span,
      boolean failing,
      int httpStatus,
      Optional<ExceptionInfo> exception,
      List<SpanOutcome> children,
      int hiddenChildren) {
    this(span, failing, httpStatus, exception, children, hiddenChildren, 1);
  }

  /** Returns what the span answered or received: its HTTP status, else its gRPC status. */
  public Optional<ResponseStatus> response() {
    return httpStatus > 0
        ? Optional.of(ResponseStatus.http(httpStatus))
        : FailureRules.grpcStatus(span).map(ResponseStatus::grpc);
  }

  public OptionalInt http() {
    return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
  }
}

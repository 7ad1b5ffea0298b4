package dev.tracelookup.trace;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides what one span says about itself, the same way for every backend: whether it failed,
 * whether it explicitly succeeded, what status it answered, and whether it was given up on.
 *
 * <p>A span fails when its status is ERROR (OTLP status, or Jaeger's {@code error=true} and {@code
 * otel.status_code=ERROR}, or Zipkin's {@code error} tag unless Brave wrote an HTTP status there,
 * all mapped to ERROR by the readers); or, with no status set, when it is a SERVER span answering
 * 500 or more, a CLIENT span receiving 400 or more, a CLIENT gRPC call with any code but OK, or a
 * gRPC server answering a code the semantic conventions count as the server's fault. HTTP semantic
 * conventions leave 4xx unset on servers because the client caused them.
 *
 * <p>Every rule looks at one span only, so a pass over a trace stays linear.
 */
public final class FailureRules {
  public static final String HTTP_STATUS = "http.response.status_code";
  public static final String HTTP_STATUS_OLD = "http.status_code";
  public static final String GRPC_STATUS = "rpc.grpc.status_code";
  // Semantic conventions 1.37 moved RPC statuses to one attribute that carries the code's name.
  public static final String RPC_STATUS = "rpc.response.status_code";

  /** Envoy's response flags: UT is an upstream timeout, DC the downstream client hanging up. */
  static final String ENVOY_RESPONSE_FLAGS = "response_flags";

  // Lower case; matched inside status messages and exception types and messages.
  private static final String[] GIVEN_UP_WORDS = {
    "timeout",
    "timed out",
    "time out",
    "deadline exceeded",
    "deadline_exceeded",
    "context canceled",
    "cancelled",
    "canceled",
    "etimedout",
    "esockettimedout",
    "taskcanceledexception",
    "operationcanceledexception",
    "cancellationexception"
  };

  private FailureRules() {}

  /** Returns whether the span counts as failing. */
  public static boolean isFailing(Span span) {
    if (span.status().code() == StatusCode.ERROR) {
      return true;
    }
    if (span.status().code() == StatusCode.OK) {
      return false;
    }
    if (span.attributes().get("error").map(v -> v.trim().equalsIgnoreCase("true")).orElse(false)) {
      return true;
    }
    if (span.attributes()
        .get("otel.status_code")
        .map(v -> v.trim().toUpperCase(Locale.ROOT).equals("ERROR"))
        .orElse(false)) {
      return true;
    }
    int http = httpStatus(span);
    if (http > 0) {
      // Older instrumentation leaves the kind unset; its answers are read like a server's.
      return span.kind() == SpanKind.CLIENT ? http >= 400 : http >= 500;
    }
    return grpcStatus(span)
        .map(grpc -> span.kind() == SpanKind.CLIENT ? grpc != GrpcStatus.OK : grpc.isServerFault())
        .orElse(false);
  }

  /**
   * Returns whether the span says it succeeded: status OK, or, failing nothing, an HTTP status
   * below 400 or gRPC OK. Such a span absorbed whatever failed beneath it.
   */
  public static boolean isExplicitSuccess(Span span) {
    if (span.status().code() == StatusCode.OK) {
      return true;
    }
    if (isFailing(span)) {
      return false;
    }
    return response(span).map(ResponseStatus::isSuccess).orElse(false);
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

  /** Returns the span's gRPC status, by number or by name, when it has one. */
  public static Optional<GrpcStatus> grpcStatus(Span span) {
    Optional<GrpcStatus> numbered = span.attributes().get(GRPC_STATUS).flatMap(GrpcStatus::parse);
    return numbered.isPresent()
        ? numbered
        : span.attributes().get(RPC_STATUS).flatMap(GrpcStatus::parse);
  }

  /** Returns what the span answered or received: its HTTP status, else its gRPC status. */
  public static Optional<ResponseStatus> response(Span span) {
    int http = httpStatus(span);
    if (http > 0) {
      return Optional.of(ResponseStatus.http(http));
    }
    return grpcStatus(span).map(ResponseStatus::grpc);
  }

  /**
   * Returns whether the span was given up on rather than answered: a 504 or 499, gRPC
   * DEADLINE_EXCEEDED or CANCELLED, Envoy's upstream-timeout or downstream-hang-up flags, or a
   * failure whose message or exception names a timeout or a cancellation.
   */
  public static boolean isGivenUp(Span span, Optional<ExceptionInfo> exception) {
    if (response(span).map(ResponseStatus::isGivenUp).orElse(false)) {
      return true;
    }
    String flags = span.attributes().get(ENVOY_RESPONSE_FLAGS).orElse("");
    if (flags.contains("UT") || flags.contains("DC") || flags.contains("SI")) {
      return true;
    }
    if (!isFailing(span) && exception.isEmpty()) {
      return false;
    }
    return mentionsGivingUp(span.status().message())
        || exception
            .map(e -> mentionsGivingUp(e.type()) || mentionsGivingUp(e.message()))
            .orElse(false);
  }

  private static boolean mentionsGivingUp(String text) {
    if (text.isEmpty()) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String word : GIVEN_UP_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }
}

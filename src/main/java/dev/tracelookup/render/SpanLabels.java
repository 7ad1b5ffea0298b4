package dev.tracelookup.render;

import dev.tracelookup.trace.ExceptionInfo;
import dev.tracelookup.trace.GrpcStatus;
import dev.tracelookup.trace.ResponseStatus;
import dev.tracelookup.trace.Span;
import java.util.Optional;

/** How spans, statuses and exceptions are named on one line, before any output format applies. */
final class SpanLabels {
  static final String OK = "✅";
  static final String FAILED = "❌";
  static final int MAX_NAME = 200;
  static final int MAX_MESSAGE = 300;

  private SpanLabels() {}

  /** Returns {@code POST payment-svc/charge → 502 Bad Gateway}, or the bare name without status. */
  static String withStatus(String name, int httpStatus) {
    String label = Texts.clip(name, MAX_NAME);
    return httpStatus > 0 ? label + " → " + HttpStatusText.withReason(httpStatus) : label;
  }

  /** Returns {@code POST payment-svc/charge → 14 UNAVAILABLE}, or the bare name without status. */
  static String withResponse(String name, Optional<ResponseStatus> response) {
    String label = Texts.clip(name, MAX_NAME);
    return response.map(r -> label + " → " + response(r)).orElse(label);
  }

  /** Returns {@code 502 Bad Gateway} or {@code 14 UNAVAILABLE}. */
  static String response(ResponseStatus response) {
    if (response.protocol() == ResponseStatus.Protocol.HTTP) {
      return HttpStatusText.withReason(response.code());
    }
    return response.code()
        + response.grpcStatus().map(GrpcStatus::name).map(name -> " " + name).orElse("");
  }

  /** Returns {@code payment-svc · POST …}: a span named with its service. */
  static String withService(String service, String label) {
    return Texts.clip(service, MAX_NAME) + " · " + label;
  }

  /**
   * Returns {@code ConnectionRefusedError: payment gateway timeout}, either part may be missing.
   */
  static String exception(ExceptionInfo exception) {
    String type = Texts.clip(exception.type(), MAX_NAME);
    String message = Texts.clip(exception.message(), MAX_MESSAGE);
    if (type.isEmpty() || message.isEmpty()) {
      return type + message;
    }
    return type + ": " + message;
  }

  /** Returns the span's status description, clipped, or empty. */
  static String statusMessage(Span span) {
    return Texts.clip(span.status().message(), MAX_MESSAGE);
  }

  static String marker(boolean failing) {
    return failing ? FAILED : OK;
  }
}

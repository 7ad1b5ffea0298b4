package dev.tracelookup.backend;

import dev.tracelookup.trace.FailureRules;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What makes two failures the same failure: the culprit's service, its span name (the route, for
 * HTTP servers) and, when it has them, its HTTP status and its exception type. Never anything of
 * the customer, so the query built from it names no one.
 *
 * @param httpStatus the culprit's HTTP status, when it had one
 * @param exceptionType the type of the culprit's first recorded exception, when it had one
 */
public record FailureSignature(
    String service, String spanName, OptionalInt httpStatus, Optional<String> exceptionType) {

  public FailureSignature {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(spanName, "spanName");
    httpStatus = httpStatus == null ? OptionalInt.empty() : httpStatus;
    exceptionType = exceptionType == null ? Optional.empty() : exceptionType;
  }

  /**
   * Returns whether the span failed the same way. Names are compared ignoring case: Zipkin lower-
   * cases them. A status or exception type the signature lacks is not asked of the span.
   */
  public boolean matches(Span span) {
    if (!span.service().equalsIgnoreCase(service) || !span.name().equalsIgnoreCase(spanName)) {
      return false;
    }
    boolean excepted = exceptionType.map(type -> hasException(span, type)).orElse(false);
    if (!FailureRules.isFailing(span) && !excepted) {
      return false;
    }
    if (httpStatus.isPresent() && FailureRules.httpStatus(span) != httpStatus.getAsInt()) {
      return false;
    }
    return exceptionType.isEmpty() || excepted || !hasAnyException(span);
  }

  /** Returns the service and span name in lower case, for keys: Zipkin's names are lower case. */
  public String key() {
    return lower(service)
        + "\n"
        + lower(spanName)
        + "\n"
        + (httpStatus.isPresent() ? httpStatus.getAsInt() : "")
        + "\n"
        + exceptionType.orElse("");
  }

  private static boolean hasException(Span span, String type) {
    return span.attributes().get("exception.type").map(type::equals).orElse(false)
        || span.events().stream()
            .map(SpanEvent::attributes)
            .anyMatch(a -> a.get("exception.type").map(type::equals).orElse(false));
  }

  private static boolean hasAnyException(Span span) {
    return span.events().stream()
        .map(SpanEvent::attributes)
        .anyMatch(a -> a.get("exception.type").isPresent());
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}

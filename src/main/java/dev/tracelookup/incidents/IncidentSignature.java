package dev.tracelookup.incidents;

import java.util.Optional;
import java.util.Set;

/**
 * What a failure caused by an incident looks like, as its author wrote it down. Every part given
 * must match the culprit span for the signature to match.
 *
 * @param spanName the culprit's span name, compared ignoring case
 * @param httpStatuses the culprit's HTTP status is one of these; empty means any
 * @param exceptionType the culprit's exception type, either whole or its simple name ({@code
 *     TimeoutError} matches {@code requests.exceptions.TimeoutError})
 */
public record IncidentSignature(
    Optional<String> spanName, Set<Integer> httpStatuses, Optional<String> exceptionType) {
  public IncidentSignature {
    spanName = blankToEmpty(spanName);
    httpStatuses = httpStatuses == null ? Set.of() : Set.copyOf(httpStatuses);
    exceptionType = blankToEmpty(exceptionType);
    if (spanName.isEmpty() && httpStatuses.isEmpty() && exceptionType.isEmpty()) {
      throw new IllegalArgumentException(
          "a signature needs a span name, an HTTP status or an exception type");
    }
  }

  /** Returns whether the failure's culprit has every part of this signature. */
  public boolean matches(TraceFailure failure) {
    return spanName.map(name -> name.equalsIgnoreCase(failure.culpritName())).orElse(true)
        && (httpStatuses.isEmpty() || httpStatuses.contains(failure.httpStatus()))
        && exceptionType
            .map(
                type ->
                    failure.exceptionType().filter(actual -> sameType(type, actual)).isPresent())
            .orElse(true);
  }

  private static boolean sameType(String expected, String actual) {
    return expected.equalsIgnoreCase(actual) || expected.equalsIgnoreCase(simpleName(actual));
  }

  /** Returns the type without its package or module: Java, Python, .NET and Ruby all qualify. */
  private static String simpleName(String type) {
    int cut =
        Math.max(type.lastIndexOf('.'), Math.max(type.lastIndexOf('$'), type.lastIndexOf(':')));
    return type.substring(cut + 1);
  }

  private static Optional<String> blankToEmpty(Optional<String> value) {
    return value == null
        ? Optional.empty()
        : value.map(String::trim).filter(text -> !text.isEmpty());
  }
}

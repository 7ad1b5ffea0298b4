package dev.tracelookup.trace;

import java.util.Objects;
import java.util.Optional;

/**
 * An internal failure the customer did not see.
 *
 * @param span the failing span; for a retried call, its last failed attempt
 * @param how retried by the caller, or absorbed by a caller that answered successfully
 * @param failures how many attempts of the same call failed before one succeeded (1 when absorbed)
 * @param response the HTTP or gRPC status the failing span recorded, when it did
 * @param exception the exception it recorded, when it did
 */
public record Recovery(
    Span span,
    How how,
    int failures,
    Optional<ResponseStatus> response,
    Optional<ExceptionInfo> exception) {

  /** How the failure was kept from the customer. */
  public enum How {
    /** A later attempt of the same call succeeded. */
    RETRIED,
    /** A caller that succeeded went on without it (an expected 404, a fallback, a lost parent). */
    ABSORBED
  }

  public Recovery {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(how, "how");
    response = response == null ? Optional.empty() : response;
    exception = exception == null ? Optional.empty() : exception;
  }
}

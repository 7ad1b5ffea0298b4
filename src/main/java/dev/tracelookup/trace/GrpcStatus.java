package dev.tracelookup.trace;

import java.util.Locale;
import java.util.Optional;

/**
 * The gRPC status codes, as {@code rpc.grpc.status_code} (a number) or {@code
 * rpc.response.status_code} (a name, in newer semantic conventions) carry them.
 *
 * <p>Which codes are the server's fault follows the semantic conventions for gRPC server spans:
 * UNKNOWN, DEADLINE_EXCEEDED, UNIMPLEMENTED, INTERNAL, UNAVAILABLE and DATA_LOSS. The others say
 * the caller asked for something it may not have, as an HTTP 4xx does, and CANCELLED says the
 * caller stopped waiting.
 */
public enum GrpcStatus {
  OK,
  CANCELLED,
  UNKNOWN,
  INVALID_ARGUMENT,
  DEADLINE_EXCEEDED,
  NOT_FOUND,
  ALREADY_EXISTS,
  PERMISSION_DENIED,
  RESOURCE_EXHAUSTED,
  FAILED_PRECONDITION,
  ABORTED,
  OUT_OF_RANGE,
  UNIMPLEMENTED,
  INTERNAL,
  UNAVAILABLE,
  DATA_LOSS,
  UNAUTHENTICATED;

  private static final GrpcStatus[] BY_CODE = values();

  /** Returns the numeric code, {@code 14} for UNAVAILABLE. */
  public int code() {
    return ordinal();
  }

  /** Returns the status for a code, or empty when it is not one of the seventeen. */
  public static Optional<GrpcStatus> of(long code) {
    return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[(int) code]) : Optional.empty();
  }

  /** Returns the status for {@code "14"}, {@code "UNAVAILABLE"} or {@code "unavailable"}. */
  public static Optional<GrpcStatus> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    try {
      return of(Long.parseLong(trimmed));
    } catch (NumberFormatException notANumber) {
      String upper = trimmed.toUpperCase(Locale.ROOT);
      for (GrpcStatus status : BY_CODE) {
        if (status.name().equals(upper)) {
          return Optional.of(status);
        }
      }
      return Optional.empty();
    }
  }

  /** Returns whether a server answering this failed, by the semantic conventions' list. */
  public boolean isServerFault() {
    switch (this) {
      case UNKNOWN:
      case DEADLINE_EXCEEDED:
      case UNIMPLEMENTED:
      case INTERNAL:
      case UNAVAILABLE:
      case DATA_LOSS:
        return true;
      default:
        return false;
    }
  }

  /** Returns whether the call was given up on: the caller cancelled or the deadline passed. */
  public boolean isGivenUp() {
    return this == CANCELLED || this == DEADLINE_EXCEEDED;
  }
}

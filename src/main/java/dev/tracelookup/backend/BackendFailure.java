package dev.tracelookup.backend;

import dev.tracelookup.http.HttpFailure;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An expected failure of a backend call, with what a support agent should be told.
 *
 * @param backend the backend's display name, e.g. {@code Tempo}
 * @param detail for operators and logs: the call and what came back, never secrets
 * @param status the HTTP status the backend answered with, when the failure came with one
 */
public record BackendFailure(
    Kind kind, String backend, String detail, Optional<Duration> retryAfter, OptionalInt status) {

  /** What went wrong, coarse enough to choose the advice. */
  public enum Kind {
    UNREACHABLE,
    TIMEOUT,
    RATE_LIMITED,
    REJECTED,
    SERVER_ERROR,
    MALFORMED,
    TOO_LARGE,
    UNSUPPORTED_QUERY,
    /** The bot itself had no room: other lookups were reading as much as it may hold at once. */
    BUSY,
    /** A bug in the bot, not the backend's doing: it is logged with its stack trace. */
    INTERNAL
  }

  public BackendFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(backend, "backend");
    detail = detail == null ? "" : detail;
    retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    status = status == null ? OptionalInt.empty() : status;
  }

  /** Returns a failure that came without an HTTP status. */
  public BackendFailure(Kind kind, String backend, String detail, Optional<Duration> retryAfter) {
    this(kind, backend, detail, retryAfter, OptionalInt.empty());
  }

  public static BackendFailure of(Kind kind, String backend, String detail) {
    return new BackendFailure(kind, backend, detail, Optional.empty());
  }

  /** Returns the failure of a call to the backend over HTTP: the same detail, status and wait. */
  public static BackendFailure from(HttpFailure failure) {
    return new BackendFailure(
        kind(failure.kind()),
        failure.endpoint(),
        failure.detail(),
        failure.retryAfter(),
        failure.status());
  }

  private static Kind kind(HttpFailure.Kind kind) {
    return switch (kind) {
      case UNREACHABLE -> Kind.UNREACHABLE;
      case TIMEOUT -> Kind.TIMEOUT;
      // A 404 is a failure only where the backend must serve the path: a readiness check.
      case REJECTED, NOT_FOUND -> Kind.REJECTED;
      case RATE_LIMITED -> Kind.RATE_LIMITED;
      case SERVER_ERROR -> Kind.SERVER_ERROR;
      case MALFORMED -> Kind.MALFORMED;
      case TOO_LARGE -> Kind.TOO_LARGE;
      case BUSY -> Kind.BUSY;
      case INTERNAL -> Kind.INTERNAL;
    };
  }

  /** Returns one or two sentences for the support agent: what happened and what to try. */
  public String userMessage() {
    switch (kind) {
      case UNREACHABLE:
        return backend
            + " could not be reached. Try again in a minute; if it keeps failing, tell the team"
            + " that runs "
            + backend
            + ".";
      case TIMEOUT:
        return backend
            + " did not answer in time. Try again, or narrow the window or add a service filter.";
      case RATE_LIMITED:
        return backend
            + " is rate-limiting lookups"
            + retryAfter
                .map(d -> "; try again in " + Math.max(1, d.toSeconds()) + " s.")
                .orElse("; try again in a minute.");
      case REJECTED:
        return backend + " refused the query (" + detail + "). Check the user ID and the window.";
      case SERVER_ERROR:
        return backend + " failed while searching. Try again in a minute.";
      case MALFORMED:
        return backend + " sent an answer the bot could not read. Tell the team that runs the bot.";
      case TOO_LARGE:
        return backend
            + " sent more data than the bot accepts. Narrow the window or add a service filter.";
      case UNSUPPORTED_QUERY:
        return detail;
      case BUSY:
        return "The bot is busy reading other large answers from "
            + backend
            + ". Try again in a minute, or narrow"
            + " the window or add a service filter.";
      case INTERNAL:
        return "The bot failed reading "
            + backend
            + "'s answer; this is a bug, please report it to the team that"
            + " runs the bot.";
      default:
        throw new AssertionError(kind);
    }
  }
}

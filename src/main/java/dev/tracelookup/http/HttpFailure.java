package dev.tracelookup.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why one logical HTTP call gave no usable answer, said in HTTP's terms only. The client has no
 * words for agents: each caller maps this to its own failure (a backend's, a ticket system's, an
 * incident source's), which knows what to advise.
 *
 * @param endpoint the endpoint's name, e.g. {@code Tempo} or {@code Zendesk}
 * @param detail for operators and logs: the call and what came back; never the query string (it
 *     carries the customer's ID), secrets, or what a reader's exception said
 * @param status the status line's code, when one arrived
 * @param retryAfter the wait a 429 asked for
 */
public record HttpFailure(
    Kind kind, String endpoint, String detail, OptionalInt status, Optional<Duration> retryAfter) {

  /** What went wrong, coarse enough for a caller to choose its words. */
  public enum Kind {
    /** No connection, or it broke before an answer: refused, reset, unknown host. */
    UNREACHABLE,
    /** No complete answer within the attempt's timeout, the call's budget or the lookup's time. */
    TIMEOUT,
    /** A 4xx other than 404 and 429: a bad request, bad credentials, or no access. */
    REJECTED,
    /** A 429, possibly with the wait it asked for. */
    RATE_LIMITED,
    /** A 5xx. */
    SERVER_ERROR,
    /**
     * A 404 where an answer was required: only {@link BackendHttp#check} says this; {@link
     * BackendHttp#get} answers {@link HttpResult.NotFound}, which often means "nothing there".
     */
    NOT_FOUND,
    /** A 2xx that was not what the endpoint should send: empty, or refused by the reader. */
    MALFORMED,
    /** More than the endpoint accepts, or than the lookup's share of the read budget. */
    TOO_LARGE,
    /** The bot had no room: other lookups were reading as much as it may hold at once. */
    BUSY,
    /**
     * A bug in the bot: the reader threw something other than an {@link java.io.IOException}, which
     * is how readers refuse a body (see {@link BodyReader}).
     */
    INTERNAL
  }

  public HttpFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(endpoint, "endpoint");
    detail = detail == null ? "" : detail;
    Objects.requireNonNull(status, "status");
    retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    if (status.isEmpty() && statusDefines(kind)) {
      throw new IllegalArgumentException(kind + " is defined by a status line, and none was given");
    }
  }

  /** Returns a failure that came without a status line. */
  static HttpFailure of(Kind kind, String endpoint, String detail) {
    return new HttpFailure(kind, endpoint, detail, OptionalInt.empty(), Optional.empty());
  }

  /** Returns a failure after the status line, or without one when {@code status} is empty. */
  static HttpFailure of(Kind kind, String endpoint, OptionalInt status, String detail) {
    return new HttpFailure(kind, endpoint, detail, status, Optional.empty());
  }

  private static boolean statusDefines(Kind kind) {
    return switch (kind) {
      case REJECTED, RATE_LIMITED, SERVER_ERROR, NOT_FOUND -> true;
      case UNREACHABLE, TIMEOUT, MALFORMED, TOO_LARGE, BUSY, INTERNAL -> false;
    };
  }
}

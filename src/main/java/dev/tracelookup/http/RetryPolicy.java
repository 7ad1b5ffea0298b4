package dev.tracelookup.http;

import dev.tracelookup.http.HttpFailure.Kind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a failed GET is tried again, and how long the client waits first. Each caller names its own
 * policy where it builds its {@link Endpoint} (the trace backend in {@code app/Backends}, ticket
 * systems in {@code tickets/TicketEndpoints}, incident sources in {@code incidents/SourceHttp}), so
 * changing how a Tempo 503 is retried does not change how Zendesk is retried.
 *
 * <p>A server-given {@code Retry-After} replaces the backoff; every wait still fits in the
 * endpoint's budget.
 *
 * @param maxAttempts 1 means no retry
 * @param firstBackoff the wait after the first failure; it doubles after each one
 * @param maxBackoff the longest wait between two attempts
 * @param retried the failures worth another attempt; anything else is final at once
 */
public record RetryPolicy(
    int maxAttempts, Duration firstBackoff, Duration maxBackoff, Set<Kind> retried) {

  /** The failures another attempt may cure: the server's, the network's, and being rate limited. */
  public static final Set<Kind> TRANSIENT =
      Set.copyOf(EnumSet.of(Kind.SERVER_ERROR, Kind.RATE_LIMITED, Kind.TIMEOUT, Kind.UNREACHABLE));

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = FIRST_BACKOFF.multipliedBy(64);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be positive");
    }
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("backoffs must satisfy 0 <= first <= max");
    }
    retried = retried.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(retried));
  }

  /**
   * Returns up to {@code maxAttempts} attempts of an idempotent read on transient failures, 200 ms
   * after the first failure, doubling up to 12.8 s.
   */
  public static RetryPolicy transientFailures(int maxAttempts) {
    return new RetryPolicy(maxAttempts, FIRST_BACKOFF, MAX_BACKOFF, TRANSIENT);
  }

  /** Returns whether a failure of this kind is worth another attempt. */
  public boolean retries(Kind kind) {
    return retried.contains(kind);
  }

  /** Returns the wait after the given attempt (1 for the first) failed. */
  public Duration backoff(int failedAttempt) {
    Duration wait = firstBackoff.multipliedBy(1L << Math.min(Math.max(failedAttempt - 1, 0), 20));
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}

package dev.tracelookup.http;

import java.time.Duration;
import java.util.Optional;

/**
 * One attempt of a {@link BackendHttp} GET: either a final result, or a retryable failure with an
 * optional server-given wait.
 */
record Attempt<T>(
    Optional<HttpResult<T>> result,
    HttpFailure failure,
    Optional<Duration> retryAfter,
    boolean gaveWay) {
  static <T> Attempt<T> done(HttpResult<T> result) {
    return new Attempt<>(Optional.of(result), null, Optional.empty(), false);
  }

  static <T> Attempt<T> retry(HttpFailure failure, Optional<Duration> retryAfter) {
    return new Attempt<>(Optional.empty(), failure, retryAfter, false);
  }

  /** The answer streamed, then gave way to older reads in the read budget. */
  static <T> Attempt<T> gaveWay(HttpFailure failure) {
    return new Attempt<>(Optional.empty(), failure, Optional.empty(), true);
  }

  /** Returns the failure this attempt ended in, final or retryable. */
  Optional<HttpFailure> failed() {
    if (result.isEmpty()) {
      return Optional.of(failure);
    }
    return result.get() instanceof HttpResult.Failed<T> failed
        ? Optional.of(failed.failure())
        : Optional.empty();
  }
}

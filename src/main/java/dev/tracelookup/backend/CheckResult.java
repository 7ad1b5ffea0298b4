package dev.tracelookup.backend;

import dev.tracelookup.http.HttpFailure;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers the question: are lookups against this backend likely to succeed now? Either {@link #OK}
 * or {@link #failed(BackendFailure)}, which says what a cheap call found wrong.
 */
public record CheckResult(Optional<BackendFailure> failure) {
  /** The backend answered. */
  public static final CheckResult OK = new CheckResult(Optional.empty());

  public CheckResult {
    Objects.requireNonNull(failure, "failure");
  }

  /** Returns the result of a check over HTTP: {@link #OK} when no failure was found. */
  public static CheckResult of(Optional<HttpFailure> failure) {
    return failure.map(BackendFailure::from).map(CheckResult::failed).orElse(OK);
  }

  /** Returns the result of a check that found the backend failing. */
  public static CheckResult failed(BackendFailure failure) {
    return new CheckResult(Optional.of(failure));
  }

  /** Returns whether the backend answered. */
  public boolean ok() {
    return failure.isEmpty();
  }
}

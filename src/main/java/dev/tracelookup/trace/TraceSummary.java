package dev.tracelookup.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a list of traces shows about one trace.
 *
 * @param rootService the entry span's service (the earliest root, or the earliest span when the
 *     trace has no root)
 * @param rootName the entry span's name
 * @param httpStatus the entry span's HTTP status, 0 when it has none
 * @param failingSpans how many spans count as failing under {@link FailureRules}
 * @param verdict what the customer saw
 */
public record TraceSummary(
    String traceId,
    Instant start,
    Duration duration,
    String rootService,
    String rootName,
    int httpStatus,
    int spanCount,
    int failingSpans,
    Verdict verdict) {

  public TraceSummary {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(verdict, "verdict");
  }

  /**
   * A summary judged by its failing spans alone, for callers that have no tree to judge: failed
   * when any span failed.
   */
  public TraceSummary(
      String traceId,
      Instant start,
      Duration duration,
      String rootService,
      String rootName,
      int httpStatus,
      int spanCount,
      int failingSpans) {
    this(
        traceId,
        start,
        duration,
        rootService,
        rootName,
        httpStatus,
        spanCount,
        failingSpans,
        failingSpans > 0
            ? new Verdict(
                Verdict.Kind.FAILED,
                httpStatus > 0 ? Optional.of(ResponseStatus.http(httpStatus)) : Optional.empty(),
                false,
                false,
                false,
                List.of())
            : Verdict.succeeded(Optional.empty()));
  }

  /** Returns whether the customer saw a failure or a refusal: what a card counts as failed. */
  public boolean hasError() {
    return verdict.isFailure();
  }
}

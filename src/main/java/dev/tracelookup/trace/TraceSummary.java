package dev.tracelookup.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a list of traces shows about one trace.
 *
 * @param rootService the entry span's service (the earliest root, or the earliest span when the
 *     trace has no root)
 * @param rootName the entry span's name
 * @param httpStatus the entry span's HTTP status, 0 when it has none
 * @param failingSpans how many spans count as failing under {@link FailureRules}
 */
public record TraceSummary(
    String traceId,
    Instant start,
    Duration duration,
    String rootService,
    String rootName,
    int httpStatus,
    int spanCount,
    int failingSpans) {

  public TraceSummary {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
  }

  public boolean hasError() {
    return failingSpans > 0;
  }
}

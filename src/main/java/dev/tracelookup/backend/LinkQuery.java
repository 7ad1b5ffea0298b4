package dev.tracelookup.backend;

import dev.tracelookup.trace.TraceIds;
import java.time.Instant;
import java.util.Objects;

/**
 * What to search for by span link: the traces in which some span links to a span of {@code
 * traceId}, overlapping the window. These are the traces of work that trace queued (a consumer
 * links back to its producer) and that ran in traces of their own.
 *
 * @param traceId the linked-to (producer's) trace, normalised (see {@link TraceIds})
 * @param from the window to look in; queued work runs after its producer, so the caller chooses a
 *     window from the producer's start to some time after its end
 * @param limit at most this many traces
 */
public record LinkQuery(String traceId, Instant from, Instant to, int limit) {

  public LinkQuery {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!TraceIds.isNormalisedTraceId(traceId)) {
      throw new IllegalArgumentException("not a normalised trace ID: " + traceId);
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window ends before it starts: " + from + " > " + to);
    }
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }
}

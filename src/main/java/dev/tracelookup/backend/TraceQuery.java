package dev.tracelookup.backend;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to search for: the traces in which some span carries the user ID, overlapping the window.
 *
 * @param userId the ID as it is stored in the spans (already hashed when the deployment hashes IDs)
 * @param service only traces with a span of this service, when present
 * @param spanName only traces with a span of this name, when present
 * @param errorsOnly only traces with a failing span
 * @param limit at most this many traces
 */
public record TraceQuery(
    String userId,
    Instant from,
    Instant to,
    Optional<String> service,
    Optional<String> spanName,
    boolean errorsOnly,
    int limit) {

  public TraceQuery {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    service = service == null ? Optional.empty() : service;
    spanName = spanName == null ? Optional.empty() : spanName;
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window ends before it starts: " + from + " > " + to);
    }
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }
}

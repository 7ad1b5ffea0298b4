package dev.tracelookup.backend.jaeger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to Jaeger's search: one user attribute (Jaeger ANDs attribute filters, so each key
 * gets its own search) and at most one service.
 *
 * @param depth how many traces to ask for
 */
record SearchSpec(
    String userKey, String userId, Optional<String> service, Instant from, Instant to, int depth) {

  SearchSpec {
    Objects.requireNonNull(userKey, "userKey");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (depth <= 0) {
      throw new IllegalArgumentException("depth must be positive: " + depth);
    }
  }
}

package dev.tracelookup.backend;

import java.time.Instant;
import java.util.Objects;

/**
 * What to count: the traces in the window holding a span that failed with the signature. It names
 * no customer; the customers are read off the traces found.
 *
 * @param limit at most this many traces are read; reaching it makes the count "at least"
 */
public record SameFailureQuery(FailureSignature signature, Instant from, Instant to, int limit) {

  public SameFailureQuery {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window ends before it starts: " + from + " > " + to);
    }
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
  }
}

package dev.tracelookup.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How usable one incident source's list is now, for readiness reports.
 *
 * @param lastGood when the list in use was fetched; empty before the first good refresh
 */
public record SourceHealth(String name, Freshness freshness, Optional<Instant> lastGood) {

  /** Whether cards can name this source's incidents. */
  public enum Freshness {
    /** No refresh has finished yet. */
    PENDING,
    /** The last refresh succeeded. */
    FRESH,
    /** Refreshes fail, but the last good list is recent enough to use. */
    STALE,
    /** Refreshes fail and there is no list recent enough to use. */
    UNAVAILABLE
  }

  public SourceHealth {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(freshness, "freshness");
    Objects.requireNonNull(lastGood, "lastGood");
  }

  /** Returns the health of a source in the given state, by the same rules the catalog serves it. */
  static SourceHealth of(
      String name, Optional<SourceState> state, Instant now, Duration staleLimit) {
    if (state.isEmpty()) {
      return new SourceHealth(name, Freshness.PENDING, Optional.empty());
    }
    SourceState current = state.get();
    if (current.incidents().isEmpty()) {
      return new SourceHealth(name, Freshness.UNAVAILABLE, Optional.empty());
    }
    Freshness freshness =
        !current.failing()
            ? Freshness.FRESH
            : Duration.between(current.fetchedAt(), now).compareTo(staleLimit) > 0
                ? Freshness.UNAVAILABLE
                : Freshness.STALE;
    return new SourceHealth(name, freshness, Optional.of(current.fetchedAt()));
  }
}

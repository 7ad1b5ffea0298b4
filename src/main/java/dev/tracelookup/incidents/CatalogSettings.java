package dev.tracelookup.incidents;

import java.time.Duration;
import java.util.Objects;

/**
 * How the catalog fetches and matches.
 *
 * @param declaredLate how long before an incident's start a failure still counts: incidents are
 *     declared after the impact begins
 * @param resolvedEarly how long after its resolution a failure still counts: incidents are marked
 *     resolved when the fix lands, while retries and caches still fail for a while
 * @param lookback how far back each refresh asks remote sources for incidents
 * @param staleLimit how long a failing source's last good list is still used
 */
public record CatalogSettings(
    Duration declaredLate, Duration resolvedEarly, Duration lookback, Duration staleLimit) {
  public CatalogSettings {
    requireNotNegative(declaredLate, "declaredLate");
    requireNotNegative(resolvedEarly, "resolvedEarly");
    requireNotNegative(staleLimit, "staleLimit");
    Objects.requireNonNull(lookback, "lookback");
    if (lookback.isZero() || lookback.isNegative()) {
      throw new IllegalArgumentException("lookback must be positive");
    }
  }

  /** Returns 15 minutes declared late, 5 resolved early, 14 days lookback, 1 hour stale limit. */
  public static CatalogSettings defaults() {
    return new CatalogSettings(
        Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofDays(14), Duration.ofHours(1));
  }

  private static void requireNotNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }
}

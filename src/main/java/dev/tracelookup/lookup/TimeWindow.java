package dev.tracelookup.lookup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The span of time to search.
 *
 * @param zone the zone the agent's words were read in (named in the command, else the agent's)
 * @param basis how the window was understood, for the reply: "2:15 PM ±15 min", "the last 2 hours"
 */
public record TimeWindow(Instant from, Instant to, ZoneId zone, String basis) {
  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    basis = basis == null ? "" : basis;
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window ends before it starts: " + from + " > " + to);
    }
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}

package dev.tracelookup.lookup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The span of time to search.
 *
 * @param zone the zone the agent's words were read in (named in the command, else the agent's)
 * @param basis how the window was understood, for the reply: "2:15 PM ±15 min", "the last 2 hours"
 * @param stated the moment the customer named ("2:15 PM", "30m ago", the ticket's stated time or,
 *     without one, when the ticket was written): traces nearest it are shown first
 */
public record TimeWindow(
    Instant from, Instant to, ZoneId zone, String basis, Optional<Instant> stated) {
  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    basis = basis == null ? "" : basis;
    stated = stated == null ? Optional.empty() : stated;
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window ends before it starts: " + from + " > " + to);
    }
  }

  /** A window around no particular moment: a range, a day, the last little while. */
  public TimeWindow(Instant from, Instant to, ZoneId zone, String basis) {
    this(from, to, zone, basis, Optional.empty());
  }

  /** Returns the moment traces are ranked by nearness to: the stated one, else the window's end. */
  public Instant anchor() {
    return stated.orElse(to);
  }

  /** Returns this window searched over other bounds, still about the same moment. */
  public TimeWindow withBounds(Instant newFrom, Instant newTo) {
    return new TimeWindow(newFrom, newTo, zone, basis, stated);
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}

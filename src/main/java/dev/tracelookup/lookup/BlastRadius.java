package dev.tracelookup.lookup;

import dev.tracelookup.time.TimeFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * How many other requests and customers hit the featured failure: counts only, never who. The card
 * shows it, and a note written back to the ticket may quote it.
 *
 * @param requests traces with the same failure signature, other than the looked-up customer's
 * @param customers distinct customers on them, the looked-up customer not among them
 * @param atLeast the backend's result limit was reached: the true numbers may be higher
 * @param firstSeen the earliest of those requests, when there was one
 * @param lastSeen the latest of those requests
 * @param from start of the window searched (the lookup's, widened)
 * @param to end of the window searched
 */
public record BlastRadius(
    int requests,
    int customers,
    boolean atLeast,
    Optional<Instant> firstSeen,
    Optional<Instant> lastSeen,
    Instant from,
    Instant to) {

  public BlastRadius {
    firstSeen = firstSeen == null ? Optional.empty() : firstSeen;
    lastSeen = lastSeen == null ? Optional.empty() : lastSeen;
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /**
   * Returns the card's line, e.g. {@code Same failure for 37 requests from 19 other customers
   * between 14:12 and 14:25 UTC, first seen 14:12 (searched 13:30–15:00 UTC)}.
   */
  public String line() {
    String searched = " (searched " + TimeFormat.utcRange(from, to) + ")";
    if (requests == 0) {
      return "No other request hit the same failure" + searched + ".";
    }
    String bound = atLeast ? "at least " : "";
    // Whole minutes, the last rounded up, so that the range holds every request counted.
    Instant first = firstSeen.orElse(from).truncatedTo(ChronoUnit.MINUTES);
    Instant last = lastSeen.orElse(to).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    return "Same failure for "
        + bound
        + plural(requests, "request")
        + " from "
        + bound
        + plural(customers, "other customer")
        + " "
        + TimeFormat.utcBetween(first, last)
        + ", first seen "
        + TimeFormat.time(first.atZone(ZoneOffset.UTC))
        + searched;
  }

  /** Returns whether at least {@code threshold} other customers were hit. */
  public boolean widespread(int threshold) {
    return customers >= threshold;
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}

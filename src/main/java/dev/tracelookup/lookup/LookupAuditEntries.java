package dev.tracelookup.lookup;

import dev.tracelookup.privacy.AuditEntry;
import java.util.Optional;

/**
 * The audit line of a lookup, the same from every face: the customer by fingerprint, the window,
 * and what came of it ({@code found}, {@code no_traces} or {@code failed}).
 */
public final class LookupAuditEntries {
  private LookupAuditEntries() {}

  /**
   * Returns the entry for a lookup, refresh or share.
   *
   * @param fingerprint the customer's fingerprint, never the ID
   */
  public static AuditEntry of(
      String event,
      String slackUser,
      String team,
      String channel,
      String fingerprint,
      LookupOutcome outcome,
      String backend,
      boolean shared) {
    LookupRequest request = outcome.request();
    int count = 0;
    boolean cacheHit = false;
    String result = "no_traces";
    if (outcome instanceof LookupOutcome.Found found) {
      count = found.traces().size();
      cacheHit = found.fromCache();
      result = "found";
    } else if (outcome instanceof LookupOutcome.Failed) {
      result = "failed";
    }
    return new AuditEntry(
        event,
        slackUser,
        team,
        channel,
        Optional.of(fingerprint),
        Optional.of(request.window().from()),
        Optional.of(request.window().to()),
        backend,
        count,
        cacheHit,
        shared,
        result);
  }

  /**
   * Returns the entry of a blast-radius count made for a customer's card: the customer by
   * fingerprint, the window counted, how many other requests were counted ({@code resultCount}),
   * and {@code counted}, {@code at_least} or {@code not_counted}. Other customers appear in no
   * form, not even as a number of fingerprints.
   */
  public static AuditEntry blast(
      String slackUser,
      String team,
      String channel,
      String fingerprint,
      BlastRadii.TimeWindowBounds window,
      BlastReport report,
      String backend) {
    int count = 0;
    boolean cacheHit = false;
    String result = "not_counted";
    if (report instanceof BlastReport.Counted counted) {
      count = counted.radius().requests();
      cacheHit = counted.fromCache();
      result = counted.radius().atLeast() ? "at_least" : "counted";
    }
    return new AuditEntry(
        "blast_radius",
        slackUser,
        team,
        channel,
        Optional.of(fingerprint),
        Optional.of(window.from()),
        Optional.of(window.to()),
        backend,
        count,
        cacheHit,
        false,
        result);
  }
}

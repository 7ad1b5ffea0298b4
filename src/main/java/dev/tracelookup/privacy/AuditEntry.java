package dev.tracelookup.privacy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One audited event. It names the customer only by fingerprint: the raw ID never enters an entry.
 *
 * @param event {@code lookup}, {@code refresh}, {@code share}, {@code reply_draft}, {@code
 *     show_trace}, {@code ticket_note}, {@code blast_radius}, {@code denied}, {@code erasure}, or
 *     {@code delivery}: how the answer to the entry before it went when not the way it was sent
 * @param slackUser the Slack user who asked
 * @param team the Slack workspace, or {@code ""} outside Slack
 * @param channel where the request came from, or {@code ""}
 * @param userHash the customer's {@link UserIdFingerprint}, when the event concerns one
 * @param windowFrom start of the searched window, when there was one
 * @param windowTo end of the searched window
 * @param backend the trace backend's display name, or {@code ""}
 * @param resultCount traces found (or shown)
 * @param cacheHit whether the answer came from the cache
 * @param shared whether the result was posted for others to see
 * @param outcome {@code found}, {@code no_traces}, {@code failed}, {@code busy}, {@code denied}, …;
 *     for a {@code delivery}: {@code ephemeral}, {@code direct_message}, {@code response_url} or
 *     {@code lost}
 * @param traceId the one trace the event showed or drafted from ({@code show_trace}, {@code
 *     reply_draft})
 */
public record AuditEntry(
    String event,
    String slackUser,
    String team,
    String channel,
    Optional<String> userHash,
    Optional<Instant> windowFrom,
    Optional<Instant> windowTo,
    String backend,
    int resultCount,
    boolean cacheHit,
    boolean shared,
    String outcome,
    Optional<String> traceId) {

  public AuditEntry {
    Objects.requireNonNull(event, "event");
    slackUser = slackUser == null ? "" : slackUser;
    team = team == null ? "" : team;
    channel = channel == null ? "" : channel;
    Objects.requireNonNull(userHash, "userHash");
    Objects.requireNonNull(windowFrom, "windowFrom");
    Objects.requireNonNull(windowTo, "windowTo");
    backend = backend == null ? "" : backend;
    Objects.requireNonNull(outcome, "outcome");
    traceId = traceId == null ? Optional.empty() : traceId;
  }

  /** An event about a search, not one trace. */
  public AuditEntry(
      String event,
      String slackUser,
      String team,
      String channel,
      Optional<String> userHash,
      Optional<Instant> windowFrom,
      Optional<Instant> windowTo,
      String backend,
      int resultCount,
      boolean cacheHit,
      boolean shared,
      String outcome) {
    this(
        event,
        slackUser,
        team,
        channel,
        userHash,
        windowFrom,
        windowTo,
        backend,
        resultCount,
        cacheHit,
        shared,
        outcome,
        Optional.empty());
  }

  /** A refusal by the access policy: who, where, and nothing about any customer. */
  public static AuditEntry denied(String slackUser, String team, String channel) {
    return denied(slackUser, team, channel, "denied");
  }

  /**
   * A refusal: who, where, why ({@code denied}, {@code external}, {@code shared_channel}), and
   * nothing about any customer.
   */
  public static AuditEntry denied(String slackUser, String team, String channel, String reason) {
    return new AuditEntry(
        "denied",
        slackUser,
        team,
        channel,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "",
        0,
        false,
        false,
        reason);
  }
}

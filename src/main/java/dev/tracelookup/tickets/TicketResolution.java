package dev.tracelookup.tickets;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a ticket says about the failing request: whose it was and when, with a suggested window to
 * search. The agent confirms or corrects all of it before the lookup runs.
 *
 * @param reference how agents refer to the ticket: {@code Zendesk #4512}, {@code JSM SUP-123}
 * @param userId the requester's product user ID; empty when the ticket system has none on record
 * @param userIdSource where the ID came from, e.g. {@code from Zendesk #4512 requester external_id}
 * @param requesterZone the requester's time zone, when the system keeps one
 * @param createdAt when the ticket was filed
 * @param statedTime the time of the issue the requester gave, if any
 * @param statedTimeSource where that came from: {@code custom field 360011}, {@code ticket text:
 *     'at 2:15 PM'}
 * @param from start of the suggested search window
 * @param to end of the suggested search window
 */
public record TicketResolution(
    TicketSystem system,
    String reference,
    Optional<String> userId,
    Optional<String> userIdSource,
    Optional<ZoneId> requesterZone,
    Instant createdAt,
    Optional<Instant> statedTime,
    Optional<String> statedTimeSource,
    String subject,
    Instant from,
    Instant to) {

  public TicketResolution {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(requesterZone, "requesterZone");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(subject, "subject");
    if (userId.isPresent() != userIdSource.isPresent()
        || statedTime.isPresent() != statedTimeSource.isPresent()) {
      throw new IllegalArgumentException("a user ID and a stated time each come with their source");
    }
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("window starts after it ends: " + from + " > " + to);
    }
  }

  /**
   * Returns this resolution, or, when the ticket stated no time, one with the time stated in the
   * Slack message the agent ran the shortcut on, read relative to when that message was posted.
   */
  public TicketResolution orMessageTime(
      String messageText, Instant postedAt, ZoneId fallbackZone, TicketWindow window) {
    if (statedTime.isPresent()) {
      return this;
    }
    return StatedTime.find(messageText, postedAt, requesterZone.orElse(fallbackZone))
        .map(found -> withStatedTime(found.at(), "Slack message: '" + found.phrase() + "'", window))
        .orElse(this);
  }

  TicketResolution withStatedTime(Instant at, String source, TicketWindow window) {
    return new TicketResolution(
        system,
        reference,
        userId,
        userIdSource,
        requesterZone,
        createdAt,
        Optional.of(at),
        Optional.of(source),
        subject,
        window.from(at, createdAt),
        window.to(at, createdAt));
  }

  @Override
  public String toString() {
    // The user ID and subject are customer data; logs get only their presence.
    return "TicketResolution["
        + reference
        + ", userId="
        + (userId.isPresent() ? "present" : "absent")
        + ", zone="
        + requesterZone.map(ZoneId::getId).orElse("unknown")
        + ", created="
        + createdAt
        + ", stated="
        + statedTime.map(Instant::toString).orElse("none")
        + ", window="
        + from
        + ".."
        + to
        + "]";
  }
}

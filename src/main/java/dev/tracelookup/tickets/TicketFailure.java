package dev.tracelookup.tickets;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a ticket could not be resolved, with a full sentence for the agent that names the system and
 * says what to try. The agent's own input is never part of the failure, so whatever they typed
 * stays where it was.
 *
 * @param system empty only when the link belongs to no known system
 * @param message for the agent
 * @param detail for operators and logs: the call and what came back, never secrets or user IDs
 */
public record TicketFailure(
    Kind kind,
    Optional<TicketSystem> system,
    String message,
    String detail,
    Optional<Duration> retryAfter) {

  /** What went wrong, coarse enough to choose what the agent is told. */
  public enum Kind {
    NOT_FOUND,
    FORBIDDEN,
    UNAVAILABLE,
    RATE_LIMITED,
    UNKNOWN_SYSTEM,
    NOT_CONFIGURED,
    /** A bug in the bot while reading the system's answer; the system itself answered. */
    INTERNAL
  }

  public TicketFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(message, "message");
    detail = detail == null ? "" : detail;
    retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
  }

  /** Returns the failure for a link that is no ticket link the bot knows. */
  public static TicketFailure unknownLink(String url) {
    return new TicketFailure(
        Kind.UNKNOWN_SYSTEM,
        Optional.empty(),
        "I don't recognise "
            + url
            + " as a Zendesk, Jira, Freshdesk or Intercom ticket link. "
            + "Paste the link from the ticket itself, or type the user ID and time instead.",
        "unrecognised link",
        Optional.empty());
  }

  static TicketFailure of(Kind kind, TicketSystem system, String message, String detail) {
    return new TicketFailure(kind, Optional.of(system), message, detail, Optional.empty());
  }
}

package dev.tracelookup.incidents.reply;

import dev.tracelookup.incidents.Incident;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reply is about.
 *
 * @param failedAt when the customer's request failed
 * @param customerZone the customer's zone; the agent's when the customer's is unknown
 * @param action what the customer tried, as a verb phrase ("place an order"); blank means {@link
 *     ReplyActions#FALLBACK}
 * @param incident the incident that explains the failure, if any (see {@code
 *     IncidentReport.likelyCause()})
 * @param ticket the ticket reference to quote, e.g. {@code 12345} or {@code SUP-12}
 */
public record ReplyContext(
    Instant failedAt,
    ZoneId customerZone,
    String action,
    Optional<Incident> incident,
    Optional<String> ticket) {

  public ReplyContext {
    Objects.requireNonNull(failedAt, "failedAt");
    Objects.requireNonNull(customerZone, "customerZone");
    action = action == null || action.isBlank() ? ReplyActions.FALLBACK : action.trim();
    incident = incident == null ? Optional.empty() : incident;
    ticket =
        ticket == null
            ? Optional.empty()
            : ticket.map(String::trim).filter(text -> !text.isEmpty());
  }
}

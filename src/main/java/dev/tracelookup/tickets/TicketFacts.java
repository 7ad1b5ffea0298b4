package dev.tracelookup.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelookup.tickets.links.TicketLink;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What one ticket system said about a ticket, before its time is worked out.
 *
 * @param userId the ID and a description of where it came from
 * @param statedField the raw value of the configured time-of-issue field, and that field's name
 * @param text the subject and description, where a customer writes "at 2:15 PM"
 */
public record TicketFacts(
    TicketLink link,
    Optional<Sourced<String>> userId,
    Optional<ZoneId> requesterZone,
    Instant createdAt,
    Optional<Sourced<JsonNode>> statedField,
    String subject,
    String text) {

  public TicketFacts {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(createdAt, "createdAt");
    subject = subject == null ? "" : subject;
    text = text == null ? "" : text;
  }

  /** A value and where it was read from. */
  public record Sourced<T>(T value, String source) {}

  /**
   * Returns the resolution: the time of issue from the configured field, else from the ticket's
   * words, read in the requester's zone or the fallback; and the window around it.
   */
  public TicketResolution resolve(ZoneId fallbackZone, TicketWindow window) {
    ZoneId zone = requesterZone.orElse(fallbackZone);
    TicketResolution plain =
        new TicketResolution(
            link.system(),
            link.reference(),
            userId.map(Sourced::value),
            userId.map(Sourced::source),
            requesterZone,
            createdAt,
            Optional.empty(),
            Optional.empty(),
            subject,
            window.from(null, createdAt),
            window.to(null, createdAt));
    Optional<TicketResolution> fromField =
        statedField.flatMap(
            field ->
                FieldTime.read(field.value(), createdAt, zone)
                    .map(at -> plain.withStatedTime(at, field.source(), window)));
    return fromField
        .or(
            () ->
                StatedTime.find(subject + "\n" + text, createdAt, zone)
                    .map(
                        found ->
                            plain.withStatedTime(
                                found.at(), "ticket text: '" + found.phrase() + "'", window)))
        .orElse(plain);
  }
}

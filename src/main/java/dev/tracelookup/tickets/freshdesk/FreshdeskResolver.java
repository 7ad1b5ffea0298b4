package dev.tracelookup.tickets.freshdesk;

import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.tickets.Failures;
import dev.tracelookup.tickets.RequesterZones;
import dev.tracelookup.tickets.ResolveResult;
import dev.tracelookup.tickets.TicketFacts;
import dev.tracelookup.tickets.TicketFacts.Sourced;
import dev.tracelookup.tickets.TicketFields;
import dev.tracelookup.tickets.TicketJson;
import dev.tracelookup.tickets.TicketResolver;
import dev.tracelookup.tickets.TicketSystem;
import dev.tracelookup.tickets.TicketWindow;
import dev.tracelookup.tickets.freshdesk.FreshdeskWire.Contact;
import dev.tracelookup.tickets.freshdesk.FreshdeskWire.Ticket;
import dev.tracelookup.tickets.links.TicketLink;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves Freshdesk tickets: {@code GET /api/v2/tickets/{id}}, then the requester's contact,
 * {@code GET /api/v2/contacts/{requester_id}}. The ticket's {@code include=requester} is not asked
 * for: it costs an API credit and carries only name, e-mail and phone, not the external ID, custom
 * fields or time zone the contact has.
 *
 * <p>The user ID is the contact's {@code unique_external_id}, or the configured contact field.
 */
public final class FreshdeskResolver implements TicketResolver {
  private final BackendHttp http;
  private final TicketFields fields;
  private final TicketWindow window;

  /**
   * The client must point at the {@code *.freshdesk.com} account: the API is not served on custom
   * domains.
   */
  public FreshdeskResolver(BackendHttp http, TicketFields fields, TicketWindow window) {
    this.http = Objects.requireNonNull(http, "http");
    this.fields = Objects.requireNonNull(fields, "fields");
    this.window = Objects.requireNonNull(window, "window");
  }

  @Override
  public ResolveResult resolve(TicketLink link, ZoneId fallbackZone) {
    if (link.system() != TicketSystem.FRESHDESK) {
      throw new IllegalArgumentException("not a Freshdesk link: " + link.system());
    }
    HttpResult<Ticket> answer =
        http.get(
            "/api/v2/tickets/" + link.key(),
            TicketJson.MEDIA_TYPE,
            TicketJson.reader(Ticket.class));
    if (!(answer instanceof HttpResult.Ok<Ticket> ok)) {
      return new ResolveResult.Failed(Failures.of(answer, link));
    }
    Ticket ticket = ok.value();
    if (ticket.requesterId() == null) {
      return resolved(link, ticket, Optional.empty(), fallbackZone);
    }
    HttpResult<Contact> contact =
        http.get(
            "/api/v2/contacts/" + ticket.requesterId(),
            TicketJson.MEDIA_TYPE,
            TicketJson.reader(Contact.class));
    if (contact instanceof HttpResult.Ok<Contact> found) {
      return resolved(link, ticket, Optional.of(found.value()), fallbackZone);
    }
    // A deleted contact leaves the ticket readable; the agent is asked for the ID instead.
    return contact instanceof HttpResult.NotFound
        ? resolved(link, ticket, Optional.empty(), fallbackZone)
        : new ResolveResult.Failed(Failures.of(contact, link));
  }

  private ResolveResult resolved(
      TicketLink link, Ticket ticket, Optional<Contact> requester, ZoneId fallbackZone) {
    TicketFacts facts =
        new TicketFacts(
            link,
            requester.flatMap(contact -> userId(contact, link)),
            requester.flatMap(contact -> RequesterZones.parse(contact.timeZone())),
            ticket.createdAt(),
            TicketJson.field(ticket.customFields(), fields.statedTimeField())
                .map(
                    value ->
                        new Sourced<>(value, "custom field " + fields.statedTimeField().get())),
            ticket.subject(),
            ticket.descriptionText());
    return new ResolveResult.Resolved(facts.resolve(fallbackZone, window));
  }

  private Optional<Sourced<String>> userId(Contact contact, TicketLink link) {
    String from = "from " + link.reference() + " requester ";
    if (fields.userIdField().isPresent()) {
      return TicketJson.field(contact.customFields(), fields.userIdField())
          .flatMap(TicketJson::id)
          .map(id -> new Sourced<>(id, from + "contact field " + fields.userIdField().get()));
    }
    return TicketJson.id(contact.uniqueExternalId())
        .map(id -> new Sourced<>(id, from + "unique_external_id"));
  }
}

package dev.tracelookup.tickets.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.tickets.zendesk.ZendeskWire.Ticket;
import dev.tracelookup.tickets.zendesk.ZendeskWire.TicketAnswer;
import dev.tracelookup.tickets.zendesk.ZendeskWire.User;
import dev.tracelookup.tickets.zendesk.ZendeskWire.UserAnswer;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves Zendesk tickets: {@code GET /api/v2/tickets/{id}.json?include=users}, then the
 * requester's user record if it was not side-loaded. The requester is the customer; the submitter
 * may be an agent who filed the ticket for them, so it is never used.
 *
 * <p>The user ID is the requester's {@code external_id}, or the configured user field. The
 * configured stated-time field is a ticket field ID.
 */
public final class ZendeskResolver implements TicketResolver {
  private final BackendHttp http;
  private final TicketFields fields;
  private final TicketWindow window;

  public ZendeskResolver(BackendHttp http, TicketFields fields, TicketWindow window) {
    this.http = Objects.requireNonNull(http, "http");
    this.fields = Objects.requireNonNull(fields, "fields");
    this.window = Objects.requireNonNull(window, "window");
  }

  @Override
  public ResolveResult resolve(TicketLink link, ZoneId fallbackZone) {
    if (link.system() != TicketSystem.ZENDESK) {
      throw new IllegalArgumentException("not a Zendesk link: " + link.system());
    }
    HttpResult<TicketAnswer> answer =
        http.get(
            "/api/v2/tickets/" + link.key() + ".json?include=users",
            TicketJson.MEDIA_TYPE,
            TicketJson.reader(TicketAnswer.class));
    if (!(answer instanceof HttpResult.Ok<TicketAnswer> ok)) {
      return new ResolveResult.Failed(Failures.of(answer, link));
    }
    return withRequester(link, ok.value(), fallbackZone);
  }

  /** Takes the requester from the side-loaded users, or asks for them when they were left out. */
  private ResolveResult withRequester(TicketLink link, TicketAnswer found, ZoneId fallbackZone) {
    Ticket ticket = found.ticket();
    Optional<User> sideLoaded =
        found.users().stream()
            .filter(user -> ticket.requesterId() != null && user.id() == ticket.requesterId())
            .findFirst();
    if (sideLoaded.isPresent() || ticket.requesterId() == null) {
      return resolved(link, ticket, sideLoaded, fallbackZone);
    }
    HttpResult<User> user =
        http.get(
            "/api/v2/users/" + ticket.requesterId() + ".json",
            TicketJson.MEDIA_TYPE,
            TicketJson.reader(UserAnswer.class, UserAnswer::user));
    if (user instanceof HttpResult.Ok<User> requester) {
      return resolved(link, ticket, Optional.of(requester.value()), fallbackZone);
    }
    // A deleted requester leaves the ticket readable; the agent is asked for the ID instead.
    return user instanceof HttpResult.NotFound
        ? resolved(link, ticket, Optional.empty(), fallbackZone)
        : new ResolveResult.Failed(Failures.of(user, link));
  }

  private ResolveResult resolved(
      TicketLink link, Ticket ticket, Optional<User> requester, ZoneId fallbackZone) {
    TicketFacts facts =
        new TicketFacts(
            link,
            requester.flatMap(user -> userId(user, link)),
            requester.flatMap(ZendeskResolver::zone),
            ticket.createdAt(),
            statedField(ticket),
            ticket.subject(),
            ticket.description());
    return new ResolveResult.Resolved(facts.resolve(fallbackZone, window));
  }

  private Optional<Sourced<String>> userId(User user, TicketLink link) {
    String from = "from " + link.reference() + " requester ";
    if (fields.userIdField().isPresent()) {
      return TicketJson.field(user.userFields(), fields.userIdField())
          .flatMap(TicketJson::id)
          .map(id -> new Sourced<>(id, from + "user field " + fields.userIdField().get()));
    }
    return TicketJson.id(user.externalId()).map(id -> new Sourced<>(id, from + "external_id"));
  }

  private static Optional<ZoneId> zone(User user) {
    return RequesterZones.parse(user.ianaTimeZone())
        .or(() -> RequesterZones.parse(user.timeZone()));
  }

  private Optional<Sourced<JsonNode>> statedField(Ticket ticket) {
    return fields
        .statedTimeField()
        .flatMap(
            id ->
                ticket.customFields().stream()
                    .filter(
                        field ->
                            String.valueOf(field.id()).equals(id)
                                && field.value() != null
                                && !field.value().isNull())
                    .findFirst()
                    .map(field -> new Sourced<>(field.value(), "custom field " + id)));
  }
}

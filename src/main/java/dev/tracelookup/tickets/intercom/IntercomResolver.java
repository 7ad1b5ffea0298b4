package dev.tracelookup.tickets.intercom;

import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.tickets.Failures;
import dev.tracelookup.tickets.ResolveResult;
import dev.tracelookup.tickets.TicketEndpoints;
import dev.tracelookup.tickets.TicketFacts;
import dev.tracelookup.tickets.TicketFacts.Sourced;
import dev.tracelookup.tickets.TicketFields;
import dev.tracelookup.tickets.TicketJson;
import dev.tracelookup.tickets.TicketResolver;
import dev.tracelookup.tickets.TicketSystem;
import dev.tracelookup.tickets.TicketWindow;
import dev.tracelookup.tickets.intercom.IntercomWire.Contact;
import dev.tracelookup.tickets.intercom.IntercomWire.ContactRef;
import dev.tracelookup.tickets.intercom.IntercomWire.Conversation;
import dev.tracelookup.tickets.links.TicketLink;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves Intercom conversations: {@code GET /conversations/{id}?display_as=plaintext}, and {@code
 * GET /contacts/{id}} only when the conversation's contact reference lacks what is needed. The
 * endpoint must carry the workspace region's API host, a Bearer token and the {@code
 * Intercom-Version} header ({@link TicketEndpoints#intercom}).
 *
 * <p>The user ID is the contact's {@code external_id}, or the configured contact attribute; the
 * stated-time field is a conversation attribute. Intercom keeps no time zone for contacts.
 */
public final class IntercomResolver implements TicketResolver {
  private final BackendHttp http;
  private final TicketFields fields;
  private final TicketWindow window;

  public IntercomResolver(BackendHttp http, TicketFields fields, TicketWindow window) {
    this.http = Objects.requireNonNull(http, "http");
    this.fields = Objects.requireNonNull(fields, "fields");
    this.window = Objects.requireNonNull(window, "window");
  }

  @Override
  public ResolveResult resolve(TicketLink link, ZoneId fallbackZone) {
    if (link.system() != TicketSystem.INTERCOM) {
      throw new IllegalArgumentException("not an Intercom link: " + link.system());
    }
    HttpResult<Conversation> answer =
        http.get(
            "/conversations/" + link.key() + "?display_as=plaintext",
            TicketJson.MEDIA_TYPE,
            TicketJson.reader(Conversation.class));
    if (!(answer instanceof HttpResult.Ok<Conversation> ok)) {
      return new ResolveResult.Failed(Failures.of(answer, link));
    }
    Conversation conversation = ok.value();
    Optional<ContactRef> requester = conversation.requester();
    if (requester.isEmpty() || !needsContact(requester.get())) {
      return resolved(
          link,
          conversation,
          requester.flatMap(ref -> TicketJson.id(ref.externalId())),
          fallbackZone);
    }
    HttpResult<Contact> contact =
        http.get(
            "/contacts/" + requester.get().id(),
            TicketJson.MEDIA_TYPE,
            TicketJson.reader(Contact.class));
    if (contact instanceof HttpResult.Ok<Contact> found) {
      return resolved(link, conversation, userId(found.value()), fallbackZone);
    }
    return contact instanceof HttpResult.NotFound
        ? resolved(link, conversation, Optional.empty(), fallbackZone)
        : new ResolveResult.Failed(Failures.of(contact, link));
  }

  private boolean needsContact(ContactRef ref) {
    return fields.userIdField().isPresent() || TicketJson.id(ref.externalId()).isEmpty();
  }

  private Optional<String> userId(Contact contact) {
    return fields.userIdField().isPresent()
        ? TicketJson.field(contact.customAttributes(), fields.userIdField()).flatMap(TicketJson::id)
        : TicketJson.id(contact.externalId());
  }

  private ResolveResult resolved(
      TicketLink link, Conversation conversation, Optional<String> userId, ZoneId fallbackZone) {
    String source =
        "from "
            + link.reference()
            + " contact "
            + fields.userIdField().map(name -> "attribute " + name).orElse("external_id");
    String subject =
        conversation.title() != null
            ? conversation.title()
            : conversation.source() == null ? "" : conversation.source().subject();
    TicketFacts facts =
        new TicketFacts(
            link,
            userId.map(id -> new Sourced<>(id, source)),
            Optional.empty(),
            conversation.createdAt(),
            TicketJson.field(conversation.customAttributes(), fields.statedTimeField())
                .map(
                    value ->
                        new Sourced<>(
                            value, "conversation attribute " + fields.statedTimeField().get())),
            subject,
            conversation.source() == null ? "" : conversation.source().body());
    return new ResolveResult.Resolved(facts.resolve(fallbackZone, window));
  }
}

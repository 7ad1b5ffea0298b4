package dev.tracelookup.tickets.freshdesk;

import static dev.tracelookup.tickets.TicketApiFixtures.AGENT_ZONE;
import static dev.tracelookup.tickets.TicketApiFixtures.fixture;
import static dev.tracelookup.tickets.TicketApiFixtures.instant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.tickets.ResolveResult;
import dev.tracelookup.tickets.TicketApiFixtures;
import dev.tracelookup.tickets.TicketEndpoints;
import dev.tracelookup.tickets.TicketFields;
import dev.tracelookup.tickets.TicketResolution;
import dev.tracelookup.tickets.TicketSystem;
import dev.tracelookup.tickets.TicketWindow;
import dev.tracelookup.tickets.links.TicketLink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class FreshdeskResolverTest {
  private static final TicketLink TICKET_77 =
      new TicketLink(
          TicketSystem.FRESHDESK,
          "acme.freshdesk.com",
          "77",
          "https://help.acme.com/support/tickets/77");
  private final TicketApiFixtures fixtures = new TicketApiFixtures();
  private FakeHttpServer freshdesk;

  @AfterEach
  void stop() throws Exception {
    freshdesk.close();
  }

  private FreshdeskResolver resolver(TicketFields fields) throws Exception {
    freshdesk =
        new FakeHttpServer(
            request -> {
              switch (request.path()) {
                case "/api/v2/tickets/77":
                  return Reply.json(fixture("freshdesk/ticket-77.json"));
                case "/api/v2/contacts/43000123456":
                  return Reply.json(fixture("freshdesk/contact-43000123456.json"));
                default:
                  return Reply.status(404, "");
              }
            });
    return new FreshdeskResolver(
        fixtures.http(TicketEndpoints.freshdesk(freshdesk.uri(), "fd-key")),
        fields,
        TicketWindow.standard());
  }

  private static TicketResolution resolution(ResolveResult result) {
    assertThat(result).isInstanceOf(ResolveResult.Resolved.class);
    return ((ResolveResult.Resolved) result).resolution();
  }

  @Test
  void resolve_readsTicketThenRequesterContactWithApiKeyAuth() throws Exception {
    FreshdeskResolver resolver = resolver(TicketFields.none());

    resolver.resolve(TICKET_77, AGENT_ZONE);

    RecordedRequest ticket = freshdesk.takeRequest(Duration.ofSeconds(5));
    RecordedRequest contact = freshdesk.takeRequest(Duration.ofSeconds(5));
    assertThat(ticket.path()).isEqualTo("/api/v2/tickets/77");
    assertThat(ticket.query()).isNull();
    assertThat(ticket.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder().encodeToString("fd-key:X".getBytes(StandardCharsets.UTF_8)));
    assertThat(contact.path()).isEqualTo("/api/v2/contacts/43000123456");
    assertThat(contact.header("Authorization")).isEqualTo(ticket.header("Authorization"));
  }

  @Test
  void resolve_contactWithExternalId_givesUserIdAndRailsZone() throws Exception {
    FreshdeskResolver resolver = resolver(TicketFields.none());

    TicketResolution resolution = resolution(resolver.resolve(TICKET_77, AGENT_ZONE));

    assertThat(resolution.reference()).isEqualTo("Freshdesk #77");
    assertThat(resolution.userId()).contains("usr_k8x9m2");
    assertThat(resolution.userIdSource())
        .contains("from Freshdesk #77 requester unique_external_id");
    assertThat(resolution.requesterZone()).contains(ZoneId.of("Asia/Kolkata"));
    assertThat(resolution.createdAt()).isEqualTo(instant("2026-02-06T08:40:00Z"));
  }

  @Test
  void resolve_morningAtNineInDescription_isNineInTheRequestersZone() throws Exception {
    FreshdeskResolver resolver = resolver(TicketFields.none());

    TicketResolution resolution = resolution(resolver.resolve(TICKET_77, AGENT_ZONE));

    assertThat(resolution.statedTime()).contains(instant("2026-02-06T03:30:00Z"));
    assertThat(resolution.statedTimeSource()).contains("ticket text: 'this morning at 9'");
  }

  @Test
  void resolve_configuredContactField_givesThatUserId() throws Exception {
    FreshdeskResolver resolver =
        resolver(new TicketFields(Optional.of("product_user_id"), Optional.of("cf_time_of_issue")));

    TicketResolution resolution = resolution(resolver.resolve(TICKET_77, AGENT_ZONE));

    assertThat(resolution.userId()).contains("usr_fd_9");
    assertThat(resolution.userIdSource())
        .contains("from Freshdesk #77 requester contact field product_user_id");
    assertThat(resolution.statedTimeSource()).contains("ticket text: 'this morning at 9'");
  }

  @Test
  void resolve_contactGone_resolvesWithoutUserIdOrZone() throws Exception {
    FreshdeskResolver resolver = resolver(TicketFields.none());
    freshdesk.route(
        request ->
            request.path().equals("/api/v2/tickets/77")
                ? Reply.json(fixture("freshdesk/ticket-77.json"))
                : Reply.status(404, ""));

    TicketResolution resolution = resolution(resolver.resolve(TICKET_77, AGENT_ZONE));

    assertThat(resolution.userId()).isEmpty();
    assertThat(resolution.requesterZone()).isEmpty();
    assertThat(resolution.statedTime()).contains(instant("2026-02-06T08:00:00Z"));
  }
}

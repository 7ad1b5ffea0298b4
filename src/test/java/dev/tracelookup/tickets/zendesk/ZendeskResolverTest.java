package dev.tracelookup.tickets.zendesk;

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

final class ZendeskResolverTest {
  private static final TicketLink TICKET_4512 =
      new TicketLink(
          TicketSystem.ZENDESK,
          "acme.zendesk.com",
          "4512",
          "https://acme.zendesk.com/agent/tickets/4512");
  private static final TicketLink TICKET_4513 =
      new TicketLink(
          TicketSystem.ZENDESK,
          "acme.zendesk.com",
          "4513",
          "https://acme.zendesk.com/agent/tickets/4513");
  private final TicketApiFixtures fixtures = new TicketApiFixtures();
  private FakeHttpServer zendesk;

  @AfterEach
  void stop() throws Exception {
    zendesk.close();
  }

  private ZendeskResolver resolver(TicketFields fields) throws Exception {
    zendesk =
        new FakeHttpServer(
            request -> {
              switch (request.path()) {
                case "/api/v2/tickets/4512.json":
                  return Reply.json(fixture("zendesk/ticket-4512-with-users.json"));
                case "/api/v2/tickets/4513.json":
                  return Reply.json(fixture("zendesk/ticket-4513-users-not-loaded.json"));
                case "/api/v2/users/20978399.json":
                  return Reply.json(fixture("zendesk/user-20978399.json"));
                default:
                  return new Reply(
                      404,
                      "application/json",
                      fixture("zendesk/not-found.json"),
                      java.util.Map.of());
              }
            });
    return new ZendeskResolver(
        fixtures.http(TicketEndpoints.zendesk(zendesk.uri(), "bot@acme.com", "s3cr3t")),
        fields,
        TicketWindow.standard());
  }

  private static TicketResolution resolution(ResolveResult result) {
    assertThat(result).isInstanceOf(ResolveResult.Resolved.class);
    return ((ResolveResult.Resolved) result).resolution();
  }

  @Test
  void resolve_ticketWithSideLoadedUsers_asksOnceWithApiTokenAuth() throws Exception {
    ZendeskResolver resolver = resolver(TicketFields.none());

    resolver.resolve(TICKET_4512, AGENT_ZONE);

    RecordedRequest sent = zendesk.takeRequest(Duration.ofSeconds(5));
    assertThat(sent.method()).isEqualTo("GET");
    assertThat(sent.path()).isEqualTo("/api/v2/tickets/4512.json");
    assertThat(sent.query()).isEqualTo("include=users");
    assertThat(sent.header("Accept")).isEqualTo("application/json");
    assertThat(sent.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("bot@acme.com/token:s3cr3t".getBytes(StandardCharsets.UTF_8)));
    assertThat(zendesk.pending()).isZero();
  }

  @Test
  void resolve_agentSubmittedForCustomer_takesTheRequestersExternalIdAndZone() throws Exception {
    ZendeskResolver resolver = resolver(TicketFields.none());

    TicketResolution resolution = resolution(resolver.resolve(TICKET_4512, AGENT_ZONE));

    assertThat(resolution.reference()).isEqualTo("Zendesk #4512");
    assertThat(resolution.userId()).contains("usr_k8x9m2");
    assertThat(resolution.userIdSource()).contains("from Zendesk #4512 requester external_id");
    assertThat(resolution.requesterZone()).contains(ZoneId.of("America/New_York"));
    assertThat(resolution.createdAt()).isEqualTo(instant("2026-02-06T20:40:00Z"));
    assertThat(resolution.subject()).isEqualTo("Order page shows an error");
  }

  @Test
  void resolve_timeInDescription_isReadInTheRequestersZoneWithAQuarterHourEitherSide()
      throws Exception {
    ZendeskResolver resolver = resolver(TicketFields.none());

    TicketResolution resolution = resolution(resolver.resolve(TICKET_4512, AGENT_ZONE));

    assertThat(resolution.statedTime()).contains(instant("2026-02-06T19:15:00Z"));
    assertThat(resolution.statedTimeSource()).contains("ticket text: 'at 2:15 PM'");
    assertThat(resolution.from()).isEqualTo(instant("2026-02-06T19:00:00Z"));
    assertThat(resolution.to()).isEqualTo(instant("2026-02-06T19:30:00Z"));
  }

  @Test
  void resolve_configuredUserField_winsOverExternalId() throws Exception {
    ZendeskResolver resolver =
        resolver(new TicketFields(Optional.of("product_user_id"), Optional.empty()));

    TicketResolution resolution = resolution(resolver.resolve(TICKET_4512, AGENT_ZONE));

    assertThat(resolution.userId()).contains("usr_from_field");
    assertThat(resolution.userIdSource())
        .contains("from Zendesk #4512 requester user field product_user_id");
  }

  @Test
  void resolve_requesterNotSideLoaded_fetchesTheUserAndMapsItsRailsZone() throws Exception {
    ZendeskResolver resolver = resolver(TicketFields.none());

    TicketResolution resolution = resolution(resolver.resolve(TICKET_4513, AGENT_ZONE));

    zendesk.takeRequest("/api/v2/tickets/4513.json", Duration.ofSeconds(5));
    assertThat(zendesk.takeRequest(Duration.ofSeconds(5)).path())
        .isEqualTo("/api/v2/users/20978399.json");
    assertThat(resolution.requesterZone()).contains(ZoneId.of("Asia/Kolkata"));
    assertThat(resolution.userId()).isEmpty();
    assertThat(resolution.userIdSource()).isEmpty();
  }

  @Test
  void resolve_statedTimeField_winsOverTheTextAndCentresTheWindow() throws Exception {
    ZendeskResolver resolver = resolver(new TicketFields(Optional.empty(), Optional.of("360011")));

    TicketResolution resolution = resolution(resolver.resolve(TICKET_4513, AGENT_ZONE));

    assertThat(resolution.statedTime()).contains(instant("2026-02-06T13:05:00Z"));
    assertThat(resolution.statedTimeSource()).contains("custom field 360011");
    assertThat(resolution.from()).isEqualTo(instant("2026-02-06T12:50:00Z"));
  }

  @Test
  void resolve_noStatedTime_searchesFromTwoHoursBeforeFilingToAQuarterHourAfter() throws Exception {
    ZendeskResolver resolver = resolver(TicketFields.none());

    TicketResolution resolution = resolution(resolver.resolve(TICKET_4513, AGENT_ZONE));

    assertThat(resolution.statedTime()).isEmpty();
    assertThat(resolution.from()).isEqualTo(instant("2026-02-06T18:40:00Z"));
    assertThat(resolution.to()).isEqualTo(instant("2026-02-06T20:55:00Z"));
  }

  @Test
  void resolve_deletedRequester_resolvesWithoutUserId() throws Exception {
    ZendeskResolver resolver = resolver(TicketFields.none());
    zendesk.route(
        request ->
            request.path().startsWith("/api/v2/tickets/")
                ? Reply.json(fixture("zendesk/ticket-4513-users-not-loaded.json"))
                : Reply.status(404, fixture("zendesk/not-found.json")));

    TicketResolution resolution = resolution(resolver.resolve(TICKET_4513, AGENT_ZONE));

    assertThat(resolution.userId()).isEmpty();
    assertThat(resolution.requesterZone()).isEmpty();
  }
}

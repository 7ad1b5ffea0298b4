package dev.tracelookup.tickets.intercom;

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
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class IntercomResolverTest {
  private static final TicketLink CUSTOMER_STARTED = link("215469");
  private static final TicketLink ADMIN_STARTED = link("215470");
  private final TicketApiFixtures fixtures = new TicketApiFixtures();
  private FakeHttpServer intercom;

  @AfterEach
  void stop() throws Exception {
    intercom.close();
  }

  private static TicketLink link(String id) {
    return new TicketLink(
        TicketSystem.INTERCOM,
        "app.eu.intercom.com",
        id,
        "https://app.eu.intercom.com/a/inbox/abc123xy/inbox/shared/all/conversation/" + id);
  }

  private IntercomResolver resolver(TicketFields fields) throws Exception {
    intercom =
        new FakeHttpServer(
            request -> {
              switch (request.path()) {
                case "/conversations/215469":
                  return Reply.json(fixture("intercom/conversation-215469.json"));
                case "/conversations/215470":
                  return Reply.json(fixture("intercom/conversation-215470-admin-started.json"));
                case "/contacts/6762f0dd1bb69f9f2193bb83":
                case "/contacts/6762f0dd1bb69f9f2193bb99":
                  return Reply.json(fixture("intercom/contact-6762f0dd1bb69f9f2193bb99.json"));
                default:
                  return Reply.status(404, fixture("intercom/not-found.json"));
              }
            });
    return new IntercomResolver(
        fixtures.http(TicketEndpoints.intercom(intercom.uri(), "ic-token")),
        fields,
        TicketWindow.standard());
  }

  private static TicketResolution resolution(ResolveResult result) {
    assertThat(result).isInstanceOf(ResolveResult.Resolved.class);
    return ((ResolveResult.Resolved) result).resolution();
  }

  @Test
  void resolve_asksForPlainTextWithBearerTokenAndPinnedVersion() throws Exception {
    IntercomResolver resolver = resolver(TicketFields.none());

    resolver.resolve(CUSTOMER_STARTED, AGENT_ZONE);

    RecordedRequest sent = intercom.takeRequest(Duration.ofSeconds(5));
    assertThat(sent.path()).isEqualTo("/conversations/215469");
    assertThat(sent.query()).isEqualTo("display_as=plaintext");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer ic-token");
    assertThat(sent.header("Intercom-Version")).isEqualTo("2.11");
  }

  @Test
  void resolve_contactReferenceWithExternalId_needsNoSecondCall() throws Exception {
    IntercomResolver resolver = resolver(TicketFields.none());

    TicketResolution resolution = resolution(resolver.resolve(CUSTOMER_STARTED, AGENT_ZONE));

    intercom.takeRequest(Duration.ofSeconds(5));
    assertThat(intercom.pending()).isZero();
    assertThat(resolution.reference()).isEqualTo("Intercom conversation 215469");
    assertThat(resolution.userId()).contains("usr_k8x9m2");
    assertThat(resolution.userIdSource())
        .contains("from Intercom conversation 215469 contact external_id");
    assertThat(resolution.requesterZone()).isEmpty();
    assertThat(resolution.createdAt()).isEqualTo(instant("2026-02-06T20:40:00Z"));
  }

  @Test
  void resolve_noRequesterZone_readsTheMessageInTheAgentsZone() throws Exception {
    IntercomResolver resolver = resolver(TicketFields.none());

    TicketResolution resolution = resolution(resolver.resolve(CUSTOMER_STARTED, AGENT_ZONE));

    assertThat(resolution.statedTime()).contains(instant("2026-02-06T13:15:00Z"));
    assertThat(resolution.statedTimeSource()).contains("ticket text: 'At 2:15pm'");
  }

  @Test
  void resolve_adminStartedConversation_fetchesTheCustomerContact() throws Exception {
    IntercomResolver resolver = resolver(TicketFields.none());

    TicketResolution resolution = resolution(resolver.resolve(ADMIN_STARTED, AGENT_ZONE));

    intercom.takeRequest("/conversations/215470", Duration.ofSeconds(5));
    RecordedRequest contact = intercom.takeRequest(Duration.ofSeconds(5));
    assertThat(contact.path()).isEqualTo("/contacts/6762f0dd1bb69f9f2193bb99");
    assertThat(contact.header("Intercom-Version")).isEqualTo("2.11");
    assertThat(resolution.userId()).contains("usr_ic_5");
    assertThat(resolution.subject()).isEqualTo("Failed payment follow-up");
  }

  @Test
  void resolve_configuredAttributes_readUserIdFromContactAndTimeFromUnixSeconds() throws Exception {
    IntercomResolver resolver =
        resolver(new TicketFields(Optional.of("product_user_id"), Optional.of("Time of issue")));

    TicketResolution resolution = resolution(resolver.resolve(ADMIN_STARTED, AGENT_ZONE));

    assertThat(resolution.userId()).contains("usr_attr_5");
    assertThat(resolution.userIdSource())
        .contains("from Intercom conversation 215470 contact attribute product_user_id");
    assertThat(resolution.statedTime()).contains(instant("2026-02-06T18:55:00Z"));
    assertThat(resolution.statedTimeSource()).contains("conversation attribute Time of issue");
  }
}

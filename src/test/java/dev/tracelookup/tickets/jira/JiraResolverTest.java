package dev.tracelookup.tickets.jira;

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

final class JiraResolverTest {
  private static final TicketLink PORTAL_LINK =
      new TicketLink(
          TicketSystem.JIRA,
          "acme.atlassian.net",
          "SUP-123",
          "https://acme.atlassian.net/servicedesk/customer/portal/2/SUP-123");
  private static final TicketLink DATA_CENTER_LINK =
      new TicketLink(
          TicketSystem.JIRA,
          "jira.acme.internal",
          "OPS-7",
          "https://jira.acme.internal/browse/OPS-7");
  private static final TicketFields FIELDS =
      new TicketFields(Optional.of("customfield_10042"), Optional.of("customfield_10050"));
  private final TicketApiFixtures fixtures = new TicketApiFixtures();
  private FakeHttpServer jira;

  @AfterEach
  void stop() throws Exception {
    jira.close();
  }

  private JiraResolver cloud(TicketFields fields) throws Exception {
    jira =
        new FakeHttpServer(
            request ->
                request.path().equals("/rest/api/3/issue/SUP-123")
                    ? Reply.json(fixture("jira/issue-sup-123-cloud.json"))
                    : Reply.status(404, fixture("jira/not-found.json")));
    return new JiraResolver(
        fixtures.http(TicketEndpoints.jiraCloud(jira.uri(), "bot@acme.com", "atl-token")),
        JiraDeployment.CLOUD,
        fields,
        TicketWindow.standard());
  }

  private JiraResolver dataCenter() throws Exception {
    jira =
        new FakeHttpServer(
            request ->
                request.path().equals("/rest/api/2/issue/OPS-7")
                    ? Reply.json(fixture("jira/issue-ops-7-data-center.json"))
                    : Reply.status(404, fixture("jira/not-found.json")));
    return new JiraResolver(
        fixtures.http(TicketEndpoints.jiraDataCenter(jira.uri(), "pat-123")),
        JiraDeployment.DATA_CENTER,
        FIELDS,
        TicketWindow.standard());
  }

  private static TicketResolution resolution(ResolveResult result) {
    assertThat(result).isInstanceOf(ResolveResult.Resolved.class);
    return ((ResolveResult.Resolved) result).resolution();
  }

  @Test
  void resolve_cloud_asksRestV3ForOnlyTheFieldsItReadsWithBasicAuth() throws Exception {
    JiraResolver resolver = cloud(FIELDS);

    resolver.resolve(PORTAL_LINK, AGENT_ZONE);

    RecordedRequest sent = jira.takeRequest(Duration.ofSeconds(5));
    assertThat(sent.path()).isEqualTo("/rest/api/3/issue/SUP-123");
    assertThat(sent.query())
        .isEqualTo(
            "fields=summary,description,created,reporter,customfield_10042,customfield_10050");
    assertThat(sent.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("bot@acme.com:atl-token".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void resolve_serviceManagementPortalLink_readsReporterZoneAndConfiguredUserField()
      throws Exception {
    JiraResolver resolver = cloud(FIELDS);

    TicketResolution resolution = resolution(resolver.resolve(PORTAL_LINK, AGENT_ZONE));

    assertThat(resolution.reference()).isEqualTo("JSM SUP-123");
    assertThat(resolution.userId()).contains("usr_k8x9m2");
    assertThat(resolution.userIdSource()).contains("from JSM SUP-123 field customfield_10042");
    assertThat(resolution.requesterZone()).contains(ZoneId.of("Europe/Paris"));
    assertThat(resolution.createdAt()).isEqualTo(instant("2026-02-06T20:40:00Z"));
    assertThat(resolution.subject()).isEqualTo("Checkout fails with an error");
  }

  @Test
  void resolve_timeInDocumentFormatDescription_isReadInTheReportersZone() throws Exception {
    JiraResolver resolver = cloud(FIELDS);

    TicketResolution resolution = resolution(resolver.resolve(PORTAL_LINK, AGENT_ZONE));

    assertThat(resolution.statedTime()).contains(instant("2026-02-05T13:15:00Z"));
    assertThat(resolution.statedTimeSource()).contains("ticket text: 'around 14:15 yesterday'");
  }

  @Test
  void resolve_noUserIdFieldConfigured_leavesTheUserIdToTheAgent() throws Exception {
    JiraResolver resolver = cloud(TicketFields.none());

    TicketResolution resolution = resolution(resolver.resolve(PORTAL_LINK, AGENT_ZONE));

    assertThat(jira.takeRequest(Duration.ofSeconds(5)).query())
        .isEqualTo("fields=summary,description,created,reporter");
    assertThat(resolution.userId()).isEmpty();
  }

  @Test
  void resolve_dataCenter_usesRestV2BearerTokenOptionFieldAndDateTimeField() throws Exception {
    JiraResolver resolver = dataCenter();

    TicketResolution resolution = resolution(resolver.resolve(DATA_CENTER_LINK, AGENT_ZONE));

    RecordedRequest sent = jira.takeRequest(Duration.ofSeconds(5));
    assertThat(sent.path()).isEqualTo("/rest/api/2/issue/OPS-7");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer pat-123");
    assertThat(resolution.reference()).isEqualTo("Jira OPS-7");
    assertThat(resolution.userId()).contains("usr_dc_77");
    assertThat(resolution.requesterZone()).contains(ZoneId.of("America/Los_Angeles"));
    assertThat(resolution.statedTime()).contains(instant("2026-02-06T16:30:00Z"));
    assertThat(resolution.statedTimeSource()).contains("field customfield_10050");
  }
}

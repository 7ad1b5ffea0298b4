package dev.tracelookup.incidents.remote;

import static dev.tracelookup.incidents.remote.RemoteFixtures.FROM;
import static dev.tracelookup.incidents.remote.RemoteFixtures.NOW;
import static dev.tracelookup.incidents.remote.RemoteFixtures.failure;
import static dev.tracelookup.incidents.remote.RemoteFixtures.incidents;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentStatus;
import dev.tracelookup.incidents.SourceResult;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class PagerDutySourceTest {
  /** First page: a resolved incident on payment-svc, with more to come. */
  static final String FIRST_PAGE =
      """
      {
        "incidents": [
          {
            "incident_number": 1234, "title": "Payment gateway unreachable",
            "description": "Payment gateway unreachable", "created_at": "2026-02-06T14:12:41Z",
            "updated_at": "2026-02-06T14:25:10Z", "status": "resolved", "incident_key": "a1b2c3",
            "service": {"id": "PX7Q2NB", "type": "service_reference", "summary": "payment-svc",
                        "self": "https://api.pagerduty.com/services/PX7Q2NB",
                        "html_url": "https://acme.pagerduty.com/service-directory/PX7Q2NB"},
            "assignments": [], "assigned_via": "escalation_policy",
            "last_status_change_at": "2026-02-06T14:25:10Z",
            "resolved_at": "2026-02-06T14:25:10Z",
            "alert_counts": {"all": 2, "triggered": 0, "resolved": 2}, "is_mergeable": true,
            "escalation_policy": {"id": "PT20YPA", "type": "escalation_policy_reference",
                                  "summary": "Payments on-call"},
            "teams": [], "pending_actions": [], "acknowledgements": [], "priority": null,
            "resolve_reason": null, "urgency": "high", "id": "Q2KX3L4Z0TQ9F", "type": "incident",
            "summary": "[#1234] Payment gateway unreachable",
            "self": "https://api.pagerduty.com/incidents/Q2KX3L4Z0TQ9F",
            "html_url": "https://acme.pagerduty.com/incidents/Q2KX3L4Z0TQ9F"
          }
        ],
        "limit": 100, "offset": 0, "total": null, "more": true
      }
      """;

  /**
   * Second page: an older API's resolved incident without {@code resolved_at}, an acknowledged one
   * and a triggered one, and no more pages.
   */
  static final String LAST_PAGE =
      """
      {
        "incidents": [
          {"id": "Q0RESOLVED", "incident_number": 1200, "title": "Slow checkout", "status": "resolved",
           "created_at": "2026-02-05T09:00:00Z", "last_status_change_at": "2026-02-05T09:40:00Z",
           "service": {"id": "PCHK001", "summary": "checkout"},
           "html_url": "https://acme.pagerduty.com/incidents/Q0RESOLVED", "urgency": "low"},
          {"id": "Q0ACKED", "incident_number": 1240, "title": "Search errors", "status": "acknowledged",
           "created_at": "2026-02-06T17:41:00Z", "last_status_change_at": "2026-02-06T17:45:00Z",
           "service": {"id": "PSRCH01", "summary": "search-svc"},
           "html_url": "https://acme.pagerduty.com/incidents/Q0ACKED", "urgency": "high"},
          {"id": "Q0TRIGGERED", "incident_number": 1241, "title": "Mailer queue growing", "status": "triggered",
           "created_at": "2026-02-06T17:50:00Z", "last_status_change_at": "2026-02-06T17:50:00Z",
           "service": {"id": "PMAIL01", "summary": "mailer"},
           "html_url": "https://acme.pagerduty.com/incidents/Q0TRIGGERED", "urgency": "low"}
        ],
        "limit": 100, "offset": 100, "total": null, "more": false
      }
      """;

  private final List<Duration> pauses = new ArrayList<>();
  private FakeHttpServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void fetch_twoPages_followsMoreWithOffsetsAndSendsTokenAndVersion() throws Exception {
    PagerDutySource source = serving(PagerDutySourceTest::twoPages);

    List<Incident> incidents = incidents(source.fetch(FROM, NOW));

    assertThat(incidents)
        .extracting(Incident::id)
        .containsExactly("#1234", "#1200", "#1240", "#1241");
    RecordedRequest first = server.takeRequest(Duration.ofSeconds(5));
    RecordedRequest second = server.takeRequest(Duration.ofSeconds(5));
    assertThat(first.path()).isEqualTo("/incidents");
    assertThat(first.query())
        .isEqualTo(
            "since=2026-01-23T18%3A00%3A00Z&until=2026-02-06T18%3A00%3A00Z&limit=100"
                + "&offset=0&sort_by=created_at%3Adesc&time_zone=UTC");
    assertThat(second.query()).contains("offset=100");
    assertThat(first.header("Authorization")).isEqualTo("Token token=pd-secret");
    assertThat(first.header("Accept")).isEqualTo("application/vnd.pagerduty+json;version=2");
    assertThat(server.pending()).isZero();
  }

  @Test
  void fetch_resolvedIncident_windowFromCreationToResolutionOnItsService() throws Exception {
    PagerDutySource source = serving(PagerDutySourceTest::twoPages);

    List<Incident> incidents = incidents(source.fetch(FROM, NOW));

    Incident gateway = incidents.get(0);
    assertThat(gateway.started()).isEqualTo(Instant.parse("2026-02-06T14:12:41Z"));
    assertThat(gateway.resolved()).contains(Instant.parse("2026-02-06T14:25:10Z"));
    assertThat(gateway.services()).containsExactlyInAnyOrder("PX7Q2NB", "payment-svc");
    assertThat(gateway.url()).contains("https://acme.pagerduty.com/incidents/Q2KX3L4Z0TQ9F");
    assertThat(incidents.get(1).resolved()).contains(Instant.parse("2026-02-05T09:40:00Z"));
  }

  @Test
  void fetch_acknowledgedAndTriggered_areOngoing() throws Exception {
    PagerDutySource source = serving(request -> Reply.json(LAST_PAGE));

    List<Incident> incidents = incidents(source.fetch(FROM, NOW));

    assertThat(incidents)
        .extracting(Incident::status)
        .containsExactly(
            IncidentStatus.RESOLVED, IncidentStatus.IDENTIFIED, IncidentStatus.INVESTIGATING);
    assertThat(incidents.get(2).ongoing()).isTrue();
  }

  @Test
  void fetch_rangeOverSixMonths_isCutToWhatPagerDutyAccepts() throws Exception {
    PagerDutySource source = serving(request -> Reply.json(LAST_PAGE));

    source.fetch(NOW.minus(Duration.ofDays(400)), NOW);

    assertThat(server.takeRequest(Duration.ofSeconds(5)).query())
        .startsWith("since=2025-08-10T18%3A00%3A00Z&");
  }

  @Test
  void fetch_invalidToken_failsWithPagerDutysMessageWithoutTheToken() throws Exception {
    PagerDutySource source =
        serving(
            request ->
                new Reply(
                    401,
                    "application/json",
                    "{\"error\":{\"message\":\"Unauthorized\",\"code\":2006}}",
                    Map.of()));

    String detail = failure(source.fetch(FROM, NOW));

    assertThat(detail)
        .contains("GET /incidents failed: 401")
        .contains("Unauthorized")
        .doesNotContain("pd-secret");
  }

  @Test
  void fetch_invalidToken_carriesTheStatusTyped() throws Exception {
    PagerDutySource source = serving(request -> Reply.status(401, "Unauthorized"));

    SourceResult result = source.fetch(FROM, NOW);

    assertThat(result)
        .isInstanceOfSatisfying(
            SourceResult.Failed.class, failed -> assertThat(failed.status()).hasValue(401));
  }

  @Test
  void fetch_rateLimitedOnce_waitsRetryAfterThenReads() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    PagerDutySource source =
        serving(
            request ->
                calls.incrementAndGet() == 1
                    ? new Reply(
                        429,
                        "application/json",
                        "{\"error\":{\"message\":\"Rate Limit Exceeded\",\"code\":2020}}",
                        Map.of("Retry-After", "2"))
                    : Reply.json(LAST_PAGE));

    List<Incident> incidents = incidents(source.fetch(FROM, NOW));

    assertThat(incidents).hasSize(3);
    assertThat(pauses).containsExactly(Duration.ofSeconds(2));
  }

  private static Reply twoPages(RecordedRequest request) {
    return Reply.json(request.query().contains("offset=0") ? FIRST_PAGE : LAST_PAGE);
  }

  private PagerDutySource serving(Function<RecordedRequest, Reply> router) throws Exception {
    server = new FakeHttpServer(router);
    return new PagerDutySource("PagerDuty", server.uri(), "pd-secret", RemoteFixtures.http(pauses));
  }
}

package dev.tracelookup.incidents.remote;

import static dev.tracelookup.incidents.remote.RemoteFixtures.FROM;
import static dev.tracelookup.incidents.remote.RemoteFixtures.NOW;
import static dev.tracelookup.incidents.remote.RemoteFixtures.failure;
import static dev.tracelookup.incidents.remote.RemoteFixtures.incidents;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentStatus;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class StatuspageSourceTest {
  /**
   * A public page's incidents.json: a resolved incident, an ongoing one, an old one, a maintenance
   * not begun.
   */
  static final String PUBLIC_PAGE =
      """
      {
        "page": {"id": "kctbh9vrtdwd", "name": "Acme", "url": "https://status.example.com",
                 "time_zone": "Etc/UTC", "updated_at": "2026-02-06T17:01:07.011Z"},
        "incidents": [
          {
            "id": "p31zjtct2jer", "name": "Payment processing degraded", "status": "resolved",
            "created_at": "2026-02-06T14:14:03.512Z", "updated_at": "2026-02-06T14:26:40.291Z",
            "monitoring_at": "2026-02-06T14:22:00.000Z", "resolved_at": "2026-02-06T14:25:58.102Z",
            "impact": "major", "shortlink": "https://stspg.io/p31zjtct2jer",
            "started_at": "2026-02-06T14:12:00.000Z", "page_id": "kctbh9vrtdwd",
            "incident_updates": [
              {"id": "h9b8zq", "status": "resolved", "body": "This incident has been resolved.",
               "incident_id": "p31zjtct2jer", "created_at": "2026-02-06T14:25:58.102Z",
               "display_at": "2026-02-06T14:25:58.102Z",
               "affected_components": [{"code": "9x1tq0cdvw0n", "name": "Checkout",
                                        "old_status": "partial_outage", "new_status": "operational"}],
               "deliver_notifications": true, "custom_tweet": null, "tweet_id": null}
            ],
            "components": [
              {"id": "8l4ygp009s5s", "name": "Payments", "status": "operational",
               "created_at": "2024-01-10T10:00:00.000Z", "updated_at": "2026-02-06T14:25:58.102Z",
               "position": 3, "description": null, "showcase": true, "start_date": null,
               "group_id": null, "page_id": "kctbh9vrtdwd", "group": false, "only_show_if_degraded": false}
            ]
          },
          {
            "id": "yb3v1x9tqk2m", "name": "Delayed notifications", "status": "monitoring",
            "created_at": "2026-02-06T16:50:00.000Z", "updated_at": "2026-02-06T17:10:00.000Z",
            "monitoring_at": "2026-02-06T17:10:00.000Z", "resolved_at": null, "impact": "minor",
            "shortlink": null, "started_at": "2026-02-06T16:48:00.000Z", "page_id": "kctbh9vrtdwd",
            "incident_updates": [], "components": []
          },
          {
            "id": "old0incident", "name": "Login failures", "status": "postmortem",
            "created_at": "2025-12-01T10:00:00.000Z", "updated_at": "2025-12-03T10:00:00.000Z",
            "resolved_at": "2025-12-01T11:00:00.000Z", "started_at": "2025-12-01T10:00:00.000Z",
            "shortlink": "https://stspg.io/old0incident", "incident_updates": [], "components": []
          },
          {
            "id": "mnt0planned0", "name": "Database upgrade", "status": "scheduled",
            "created_at": "2026-02-05T10:00:00.000Z", "updated_at": "2026-02-05T10:00:00.000Z",
            "started_at": "2026-02-05T10:00:00.000Z", "resolved_at": null,
            "shortlink": "https://stspg.io/mnt0planned0", "incident_updates": [], "components": []
          }
        ]
      }
      """;

  private final List<Duration> pauses = new ArrayList<>();
  private FakeHttpServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void publicPage_incidentsJson_normalisesWindowsComponentsAndLinks() throws Exception {
    StatuspageSource source = publicPage(request -> Reply.json(PUBLIC_PAGE));

    List<Incident> incidents = incidents(source.fetch(FROM, NOW));

    assertThat(incidents).extracting(Incident::id).containsExactly("p31zjtct2jer", "yb3v1x9tqk2m");
    Incident payments = incidents.get(0);
    assertThat(payments.title()).isEqualTo("Payment processing degraded");
    assertThat(payments.started()).isEqualTo(Instant.parse("2026-02-06T14:12:00Z"));
    assertThat(payments.resolved()).contains(Instant.parse("2026-02-06T14:25:58.102Z"));
    assertThat(payments.services())
        .containsExactlyInAnyOrder("Payments", "8l4ygp009s5s", "Checkout", "9x1tq0cdvw0n");
    assertThat(payments.url()).contains("https://stspg.io/p31zjtct2jer");
    assertThat(payments.source()).isEqualTo("Statuspage");
    RecordedRequest sent = server.takeRequest(Duration.ofSeconds(5));
    assertThat(sent.path()).isEqualTo("/api/v2/incidents.json");
    assertThat(sent.header("Authorization")).isNull();
  }

  @Test
  void publicPage_monitoringWithoutShortlink_isOngoingAndLinksToThePage() throws Exception {
    StatuspageSource source = publicPage(request -> Reply.json(PUBLIC_PAGE));

    Incident notifications = incidents(source.fetch(FROM, NOW)).get(1);

    assertThat(notifications.status()).isEqualTo(IncidentStatus.MONITORING);
    assertThat(notifications.ongoing()).isTrue();
    assertThat(notifications.url()).contains(server.uri() + "incidents/yb3v1x9tqk2m");
  }

  @Test
  void publicPage_notFound_failsSayingToCheckTheUrl() throws Exception {
    StatuspageSource source = publicPage(request -> Reply.status(404, "Not Found"));

    assertThat(failure(source.fetch(FROM, NOW))).contains("/api/v2/incidents.json").contains("404");
  }

  @Test
  void publicPage_htmlInsteadOfJson_failsAsUnreadable() throws Exception {
    StatuspageSource source =
        publicPage(request -> new Reply(200, "text/html", "<html>Maintenance</html>", Map.of()));

    assertThat(failure(source.fetch(FROM, NOW)))
        .contains("GET /api/v2/incidents.json: unreadable answer");
  }

  @Test
  void managementApi_fullFirstPage_readsTheNextPageWithTheOAuthHeader() throws Exception {
    StatuspageSource source =
        managementApi(
            request ->
                Reply.json(
                    request.query().contains("page=1")
                        ? incidentArray(StatuspageSource.PAGE_SIZE, "2026-02-06T10:00:00Z")
                        : incidentArray(1, "2026-02-05T10:00:00Z")));

    List<Incident> incidents = incidents(source.fetch(FROM, NOW));

    assertThat(incidents).hasSize(StatuspageSource.PAGE_SIZE + 1);
    RecordedRequest first = server.takeRequest(Duration.ofSeconds(5));
    RecordedRequest second = server.takeRequest(Duration.ofSeconds(5));
    assertThat(first.path()).isEqualTo("/v1/pages/kctbh9vrtdwd/incidents");
    assertThat(first.query()).isEqualTo("limit=100&page=1");
    assertThat(second.query()).isEqualTo("limit=100&page=2");
    assertThat(first.header("Authorization")).isEqualTo("OAuth sp-secret-key");
    assertThat(server.pending()).isZero();
  }

  @Test
  void managementApi_pageOlderThanTheLookback_stopsPaging() throws Exception {
    StatuspageSource source =
        managementApi(
            request ->
                Reply.json(incidentArray(StatuspageSource.PAGE_SIZE, "2025-06-01T10:00:00Z")));

    List<Incident> incidents = incidents(source.fetch(FROM, NOW));

    assertThat(incidents).isEmpty();
    server.takeRequest(Duration.ofSeconds(5));
    assertThat(server.pending()).isZero();
  }

  @Test
  void managementApi_unauthorized_failsWithTheStatusAndNoRetry() throws Exception {
    StatuspageSource source =
        managementApi(
            request ->
                new Reply(
                    401, "application/json", "{\"error\":\"Could not authenticate\"}", Map.of()));

    String detail = failure(source.fetch(FROM, NOW));

    assertThat(detail)
        .contains("401")
        .contains("Could not authenticate")
        .doesNotContain("sp-secret-key");
    assertThat(pauses).isEmpty();
  }

  private StatuspageSource publicPage(Function<RecordedRequest, Reply> router) throws Exception {
    server = new FakeHttpServer(router);
    return StatuspageSource.publicPage("Statuspage", server.uri(), RemoteFixtures.http(pauses));
  }

  private StatuspageSource managementApi(Function<RecordedRequest, Reply> router) throws Exception {
    server = new FakeHttpServer(router);
    return StatuspageSource.managementApi(
        "Statuspage", server.uri(), "kctbh9vrtdwd", "sp-secret-key", RemoteFixtures.http(pauses));
  }

  /** Returns a management-API array of resolved incidents, all started at the given time. */
  private static String incidentArray(int count, String startedAt) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                """
                {"id": "inc%04d", "name": "Incident %d", "status": "resolved", "impact": "minor",
                 "created_at": "%s", "started_at": "%s", "resolved_at": "%s", "updated_at": "%s",
                 "shortlink": "https://stspg.io/inc%04d", "components": [], "incident_updates": []}\
                """
                    .formatted(i, i, startedAt, startedAt, startedAt, startedAt, i))
        .collect(Collectors.joining(",", "[", "]"));
  }
}

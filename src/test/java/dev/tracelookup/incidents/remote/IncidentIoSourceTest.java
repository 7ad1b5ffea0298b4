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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class IncidentIoSourceTest {
  /** First page: a closed incident with impact timestamps and a catalog-typed services field. */
  static final String FIRST_PAGE =
      """
      {
        "incidents": [
          {
            "id": "01HQ2V8N3C7Y0ZK4W5P6R7S8T9", "reference": "INC-123",
            "name": "Payment gateway unreachable", "summary": "Gateway refused connections from payment-svc",
            "mode": "standard", "visibility": "public",
            "permalink": "https://app.incident.io/acme/incidents/123",
            "created_at": "2026-02-06T14:14:00.000Z", "updated_at": "2026-02-06T15:02:00.000Z",
            "incident_status": {"id": "01FCNDV6P870EA6S7TK1DSYDG0", "name": "Closed", "category": "closed",
                                "rank": 4, "description": "Impact has ended"},
            "severity": {"id": "01FH5TZRWMNAFB0DZ23FD1TV96", "name": "Major", "rank": 2},
            "custom_field_entries": [
              {"custom_field": {"id": "01FCNDV6P870EA6S7TK1DSYD5H", "name": "Affected services",
                                "description": "Which services were impacted?", "field_type": "multi_select",
                                "options": []},
               "values": [{"value_catalog_entry": {"id": "01FCNDV6P870EA6S7TK1DSYDG1", "name": "Payments",
                                                   "external_id": "payment-svc", "aliases": ["payments-api"]}}]},
              {"custom_field": {"id": "01FCNDV6P870EA6S7TK1DSYD5J", "name": "Team", "field_type": "single_select"},
               "values": [{"value_option": {"id": "01FCNDV6P870EA6S7TK1DSYDG2", "value": "Platform",
                                            "sort_key": 10}}]}
            ],
            "incident_timestamp_values": [
              {"incident_timestamp": {"id": "01FCNDV6P870EA6S7TK1DSYD01", "name": "Impact started", "rank": 1},
               "value": {"value": "2026-02-06T14:12:00.000Z"}},
              {"incident_timestamp": {"id": "01FCNDV6P870EA6S7TK1DSYD02", "name": "Reported at", "rank": 2},
               "value": {"value": "2026-02-06T14:14:00.000Z"}},
              {"incident_timestamp": {"id": "01FCNDV6P870EA6S7TK1DSYD03", "name": "Resolved at", "rank": 3},
               "value": {"value": "2026-02-06T14:25:00.000Z"}}
            ],
            "duration_metrics": [{"duration_metric": {"id": "01FCNDV6P870EA6S7TK1DSYD04", "name": "Duration"},
                                  "value_seconds": 780}],
            "incident_role_assignments": []
          }
        ],
        "pagination_meta": {"after": "01HQ2V8N3C7Y0ZK4W5P6R7S8T9", "page_size": 250, "total_record_count": 5}
      }
      """;

  /**
   * Last page: live "Monitoring" without timestamps, a declined one, a test one, and a learning one
   * without "Resolved at".
   */
  static final String LAST_PAGE =
      """
      {
        "incidents": [
          {"id": "01HQ3LIVE", "reference": "INC-124", "name": "Search errors", "mode": "standard",
           "permalink": "https://app.incident.io/acme/incidents/124",
           "created_at": "2026-02-06T17:42:00.000Z", "updated_at": "2026-02-06T17:50:00.000Z",
           "incident_status": {"id": "s1", "name": "Monitoring", "category": "live"},
           "custom_field_entries": [], "incident_timestamp_values": []},
          {"id": "01HQ3DECLINED", "reference": "INC-125", "name": "False alarm", "mode": "standard",
           "created_at": "2026-02-06T16:00:00.000Z", "updated_at": "2026-02-06T16:05:00.000Z",
           "incident_status": {"id": "s2", "name": "Declined", "category": "declined"}},
          {"id": "01HQ3TEST", "reference": "INC-126", "name": "Drill", "mode": "test",
           "created_at": "2026-02-06T16:10:00.000Z", "updated_at": "2026-02-06T16:20:00.000Z",
           "incident_status": {"id": "s3", "name": "Investigating", "category": "live"}},
          {"id": "01HQ3LEARN", "reference": "INC-127", "name": "Slow images", "mode": "retrospective",
           "created_at": "2026-02-05T08:00:00.000Z", "updated_at": "2026-02-05T09:30:00.000Z",
           "incident_status": {"id": "s4", "name": "Post-incident", "category": "learning"}}
        ],
        "pagination_meta": {"page_size": 250, "total_record_count": 5}
      }
      """;

  private final List<Duration> pauses = new ArrayList<>();
  private FakeHttpServer server;

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void fetch_twoPages_followsTheAfterCursorWithBearerAuthAndEncodedDateRange() throws Exception {
    IncidentIoSource source = serving(IncidentIoSourceTest::twoPages);

    List<Incident> incidents = incidents(source.fetch(FROM, NOW));

    assertThat(incidents).extracting(Incident::id).containsExactly("INC-123", "INC-124", "INC-127");
    RecordedRequest first = server.takeRequest(Duration.ofSeconds(5));
    RecordedRequest second = server.takeRequest(Duration.ofSeconds(5));
    assertThat(first.path()).isEqualTo("/v2/incidents");
    assertThat(first.query())
        .isEqualTo("page_size=250&created_at%5Bdate_range%5D=2026-01-23%7E2026-02-06");
    assertThat(second.query()).endsWith("&after=01HQ2V8N3C7Y0ZK4W5P6R7S8T9");
    assertThat(first.header("Authorization")).isEqualTo("Bearer io-secret");
  }

  @Test
  void fetch_closedIncident_usesImpactTimestampsAndEveryNameOfItsCatalogEntries() throws Exception {
    IncidentIoSource source = serving(IncidentIoSourceTest::twoPages);

    Incident gateway = incidents(source.fetch(FROM, NOW)).get(0);

    assertThat(gateway.status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(gateway.started()).isEqualTo(Instant.parse("2026-02-06T14:12:00Z"));
    assertThat(gateway.resolved()).contains(Instant.parse("2026-02-06T14:25:00Z"));
    assertThat(gateway.services())
        .containsExactlyInAnyOrder("Payments", "payment-svc", "payments-api");
    assertThat(gateway.url()).contains("https://app.incident.io/acme/incidents/123");
    assertThat(gateway.title()).isEqualTo("Payment gateway unreachable");
  }

  @Test
  void fetch_withoutTimestamps_fallsBackToCreationAndLastUpdate() throws Exception {
    IncidentIoSource source = serving(request -> Reply.json(LAST_PAGE));

    List<Incident> incidents = incidents(source.fetch(FROM, NOW));

    Incident live = incidents.get(0);
    Incident learning = incidents.get(1);
    assertThat(live.status()).isEqualTo(IncidentStatus.MONITORING);
    assertThat(live.ongoing()).isTrue();
    assertThat(live.started()).isEqualTo(Instant.parse("2026-02-06T17:42:00Z"));
    assertThat(learning.resolved()).contains(Instant.parse("2026-02-05T09:30:00Z"));
  }

  @Test
  void fetch_repeatedCursor_stopsInsteadOfLooping() throws Exception {
    IncidentIoSource source = serving(request -> Reply.json(FIRST_PAGE));

    List<Incident> incidents = incidents(source.fetch(FROM, NOW));

    assertThat(incidents).hasSize(2);
    server.takeRequest(Duration.ofSeconds(5));
    server.takeRequest(Duration.ofSeconds(5));
    assertThat(server.pending()).isZero();
  }

  @Test
  void fetch_serverErrorEveryTime_failsAfterRetrying() throws Exception {
    IncidentIoSource source =
        serving(
            request ->
                new Reply(
                    500,
                    "application/json",
                    "{\"type\":\"internal_error\",\"status\":500,\"request_id\":\"abc\"}",
                    Map.of()));

    String detail = failure(source.fetch(FROM, NOW));

    assertThat(detail).contains("GET /v2/incidents failed: 500");
    assertThat(pauses).hasSize(2);
  }

  private static Reply twoPages(RecordedRequest request) {
    return Reply.json(request.query().contains("after=") ? LAST_PAGE : FIRST_PAGE);
  }

  private IncidentIoSource serving(Function<RecordedRequest, Reply> router) throws Exception {
    server = new FakeHttpServer(router);
    return new IncidentIoSource(
        "incident.io",
        server.uri(),
        "io-secret",
        IncidentIoSource.Fields.defaults(),
        RemoteFixtures.http(pauses));
  }
}

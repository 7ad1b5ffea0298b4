package dev.tracelookup.incidents.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tracelookup.incidents.CatalogSettings;
import dev.tracelookup.incidents.CatalogSource;
import dev.tracelookup.incidents.Confidence;
import dev.tracelookup.incidents.IncidentCatalog;
import dev.tracelookup.incidents.IncidentMatch;
import dev.tracelookup.incidents.IncidentReport;
import dev.tracelookup.incidents.ServiceMapping;
import dev.tracelookup.incidents.SourceHttp;
import dev.tracelookup.incidents.TestIncidents;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.testing.ManualScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Three real HTTP sources in one catalog, one of them too slow to answer. */
final class RemoteSourcesCatalogTest {
  private static final String STATUSPAGE =
      """
      {"page": {"id": "kctbh9vrtdwd", "name": "Acme"},
       "incidents": [{"id": "p31zjtct2jer", "name": "Payment processing degraded", "status": "resolved",
                      "created_at": "2026-02-06T14:14:03Z", "started_at": "2026-02-06T14:12:00Z",
                      "resolved_at": "2026-02-06T14:25:58Z", "shortlink": "https://stspg.io/p31zjtct2jer",
                      "components": [{"id": "8l4ygp009s5s", "name": "Payments"}], "incident_updates": []}]}
      """;
  private static final String INCIDENT_IO =
      """
      {"incidents": [{"id": "01HQ", "reference": "INC-99", "name": "Search index lag", "mode": "standard",
                      "created_at": "2026-02-06T14:05:00Z", "updated_at": "2026-02-06T14:35:00Z",
                      "incident_status": {"name": "Closed", "category": "closed"},
                      "custom_field_entries": [{"custom_field": {"name": "Affected services"},
                         "values": [{"value_catalog_entry": {"name": "Search", "external_id": "search-svc"}}]}]}],
       "pagination_meta": {"page_size": 250}}
      """;

  private final CountDownLatch release = new CountDownLatch(1);
  private final List<FakeHttpServer> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    for (FakeHttpServer server : servers) {
      server.close();
    }
  }

  @Test
  void refreshNow_oneSourceTimesOut_theOthersStillMatchAndItIsNamedUnavailable() throws Exception {
    SourceHttp patient = RemoteFixtures.http(new ArrayList<>());
    SourceHttp impatient =
        new SourceHttp(
            HttpClient.newHttpClient(),
            Clock.systemUTC(),
            wait -> {},
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            1,
            1024 * 1024);
    StatuspageSource statuspage =
        StatuspageSource.publicPage(
            "Statuspage", serve(request -> Reply.json(STATUSPAGE)), patient);
    PagerDutySource pagerDuty =
        new PagerDutySource(
            "PagerDuty",
            serve(
                request -> {
                  awaitRelease();
                  return Reply.json("{\"incidents\": [], \"more\": false}");
                }),
            "pd-secret",
            impatient);
    IncidentIoSource incidentIo =
        new IncidentIoSource(
            "incident.io",
            serve(request -> Reply.json(INCIDENT_IO)),
            "io-secret",
            IncidentIoSource.Fields.defaults(),
            patient);
    IncidentCatalog catalog =
        new IncidentCatalog(
            List.of(
                new CatalogSource(
                    statuspage,
                    Duration.ofMinutes(1),
                    ServiceMapping.of(Map.of("payment-svc", List.of("Payments")))),
                new CatalogSource(pagerDuty, Duration.ofMinutes(1), ServiceMapping.identity()),
                new CatalogSource(incidentIo, Duration.ofMinutes(1), ServiceMapping.identity())),
            CatalogSettings.defaults(),
            new ManualScheduler(),
            Clock.fixed(TestIncidents.at("18:00"), ZoneOffset.UTC));

    catalog.refreshNow();
    IncidentReport report = catalog.match(TestIncidents.orderFailure());

    assertThat(report.matches())
        .extracting(match -> match.incident().id(), IncidentMatch::confidence)
        .containsExactly(
            tuple("p31zjtct2jer", Confidence.SERVICE), tuple("INC-99", Confidence.TIME_ONLY));
    assertThat(report.unavailableSources()).containsExactly("PagerDuty");
  }

  private URI serve(Function<FakeHttpServer.RecordedRequest, Reply> router) throws Exception {
    FakeHttpServer server = new FakeHttpServer(router);
    servers.add(server);
    return server.uri();
  }

  private void awaitRelease() {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.tracelookup.incidents;

import static dev.tracelookup.incidents.TestIncidents.at;
import static dev.tracelookup.incidents.TestIncidents.gatewaySignature;
import static dev.tracelookup.incidents.TestIncidents.resolved;
import static dev.tracelookup.incidents.TestIncidents.withSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.testing.ManualScheduler;
import dev.tracelookup.testing.MutableClock;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.TraceAnalyzer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

final class IncidentCatalogTest {
  private static final Incident GATEWAY =
      withSignature(resolved("INC-4521", "14:12", "14:25", "payment-svc"), gatewaySignature());
  private static final Incident SEARCH = resolved("INC-4522", "14:00", "14:40", "search-svc");
  private static final Duration FILE_TTL = Duration.ofMinutes(1);
  private static final Duration PAGER_TTL = Duration.ofMinutes(5);

  private final MutableClock clock = new MutableClock(at("15:00"));
  private final ManualScheduler scheduler = new ManualScheduler();
  private final ScriptedSource file = new ScriptedSource("incidents file");
  private final ScriptedSource pager = new ScriptedSource("PagerDuty");

  private IncidentCatalog catalog() {
    return new IncidentCatalog(
        List.of(
            new CatalogSource(file, FILE_TTL, ServiceMapping.identity()),
            new CatalogSource(pager, PAGER_TTL, ServiceMapping.identity())),
        CatalogSettings.defaults(),
        scheduler,
        clock);
  }

  @Test
  void match_afterRefresh_ranksIncidentsFromEverySource() {
    file.answers(SEARCH);
    pager.answers(GATEWAY);
    IncidentCatalog catalog = catalog();
    catalog.refreshNow();

    IncidentReport report = catalog.match(TestIncidents.orderFailure());

    assertThat(report.matches())
        .containsExactly(
            new IncidentMatch(GATEWAY, Confidence.SIGNATURE),
            new IncidentMatch(SEARCH, Confidence.TIME_ONLY));
    assertThat(report.likelyCause()).contains(GATEWAY);
    assertThat(report.unavailableSources()).isEmpty();
    assertThat(report.staleSources()).isEmpty();
  }

  @Test
  void match_beforeAnyRefresh_namesEverySourceUnavailable() {
    IncidentReport report = catalog().match(TestIncidents.orderFailure());

    assertThat(report.matches()).isEmpty();
    assertThat(report.unavailableSources()).containsExactly("incidents file", "PagerDuty");
  }

  @Test
  void match_oneSourceFails_theOtherStillMatchesAndTheFailingOneIsNamed() {
    file.answers(GATEWAY);
    pager.fails("PagerDuty GET /incidents failed: 401");
    IncidentCatalog catalog = catalog();
    catalog.refreshNow();

    IncidentReport report = catalog.match(TestIncidents.orderFailure());

    assertThat(report.matches())
        .extracting(match -> match.incident().id())
        .containsExactly("INC-4521");
    assertThat(report.unavailableSources()).containsExactly("PagerDuty");
  }

  @Test
  void match_refreshFailsAfterSuccess_servesTheStaleListUntilTheStaleLimit() {
    file.answers(SEARCH);
    pager.answers(GATEWAY).fails("PagerDuty GET /incidents: no answer within 10000 ms");
    IncidentCatalog catalog = catalog();
    catalog.refreshNow();
    clock.advance(Duration.ofMinutes(30));
    catalog.refreshNow();

    IncidentReport stale = catalog.match(TestIncidents.orderFailure());
    clock.advance(Duration.ofMinutes(31));
    IncidentReport expired = catalog.match(TestIncidents.orderFailure());

    assertThat(stale.matches())
        .extracting(match -> match.incident().id())
        .containsExactly("INC-4521", "INC-4522");
    assertThat(stale.staleSources()).containsExactly("PagerDuty");
    assertThat(stale.unavailableSources()).isEmpty();
    assertThat(expired.matches())
        .extracting(match -> match.incident().id())
        .containsExactly("INC-4522");
    assertThat(expired.unavailableSources()).containsExactly("PagerDuty");
  }

  @Test
  void match_sourceRecovers_isNoLongerStale() {
    file.answers(SEARCH);
    pager.answers(GATEWAY).fails("down").answers(GATEWAY);
    IncidentCatalog catalog = catalog();
    catalog.refreshNow();
    catalog.refreshNow();
    catalog.refreshNow();

    IncidentReport report = catalog.match(TestIncidents.orderFailure());

    assertThat(report.staleSources()).isEmpty();
    assertThat(report.unavailableSources()).isEmpty();
  }

  @Test
  void match_traceWithoutFailure_matchesNothing() {
    file.answers(SEARCH);
    pager.answers(GATEWAY);
    IncidentCatalog catalog = catalog();
    catalog.refreshNow();

    IncidentReport report =
        catalog.match(TraceAnalyzer.analyze(TestSpans.trace(TestSpans.span("1").ok().build())));

    assertThat(report.matches()).isEmpty();
  }

  @Test
  void match_fiveIncidentsInWindow_showsTheThreeStrongest() {
    file.answers(
        SEARCH,
        resolved("INC-1", "14:10", "14:20", "order-svc"),
        resolved("INC-2", "14:15", "14:30", "cdn"),
        resolved("INC-3", "14:16", "14:18", "payment-svc"));
    pager.answers(GATEWAY);
    IncidentCatalog catalog = catalog();
    catalog.refreshNow();

    IncidentReport report = catalog.match(TestIncidents.orderFailure());

    assertThat(report.matches())
        .extracting(match -> match.incident().id())
        .containsExactly("INC-4521", "INC-3", "INC-1");
  }

  @Test
  void refresh_asksEachSourceForTheLookbackUntilNow() {
    file.answers();
    pager.answers();

    catalog().refreshNow();

    assertThat(pager.asked()).hasSize(1);
    assertThat(pager.asked().get(0))
        .containsExactly(at("15:00").minus(Duration.ofDays(14)), at("15:00"));
  }

  @Test
  void start_refreshesEverySourceAtOnceThenAfterItsOwnTtl() {
    file.answers(SEARCH);
    pager.answers(GATEWAY);
    IncidentCatalog catalog = catalog();

    catalog.start();
    assertThat(scheduler.pendingDelays()).containsExactly(Duration.ZERO, Duration.ZERO);
    scheduler.advance(Duration.ZERO);

    assertThat(catalog.match(TestIncidents.orderFailure()).matches()).hasSize(2);
    assertThat(scheduler.pendingDelays()).containsExactly(FILE_TTL, PAGER_TTL);
    scheduler.advance(PAGER_TTL);
    assertThat(file.asked()).hasSize(6);
    assertThat(pager.asked()).hasSize(2);
  }

  @Test
  void start_completesWhenEverySourceWasFetchedOnceWellOrNot() {
    file.answers(SEARCH);
    pager.fails("down").answers(GATEWAY);
    IncidentCatalog catalog = catalog();

    CompletableFuture<Void> first = catalog.start();
    boolean doneBeforeAnyFetch = first.isDone();
    scheduler.advance(Duration.ZERO);

    assertThat(doneBeforeAnyFetch).isFalse();
    assertThat(first).isCompleted();
  }

  @Test
  void start_failingSource_isRetriedAfterThirtySecondsNotItsTtl() {
    file.answers(SEARCH);
    pager.fails("down").answers(GATEWAY);
    IncidentCatalog catalog = catalog();

    catalog.start();
    scheduler.advance(Duration.ZERO);

    assertThat(scheduler.pendingDelays()).containsExactly(IncidentCatalog.FAILURE_RETRY, FILE_TTL);
    scheduler.advance(IncidentCatalog.FAILURE_RETRY);
    assertThat(catalog.match(TestIncidents.orderFailure()).unavailableSources()).isEmpty();
  }

  @Test
  void start_sourceThrows_isUnavailableAndStillRescheduled() {
    file.answers(SEARCH);
    pager.throwsBug().answers(GATEWAY);
    IncidentCatalog catalog = catalog();

    catalog.start();
    scheduler.advance(Duration.ZERO);

    assertThat(catalog.match(TestIncidents.orderFailure()).unavailableSources())
        .containsExactly("PagerDuty");
    assertThat(scheduler.pendingDelays()).hasSize(2);
  }

  @Test
  void close_stopsFurtherRefreshes() {
    file.answers(SEARCH);
    pager.answers(GATEWAY);
    IncidentCatalog catalog = catalog();
    catalog.start();
    scheduler.advance(Duration.ZERO);

    catalog.close();
    scheduler.advance(Duration.ofHours(1));

    assertThat(scheduler.pendingDelays()).isEmpty();
    assertThat(file.asked()).hasSize(1);
  }

  @Test
  void new_twoSourcesWithOneName_isRefused() {
    CatalogSource first =
        new CatalogSource(new ScriptedSource("PagerDuty"), FILE_TTL, ServiceMapping.identity());
    CatalogSource second =
        new CatalogSource(new ScriptedSource("PagerDuty"), FILE_TTL, ServiceMapping.identity());

    assertThatThrownBy(
            () ->
                new IncidentCatalog(
                    List.of(first, second), CatalogSettings.defaults(), scheduler, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PagerDuty");
  }
}

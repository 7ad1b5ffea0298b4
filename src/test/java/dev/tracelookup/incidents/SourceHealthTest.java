package dev.tracelookup.incidents;

import static dev.tracelookup.incidents.TestIncidents.at;
import static dev.tracelookup.incidents.TestIncidents.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.incidents.SourceHealth.Freshness;
import dev.tracelookup.testing.ManualScheduler;
import dev.tracelookup.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link IncidentCatalog#health()}: the same rules as matching, told to a readiness report. */
final class SourceHealthTest {
  private final MutableClock clock = new MutableClock(at("15:00"));
  private final ScriptedSource file = new ScriptedSource("incidents file");
  private final ScriptedSource pager = new ScriptedSource("PagerDuty");
  private final IncidentCatalog catalog =
      new IncidentCatalog(
          List.of(
              new CatalogSource(file, Duration.ofMinutes(1), ServiceMapping.identity()),
              new CatalogSource(pager, Duration.ofMinutes(5), ServiceMapping.identity())),
          CatalogSettings.defaults(),
          new ManualScheduler(),
          clock);

  @Test
  void health_beforeAnyRefresh_isPendingForEverySource() {
    assertThat(catalog.health())
        .containsExactly(
            new SourceHealth("incidents file", Freshness.PENDING, Optional.empty()),
            new SourceHealth("PagerDuty", Freshness.PENDING, Optional.empty()));
  }

  @Test
  void health_oneFetchedOneNeverFetched_isFreshAndUnavailable() {
    file.answers(resolved("INC-1", "14:00", "14:10", "payment-svc"));
    pager.fails("PagerDuty GET /incidents failed: 401");

    catalog.refreshNow();

    assertThat(catalog.health())
        .containsExactly(
            new SourceHealth("incidents file", Freshness.FRESH, Optional.of(at("15:00"))),
            new SourceHealth("PagerDuty", Freshness.UNAVAILABLE, Optional.empty()));
  }

  @Test
  void health_failingAfterAGoodList_isStaleUntilTheStaleLimitThenUnavailable() {
    file.answers(resolved("INC-1", "14:00", "14:10", "payment-svc"))
        .fails("incidents file unreadable");
    catalog.refreshNow();
    clock.advance(Duration.ofMinutes(1));
    catalog.refreshNow();

    Freshness soon = catalog.health().get(0).freshness();
    clock.advance(CatalogSettings.defaults().staleLimit());
    Freshness later = catalog.health().get(0).freshness();

    assertThat(soon).isEqualTo(Freshness.STALE);
    assertThat(later).isEqualTo(Freshness.UNAVAILABLE);
    assertThat(catalog.health().get(0).lastGood()).contains(at("15:00"));
  }
}

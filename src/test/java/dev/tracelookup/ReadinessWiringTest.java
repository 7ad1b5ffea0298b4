package dev.tracelookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.CheckResult;
import dev.tracelookup.incidents.SourceHealth;
import dev.tracelookup.incidents.SourceHealth.Freshness;
import dev.tracelookup.server.DependencyStatus;
import dev.tracelookup.slack.SlackLink;
import dev.tracelookup.testing.MutableClock;
import dev.tracelookup.tickets.TicketFailure;
import dev.tracelookup.tickets.TicketResolvers;
import dev.tracelookup.tickets.TicketSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How backend checks, ticket connections' last calls and incident sources' health read in {@code /readyz}. */
final class ReadinessWiringTest {
  private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");

  private static TicketResolvers.ConnectionState zendesk(Optional<TicketFailure.Kind> failure) {
    return new TicketResolvers.ConnectionState(TicketSystem.ZENDESK, "acme.zendesk.com",
        Optional.of(new TicketResolvers.LastCall(NOW.minusSeconds(42), failure)));
  }

  @Test
  void backend_failedCheck_isDownNamingOnlyTheKind() {
    CheckResult failed = CheckResult.failed(BackendFailure.of(BackendFailure.Kind.REJECTED, "Tempo",
        "GET /api/echo failed: 401 invalid token glsa_123"));

    assertThat(ReadinessWiring.backend(failed)).isEqualTo(DependencyStatus.down("check failed: rejected"));
    assertThat(ReadinessWiring.backend(CheckResult.OK)).isEqualTo(DependencyStatus.up("answered"));
  }

  @Test
  void ticket_byLastCall_isUnknownUpDegradedOrDown() {
    assertThat(ReadinessWiring.ticket(new TicketResolvers.ConnectionState(TicketSystem.ZENDESK, "acme.zendesk.com",
        Optional.empty()), NOW)).isEqualTo(DependencyStatus.unknown("configured; not called since start"));
    assertThat(ReadinessWiring.ticket(zendesk(Optional.empty()), NOW))
        .isEqualTo(DependencyStatus.up("last call 42 s ago answered"));
    assertThat(ReadinessWiring.ticket(zendesk(Optional.of(TicketFailure.Kind.NOT_FOUND)), NOW).state())
        .isEqualTo(DependencyStatus.State.UP);
    assertThat(ReadinessWiring.ticket(zendesk(Optional.of(TicketFailure.Kind.RATE_LIMITED)), NOW))
        .isEqualTo(DependencyStatus.degraded("last call 42 s ago failed: rate_limited"));
    assertThat(ReadinessWiring.ticket(zendesk(Optional.of(TicketFailure.Kind.FORBIDDEN)), NOW))
        .isEqualTo(DependencyStatus.down("last call 42 s ago failed: forbidden"));
  }

  @Test
  void incident_byFreshness_saysHowOldTheListInUseIs() {
    Optional<Instant> fiveMinutesAgo = Optional.of(NOW.minusSeconds(300));

    assertThat(ReadinessWiring.incident(new SourceHealth("status page", Freshness.FRESH, fiveMinutesAgo), NOW))
        .isEqualTo(DependencyStatus.up("refreshed; the list from 300 s ago"));
    assertThat(ReadinessWiring.incident(new SourceHealth("status page", Freshness.STALE, fiveMinutesAgo), NOW))
        .isEqualTo(DependencyStatus.degraded("refreshes fail; serving the list from 300 s ago"));
    assertThat(ReadinessWiring.incident(new SourceHealth("status page", Freshness.UNAVAILABLE, fiveMinutesAgo), NOW))
        .isEqualTo(DependencyStatus.down("refreshes fail; the list from 300 s ago is too old to use"));
    assertThat(ReadinessWiring.incident(new SourceHealth("status page", Freshness.UNAVAILABLE, Optional.empty()), NOW))
        .isEqualTo(DependencyStatus.down("refreshes fail; no list to use"));
    assertThat(ReadinessWiring.incident(new SourceHealth("status page", Freshness.PENDING, Optional.empty()), NOW))
        .isEqualTo(DependencyStatus.unknown("first refresh not finished"));
  }

  @Test
  void webApi_lastCallsInTurn_readsUpThenDegradedThenDownForARefusedToken() {
    MutableClock clock = new MutableClock(NOW);
    SlackLink link = new SlackLink(clock);
    assertThat(ReadinessWiring.webApi(link, clock.instant()))
        .isEqualTo(DependencyStatus.unknown("no Web API call since start"));

    link.recorded("auth.test", "");
    clock.advance(Duration.ofSeconds(30));
    assertThat(ReadinessWiring.webApi(link, clock.instant()))
        .isEqualTo(DependencyStatus.up("last call (auth.test) 30 s ago answered"));

    link.recorded("chat.postMessage", "ratelimited");
    clock.advance(Duration.ofSeconds(5));
    assertThat(ReadinessWiring.webApi(link, clock.instant())).isEqualTo(DependencyStatus.degraded(
        "last call (chat.postMessage) 5 s ago failed: ratelimited; last answer 35 s ago"));

    link.recorded("chat.postEphemeral", "token_revoked");
    assertThat(ReadinessWiring.webApi(link, clock.instant()).state()).isEqualTo(DependencyStatus.State.DOWN);
  }

  @Test
  void slack_socketModeNotStarted_isRequiredAndDown() {
    SlackLink link = new SlackLink(new MutableClock(NOW));

    var check = ReadinessWiring.slack(link, true, new MutableClock(NOW));

    assertThat(check.required()).isTrue();
    assertThat(check.probe().get()).isEqualTo(DependencyStatus.down("not connected yet"));
    assertThat(ReadinessWiring.slack(link, false, new MutableClock(NOW)).required()).isFalse();
  }
}

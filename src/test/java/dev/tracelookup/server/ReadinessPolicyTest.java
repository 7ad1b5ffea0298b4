package dev.tracelookup.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.CheckResult;
import dev.tracelookup.incidents.SourceHealth;
import dev.tracelookup.incidents.SourceHealth.Freshness;
import dev.tracelookup.privacy.AuditLog;
import dev.tracelookup.testing.MutableClock;
import dev.tracelookup.tickets.TicketFailure;
import dev.tracelookup.tickets.TicketResolvers;
import dev.tracelookup.tickets.TicketSystem;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How backend checks, ticket connections' last calls and incident sources' health read in {@code
 * /readyz}.
 */
final class ReadinessPolicyTest {
  private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");

  private static TicketResolvers.ConnectionState zendesk(Optional<TicketFailure.Kind> failure) {
    return new TicketResolvers.ConnectionState(
        TicketSystem.ZENDESK,
        "acme.zendesk.com",
        Optional.of(new TicketResolvers.LastCall(NOW.minusSeconds(42), failure)));
  }

  @Test
  void backend_failedCheck_isDownNamingOnlyTheKind() {
    CheckResult failed =
        CheckResult.failed(
            BackendFailure.of(
                BackendFailure.Kind.REJECTED,
                "Tempo",
                "GET /api/echo failed: 401 invalid token glsa_123"));

    assertThat(ReadinessPolicy.backend(failed))
        .isEqualTo(DependencyStatus.down("check failed: rejected"));
    assertThat(ReadinessPolicy.backend(CheckResult.OK)).isEqualTo(DependencyStatus.up("answered"));
  }

  @Test
  void ticket_byLastCall_isUnknownUpDegradedOrDown() {
    assertThat(
            ReadinessPolicy.ticket(
                new TicketResolvers.ConnectionState(
                    TicketSystem.ZENDESK, "acme.zendesk.com", Optional.empty()),
                NOW))
        .isEqualTo(DependencyStatus.unknown("configured; not called since start"));
    assertThat(ReadinessPolicy.ticket(zendesk(Optional.empty()), NOW))
        .isEqualTo(DependencyStatus.up("last call 42 s ago answered"));
    assertThat(
            ReadinessPolicy.ticket(zendesk(Optional.of(TicketFailure.Kind.NOT_FOUND)), NOW).state())
        .isEqualTo(DependencyStatus.State.UP);
    assertThat(ReadinessPolicy.ticket(zendesk(Optional.of(TicketFailure.Kind.RATE_LIMITED)), NOW))
        .isEqualTo(DependencyStatus.degraded("last call 42 s ago failed: rate_limited"));
    assertThat(ReadinessPolicy.ticket(zendesk(Optional.of(TicketFailure.Kind.FORBIDDEN)), NOW))
        .isEqualTo(DependencyStatus.down("last call 42 s ago failed: forbidden"));
  }

  @Test
  void incident_byFreshness_saysHowOldTheListInUseIs() {
    Optional<Instant> fiveMinutesAgo = Optional.of(NOW.minusSeconds(300));

    assertThat(
            ReadinessPolicy.incident(
                new SourceHealth("status page", Freshness.FRESH, fiveMinutesAgo), NOW))
        .isEqualTo(DependencyStatus.up("refreshed; the list from 300 s ago"));
    assertThat(
            ReadinessPolicy.incident(
                new SourceHealth("status page", Freshness.STALE, fiveMinutesAgo), NOW))
        .isEqualTo(DependencyStatus.degraded("refreshes fail; serving the list from 300 s ago"));
    assertThat(
            ReadinessPolicy.incident(
                new SourceHealth("status page", Freshness.UNAVAILABLE, fiveMinutesAgo), NOW))
        .isEqualTo(
            DependencyStatus.down("refreshes fail; the list from 300 s ago is too old to use"));
    assertThat(
            ReadinessPolicy.incident(
                new SourceHealth("status page", Freshness.UNAVAILABLE, Optional.empty()), NOW))
        .isEqualTo(DependencyStatus.down("refreshes fail; no list to use"));
    assertThat(
            ReadinessPolicy.incident(
                new SourceHealth("status page", Freshness.PENDING, Optional.empty()), NOW))
        .isEqualTo(DependencyStatus.unknown("first refresh not finished"));
  }

  @Test
  void socket_byState_isDownUntilConnected() {
    assertThat(ReadinessPolicy.socket(SlackLinkState.Socket.NOT_STARTED))
        .isEqualTo(DependencyStatus.down("not connected yet"));
    assertThat(ReadinessPolicy.socket(SlackLinkState.Socket.CONNECTED))
        .isEqualTo(DependencyStatus.up("websocket connected; answers pings"));
    assertThat(ReadinessPolicy.socket(SlackLinkState.Socket.RECONNECTING))
        .isEqualTo(DependencyStatus.down("websocket not connected; reconnecting"));
  }

  @Test
  void slack_requiredOnlyInSocketMode() {
    SlackLinkState idle =
        new SlackLinkState(SlackLinkState.Socket.NOT_STARTED, Optional.empty(), Optional.empty());

    Readiness.Check socketMode = ReadinessPolicy.slack(true, () -> idle, new MutableClock(NOW));
    Readiness.Check httpMode = ReadinessPolicy.slack(false, () -> idle, new MutableClock(NOW));

    assertThat(socketMode.required()).isTrue();
    assertThat(socketMode.name()).isEqualTo("Slack (Socket Mode)");
    assertThat(httpMode.required()).isFalse();
    assertThat(httpMode.probe().get())
        .isEqualTo(DependencyStatus.unknown("no Web API call since start"));
  }

  @Test
  void audit_failing_isDownSayingWhatHappensToLookups() {
    AuditLog.Health failing =
        new AuditLog.Health(Optional.of(NOW.minusSeconds(10)), 1, "disk full");

    assertThat(ReadinessPolicy.audit(failing, AuditLog.OnFailure.REFUSE, NOW))
        .isEqualTo(
            DependencyStatus.down(
                "cannot write (disk full) since 10 s ago; 1 entry lost; lookups are withheld"));
    assertThat(
            ReadinessPolicy.audit(
                new AuditLog.Health(Optional.empty(), 0, ""), AuditLog.OnFailure.DELIVER, NOW))
        .isEqualTo(DependencyStatus.up("writing"));
  }
}

package dev.tracelookup;

import dev.tracelookup.backend.CheckResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.incidents.IncidentCatalog;
import dev.tracelookup.incidents.SourceHealth;
import dev.tracelookup.server.DependencyStatus;
import dev.tracelookup.server.Readiness;
import dev.tracelookup.tickets.TicketFailure;
import dev.tracelookup.tickets.TicketResolvers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Builds what {@code /readyz} reports. The trace backend is asked with a cheap call and is the only
 * required dependency: without it no lookup can answer. Ticket systems are judged by their last
 * real call, not probed, since probes would spend their API rate limits; incident sources by their
 * last background refresh. Details are built here from kinds and ages, never from the failures'
 * own texts, which may quote what a server sent back.
 */
final class ReadinessWiring {
  private ReadinessWiring() {}

  static Readiness readiness(TraceBackend backend, TicketResolvers tickets, IncidentCatalog incidents,
      Executor executor, Clock clock) {
    List<Readiness.Check> checks = new ArrayList<>();
    checks.add(new Readiness.Check("backend", backend.displayName(), true, () -> backend(backend.check())));
    List<TicketResolvers.ConnectionState> connections = tickets.states();
    for (int i = 0; i < connections.size(); i++) {
      int index = i;
      TicketResolvers.ConnectionState connection = connections.get(i);
      checks.add(new Readiness.Check("ticket_system", connection.system().displayName() + " " + connection.host(),
          false, () -> ticket(tickets.states().get(index), clock.instant())));
    }
    List<SourceHealth> sources = incidents.health();
    for (int i = 0; i < sources.size(); i++) {
      int index = i;
      checks.add(new Readiness.Check("incident_source", sources.get(i).name(), false,
          () -> incident(incidents.health().get(index), clock.instant())));
    }
    return new Readiness(checks, executor, clock, Readiness.DEFAULT_TTL, Readiness.DEFAULT_TIMEOUT);
  }

  static DependencyStatus backend(CheckResult result) {
    return result.failure().map(failure -> DependencyStatus.down("check failed: " + label(failure.kind())))
        .orElseGet(() -> DependencyStatus.up("answered"));
  }

  static DependencyStatus ticket(TicketResolvers.ConnectionState connection, Instant now) {
    if (connection.lastCall().isEmpty()) {
      return DependencyStatus.unknown("configured; not called since start");
    }
    TicketResolvers.LastCall call = connection.lastCall().get();
    String ago = ago(call.at(), now);
    Optional<TicketFailure.Kind> failure = call.failure();
    String detail = "last call " + ago + failure.map(kind -> " failed: " + label(kind)).orElse(" answered");
    switch (failure.orElse(TicketFailure.Kind.NOT_FOUND)) {
      case RATE_LIMITED:
        return DependencyStatus.degraded(detail);
      case FORBIDDEN:
      case UNAVAILABLE:
        return DependencyStatus.down(detail);
      default:
        // The system answered: a ticket it does not have is about the link, not about the system.
        return DependencyStatus.up(detail);
    }
  }

  static DependencyStatus incident(SourceHealth source, Instant now) {
    String list = source.lastGood().map(at -> "the list from " + ago(at, now)).orElse("no list");
    switch (source.freshness()) {
      case FRESH:
        return DependencyStatus.up("refreshed; " + list);
      case STALE:
        return DependencyStatus.degraded("refreshes fail; serving " + list);
      case UNAVAILABLE:
        return DependencyStatus.down("refreshes fail; " + list + (source.lastGood().isPresent() ? " is too old" : "")
            + " to use");
      default:
        return DependencyStatus.unknown("first refresh not finished");
    }
  }

  private static String ago(Instant then, Instant now) {
    return Math.max(0, Duration.between(then, now).toSeconds()) + " s ago";
  }

  private static String label(Enum<?> kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}

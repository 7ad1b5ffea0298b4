package dev.tracelookup;

import dev.tracelookup.backend.CheckResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.incidents.IncidentCatalog;
import dev.tracelookup.incidents.SourceHealth;
import dev.tracelookup.privacy.AuditLog;
import dev.tracelookup.config.Config;
import dev.tracelookup.server.DependencyStatus;
import dev.tracelookup.server.Readiness;
import dev.tracelookup.slack.SlackLink;
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
    return readiness(backend, tickets, incidents, List.of(), executor, clock);
  }

  /** @param faces checks of the faces the bot serves: the Slack link, the audit log */
  static Readiness readiness(TraceBackend backend, TicketResolvers tickets, IncidentCatalog incidents,
      List<Readiness.Check> faces, Executor executor, Clock clock) {
    List<Readiness.Check> checks = new ArrayList<>();
    checks.add(new Readiness.Check("backend", backend.displayName(), true, () -> backend(backend.check())));
    checks.addAll(faces);
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

  /**
   * The Slack link. In Socket Mode it is required: while the websocket is down no request arrives,
   * so the bot can take nothing. In HTTP mode Slack calls in on its own; the last Web API call says
   * whether answers can still be posted (a refused token is down, other failures degraded).
   */
  static Readiness.Check slack(SlackLink link, boolean socketMode, Clock clock) {
    return socketMode
        ? new Readiness.Check("slack", "Slack (Socket Mode)", true, () -> socket(link))
        : new Readiness.Check("slack", "Slack Web API", false, () -> webApi(link, clock.instant()));
  }

  /**
   * The audit log. When it refuses on failure it is required: while it cannot write, every lookup
   * is withheld, so the bot cannot serve. A failing log is tried again by the check itself, so it
   * reports its recovery even while no traffic arrives.
   */
  static Readiness.Check audit(AuditLog log, Config.Audit audit, Clock clock) {
    String name = audit.file().map(file -> "audit log (file)").orElse("audit log (standard output)");
    return new Readiness.Check("audit_log", name, log.onFailure() == AuditLog.OnFailure.REFUSE,
        () -> audit(log.health(), log.onFailure(), clock.instant()));
  }

  static DependencyStatus audit(AuditLog.Health health, AuditLog.OnFailure onFailure, Instant now) {
    if (!health.failing()) {
      return DependencyStatus.up("writing");
    }
    String detail = "cannot write (" + health.reason() + ") since " + ago(health.since().orElseThrow(), now) + "; "
        + health.lost() + (health.lost() == 1 ? " entry" : " entries") + " lost; "
        + (onFailure == AuditLog.OnFailure.REFUSE ? "lookups are withheld" : "answers are delivered unaudited");
    return DependencyStatus.down(detail);
  }

  static DependencyStatus socket(SlackLink link) {
    if (!link.socketStarted()) {
      return DependencyStatus.down("not connected yet");
    }
    return link.socketConnected() ? DependencyStatus.up("websocket connected; answers pings")
        : DependencyStatus.down("websocket not connected; reconnecting");
  }

  static DependencyStatus webApi(SlackLink link, Instant now) {
    Optional<SlackLink.Call> last = link.lastCall();
    if (last.isEmpty()) {
      return DependencyStatus.unknown("no Web API call since start");
    }
    SlackLink.Call call = last.get();
    String detail = "last call (" + call.method() + ") " + ago(call.at(), now);
    if (call.ok()) {
      return DependencyStatus.up(detail + " answered");
    }
    String failed = detail + " failed: " + call.error() + link.lastSuccess()
        .map(ok -> "; last answer " + ago(ok.at(), now)).orElse("");
    return call.tokenRefused() ? DependencyStatus.down(failed) : DependencyStatus.degraded(failed);
  }

  private static String ago(Instant then, Instant now) {
    return Math.max(0, Duration.between(then, now).toSeconds()) + " s ago";
  }

  private static String label(Enum<?> kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}

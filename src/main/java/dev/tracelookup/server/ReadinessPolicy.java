package dev.tracelookup.server;

import dev.tracelookup.backend.CheckResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.config.Config;
import dev.tracelookup.incidents.SourceHealth;
import dev.tracelookup.privacy.AuditLog;
import dev.tracelookup.tickets.TicketFailure;
import dev.tracelookup.tickets.TicketResolvers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code /readyz} checks of each dependency, which ones the bot cannot serve without, and how
 * what is known of each reads. The trace backend is asked with a cheap call and is always required:
 * without it no lookup can answer. Ticket systems are judged by their last real call, not probed,
 * since probes would spend their API rate limits; incident sources by their last background
 * refresh. Details are built here from kinds and ages, never from the failures' own texts, which
 * may quote what a server sent back.
 */
public final class ReadinessPolicy {
  private ReadinessPolicy() {}

  /** Returns the check of the trace backend: required. */
  public static Readiness.Check backend(TraceBackend backend) {
    return new Readiness.Check(
        "backend", backend.displayName(), true, () -> backend(backend.check()));
  }

  /** Returns the check of a connected ticket system, named by the system and host it serves. */
  public static Readiness.Check ticketSystem(
      Supplier<TicketResolvers.ConnectionState> connection, Clock clock) {
    TicketResolvers.ConnectionState named = connection.get();
    return new Readiness.Check(
        "ticket_system",
        named.system().displayName() + " " + named.host(),
        false,
        () -> ticket(connection.get(), clock.instant()));
  }

  /** Returns the check of an incident source. */
  public static Readiness.Check incidentSource(Supplier<SourceHealth> health, Clock clock) {
    return new Readiness.Check(
        "incident_source",
        health.get().name(),
        false,
        () -> incident(health.get(), clock.instant()));
  }

  /**
   * Returns the check of the Slack link. In Socket Mode it is required: while the websocket is down
   * no request arrives, so the bot can take nothing. In HTTP mode Slack calls in on its own; the
   * last Web API call says whether answers can still be posted (a refused token is down, other
   * failures degraded).
   */
  public static Readiness.Check slack(
      boolean socketMode, Supplier<SlackLinkState> link, Clock clock) {
    return socketMode
        ? new Readiness.Check(
            "slack", "Slack (Socket Mode)", true, () -> socket(link.get().socket()))
        : new Readiness.Check(
            "slack", "Slack Web API", false, () -> webApi(link.get(), clock.instant()));
  }

  /**
   * Returns the check of the audit log. When it refuses on failure it is required: while it cannot
   * write, every lookup is withheld, so the bot cannot serve. A failing log is tried again by the
   * check itself, so it reports its recovery even while no traffic arrives.
   */
  public static Readiness.Check audit(AuditLog log, Config.Audit audit, Clock clock) {
    String name =
        audit.file().map(file -> "audit log (file)").orElse("audit log (standard output)");
    return new Readiness.Check(
        "audit_log",
        name,
        log.onFailure() == AuditLog.OnFailure.REFUSE,
        () -> audit(log.health(), log.onFailure(), clock.instant()));
  }

  /** Returns how a backend check reads. */
  public static DependencyStatus backend(CheckResult result) {
    return result
        .failure()
        .map(failure -> DependencyStatus.down("check failed: " + label(failure.kind())))
        .orElseGet(() -> DependencyStatus.up("answered"));
  }

  /** Returns how a ticket system's last call reads. */
  public static DependencyStatus ticket(TicketResolvers.ConnectionState connection, Instant now) {
    if (connection.lastCall().isEmpty()) {
      return DependencyStatus.unknown("configured; not called since start");
    }
    TicketResolvers.LastCall call = connection.lastCall().get();
    Optional<TicketFailure.Kind> failure = call.failure();
    String detail =
        "last call "
            + ago(call.at(), now)
            + failure.map(kind -> " failed: " + label(kind)).orElse(" answered");
    return new DependencyStatus(
        failure.map(ReadinessPolicy::ticketState).orElse(DependencyStatus.State.UP), detail);
  }

  private static DependencyStatus.State ticketState(TicketFailure.Kind failure) {
    return switch (failure) {
      // INTERNAL: the system answered and the bot failed to read it; links of other systems still
      // work.
      case RATE_LIMITED, INTERNAL -> DependencyStatus.State.DEGRADED;
      case FORBIDDEN, UNAVAILABLE -> DependencyStatus.State.DOWN;
      // The system answered: a ticket it does not have is about the link, not about the system.
      case NOT_FOUND, UNKNOWN_SYSTEM, NOT_CONFIGURED -> DependencyStatus.State.UP;
    };
  }

  /** Returns how an incident source's refreshes read. */
  public static DependencyStatus incident(SourceHealth source, Instant now) {
    String list = source.lastGood().map(at -> "the list from " + ago(at, now)).orElse("no list");
    return switch (source.freshness()) {
      case FRESH -> DependencyStatus.up("refreshed; " + list);
      case STALE -> DependencyStatus.degraded("refreshes fail; serving " + list);
      case UNAVAILABLE ->
          DependencyStatus.down(
              "refreshes fail; "
                  + list
                  + (source.lastGood().isPresent() ? " is too old" : "")
                  + " to use");
      case PENDING -> DependencyStatus.unknown("first refresh not finished");
    };
  }

  /** Returns how the audit log's health reads. */
  public static DependencyStatus audit(
      AuditLog.Health health, AuditLog.OnFailure onFailure, Instant now) {
    if (!health.failing()) {
      return DependencyStatus.up("writing");
    }
    String detail =
        "cannot write ("
            + health.reason()
            + ") since "
            + ago(health.since().orElseThrow(), now)
            + "; "
            + health.lost()
            + (health.lost() == 1 ? " entry" : " entries")
            + " lost; "
            + (onFailure == AuditLog.OnFailure.REFUSE
                ? "lookups are withheld"
                : "answers are delivered unaudited");
    return DependencyStatus.down(detail);
  }

  /** Returns how the Socket Mode websocket reads. */
  public static DependencyStatus socket(SlackLinkState.Socket socket) {
    return switch (socket) {
      case NOT_STARTED -> DependencyStatus.down("not connected yet");
      case CONNECTED -> DependencyStatus.up("websocket connected; answers pings");
      case RECONNECTING -> DependencyStatus.down("websocket not connected; reconnecting");
    };
  }

  /** Returns how the last Slack Web API calls read. */
  public static DependencyStatus webApi(SlackLinkState link, Instant now) {
    if (link.lastCall().isEmpty()) {
      return DependencyStatus.unknown("no Web API call since start");
    }
    SlackLinkState.WebApiCall call = link.lastCall().get();
    String detail = "last call (" + call.method() + ") " + ago(call.at(), now);
    if (call.ok()) {
      return DependencyStatus.up(detail + " answered");
    }
    String failed =
        detail
            + " failed: "
            + call.error()
            + link.lastAnswer().map(at -> "; last answer " + ago(at, now)).orElse("");
    return call.tokenRefused() ? DependencyStatus.down(failed) : DependencyStatus.degraded(failed);
  }

  private static String ago(Instant then, Instant now) {
    return Math.max(0, Duration.between(then, now).toSeconds()) + " s ago";
  }

  private static String label(Enum<?> kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}

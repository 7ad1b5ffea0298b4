package dev.tracelookup.incidents.remote;

import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Normalises Statuspage incidents to windows. */
final class StatuspageMapper {
  private StatuspageMapper() {}

  /**
   * Returns the incident, or empty for one that has not begun (a scheduled maintenance) or lacks an
   * ID or a start. Start: {@code started_at}, else {@code created_at}; end: {@code resolved_at},
   * else {@code updated_at}.
   */
  static Optional<Incident> toIncident(
      StatuspageJson.Incident wire, String source, Optional<String> pageUrl) {
    Optional<IncidentStatus> status = status(wire.status());
    Optional<Instant> started =
        WireJson.time(wire.startedAt()).or(() -> WireJson.time(wire.createdAt()));
    if (wire.id() == null || status.isEmpty() || started.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> end =
        WireJson.time(wire.resolvedAt()).or(() -> WireJson.time(wire.updatedAt()));
    Optional<Instant> resolved =
        status.get() == IncidentStatus.RESOLVED
            ? Optional.of(WireJson.latest(started.get(), end))
            : Optional.empty();
    Optional<String> link =
        Optional.ofNullable(wire.shortlink())
            .filter(url -> !url.isBlank())
            .or(() -> pageUrl.map(page -> page.replaceAll("/+$", "") + "/incidents/" + wire.id()));
    return Optional.of(
        new Incident(
            wire.id(),
            wire.name(),
            status.get(),
            started.get(),
            resolved,
            services(wire),
            Optional.empty(),
            link,
            Optional.empty(),
            source));
  }

  /** Returns the status; empty for a maintenance that has not started. */
  private static Optional<IncidentStatus> status(String wire) {
    switch (wire == null ? "" : wire.toLowerCase(Locale.ROOT)) {
      case "scheduled":
        return Optional.empty();
      case "identified":
      case "in_progress":
        return Optional.of(IncidentStatus.IDENTIFIED);
      case "monitoring":
      case "verifying":
        return Optional.of(IncidentStatus.MONITORING);
      case "resolved":
      case "postmortem":
      case "completed":
        return Optional.of(IncidentStatus.RESOLVED);
      default:
        return Optional.of(IncidentStatus.INVESTIGATING);
    }
  }

  /**
   * Returns component names and IDs, from the incident and from each update's affected components.
   */
  private static Set<String> services(StatuspageJson.Incident wire) {
    Set<String> names = new HashSet<>();
    for (StatuspageJson.Component component : WireJson.orEmpty(wire.components())) {
      WireJson.addPresent(names, component.name(), component.id());
    }
    for (StatuspageJson.Update update : WireJson.orEmpty(wire.incidentUpdates())) {
      for (StatuspageJson.AffectedComponent affected :
          WireJson.orEmpty(update.affectedComponents())) {
        WireJson.addPresent(names, affected.name(), affected.code());
      }
    }
    return names;
  }
}

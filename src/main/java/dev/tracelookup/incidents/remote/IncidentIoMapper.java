package dev.tracelookup.incidents.remote;

import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Normalises incident.io incidents to windows, reading the fields the organisation configured. */
final class IncidentIoMapper {
  private final String source;
  private final IncidentIoSource.Fields fields;

  IncidentIoMapper(String source, IncidentIoSource.Fields fields) {
    this.source = source;
    this.fields = fields;
  }

  /**
   * Returns the incident, or empty for a test or tutorial, one declined, merged or canceled (no
   * real impact), or one lacking an ID or a creation time.
   */
  Optional<Incident> toIncident(IncidentIoJson.Incident wire) {
    Optional<IncidentStatus> status = status(wire.incidentStatus());
    Optional<Instant> created = WireJson.time(wire.createdAt());
    if (wire.id() == null || created.isEmpty() || status.isEmpty() || !realMode(wire.mode())) {
      return Optional.empty();
    }
    Instant started = timestamp(wire, fields.impactStarted()).orElse(created.get());
    Optional<Instant> end =
        timestamp(wire, fields.resolved()).or(() -> WireJson.time(wire.updatedAt()));
    Optional<Instant> resolved =
        status.get() == IncidentStatus.RESOLVED
            ? Optional.of(WireJson.latest(started, end))
            : Optional.empty();
    String id =
        wire.reference() == null || wire.reference().isBlank() ? wire.id() : wire.reference();
    return Optional.of(
        new Incident(
            id,
            wire.name(),
            status.get(),
            started,
            resolved,
            services(wire),
            Optional.empty(),
            Optional.ofNullable(wire.permalink()),
            Optional.empty(),
            source));
  }

  private static boolean realMode(String mode) {
    return !"test".equalsIgnoreCase(mode) && !"tutorial".equalsIgnoreCase(mode);
  }

  /** Maps the status category; within live, the status name says how far the response got. */
  private static Optional<IncidentStatus> status(IncidentIoJson.Status wire) {
    String category =
        wire == null || wire.category() == null ? "" : wire.category().toLowerCase(Locale.ROOT);
    String name = wire == null || wire.name() == null ? "" : wire.name().toLowerCase(Locale.ROOT);
    switch (category) {
      case "declined":
      case "merged":
      case "canceled":
        return Optional.empty();
      case "learning":
      case "closed":
        return Optional.of(IncidentStatus.RESOLVED);
      case "paused":
        return Optional.of(IncidentStatus.IDENTIFIED);
      default:
        return Optional.of(
            name.contains("monitor")
                ? IncidentStatus.MONITORING
                : name.contains("fix") || name.contains("identif")
                    ? IncidentStatus.IDENTIFIED
                    : IncidentStatus.INVESTIGATING);
    }
  }

  private static Optional<Instant> timestamp(IncidentIoJson.Incident wire, String timestampName) {
    for (IncidentIoJson.TimestampValue value : WireJson.orEmpty(wire.incidentTimestampValues())) {
      if (value.incidentTimestamp() != null
          && timestampName.equalsIgnoreCase(value.incidentTimestamp().name())
          && value.value() != null) {
        return WireJson.time(value.value().value());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns every value of the services field: catalog entry names, external IDs and aliases,
   * options, text.
   */
  private Set<String> services(IncidentIoJson.Incident wire) {
    Set<String> names = new HashSet<>();
    for (IncidentIoJson.CustomFieldEntry entry : WireJson.orEmpty(wire.customFieldEntries())) {
      if (entry.customField() == null
          || !fields.services().equalsIgnoreCase(entry.customField().name())) {
        continue;
      }
      for (IncidentIoJson.CustomFieldValue value : WireJson.orEmpty(entry.values())) {
        IncidentIoJson.CatalogEntry catalog = value.valueCatalogEntry();
        if (catalog != null) {
          WireJson.addPresent(names, catalog.name(), catalog.externalId());
          WireJson.orEmpty(catalog.aliases()).forEach(alias -> WireJson.addPresent(names, alias));
        }
        WireJson.addPresent(
            names,
            value.valueOption() == null ? null : value.valueOption().value(),
            value.valueText());
      }
    }
    return names;
  }
}

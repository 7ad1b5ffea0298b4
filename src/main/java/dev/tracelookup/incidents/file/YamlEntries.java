package dev.tracelookup.incidents.file;

import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentSignature;
import dev.tracelookup.incidents.IncidentStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns file entries into incidents, or says which entry is wrong and why. */
final class YamlEntries {
  private YamlEntries() {}

  /** Thrown for an entry that cannot become an incident; the message names the entry. */
  static final class InvalidEntry extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidEntry(String message) {
      super(message);
    }
  }

  static Incident toIncident(YamlEntry entry, int number, String source) throws InvalidEntry {
    String where = "entry " + number + (entry.id() == null ? "" : " (" + entry.id() + ")");
    if (entry.id() == null || entry.id().isBlank()) {
      throw new InvalidEntry(where + ": id is missing");
    }
    Instant started =
        time(entry.startedAt(), "started_at", where)
            .orElseThrow(() -> new InvalidEntry(where + ": started_at is missing"));
    Optional<Instant> resolved = time(entry.resolvedAt(), "resolved_at", where);
    try {
      return new Incident(
          entry.id().trim(),
          entry.title(),
          status(entry.status(), resolved, where),
          started,
          resolved,
          Set.copyOf(entry.services() == null ? List.of() : entry.services()),
          signature(entry.signature()),
          Optional.ofNullable(entry.link()),
          Optional.ofNullable(entry.customerSummary()),
          source);
    } catch (IllegalArgumentException inconsistent) {
      // Incident names itself in its messages; the entry's label already does.
      String reason =
          inconsistent.getMessage().replaceFirst("^" + Pattern.quote(entry.id().trim()) + ": ", "");
      throw new InvalidEntry(where + ": " + reason);
    }
  }

  /** Returns the written status, or the one the resolution time implies. */
  private static IncidentStatus status(String written, Optional<Instant> resolved, String where)
      throws InvalidEntry {
    if (written == null || written.isBlank()) {
      return resolved.isPresent() ? IncidentStatus.RESOLVED : IncidentStatus.INVESTIGATING;
    }
    try {
      return IncidentStatus.valueOf(written.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new InvalidEntry(
          where
              + ": status "
              + written
              + " is not one of investigating, identified, monitoring,"
              + " resolved");
    }
  }

  private static Optional<Instant> time(String text, String key, String where) throws InvalidEntry {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
    } catch (DateTimeParseException unreadable) {
      throw new InvalidEntry(
          where
              + ": "
              + key
              + " "
              + text
              + " is not a time with an offset, like"
              + " 2026-02-06T14:12:00Z");
    }
  }

  private static Optional<IncidentSignature> signature(YamlEntry.Signature written)
      throws InvalidEntry {
    if (written == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new IncidentSignature(
              Optional.ofNullable(written.spanName()),
              Set.copyOf(written.httpStatus() == null ? List.of() : written.httpStatus()),
              Optional.ofNullable(written.exceptionType())));
    } catch (IllegalArgumentException empty) {
      throw new InvalidEntry("signature: " + empty.getMessage());
    }
  }
}

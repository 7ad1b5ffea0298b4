package dev.tracelookup.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a time-of-issue custom field, whatever type the admin gave it: a date-time (with or without
 * offset), Unix seconds (Intercom date attributes), a Jira option, or free text. A date without a
 * time says nothing about the hour, so it is not a time.
 */
final class FieldTime {
  /** Values above this are milliseconds rather than seconds (year 33658 in seconds). */
  private static final long MILLIS_THRESHOLD = 1_000_000_000_000L;

  private FieldTime() {}

  static Optional<Instant> read(JsonNode value, Instant reference, ZoneId zone) {
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isObject() && value.has("value")) {
      return read(value.get("value"), reference, zone);
    }
    if (value.isIntegralNumber() && value.asLong() > 0) {
      long number = value.asLong();
      return Optional.of(
          number > MILLIS_THRESHOLD ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number));
    }
    return value.isTextual() ? text(value.asText().trim(), reference, zone) : Optional.empty();
  }

  private static Optional<Instant> text(String text, Instant reference, ZoneId zone) {
    Optional<Instant> exact = Timestamps.parse(text);
    if (exact.isPresent()) {
      return exact;
    }
    try {
      return Optional.of(LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant());
    } catch (DateTimeParseException notLocal) {
      return StatedTime.find(text, reference, zone).map(StatedTime::at);
    }
  }
}

package dev.tracelookup.tickets;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the timestamps ticket systems send: ISO 8601 with {@code Z} (Zendesk, Freshdesk) or with
 * an offset Jira writes without a colon ({@code 2026-02-06T14:17:23.000+0000}).
 */
final class Timestamps {
  private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");

  private Timestamps() {}

  static Optional<Instant> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      String iso = COMPACT_OFFSET.matcher(text.trim()).replaceFirst("$1:$2");
      return Optional.of(OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeParseException notATimestamp) {
      return Optional.empty();
    }
  }
}

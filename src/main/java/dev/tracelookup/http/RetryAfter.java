package dev.tracelookup.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads {@code Retry-After}: delay seconds, or an HTTP date (RFC 9110 allows both). */
public final class RetryAfter {
  private static final Duration MAX = Duration.ofMinutes(10);

  private RetryAfter() {}

  /**
   * Returns the wait the header asks for (at most 10 minutes), or empty when absent or unreadable.
   */
  public static Optional<Duration> parse(Optional<String> header) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(cap(Duration.ofSeconds(seconds)));
    } catch (NumberFormatException notSeconds) {
      return date(value);
    }
  }

  private static Optional<Duration> date(String value) {
    try {
      ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
      return Optional.of(cap(wait.isNegative() ? Duration.ZERO : wait));
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }

  private static Duration cap(Duration wait) {
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}

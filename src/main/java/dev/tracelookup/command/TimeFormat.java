package dev.tracelookup.command;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes times and zones the way the replies show them to agents. */
final class TimeFormat {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DATE_TIME_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private TimeFormat() {}

  /** Returns "2026-02-06 14:17" (with seconds when there are some). */
  static String dateTime(ZonedDateTime at) {
    return (at.getSecond() == 0 ? DATE_TIME : DATE_TIME_SECONDS).format(at);
  }

  /** Returns "14:17" (with seconds when there are some). */
  static String time(ZonedDateTime at) {
    return (at.getSecond() == 0 ? TIME : TIME_SECONDS).format(at);
  }

  /** Returns the zone as agents know it: "UTC" rather than "Z". */
  static String zone(ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }
}

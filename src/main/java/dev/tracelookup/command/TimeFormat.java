package dev.tracelookup.command;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes times, zones and lengths the way the replies show them to agents. */
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

  /** Returns "15 min", "1 hour", "1 h 30 min", "2 hours", "7 days". */
  static String length(Duration length) {
    long minutes = length.toMinutes();
    if (minutes == 0) {
      return length.toSeconds() + " s";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (minutes % 60 != 0) {
      return hours + " h " + minutes % 60 + " min";
    }
    if (hours >= 48 && hours % 24 == 0) {
      return hours / 24 + " days";
    }
    return hours == 1 ? "1 hour" : hours + " hours";
  }
}

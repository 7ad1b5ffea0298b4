package dev.tracelookup.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times read on every card: 24-hour UTC, 12-hour in the agent's zone. */
final class TimeFormats {
  private static final DateTimeFormatter UTC_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter UTC_CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR_MINUTE =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DATE_HOUR_MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter LOCAL_CLOCK =
      DateTimeFormatter.ofPattern("h:mm", Locale.US);
  private static final DateTimeFormatter LOCAL_CLOCK_SECONDS =
      DateTimeFormatter.ofPattern("h:mm:ss a", Locale.US);
  private static final DateTimeFormatter AM_PM = DateTimeFormatter.ofPattern("a", Locale.US);
  private static final DateTimeFormatter LOCAL_DAY =
      DateTimeFormatter.ofPattern("MMM d", Locale.US);

  private TimeFormats() {}

  /** Returns {@code 2026-02-06 14:17:23 UTC}. */
  static String utcTimestamp(Instant instant) {
    return UTC_TIMESTAMP.format(instant);
  }

  /** Returns {@code 14:17:23 UTC}. */
  static String utcClock(Instant instant) {
    return UTC_CLOCK.format(instant);
  }

  /** Returns {@code 9:17:23 AM} in the zone. */
  static String localClock(Instant instant, ZoneId zone) {
    return LOCAL_CLOCK_SECONDS.format(instant.atZone(zone));
  }

  /** Returns the UTC date of the instant, {@code 2026-02-06}. */
  static String utcDate(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  /** Returns {@code 2026-02-06 14:00–14:30 UTC}, or both dated ends across midnight UTC. */
  static String utcWindow(Instant from, Instant to) {
    String range = utcRange(from, to);
    return utcDate(from).equals(utcDate(to)) ? utcDate(from) + " " + range : range;
  }

  /** Returns {@code 14:00–14:30 UTC}, with dates when the window crosses midnight UTC. */
  static String utcRange(Instant from, Instant to) {
    ZonedDateTime start = from.atZone(ZoneOffset.UTC);
    ZonedDateTime end = to.atZone(ZoneOffset.UTC);
    if (start.toLocalDate().equals(end.toLocalDate())) {
      return HOUR_MINUTE.format(start) + "–" + HOUR_MINUTE.format(end) + " UTC";
    }
    return DATE_HOUR_MINUTE.format(start) + " – " + DATE_HOUR_MINUTE.format(end) + " UTC";
  }

  /**
   * Returns {@code between 14:00 and 14:30 UTC}, with dates when the window crosses midnight UTC.
   */
  static String utcBetween(Instant from, Instant to) {
    ZonedDateTime start = from.atZone(ZoneOffset.UTC);
    ZonedDateTime end = to.atZone(ZoneOffset.UTC);
    DateTimeFormatter format =
        start.toLocalDate().equals(end.toLocalDate()) ? HOUR_MINUTE : DATE_HOUR_MINUTE;
    return "between " + format.format(start) + " and " + format.format(end) + " UTC";
  }

  /** Returns {@code 9:00–9:30 AM} or {@code 11:50 AM–12:20 PM}, with days when they differ. */
  static String localRange(Instant from, Instant to, ZoneId zone) {
    ZonedDateTime start = from.atZone(zone);
    ZonedDateTime end = to.atZone(zone);
    if (!start.toLocalDate().equals(end.toLocalDate())) {
      return localDayClock(start) + " – " + localDayClock(end);
    }
    String endText = LOCAL_CLOCK.format(end) + " " + AM_PM.format(end);
    if (AM_PM.format(start).equals(AM_PM.format(end))) {
      return LOCAL_CLOCK.format(start) + "–" + endText;
    }
    return LOCAL_CLOCK.format(start) + " " + AM_PM.format(start) + "–" + endText;
  }

  /** Returns whether the zone is UTC itself, so showing local times next to UTC adds nothing. */
  static boolean isUtc(ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC);
  }

  private static String localDayClock(ZonedDateTime time) {
    return LOCAL_DAY.format(time) + " " + LOCAL_CLOCK.format(time) + " " + AM_PM.format(time);
  }
}

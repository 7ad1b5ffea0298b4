package dev.tracelookup.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes instants, windows and zones the way replies and cards show them: 24-hour in UTC or in the
 * zone the agent's words were read in, 12-hour in the agent's own zone.
 */
public final class TimeFormat {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DATE_TIME_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TIME_SECONDS =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter UTC_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter UTC_CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL_CLOCK =
      DateTimeFormatter.ofPattern("h:mm", Locale.US);
  private static final DateTimeFormatter LOCAL_CLOCK_SECONDS =
      DateTimeFormatter.ofPattern("h:mm:ss a", Locale.US);
  private static final DateTimeFormatter AM_PM = DateTimeFormatter.ofPattern("a", Locale.US);
  private static final DateTimeFormatter LOCAL_DAY =
      DateTimeFormatter.ofPattern("MMM d", Locale.US);

  private TimeFormat() {}

  /** Returns "2026-02-06 14:17" (with seconds when there are some), in the time's own zone. */
  public static String dateTime(ZonedDateTime at) {
    return (at.getSecond() == 0 ? DATE_TIME : DATE_TIME_SECONDS).format(at);
  }

  /** Returns "14:17" (with seconds when there are some), in the time's own zone. */
  public static String time(ZonedDateTime at) {
    return (at.getSecond() == 0 ? TIME : TIME_SECONDS).format(at);
  }

  /** Returns the zone as agents know it: "UTC" rather than "Z". */
  public static String zone(ZoneId zone) {
    return isUtc(zone) ? "UTC" : zone.getId();
  }

  /** Returns whether the zone is UTC itself, so showing local times next to UTC adds nothing. */
  public static boolean isUtc(ZoneId zone) {
    return zone.normalized().equals(ZoneOffset.UTC);
  }

  /** Returns {@code 2026-02-06 14:17:23 UTC}. */
  public static String utcTimestamp(Instant instant) {
    return UTC_TIMESTAMP.format(instant);
  }

  /** Returns {@code 2026-02-06 14:17 UTC}, to the minute. */
  public static String utcDateTime(Instant instant) {
    return DATE_TIME.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
  }

  /** Returns {@code 14:17:23 UTC}. */
  public static String utcClock(Instant instant) {
    return UTC_CLOCK.format(instant);
  }

  /** Returns {@code 9:17:23 AM} in the zone. */
  public static String localClock(Instant instant, ZoneId zone) {
    return LOCAL_CLOCK_SECONDS.format(instant.atZone(zone));
  }

  /** Returns the UTC date of the instant, {@code 2026-02-06}. */
  public static String utcDate(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  /** Returns {@code 2026-02-06 14:00–14:30 UTC}, or both dated ends across midnight UTC. */
  public static String utcWindow(Instant from, Instant to) {
    String range = utcRange(from, to);
    return utcDate(from).equals(utcDate(to)) ? utcDate(from) + " " + range : range;
  }

  /** Returns {@code 14:00–14:30 UTC}, with dates when the window crosses midnight UTC. */
  public static String utcRange(Instant from, Instant to) {
    ZonedDateTime start = from.atZone(ZoneOffset.UTC);
    ZonedDateTime end = to.atZone(ZoneOffset.UTC);
    if (start.toLocalDate().equals(end.toLocalDate())) {
      return TIME.format(start) + "–" + TIME.format(end) + " UTC";
    }
    return DATE_TIME.format(start) + " – " + DATE_TIME.format(end) + " UTC";
  }

  /**
   * Returns {@code between 14:00 and 14:30 UTC}, with dates when the window crosses midnight UTC.
   */
  public static String utcBetween(Instant from, Instant to) {
    ZonedDateTime start = from.atZone(ZoneOffset.UTC);
    ZonedDateTime end = to.atZone(ZoneOffset.UTC);
    DateTimeFormatter format = start.toLocalDate().equals(end.toLocalDate()) ? TIME : DATE_TIME;
    return "between " + format.format(start) + " and " + format.format(end) + " UTC";
  }

  /** Returns {@code 9:00–9:30 AM} or {@code 11:50 AM–12:20 PM}, with days when they differ. */
  public static String localRange(Instant from, Instant to, ZoneId zone) {
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

  private static String localDayClock(ZonedDateTime time) {
    return LOCAL_DAY.format(time) + " " + LOCAL_CLOCK.format(time) + " " + AM_PM.format(time);
  }
}

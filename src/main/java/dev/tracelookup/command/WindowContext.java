package dev.tracelookup.command;

import dev.tracelookup.time.DayRef;
import dev.tracelookup.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Where and when the agent's words are read: the moment of reading, the zone, whether the command
 * named that zone, and the half window.
 */
record WindowContext(Instant now, ZoneId zone, boolean zoneNamed, Duration half) {

  LocalDate today() {
    return LocalDate.ofInstant(now, zone);
  }

  /**
   * Returns the moment on the time line; a wall-clock time is put {@code daysBack} days before the
   * day it names. Times in a daylight-saving gap move forward, as the clocks did.
   */
  ZonedDateTime place(Moment moment, int daysBack) {
    if (moment instanceof Moment.Fixed fixed) {
      return fixed.at();
    }
    Moment.Wall wall = (Moment.Wall) moment;
    LocalDate date = wall.day().on(today()).minusDays(daysBack);
    return ZonedDateTime.of(date, wall.time().time(), zone);
  }

  /** Returns whether the moment is a time of day with no day named, which may mean yesterday. */
  boolean unnamedDay(Moment moment) {
    return moment instanceof Moment.Wall wall && wall.day() instanceof DayRef.Unnamed;
  }

  /**
   * Returns the zone the window is shown in: the one named, else the one the time was written in.
   */
  ZoneId windowZone(ZonedDateTime at) {
    return zoneNamed ? zone : at.getZone();
  }

  /** Returns "2:15 PM America/New_York", "2:15 PM yesterday (UTC)", "2026-02-06 14:17:23 UTC". */
  String describe(Moment moment, ZonedDateTime at) {
    if (moment instanceof Moment.Wall wall) {
      return withDay(wall.time().describe(), dayWords(wall, at.toLocalDate()));
    }
    return TimeFormat.dateTime(at) + " " + TimeFormat.zone(at.getZone());
  }

  /**
   * Returns "14:00–14:30 UTC", "2pm–3pm yesterday (UTC)", "2026-02-05 23:30–2026-02-06 00:30 UTC".
   */
  String describeRange(TimeExpression.Between range, ZonedDateTime start, ZonedDateTime end) {
    boolean sameDay = start.toLocalDate().equals(end.toLocalDate());
    if (sameDay
        && range.start() instanceof Moment.Wall from
        && range.end() instanceof Moment.Wall to) {
      return withDay(
          from.time().describe() + "–" + to.time().describe(), dayWords(from, start.toLocalDate()));
    }
    ZonedDateTime endThere = end.withZoneSameInstant(start.getZone());
    String until =
        endThere.toLocalDate().equals(start.toLocalDate())
            ? TimeFormat.time(endThere)
            : TimeFormat.dateTime(endThere);
    return TimeFormat.dateTime(start) + "–" + until + " " + TimeFormat.zone(start.getZone());
  }

  private String dayWords(Moment.Wall wall, LocalDate date) {
    if (wall.day() instanceof DayRef.Unnamed) {
      return date.equals(today()) ? "" : "yesterday";
    }
    return wall.day().describe(date);
  }

  private String withDay(String time, String dayWords) {
    String zoneName = TimeFormat.zone(zone);
    return dayWords.isEmpty()
        ? time + " " + zoneName
        : time + " " + dayWords + " (" + zoneName + ")";
  }
}

package dev.tracelookup.command;

import dev.tracelookup.time.DayRef;
import dev.tracelookup.time.TimeOfDay;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads ISO-8601 date-times: {@code 2026-02-06T14:15}, {@code 2026-02-06T14:17:23Z}, {@code
 * ...-05:00}.
 */
final class IsoText {
  private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\S*");

  private IsoText() {}

  /**
   * Returns whether the word is written like an ISO date-time, whether or not it is a valid one.
   */
  static boolean looksLikeIso(String word) {
    return SHAPE.matcher(word).matches();
  }

  /**
   * Returns the moment: fixed when the text carries an offset or zone, else a wall-clock time on
   * that date, to be read in the command's zone.
   */
  static Optional<Moment> parse(String text) {
    if (!looksLikeIso(text)) {
      return Optional.empty();
    }
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
      if (parsed instanceof ZonedDateTime zoned) {
        return Optional.of(new Moment.Fixed(zoned));
      }
      LocalDateTime local = LocalDateTime.from(parsed);
      DayRef day = new DayRef.OnDate(local.toLocalDate());
      return Optional.of(new Moment.Wall(day, new TimeOfDay(local.toLocalTime(), false)));
    } catch (DateTimeException unreadable) {
      return Optional.empty();
    }
  }
}

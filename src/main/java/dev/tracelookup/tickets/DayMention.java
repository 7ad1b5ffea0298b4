package dev.tracelookup.tickets;

import dev.tracelookup.time.Meridiem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day and part of day named in the words around a time: {@code yesterday}, {@code last
 * night}, {@code this morning}, {@code on Tuesday}, {@code 2026-02-06}.
 *
 * @param start where the day words begin, or the time's own start when there are none
 * @param end where they end
 */
record DayMention(Optional<Day> day, Meridiem partOfDay, int start, int end) {
  private static final Pattern DAY = Pattern.compile(
      "\\b(day before yesterday|yesterday|today|tonight|last night|this (?:morning|afternoon|evening)"
          + "|(?:last |on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
          + "|\\d{4}-\\d{2}-\\d{2})\\b");
  private static final Pattern PART = Pattern.compile("\\b(morning|afternoon|evening|night|tonight)\\b");
  private static final Pattern CLAUSE_END = Pattern.compile("[!?;\\n]|\\.\\s");
  private static final int REACH = 40;

  /** A way of naming a day relative to the day of the reference instant. */
  interface Day {
    LocalDate on(LocalDate reference);
  }

  /** Returns the day words in the same clause as the text between start and end, within reach. */
  static DayMention around(String lower, int start, int end) {
    int from = clauseStart(lower, start);
    int to = clauseEnd(lower, end);
    Matcher day = DAY.matcher(lower).region(from, to);
    Optional<Day> named = Optional.empty();
    int dayStart = start;
    int dayEnd = end;
    if (day.find()) {
      named = day(day.group(1));
      dayStart = Math.min(start, day.start());
      dayEnd = Math.max(end, day.end());
    }
    Matcher part = PART.matcher(lower).region(from, to);
    Meridiem half = part.find() ? Meridiem.ofPartOfDay(part.group(1)) : Meridiem.NONE;
    return new DayMention(named, half, dayStart, dayEnd);
  }

  private static int clauseStart(String lower, int start) {
    int from = Math.max(0, start - REACH);
    Matcher end = CLAUSE_END.matcher(lower).region(from, start);
    int clause = from;
    while (end.find()) {
      clause = end.end();
    }
    return clause;
  }

  private static int clauseEnd(String lower, int end) {
    int to = Math.min(lower.length(), end + REACH);
    Matcher clause = CLAUSE_END.matcher(lower).region(end, to);
    return clause.find() ? clause.start() : to;
  }

  private static Optional<Day> day(String words) {
    switch (words) {
      case "day before yesterday":
        return Optional.of(reference -> reference.minusDays(2));
      case "yesterday":
      case "last night":
        return Optional.of(reference -> reference.minusDays(1));
      case "today":
      case "tonight":
      case "this morning":
      case "this afternoon":
      case "this evening":
        return Optional.of(reference -> reference);
      default:
        return Character.isDigit(words.charAt(0)) ? date(words) : Optional.of(weekday(words));
    }
  }

  private static Optional<Day> date(String iso) {
    try {
      LocalDate date = LocalDate.parse(iso);
      return Optional.of(reference -> date);
    } catch (java.time.format.DateTimeParseException noSuchDay) {
      return Optional.empty();
    }
  }

  /** "on Tuesday" is the latest Tuesday up to the reference day; "last Tuesday" is before it. */
  private static Day weekday(String words) {
    boolean strictlyBefore = words.startsWith("last ");
    String name = words.substring(words.indexOf(' ') + 1).toUpperCase(Locale.ROOT);
    DayOfWeek dayOfWeek = DayOfWeek.valueOf(name);
    return reference -> reference.with(strictlyBefore
        ? TemporalAdjusters.previous(dayOfWeek) : TemporalAdjusters.previousOrSame(dayOfWeek));
  }
}

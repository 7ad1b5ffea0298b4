package dev.tracelookup.command;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the day words: {@code today}, {@code yesterday}, {@code 2026-02-06}, and US-style
 * {@code 2/6} or {@code 2/6/2026} (month first, as the team writes them).
 */
final class DayText {
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?");

  private DayText() {}

  /** Returns whether a lower-case word is written like a date, whether or not that day exists. */
  static boolean looksLikeDate(String word) {
    return ISO_DATE.matcher(word).matches() || MONTH_DAY.matcher(word).matches();
  }

  /** Returns the day a lower-case word names, or empty when it names none ("2026-02-30" included). */
  static Optional<DayRef> parse(String word) {
    if (word.equals("today")) {
      return Optional.of(new DayRef.DaysAgo(0, "today"));
    }
    if (word.equals("yesterday")) {
      return Optional.of(new DayRef.DaysAgo(1, "yesterday"));
    }
    try {
      return isoDate(word).or(() -> monthDay(word));
    } catch (DateTimeException noSuchDay) {
      return Optional.empty();
    }
  }

  private static Optional<DayRef> isoDate(String word) {
    Matcher date = ISO_DATE.matcher(word);
    if (!date.matches()) {
      return Optional.empty();
    }
    return Optional.of(new DayRef.OnDate(LocalDate.of(number(date, 1), number(date, 2), number(date, 3))));
  }

  private static Optional<DayRef> monthDay(String word) {
    Matcher date = MONTH_DAY.matcher(word);
    if (!date.matches()) {
      return Optional.empty();
    }
    if (date.group(3) == null) {
      return Optional.of(new DayRef.OnMonthDay(MonthDay.of(number(date, 1), number(date, 2))));
    }
    int year = number(date, 3) + (date.group(3).length() == 2 ? 2000 : 0);
    return Optional.of(new DayRef.OnDate(LocalDate.of(year, number(date, 1), number(date, 2))));
  }

  private static int number(Matcher date, int group) {
    return Integer.parseInt(date.group(group));
  }
}

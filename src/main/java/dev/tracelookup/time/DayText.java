package dev.tracelookup.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the words that name a day: {@code today}, {@code yesterday}, {@code 2026-02-06}, {@code
 * 2/6} or {@code 2/6/2026} (month first unless a {@link DateOrder} says otherwise), month names
 * ({@code Feb 6}, {@code 6 February}) in commands, and the longer ways customers say it in tickets
 * ({@code last night}, {@code this morning}, {@code on Tuesday}). A date that does not exist
 * ({@code 2026-02-30}) names no day.
 */
public final class DayText {
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern MONTH_DAY =
      Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?");
  private static final Pattern DAY_OF_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?,?");
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
  private static final Pattern WEEKDAY =
      Pattern.compile("(last |on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)");

  /** The days counted back that a command takes too. */
  private static final Map<String, Integer> DAYS_AGO = Map.of("today", 0, "yesterday", 1);

  /** The days counted back only prose says; in a command they stay unknown words. */
  private static final Map<String, Integer> SPOKEN_DAYS_AGO =
      Map.of(
          "day before yesterday", 2,
          "last night", 1,
          "tonight", 0,
          "this morning", 0,
          "this afternoon", 0,
          "this evening", 0);

  private DayText() {}

  /** Returns whether a lower-case word is written like a date, whether or not that day exists. */
  public static boolean looksLikeDate(String word) {
    return ISO_DATE.matcher(word).matches() || MONTH_DAY.matcher(word).matches();
  }

  /**
   * Returns the day a lower-case word of a command names: {@code today}, {@code yesterday}, an ISO
   * or a US-style date; empty when it names none ({@code 2026-02-30} included).
   */
  public static Optional<DayRef> parse(String word) {
    return parse(word, DateOrder.MDY);
  }

  /**
   * Returns the day a lower-case word of a command names, reading a short date such as {@code 2/6}
   * in the given order.
   */
  public static Optional<DayRef> parse(String word, DateOrder order) {
    return daysAgo(word, DAYS_AGO)
        .or(() -> existing(() -> isoDate(word).or(() -> monthDay(word, order))));
  }

  /**
   * Returns the month a lower-case word names: {@code feb}, {@code feb.}, {@code february}, {@code
   * sept}.
   */
  public static Optional<Month> month(String word) {
    String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
    if (bare.length() < 3) {
      return Optional.empty();
    }
    for (Month month : Month.values()) {
      String name = month.name().toLowerCase(Locale.ROOT);
      boolean sept = month == Month.SEPTEMBER && bare.equals("sept");
      if (name.equals(bare) || name.substring(0, 3).equals(bare) || sept) {
        return Optional.of(month);
      }
    }
    return Optional.empty();
  }

  /** Returns the day of the month a lower-case word names: {@code 6}, {@code 06}, {@code 6th}. */
  public static Optional<Integer> dayOfMonth(String word) {
    Matcher day = DAY_OF_MONTH.matcher(word);
    if (!day.matches()) {
      return Optional.empty();
    }
    int number = Integer.parseInt(day.group(1));
    return number >= 1 && number <= 31 ? Optional.of(number) : Optional.empty();
  }

  /** Returns the year a word names, {@code 2026}, if it is a plausible four-digit year. */
  public static Optional<Integer> year(String word) {
    return YEAR.matcher(word).matches() ? Optional.of(Integer.parseInt(word)) : Optional.empty();
  }

  /**
   * Returns the day a month name and a day of it name ({@code Feb 6}), in the given year or, with
   * none, the latest such day not after the reference; empty when there is no such day (Feb 30).
   */
  public static Optional<DayRef> onMonthDay(Month month, int day, Optional<Integer> year) {
    return existing(
        () ->
            Optional.of(
                year.isPresent()
                    ? new DayRef.OnDate(LocalDate.of(year.get(), month, day))
                    : new DayRef.OnMonthDay(MonthDay.of(month, day))));
  }

  /**
   * Returns the day lower-case words of prose name: a day counted back ({@code yesterday}, {@code
   * day before yesterday}, {@code last night}, {@code this morning}), a weekday ({@code tuesday},
   * {@code on tuesday}, {@code last tuesday}) or an ISO date; empty when they name none.
   */
  public static Optional<DayRef> parsePhrase(String words) {
    return daysAgo(words, DAYS_AGO)
        .or(() -> daysAgo(words, SPOKEN_DAYS_AGO))
        .or(() -> weekday(words))
        .or(() -> existing(() -> isoDate(words)));
  }

  private static Optional<DayRef> daysAgo(String words, Map<String, Integer> known) {
    Integer days = known.get(words);
    return days == null ? Optional.empty() : Optional.of(new DayRef.DaysAgo(days, words));
  }

  private static Optional<DayRef> weekday(String words) {
    Matcher weekday = WEEKDAY.matcher(words);
    if (!weekday.matches()) {
      return Optional.empty();
    }
    DayOfWeek day = DayOfWeek.valueOf(weekday.group(2).toUpperCase(Locale.ROOT));
    return Optional.of(new DayRef.OnWeekday(day, "last ".equals(weekday.group(1))));
  }

  /** Returns the date read, or empty when the numbers name no day: "2026-02-30" is a typo. */
  private static Optional<DayRef> existing(Supplier<Optional<DayRef>> date) {
    try {
      return date.get();
    } catch (DateTimeException noSuchDay) {
      return Optional.empty();
    }
  }

  private static Optional<DayRef> isoDate(String word) {
    Matcher date = ISO_DATE.matcher(word);
    if (!date.matches()) {
      return Optional.empty();
    }
    LocalDate day = LocalDate.of(number(date, 1), number(date, 2), number(date, 3));
    return Optional.of(new DayRef.OnDate(day));
  }

  private static Optional<DayRef> monthDay(String word, DateOrder order) {
    Matcher date = MONTH_DAY.matcher(word);
    if (!date.matches()) {
      return Optional.empty();
    }
    int month = number(date, order == DateOrder.MDY ? 1 : 2);
    int day = number(date, order == DateOrder.MDY ? 2 : 1);
    if (date.group(3) == null) {
      return Optional.of(new DayRef.OnMonthDay(MonthDay.of(month, day)));
    }
    int year = number(date, 3) + (date.group(3).length() == 2 ? 2000 : 0);
    return Optional.of(new DayRef.OnDate(LocalDate.of(year, month, day)));
  }

  private static int number(Matcher date, int group) {
    return Integer.parseInt(date.group(group));
  }
}

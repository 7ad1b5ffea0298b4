package dev.tracelookup.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * Which day the words named for a time, resolved once the reference day is known: today's date in
 * the command's zone, or the day the ticket was written in the requester's.
 */
public sealed interface DayRef
    permits DayRef.Unnamed, DayRef.DaysAgo, DayRef.OnDate, DayRef.OnMonthDay, DayRef.OnWeekday {

  /** Returns the date meant, given the reference day. */
  LocalDate on(LocalDate reference);

  /** Returns how to say the day after a time: "", "yesterday", "on 2026-02-06". */
  String describe(LocalDate date);

  /** No day named: the reference day, unless the reader decides otherwise (a time still ahead). */
  record Unnamed() implements DayRef {
    @Override
    public LocalDate on(LocalDate reference) {
      return reference;
    }

    @Override
    public String describe(LocalDate date) {
      return "";
    }
  }

  /** A day counted back from the reference day: "today", "yesterday", "last night". */
  record DaysAgo(int days, String word) implements DayRef {
    public DaysAgo {
      Objects.requireNonNull(word, "word");
    }

    @Override
    public LocalDate on(LocalDate reference) {
      return reference.minusDays(days);
    }

    @Override
    public String describe(LocalDate date) {
      return word;
    }
  }

  /** A full date: "2026-02-06", "2/6/2026". */
  record OnDate(LocalDate date) implements DayRef {
    public OnDate {
      Objects.requireNonNull(date, "date");
    }

    @Override
    public LocalDate on(LocalDate reference) {
      return date;
    }

    @Override
    public String describe(LocalDate resolved) {
      return "on " + resolved;
    }
  }

  /** A month and day without a year ("2/6"): the latest such day not after the reference. */
  record OnMonthDay(MonthDay monthDay) implements DayRef {
    public OnMonthDay {
      Objects.requireNonNull(monthDay, "monthDay");
    }

    @Override
    public LocalDate on(LocalDate reference) {
      LocalDate thisYear = monthDay.atYear(reference.getYear());
      return thisYear.isAfter(reference) ? monthDay.atYear(reference.getYear() - 1) : thisYear;
    }

    @Override
    public String describe(LocalDate resolved) {
      return "on " + resolved;
    }
  }

  /**
   * A day of the week: "on Tuesday" is the latest Tuesday up to the reference day; "last Tuesday"
   * is the latest one before it.
   */
  record OnWeekday(DayOfWeek day, boolean strictlyBefore) implements DayRef {
    public OnWeekday {
      Objects.requireNonNull(day, "day");
    }

    @Override
    public LocalDate on(LocalDate reference) {
      return reference.with(
          strictlyBefore ? TemporalAdjusters.previous(day) : TemporalAdjusters.previousOrSame(day));
    }

    @Override
    public String describe(LocalDate resolved) {
      return "on " + resolved;
    }
  }
}

package dev.tracelookup.command;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/** Which day the agent named for a time, resolved once today's date in the command's zone is known. */
sealed interface DayRef permits DayRef.Unnamed, DayRef.DaysAgo, DayRef.OnDate, DayRef.OnMonthDay {

  /** Returns the date meant, given today's date in the command's zone. */
  LocalDate on(LocalDate today);

  /** Returns how to say the day after a time: "", "yesterday", "on 2026-02-06". */
  String describe(LocalDate date);

  /** No day named: today, unless that time is still ahead (then the resolver picks yesterday). */
  record Unnamed() implements DayRef {
    @Override
    public LocalDate on(LocalDate today) {
      return today;
    }

    @Override
    public String describe(LocalDate date) {
      return "";
    }
  }

  /** "today" or "yesterday". */
  record DaysAgo(int days, String word) implements DayRef {
    public DaysAgo {
      Objects.requireNonNull(word, "word");
    }

    @Override
    public LocalDate on(LocalDate today) {
      return today.minusDays(days);
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
    public LocalDate on(LocalDate today) {
      return date;
    }

    @Override
    public String describe(LocalDate resolved) {
      return "on " + resolved;
    }
  }

  /** A month and day without a year ("2/6"): the latest such day that is not after today. */
  record OnMonthDay(MonthDay monthDay) implements DayRef {
    public OnMonthDay {
      Objects.requireNonNull(monthDay, "monthDay");
    }

    @Override
    public LocalDate on(LocalDate today) {
      LocalDate thisYear = monthDay.atYear(today.getYear());
      return thisYear.isAfter(today) ? monthDay.atYear(today.getYear() - 1) : thisYear;
    }

    @Override
    public String describe(LocalDate resolved) {
      return "on " + resolved;
    }
  }
}

package dev.tracelookup.command;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of day as typed, before it is checked: {@code 2:15pm}, {@code 2pm}, {@code 14:15:30},
 * {@code noon}, or a bare {@code 2} that only counts when an AM/PM follows it.
 *
 * @param colon whether minutes were written, which makes "14:15" a time but "14" just a number
 */
record ClockText(int hour, int minute, int second, Meridiem meridiem, boolean colon) {
  private static final Pattern CLOCK =
      Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?((?:a|p)\\.?m\\.?)?");
  private static final Pattern MERIDIEM = Pattern.compile("(a|p)\\.?m\\.?");

  /** Before or after noon, or not said. */
  enum Meridiem {
    NONE,
    AM,
    PM
  }

  /** Returns the time a lower-case word is written as, if it is written like one. */
  static Optional<ClockText> parse(String word) {
    if (word.equals("noon")) {
      return Optional.of(new ClockText(12, 0, 0, Meridiem.PM, true));
    }
    if (word.equals("midnight")) {
      return Optional.of(new ClockText(12, 0, 0, Meridiem.AM, true));
    }
    Matcher clock = CLOCK.matcher(word);
    if (!clock.matches()) {
      return Optional.empty();
    }
    return Optional.of(new ClockText(
        Integer.parseInt(clock.group(1)),
        clock.group(2) == null ? 0 : Integer.parseInt(clock.group(2)),
        clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3)),
        clock.group(4) == null ? Meridiem.NONE : meridiem(clock.group(4)).orElse(Meridiem.NONE),
        clock.group(2) != null));
  }

  /** Returns the AM or PM a lower-case word stands for: "pm", "p.m.", "am". */
  static Optional<Meridiem> meridiem(String word) {
    Matcher meridiem = MERIDIEM.matcher(word);
    if (!meridiem.matches()) {
      return Optional.empty();
    }
    return Optional.of(meridiem.group(1).equals("a") ? Meridiem.AM : Meridiem.PM);
  }

  /** Returns whether this is a time on its own; a bare number needs an AM/PM. */
  boolean complete() {
    return colon || meridiem != Meridiem.NONE;
  }

  ClockText with(Meridiem newMeridiem) {
    return new ClockText(hour, minute, second, newMeridiem, colon);
  }

  /**
   * Returns this start of a range with the end's AM/PM when it has none, so "2-2:30pm" is in the
   * afternoon; when that would put it after the end ("11-1pm") it takes the other half of the day.
   */
  ClockText beforeEnd(ClockText end) {
    if (meridiem != Meridiem.NONE || end.meridiem == Meridiem.NONE || hour < 1 || hour > 12) {
      return this;
    }
    ClockText same = with(end.meridiem);
    Optional<TimeOfDay> start = same.time();
    Optional<TimeOfDay> finish = end.time();
    boolean afterEnd = start.isPresent() && finish.isPresent() && start.get().time().isAfter(finish.get().time());
    return afterEnd ? with(end.meridiem == Meridiem.AM ? Meridiem.PM : Meridiem.AM) : same;
  }

  /** Returns the time of day, or empty when there is none such ("25:00", "13pm"). */
  Optional<TimeOfDay> time() {
    boolean twelveHour = meridiem != Meridiem.NONE;
    boolean hourFits = twelveHour ? hour >= 1 && hour <= 12 : hour <= 23;
    if (!hourFits || minute > 59 || second > 59) {
      return Optional.empty();
    }
    int hourOfDay = twelveHour ? hour % 12 + (meridiem == Meridiem.PM ? 12 : 0) : hour;
    return Optional.of(new TimeOfDay(LocalTime.of(hourOfDay, minute, second), twelveHour));
  }
}

package dev.tracelookup.time;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of day as written, before it is checked: {@code 2:15pm}, {@code 2pm}, {@code 14:15:30},
 * {@code noon}, or a bare {@code 2} that only counts with an AM/PM or a part of the day. Commands
 * are read a word at a time with {@link #parse}; ticket text finds its times in prose itself and
 * reads them here all the same.
 *
 * @param colon whether minutes were written, which makes "14:15" a time but "14" just a number
 */
public record ClockText(int hour, int minute, int second, Meridiem meridiem, boolean colon) {
  public static final ClockText NOON = new ClockText(12, 0, 0, Meridiem.PM, true);
  public static final ClockText MIDNIGHT = new ClockText(12, 0, 0, Meridiem.AM, true);
  private static final Pattern CLOCK =
      Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?((?:a|p)\\.?m\\.?)?");

  public ClockText {
    Objects.requireNonNull(meridiem, "meridiem");
  }

  /** Returns the time a lower-case word is written as, if it is written like one. */
  public static Optional<ClockText> parse(String word) {
    if (word.equals("noon")) {
      return Optional.of(NOON);
    }
    if (word.equals("midnight")) {
      return Optional.of(MIDNIGHT);
    }
    Matcher clock = CLOCK.matcher(word);
    if (!clock.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new ClockText(
            Integer.parseInt(clock.group(1)),
            number(clock.group(2)),
            number(clock.group(3)),
            clock.group(4) == null
                ? Meridiem.NONE
                : Meridiem.parse(clock.group(4)).orElse(Meridiem.NONE),
            clock.group(2) != null));
  }

  private static int number(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  /** Returns whether this is a time on its own; a bare number needs an AM/PM. */
  public boolean complete() {
    return colon || meridiem != Meridiem.NONE;
  }

  /** Returns this time with an AM/PM written apart from it ("2:15 PM"). */
  public ClockText with(Meridiem newMeridiem) {
    return new ClockText(hour, minute, second, newMeridiem, colon);
  }

  /**
   * Returns this start of a range with the end's AM/PM when it has none, so "2-2:30pm" is in the
   * afternoon; when that would put it after the end ("11-1pm") it takes the other half of the day.
   */
  public ClockText beforeEnd(ClockText end) {
    if (meridiem != Meridiem.NONE || end.meridiem == Meridiem.NONE || hour < 1 || hour > 12) {
      return this;
    }
    ClockText same = with(end.meridiem);
    Optional<TimeOfDay> start = same.time();
    Optional<TimeOfDay> finish = end.time();
    boolean afterEnd =
        start.isPresent() && finish.isPresent() && start.get().time().isAfter(finish.get().time());
    return afterEnd ? with(end.meridiem == Meridiem.AM ? Meridiem.PM : Meridiem.AM) : same;
  }

  /** Returns the time of day, or empty when there is none such ("25:00", "13pm"). */
  public Optional<TimeOfDay> time() {
    return time(meridiem);
  }

  /**
   * Returns the time of day read in the half of the day the words around it name ("at 9" this
   * evening is 21:00); a time with its own AM/PM, or past 12 and so on the 24-hour clock already
   * ("at 14:15 this afternoon"), is read as written.
   */
  public Optional<TimeOfDay> timeIn(Meridiem partOfDay) {
    return time(meridiem != Meridiem.NONE || hour > 12 ? meridiem : partOfDay);
  }

  /** Returns the time of day with the hour on the given half's clock, if what was written fits. */
  private Optional<TimeOfDay> time(Meridiem half) {
    boolean hourFits = meridiem != Meridiem.NONE ? hour >= 1 && hour <= 12 : hour <= 23;
    if (!hourFits || minute > 59 || second > 59) {
      return Optional.empty();
    }
    LocalTime time = LocalTime.of(half.hourOfDay(hour), minute, second);
    return Optional.of(new TimeOfDay(time, half != Meridiem.NONE));
  }
}

package dev.tracelookup.time;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Before or after noon, or not said: which half of the day a 12-hour time is in. */
public enum Meridiem {
  NONE,
  AM,
  PM;

  private static final Pattern WRITTEN = Pattern.compile("(a|p)\\.?m\\.?");

  /** Returns the AM or PM a lower-case word stands for: "pm", "p.m.", "am". */
  public static Optional<Meridiem> parse(String word) {
    Matcher meridiem = WRITTEN.matcher(word);
    if (!meridiem.matches()) {
      return Optional.empty();
    }
    return Optional.of(meridiem.group(1).equals("a") ? AM : PM);
  }

  /**
   * Returns the half of the day a part of the day falls in: "morning" is AM; "afternoon",
   * "evening", "night" and "tonight" are PM.
   */
  public static Meridiem ofPartOfDay(String word) {
    return word.equals("morning") ? AM : PM;
  }

  /** Returns the hour on the 24-hour clock of an hour on this half's clock: 12 AM is 0. */
  int hourOfDay(int hour) {
    return switch (this) {
      case AM -> hour % 12;
      case PM -> hour % 12 + 12;
      case NONE -> hour;
    };
  }
}

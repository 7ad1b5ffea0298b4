package dev.tracelookup.tickets;

import dev.tracelookup.time.ClockText;
import dev.tracelookup.time.Meridiem;
import dev.tracelookup.time.TimeOfDay;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of day written in free text: {@code 2:15 PM}, {@code 2pm}, {@code 14:15}, {@code 9},
 * {@code noon}, with the cue word before it if any ({@code at}, {@code around}, {@code ~}).
 *
 * <p>Digits glued to currency, versions, decimals, paths, ticket numbers or phone numbers are never
 * times: {@code $14.15}, {@code v2.15}, {@code #2:15}, {@code 555-2:15} are skipped here.
 *
 * @param start where the cue (or the time, without one) begins in the text
 * @param end just past the time and its AM/PM or {@code UTC}
 * @param utc whether {@code UTC} or {@code GMT} followed, which overrides the requester's zone
 */
record ClockMention(int start, int end, ClockText clock, boolean cued, boolean utc) {
  private static final Pattern CLOCK =
      Pattern.compile(
          "(?<![\\w$€£¥.,:/#+-])(\\d{1,2})(?::([0-5]\\d))?(?::([0-5]\\d))?"
              + "(?:\\s?([ap]\\.?m\\b\\.?))?(?:\\s?(utc|gmt)\\b)?(?![\\w:%/]|[.,]\\d|-\\d)"
              + "|\\b(noon|midday|midnight)\\b");
  private static final Pattern CUE =
      Pattern.compile(
          "(?:\\b(?:at|around|about|approximately|approx\\.?|roughly|circa|since)\\s+|[@~]\\s?)$");

  /** Returns every time-like mention in lower-case text, in order. */
  static List<ClockMention> scan(String lower) {
    List<ClockMention> mentions = new ArrayList<>();
    Matcher clock = CLOCK.matcher(lower);
    while (clock.find()) {
      Matcher cue = CUE.matcher(lower.substring(Math.max(0, clock.start() - 16), clock.start()));
      boolean cued = cue.find();
      int start = cued ? clock.start() - (cue.end() - cue.start()) : clock.start();
      if (clock.group(6) == null) {
        mentions.add(of(clock, start, cued));
      } else if (cued) {
        // "noon" alone is too common a word; "at noon" is a time.
        ClockText named = clock.group(6).equals("midnight") ? ClockText.MIDNIGHT : ClockText.NOON;
        mentions.add(new ClockMention(start, clock.end(), named, true, false));
      }
    }
    return mentions;
  }

  private static ClockMention of(Matcher clock, int start, boolean cued) {
    Meridiem meridiem =
        clock.group(4) == null
            ? Meridiem.NONE
            : Meridiem.parse(clock.group(4)).orElse(Meridiem.NONE);
    ClockText written =
        new ClockText(
            Integer.parseInt(clock.group(1)),
            number(clock.group(2)),
            number(clock.group(3)),
            meridiem,
            clock.group(2) != null);
    return new ClockMention(start, clock.end(), written, cued, clock.group(5) != null);
  }

  private static int number(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  /**
   * Returns the time of day, given the part of day the surrounding words name, if this mention is
   * plainly a time: with AM/PM; with a colon after a cue word or before UTC; or a bare hour after a
   * cue word in a sentence that says morning, afternoon or evening ("this morning at 9").
   */
  Optional<LocalTime> time(Meridiem partOfDay) {
    boolean plain =
        clock.meridiem() != Meridiem.NONE
            || clock.colon() && (cued || utc)
            || cued && partOfDay != Meridiem.NONE;
    return plain ? clock.timeIn(partOfDay).map(TimeOfDay::time) : Optional.empty();
  }
}

package dev.tracelookup.command;

import dev.tracelookup.time.DayRef;
import dev.tracelookup.time.Meridiem;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/**
 * A part of the day named in words at the cursor: {@code this morning}, {@code this afternoon},
 * {@code this evening}, {@code tonight}, {@code last night}, or a part after a day already read
 * ({@code yesterday afternoon}, {@code Feb 6 morning}).
 *
 * @param half the half of the day a bare hour after it is in ("this morning at 9" is 09:00)
 * @param tokens how many tokens it took
 */
record DayPart(DayRef day, LocalTime from, LocalTime to, Meridiem half, String words, int tokens) {
  /** The hours each part means, as a support team would search them. */
  private static final Map<String, LocalTime[]> HOURS =
      Map.of(
          "morning", new LocalTime[] {LocalTime.of(6, 0), LocalTime.NOON},
          "afternoon", new LocalTime[] {LocalTime.NOON, LocalTime.of(18, 0)},
          "evening", new LocalTime[] {LocalTime.of(17, 0), LocalTime.of(23, 0)},
          "night", new LocalTime[] {LocalTime.of(18, 0), LocalTime.of(6, 0)});

  /** Returns the part named {@code at} tokens on with no day read before it. */
  static Optional<DayPart> at(TokenCursor in, int at) {
    String first = in.word(at);
    String second = in.word(at + 1);
    if (first.equals("tonight")) {
      return part(new DayRef.DaysAgo(0, "tonight"), "night", "tonight", 1);
    }
    if (first.equals("last") && second.equals("night")) {
      return part(new DayRef.DaysAgo(1, "last night"), "night", "last night", 2);
    }
    if (first.equals("this") && HOURS.containsKey(second) && !second.equals("night")) {
      return part(new DayRef.DaysAgo(0, "this " + second), second, "this " + second, 2);
    }
    return Optional.empty();
  }

  /** Returns the part named {@code at} tokens on, after a day already read ("yesterday"). */
  static Optional<DayPart> after(DayRef day, String dayWords, TokenCursor in, int at) {
    String word = in.word(at);
    return HOURS.containsKey(word) ? part(day, word, dayWords + " " + word, 1) : Optional.empty();
  }

  private static Optional<DayPart> part(DayRef day, String part, String words, int tokens) {
    LocalTime[] hours = HOURS.get(part);
    return Optional.of(
        new DayPart(day, hours[0], hours[1], Meridiem.ofPartOfDay(part), words, tokens));
  }

  TimeExpression expression() {
    return new TimeExpression.PartOfDay(day, from, to, words);
  }
}

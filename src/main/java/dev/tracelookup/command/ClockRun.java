package dev.tracelookup.command;

import dev.tracelookup.time.ClockText;
import dev.tracelookup.time.Meridiem;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One time of day, or the two ends of a range, as typed at the cursor and not yet checked: {@code
 * 2:15pm}, {@code 2:15 PM}, {@code 14:00-14:30}, {@code 2-2:30pm}, {@code 2pm to 3pm}.
 *
 * @param tokens how many tokens it took
 */
record ClockRun(ClockText start, Optional<ClockText> end, int tokens) {
  static final Set<String> RANGE_WORDS = Set.of("to", "-", "–", "—", "..", "until", "till", "and");
  private static final Pattern DASH = Pattern.compile("[-–—]");

  /** Returns the time or range of times {@code at} tokens on, if one is written there. */
  static Optional<ClockRun> at(TokenCursor in, int at) {
    String[] dashed = DASH.split(in.word(at), -1);
    if (dashed.length == 2) {
      Optional<ClockText> start = ClockText.parse(dashed[0]);
      Optional<ClockText> end = ClockText.parse(dashed[1]);
      if (start.isPresent() && end.isPresent() && endsRange(start.get(), end.get())) {
        return Optional.of(new ClockRun(start.get(), end, 1));
      }
    }
    Optional<ClockRun> start = single(in, at);
    if (start.isEmpty()) {
      return Optional.empty();
    }
    int after = at + start.get().tokens();
    Optional<ClockRun> end =
        RANGE_WORDS.contains(in.word(after)) ? single(in, after + 1) : Optional.empty();
    if (end.isPresent() && endsRange(start.get().start(), end.get().start())) {
      int tokens = start.get().tokens() + 1 + end.get().tokens();
      return Optional.of(new ClockRun(start.get().start(), Optional.of(end.get().start()), tokens));
    }
    return start.filter(s -> s.start().complete());
  }

  /**
   * Returns one time of day {@code at} tokens on, with an AM/PM written apart ("2:15 PM") taken
   * too.
   */
  static Optional<ClockRun> single(TokenCursor in, int at) {
    Optional<ClockText> clock = ClockText.parse(in.word(at));
    if (clock.isEmpty()) {
      return Optional.empty();
    }
    Optional<Meridiem> apart = Meridiem.parse(in.word(at + 1));
    if (clock.get().meridiem() == Meridiem.NONE && apart.isPresent()) {
      return Optional.of(new ClockRun(clock.get().with(apart.get()), Optional.empty(), 2));
    }
    return Optional.of(new ClockRun(clock.get(), Optional.empty(), 1));
  }

  /** Returns whether the two make a range: a bare start ("2-3pm") needs the end's AM/PM. */
  private static boolean endsRange(ClockText start, ClockText end) {
    return end.complete() && (start.complete() || end.meridiem() != Meridiem.NONE);
  }
}

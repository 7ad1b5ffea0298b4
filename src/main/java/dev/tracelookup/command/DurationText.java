package dev.tracelookup.command;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads lengths of time as people type them: {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 90 min}. */
final class DurationText {
  // At most six digits per number keeps every sum far from Duration's and Instant's limits.
  private static final Pattern COMPOUND = Pattern.compile("(?:\\d{1,6}[a-z]{1,7}){1,4}");
  private static final Pattern PART = Pattern.compile("(\\d{1,6})([a-z]+)");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");
  /**
   * A length of time read from one or two tokens.
   *
   * @param tokens how many tokens it took: 1 for {@code 30m}, 2 for {@code 30 min}
   */
  record Match(Duration length, int tokens) {}

  private DurationText() {}

  /** Returns the length written at the cursor, {@code ahead} tokens on, in one or two tokens. */
  static Optional<Match> at(TokenCursor in, int ahead) {
    String word = in.word(ahead);
    Optional<Duration> compact = parse(word);
    if (compact.isPresent()) {
      return Optional.of(new Match(compact.get(), 1));
    }
    Optional<Duration> unit = unit(in.word(ahead + 1));
    if (NUMBER.matcher(word).matches() && unit.isPresent()) {
      return Optional.of(new Match(unit.get().multipliedBy(Long.parseLong(word)), 2));
    }
    return Optional.empty();
  }

  /** Returns the length written as one word ({@code 30m}, {@code 1h30m}, {@code 90min}), if it is one. */
  static Optional<Duration> parse(String word) {
    if (!COMPOUND.matcher(word).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(word);
    while (part.find()) {
      Optional<Duration> unit = unit(part.group(2));
      if (unit.isEmpty()) {
        return Optional.empty();
      }
      total = total.plus(unit.get().multipliedBy(Long.parseLong(part.group(1))));
    }
    return Optional.of(total);
  }

  private static Optional<Duration> unit(String name) {
    return switch (name) {
      case "s", "sec", "secs", "second", "seconds" -> Optional.of(Duration.ofSeconds(1));
      case "m", "min", "mins", "minute", "minutes" -> Optional.of(Duration.ofMinutes(1));
      case "h", "hr", "hrs", "hour", "hours" -> Optional.of(Duration.ofHours(1));
      case "d", "day", "days" -> Optional.of(Duration.ofDays(1));
      default -> Optional.empty();
    };
  }
}

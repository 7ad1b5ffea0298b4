package dev.tracelookup.time;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads lengths of time as people write them, in commands and in config files alike: {@code 500ms},
 * {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 1h 30m}, {@code 90min}, and in a command also
 * {@code 90 min} as two words.
 */
public final class DurationText {
  // At most six digits and four parts keep every sum far from Duration's and Instant's limits,
  // whatever an agent types.
  private static final Pattern COMPOUND = Pattern.compile("(?:\\d{1,6}[a-z]{1,7}){1,4}");
  private static final Pattern PART = Pattern.compile("(\\d{1,6})([a-z]+)");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * A length of time read from one or two words.
   *
   * @param words how many words it took: 1 for {@code 30m}, 2 for {@code 30 min}
   */
  public record Match(Duration length, int words) {}

  private DurationText() {}

  /**
   * Returns the length written as {@code word}, or as the number {@code word} and the unit {@code
   * next} ({@code 30 min}), if it is written there.
   */
  public static Optional<Match> read(String word, String next) {
    Optional<Duration> compact = parse(word);
    if (compact.isPresent()) {
      return Optional.of(new Match(compact.get(), 1));
    }
    Optional<Duration> unit = unit(next.toLowerCase(Locale.ROOT));
    if (NUMBER.matcher(word).matches() && unit.isPresent()) {
      return Optional.of(new Match(unit.get().multipliedBy(Long.parseLong(word)), 2));
    }
    return Optional.empty();
  }

  /**
   * Returns the length the text writes as number+unit parts ({@code 30m}, {@code 1h 30m}, {@code
   * 90min}, {@code 500ms}), in any case and spacing; empty when it is anything else ({@code 15},
   * {@code m15}).
   */
  public static Optional<Duration> parse(String text) {
    String compact = SPACES.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
    if (!COMPOUND.matcher(compact).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(compact);
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
      case "ms" -> Optional.of(Duration.ofMillis(1));
      case "s", "sec", "secs", "second", "seconds" -> Optional.of(Duration.ofSeconds(1));
      case "m", "min", "mins", "minute", "minutes" -> Optional.of(Duration.ofMinutes(1));
      case "h", "hr", "hrs", "hour", "hours" -> Optional.of(Duration.ofHours(1));
      case "d", "day", "days" -> Optional.of(Duration.ofDays(1));
      default -> Optional.empty();
    };
  }
}

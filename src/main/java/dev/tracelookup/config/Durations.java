package dev.tracelookup.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them in config files: {@code 500ms}, {@code 15m}, {@code 1h30m}. */
final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /** Returns the duration, or empty when the text is not a sequence of number+unit parts. */
  static Optional<Duration> parse(String text) {
    String compact = text.trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    if (compact.isEmpty()) {
      return Optional.empty();
    }
    Matcher matcher = PART.matcher(compact);
    Duration total = Duration.ZERO;
    int position = 0;
    while (matcher.find() && matcher.start() == position) {
      long amount = Long.parseLong(matcher.group(1));
      total = total.plus(unit(matcher.group(2), amount));
      position = matcher.end();
    }
    return position == compact.length() ? Optional.of(total) : Optional.empty();
  }

  private static Duration unit(String unit, long amount) {
    switch (unit) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        return Duration.ofDays(amount);
    }
  }
}

package dev.tracelookup.time;

import java.time.Duration;
import java.util.Optional;

/**
 * Writes lengths of time, in the form that suits where they stand.
 *
 * <ul>
 *   <li>{@link #compact}: where space is short, the waterfall's duration column: {@code 850 µs},
 *       {@code 12 ms}, {@code 1.9 s}, {@code 2 m 05 s}; at most 6 characters under a minute.
 *   <li>{@link #prose}: lengths in sentences, as people say them: {@code 15 min}, {@code 2 hours},
 *       {@code 7 days}.
 *   <li>{@link #brief}: how long a trace or span took, on cards and in the verdict's sentences:
 *       {@code 1.9 s}, {@code 2 min 3 s}.
 *   <li>{@link #exact}: a configured limit in its largest whole unit: {@code 168 h}, {@code 90
 *       min}, {@code 30 s}.
 * </ul>
 *
 * <p>{@code brief} and {@code compact} serve the same purpose, and so do {@code exact} and {@code
 * prose}; each pair differs only in how it writes some lengths ({@code < 1 ms} or {@code 850 µs},
 * {@code 2 min 3 s} or {@code 2 m 03 s}; {@code 168 h} or {@code 7 days}). They stay apart because
 * tests assert the text of each (issue 13).
 */
public final class DurationFormat {
  private DurationFormat() {}

  /**
   * Returns {@code 0 s}, {@code < 1 µs}, {@code 850 µs}, {@code 12 ms}, {@code 1.9 s}, {@code 12
   * s}, {@code 2 m 05 s} or {@code 1 h 05 m}: at most 6 characters under a minute, rounded to the
   * unit shown.
   */
  public static String compact(long nanos) {
    if (nanos <= 0) {
      return "0 s";
    }
    long micros = Math.round(nanos / 1e3);
    if (micros < 1) {
      return "< 1 µs";
    }
    if (micros < 1_000) {
      return micros + " µs";
    }
    Optional<String> underMinute = underAMinute(nanos);
    if (underMinute.isPresent()) {
      return underMinute.get();
    }
    long seconds = Math.round(nanos / 1e9);
    if (seconds < 3_600) {
      return seconds / 60 + " m " + twoDigits(seconds % 60) + " s";
    }
    long minutes = Math.round(nanos / 6e10);
    return minutes / 60 + " h " + twoDigits(minutes % 60) + " m";
  }

  /**
   * Returns {@code 500 ms}, {@code 30 s}, {@code 15 min}, {@code 1 hour}, {@code 1 h 30 min},
   * {@code 2 hours} or {@code 7 days}.
   */
  public static String prose(Duration length) {
    long minutes = length.toMinutes();
    if (minutes == 0) {
      // A length under a second only comes from a config or command that wrote milliseconds.
      boolean underASecond = length.toSeconds() == 0 && !length.isZero();
      return underASecond ? length.toMillis() + " ms" : length.toSeconds() + " s";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (minutes % 60 != 0) {
      return hours + " h " + minutes % 60 + " min";
    }
    if (hours >= 48 && hours % 24 == 0) {
      return hours / 24 + " days";
    }
    return hours == 1 ? "1 hour" : hours + " hours";
  }

  /**
   * Returns {@code < 1 ms}, {@code 240 ms}, {@code 1.9 s}, {@code 12 s}, {@code 2 min 3 s} or
   * {@code 1 h 5 min}, from the whole milliseconds.
   */
  public static String brief(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1) {
      return "< 1 ms";
    }
    // Under a minute, whole milliseconds read as compact's do.
    Optional<String> underMinute =
        millis < 60_000 ? underAMinute(millis * 1_000_000) : Optional.empty();
    if (underMinute.isPresent()) {
      return underMinute.get();
    }
    long seconds = Math.round(millis / 1_000.0);
    if (seconds < 3_600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3_600 + " h " + seconds % 3_600 / 60 + " min";
  }

  /**
   * Returns {@code 168 h}, {@code 90 min}, {@code 30 s} or {@code 1500 ms}: the largest unit that
   * holds the duration whole, so a limit is never rounded ({@code 5401 s}).
   */
  public static String exact(Duration duration) {
    if (duration.getNano() != 0) {
      return duration.toMillis() + " ms";
    }
    long seconds = duration.toSeconds();
    if (seconds > 0 && seconds % 3600 == 0) {
      return seconds / 3600 + " h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + " min";
    }
    return seconds + " s";
  }

  /**
   * Returns {@code 12 ms}, {@code 1.9 s} or {@code 12 s}, rounded to the unit shown, from a
   * millisecond up; empty from a minute on, once rounded.
   */
  private static Optional<String> underAMinute(long nanos) {
    long millis = Math.round(nanos / 1e6);
    if (millis < 1_000) {
      return Optional.of(millis + " ms");
    }
    long tenths = Math.round(nanos / 1e8);
    if (tenths < 100) {
      return Optional.of(tenths / 10 + "." + tenths % 10 + " s");
    }
    long seconds = Math.round(nanos / 1e9);
    return seconds < 60 ? Optional.of(seconds + " s") : Optional.empty();
  }

  private static String twoDigits(long value) {
    return value < 10 ? "0" + value : Long.toString(value);
  }
}

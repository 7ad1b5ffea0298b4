package dev.tracelookup.backend.tempo;

import java.time.Duration;

/** Writes a configured limit the way an agent reads it: {@code 168 h}, {@code 90 min}, {@code 30 s}. */
final class DurationText {
  private DurationText() {}

  static String of(Duration duration) {
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
}

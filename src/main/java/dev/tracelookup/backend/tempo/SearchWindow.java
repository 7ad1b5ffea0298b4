package dev.tracelookup.backend.tempo;

import java.time.Duration;
import java.time.Instant;

/**
 * A search window in whole Unix seconds, the unit Tempo reads {@code start} and {@code end} in
 * (milliseconds there fail, and no window at all searches only recent data).
 */
record SearchWindow(long startSeconds, long endSeconds) {

  SearchWindow {
    if (startSeconds < 0 || endSeconds <= startSeconds) {
      throw new IllegalArgumentException("not a window: " + startSeconds + ".." + endSeconds);
    }
  }

  /**
   * Returns the smallest whole-second window covering {@code from..to}. Tempo refuses {@code end <=
   * start}, so an instant becomes one second; Tempo has no data before 1970.
   */
  static SearchWindow covering(Instant from, Instant to) {
    long start = Math.max(0, from.getEpochSecond());
    long end = to.getNano() == 0 ? to.getEpochSecond() : to.getEpochSecond() + 1;
    return new SearchWindow(start, Math.max(end, start + 1));
  }

  Duration length() {
    return Duration.ofSeconds(endSeconds - startSeconds);
  }
}

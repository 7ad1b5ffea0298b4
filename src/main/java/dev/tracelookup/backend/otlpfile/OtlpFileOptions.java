package dev.tracelookup.backend.otlpfile;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the file backend follows its directory.
 *
 * @param pollInterval how often the directory is checked for new files and lines
 * @param maxAge traces that ended longer ago than this are dropped from the index; empty keeps all
 * @param deleteExpired whether files last written longer ago than {@code maxAge} are deleted too;
 *     the file written last, which the collector may still be writing to, is never deleted
 */
public record OtlpFileOptions(
    Duration pollInterval, Optional<Duration> maxAge, boolean deleteExpired) {
  /** Polls every 2 seconds, keeps everything: new lines are searchable well within 5 seconds. */
  public static final OtlpFileOptions DEFAULTS =
      new OtlpFileOptions(Duration.ofSeconds(2), Optional.empty(), false);

  /**
   * @throws IllegalArgumentException when a duration is not positive, or files are to be deleted
   *     without a maximum age
   */
  public OtlpFileOptions {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(maxAge, "maxAge");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive: " + pollInterval);
    }
    if (maxAge.isPresent() && (maxAge.get().isNegative() || maxAge.get().isZero())) {
      throw new IllegalArgumentException("the maximum age must be positive: " + maxAge.get());
    }
    if (deleteExpired && maxAge.isEmpty()) {
      throw new IllegalArgumentException("deleting expired files needs a maximum age");
    }
  }
}

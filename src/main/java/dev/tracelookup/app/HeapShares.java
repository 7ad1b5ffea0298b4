package dev.tracelookup.app;

import dev.tracelookup.config.Config;

/**
 * How much of the heap lookups may fill, so that hostile or merely huge backend answers slow the
 * bot down instead of exhausting its memory. Derived from the JVM's maximum heap ({@code -Xmx}) so
 * the defaults hold on a small container as on a large one.
 *
 * <ul>
 *   <li>Answers being read, and the traces running lookups hold: an eighth of the heap. A trace
 *       costs about as much heap as its JSON once read, and up to three times that while it is
 *       parsed, redacted and analysed, so this keeps lookups under about half the heap.
 *   <li>The trace cache: at most a quarter of the heap, counting 1 KiB per span (the span model
 *       retains about 600 bytes per span; real spans carry more attributes than the benchmark's).
 * </ul>
 */
final class HeapShares {
  static final long BYTES_PER_CACHED_SPAN = 1024;

  private HeapShares() {}

  /** Returns the bytes of backend answers all lookups may hold at once. */
  static long readBytes(Config.Lookup lookup, long maxHeap) {
    return lookup.maxBytesInFlight().orElse(Math.max(1L << 20, maxHeap / 8));
  }

  /**
   * Returns the configured trace cache size in spans, lowered to what a quarter of the heap holds.
   */
  static long traceCacheSpans(long configured, long maxHeap) {
    return Math.min(configured, maxHeap / 4 / BYTES_PER_CACHED_SPAN);
  }
}

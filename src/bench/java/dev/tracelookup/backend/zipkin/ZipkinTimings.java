package dev.tracelookup.backend.zipkin;

import java.util.Arrays;

/**
 * Medians, in nanoseconds, of each way of reading the benchmark customer's traces from Zipkin, and
 * the medians of the per-round ratios (each round times a lookup right after its bare calls).
 *
 * @param rawSearches the two searches, bare
 * @param lookup the Zipkin lookup (the same two searches, parsed, analysed, ranked)
 * @param rawSearchesAndFetches the searches, then ten traces read by ID one at a time, bare
 * @param fetchingOneByOne a search-then-fetch lookup reading the ten traces one at a time
 * @param fetchingTen the same lookup reading the ten traces at once
 */
public record ZipkinTimings(
    long rawSearches,
    long lookup,
    long rawSearchesAndFetches,
    long fetchingOneByOne,
    long fetchingTen,
    double lookupRatio,
    double oneByOneRatio,
    double tenRatio) {

  static ZipkinTimings of(long[][] byRound) {
    long[] raw = column(byRound, 0);
    long[] rawAll = column(byRound, 2);
    return new ZipkinTimings(
        median(raw),
        median(column(byRound, 1)),
        median(rawAll),
        median(column(byRound, 3)),
        median(column(byRound, 4)),
        medianRatio(column(byRound, 1), raw),
        medianRatio(column(byRound, 3), rawAll),
        medianRatio(column(byRound, 4), rawAll));
  }

  private static long[] column(long[][] byRound, int index) {
    return Arrays.stream(byRound).mapToLong(round -> round[index]).toArray();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double medianRatio(long[] measured, long[] floor) {
    double[] ratios = new double[measured.length];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = (double) measured[i] / floor[i];
    }
    Arrays.sort(ratios);
    return ratios[ratios.length / 2];
  }
}

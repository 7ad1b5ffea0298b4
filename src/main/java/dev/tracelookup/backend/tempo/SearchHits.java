package dev.tracelookup.backend.tempo;

import java.util.List;

/**
 * What a search answer named, in Tempo's order (which is not by time).
 *
 * @param unreadableIds entries left out because their {@code traceID} was not a trace ID
 */
record SearchHits(List<Hit> hits, int unreadableIds) {
  SearchHits {
    hits = List.copyOf(hits);
  }

  /**
   * @param traceId normalised: Tempo strips leading zeros, the model pads them back
   * @param startEpochNanos the trace's start, 0 when Tempo did not say
   */
  record Hit(String traceId, long startEpochNanos) {}
}

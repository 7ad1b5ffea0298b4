package dev.tracelookup.backend.otlpfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable index over the files: traces by ID and by user-attribute value. Safe to share
 * between threads.
 *
 * @param tracesByUser for each user-attribute value, the traces carrying it, newest first
 * @param skippedLines lines that could not be read as OTLP JSON and were left out
 */
record TraceIndex(
    Map<String, IndexedTrace> tracesById,
    Map<String, List<IndexedTrace>> tracesByUser,
    int fileCount,
    int skippedLines) {

  TraceIndex {
    tracesById = Map.copyOf(tracesById);
    tracesByUser = Map.copyOf(tracesByUser);
  }

  Optional<IndexedTrace> trace(String normalisedTraceId) {
    return Optional.ofNullable(tracesById.get(normalisedTraceId));
  }

  /** Returns the traces in which some span carries the value under a user-attribute key. */
  List<IndexedTrace> tracesOf(String userId) {
    return tracesByUser.getOrDefault(userId, List.of());
  }
}

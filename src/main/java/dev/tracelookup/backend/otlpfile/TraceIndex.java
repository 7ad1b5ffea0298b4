package dev.tracelookup.backend.otlpfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable index over the files: traces by ID, by user-attribute value and by the traces their
 * span links point into. Safe to share between threads.
 *
 * @param tracesByUser for each user-attribute value, the traces carrying it, newest first
 * @param tracesLinkingTo for each trace that spans link to, the other traces holding those spans,
 *     newest first; only traces with links are in it
 * @param skippedLines lines that could not be read as OTLP JSON and were left out
 */
record TraceIndex(
    Map<String, IndexedTrace> tracesById,
    Map<String, List<IndexedTrace>> tracesByUser,
    Map<String, List<IndexedTrace>> tracesLinkingTo,
    int fileCount,
    int skippedLines) {

  TraceIndex {
    tracesById = Map.copyOf(tracesById);
    tracesByUser = Map.copyOf(tracesByUser);
    tracesLinkingTo = Map.copyOf(tracesLinkingTo);
  }

  Optional<IndexedTrace> trace(String normalisedTraceId) {
    return Optional.ofNullable(tracesById.get(normalisedTraceId));
  }

  /** Returns the traces in which some span carries the value under a user-attribute key. */
  List<IndexedTrace> tracesOf(String userId) {
    return tracesByUser.getOrDefault(userId, List.of());
  }

  /** Returns the traces with a span linking into the given trace, newest first. */
  List<IndexedTrace> tracesLinkingTo(String normalisedTraceId) {
    return tracesLinkingTo.getOrDefault(normalisedTraceId, List.of());
  }
}

package dev.tracelookup.backend;

import dev.tracelookup.trace.Trace;

/** The outcome of fetching one trace by ID. */
public sealed interface FetchResult
    permits FetchResult.Fetched, FetchResult.NotFound, FetchResult.Failed {

  /**
   * @param partial true when the backend said the trace was cut (too large, or filtered)
   */
  record Fetched(Trace trace, boolean partial) implements FetchResult {}

  /** The backend has no trace with this ID (it may have expired since the search). */
  record NotFound(String traceId) implements FetchResult {}

  record Failed(BackendFailure failure) implements FetchResult {}
}

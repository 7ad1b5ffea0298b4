package dev.tracelookup.backend;

import java.util.List;

/** The outcome of a search: what was found (perhaps partly), or why nothing could be. */
public sealed interface SearchResult permits SearchResult.Found, SearchResult.Failed {

  /**
   * @param traces the traces found, newest first where the backend says
   * @param warnings things the agent should know: partial results, limits hit, skipped ranges
   */
  record Found(List<TraceRef> traces, List<String> warnings) implements SearchResult {
    public Found {
      traces = List.copyOf(traces);
      warnings = List.copyOf(warnings);
    }
  }

  record Failed(BackendFailure failure) implements SearchResult {}
}

package dev.tracelookup.backend.jaeger;

import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;

/** One of Jaeger's query APIs, as the backend uses it. */
interface JaegerApi {

  /**
   * Runs one search and returns the whole traces it found, unfiltered; a search that matched
   * nothing is found with no traces.
   */
  SearchResult find(SearchSpec spec);

  /** Reads one trace by its normalised ID. */
  FetchResult get(String traceId);
}

package dev.tracelookup.backend.jaeger;

import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import java.time.Instant;

/** One of Jaeger's query APIs, as the backend uses it. */
interface JaegerApi {

  /**
   * Runs one search and returns the whole traces it found, unfiltered; a search that matched
   * nothing is found with no traces.
   */
  SearchResult find(SearchSpec spec);

  /**
   * Runs one search for the traces where a span of the service and operation carries {@code
   * error=true}, and returns them whole; it names no customer.
   */
  SearchResult findFailing(String service, String operation, Instant from, Instant to, int limit);

  /** Reads one trace by its normalised ID. */
  FetchResult get(String traceId);
}

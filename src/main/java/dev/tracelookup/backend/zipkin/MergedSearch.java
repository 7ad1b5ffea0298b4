package dev.tracelookup.backend.zipkin;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Merges the answers of the searches by each user attribute key into one result: traces by ID, only
 * those overlapping the window, newest first, at most the limit.
 *
 * <p>The searches run at once, so one may fail while another answers: what the others found is
 * shown, with a warning that names each failed key. Only when none answered is the result a
 * failure, the first key's.
 */
final class MergedSearch {
  private static final Comparator<Trace> NEWEST_FIRST =
      Comparator.comparingLong(ZipkinTraces::start).reversed().thenComparing(Trace::traceId);

  private final TraceQuery query;
  private final String backend;
  private final Map<String, Trace> traces = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private boolean answered;
  private boolean limitReached;
  private final Map<String, BackendFailure> failedKeys = new LinkedHashMap<>();

  MergedSearch(TraceQuery query, String backend) {
    this.query = query;
    this.backend = backend;
  }

  /** Adds the answer of the search by one key, in the order the keys are configured. */
  void add(String key, HttpResult<List<Trace>> answer) {
    if (answer instanceof HttpResult.Ok<List<Trace>> ok) {
      List<Trace> found = ok.value();
      answered = true;
      limitReached |= found.size() >= query.limit();
      found.forEach(trace -> traces.putIfAbsent(trace.traceId(), trace));
      return;
    }
    BackendFailure failed =
        answer instanceof HttpResult.Failed<List<Trace>> error
            ? BackendFailure.from(error.failure())
            // Zipkin never answers 404 to a search: the base URL is not Zipkin's API root.
            : BackendFailure.of(
                BackendFailure.Kind.REJECTED,
                backend,
                "GET " + SearchPath.PATH + " answered 404; is the base URL Zipkin's API root?");
    failedKeys.put(key, failed);
  }

  SearchResult result() {
    if (!answered) {
      return new SearchResult.Failed(failedKeys.values().iterator().next());
    }
    failedKeys.forEach(
        (key, failed) ->
            warnings.add(
                "The search by "
                    + key
                    + " failed, so traces that carry the user ID only there may be missing: "
                    + failed.userMessage()));
    List<Trace> inWindow =
        traces.values().stream()
            .filter(trace -> ZipkinTraces.overlaps(trace, query.from(), query.to()))
            .sorted(NEWEST_FIRST)
            .collect(Collectors.toList());
    List<TraceRef> shown =
        inWindow.stream().limit(query.limit()).map(TraceRef::of).collect(Collectors.toList());
    if (limitReached || inWindow.size() > shown.size()) {
      warnings.add(
          backend
              + " returned as many traces as the limit of "
              + query.limit()
              + " allows, so older traces in the window may be missing. Narrow the window to see"
              + " them.");
    }
    return new SearchResult.Found(shown, warnings);
  }
}

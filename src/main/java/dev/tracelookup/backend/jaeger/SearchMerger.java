package dev.tracelookup.backend.jaeger;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the answers of a query's searches into one result: each trace once (by ID), checked against
 * the whole query, newest first, cut to the limit, with what the agent should know about gaps.
 */
final class SearchMerger {
  /** Gateways before attribute filters answer any user's traces: the likely cause, in words. */
  static final String IGNORED_ATTRIBUTES =
      " Older Jaeger versions ignore attribute filters in api/v3; ask the admin to upgrade Jaeger"
          + " or switch the bot to Jaeger's v1 API.";

  private final TraceMatcher matcher;
  private final int limit;
  private final JaegerOptions.Api api;
  private final Map<String, Trace> traces = new LinkedHashMap<>();
  private final List<BackendFailure> failures = new ArrayList<>();
  private final Set<String> warnings = new LinkedHashSet<>();
  private boolean fullPage;

  SearchMerger(TraceMatcher matcher, int limit, JaegerOptions.Api api) {
    this.matcher = matcher;
    this.limit = limit;
    this.api = api;
  }

  /** Adds the answer of one search. */
  void add(SearchSpec spec, SearchResult result) {
    if (result instanceof SearchResult.Failed failed) {
      failures.add(failed.failure());
      return;
    }
    SearchResult.Found found = (SearchResult.Found) result;
    warnings.addAll(found.warnings());
    fullPage |= found.traces().size() >= spec.depth();
    for (TraceRef ref : found.traces()) {
      ref.trace().ifPresent(trace -> traces.putIfAbsent(trace.traceId(), trace));
    }
  }

  /** Returns the merged result; a failure when nothing was found and some search failed. */
  SearchResult result() {
    if (traces.isEmpty() && !failures.isEmpty()) {
      return new SearchResult.Failed(failures.get(0));
    }
    List<Trace> users = traces.values().stream().filter(matcher::carriesUser).toList();
    List<Trace> matching =
        users.stream()
            .filter(matcher::matchesFilters)
            .sorted(Comparator.comparingLong(SearchMerger::start).reversed())
            .toList();
    List<TraceRef> shown = matching.stream().limit(limit).map(TraceRef::of).toList();
    addWarnings(traces.size() - users.size(), matching.size(), shown.size());
    return new SearchResult.Found(shown, List.copyOf(warnings));
  }

  private void addWarnings(int withoutUser, int matched, int shown) {
    if (!failures.isEmpty()) {
      warnings.add(
          "Some Jaeger searches failed, so traces may be missing: "
              + failures.get(0).userMessage());
    }
    if (withoutUser > 0) {
      String hint = api == JaegerOptions.Api.V3 ? IGNORED_ATTRIBUTES : "";
      warnings.add(
          withoutUser
              + " traces Jaeger returned do not carry this user ID and were left"
              + " out."
              + hint);
    }
    if (matched > shown) {
      warnings.add(matched + " traces matched; showing the newest " + shown + ".");
    }
    if (fullPage) {
      warnings.add(
          "Jaeger returned as many traces as the bot asked for, so older ones in the"
              + " window may be missing. Narrow the window to see them.");
    }
  }

  private static long start(Trace trace) {
    return trace.spans().stream().mapToLong(Span::startEpochNanos).min().orElse(0);
  }
}

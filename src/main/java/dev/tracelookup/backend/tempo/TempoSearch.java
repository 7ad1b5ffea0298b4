package dev.tracelookup.backend.tempo;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.time.DurationFormat;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One TraceQL search: refuses what Tempo would refuse before asking it, then turns Tempo's
 * unordered "first N found" into trace IDs, newest first, with warnings where Tempo's answer may be
 * incomplete.
 */
final class TempoSearch {
  private static final String PATH = "/api/search";
  private static final Comparator<SearchHits.Hit> NEWEST_FIRST =
      Comparator.comparingLong(SearchHits.Hit::startEpochNanos)
          .reversed()
          .thenComparing(SearchHits.Hit::traceId);

  private final BackendHttp http;
  private final List<String> userAttributes;
  private final TempoOptions options;
  private final Clock clock;
  private final String name;

  TempoSearch(BackendHttp http, List<String> userAttributes, TempoOptions options, Clock clock) {
    this.http = http;
    this.userAttributes = List.copyOf(userAttributes);
    this.options = options;
    this.clock = clock;
    this.name = http.endpoint().backendName();
  }

  SearchResult search(TraceQuery query) {
    if (query.userId().isBlank()) {
      return refused(
          "No user ID was given to search " + name + " for; give the customer's user ID.");
    }
    SearchWindow window = SearchWindow.covering(query.from(), query.to());
    if (window.length().compareTo(options.maxWindow()) > 0) {
      return refused(
          name
              + " searches at most "
              + DurationFormat.exact(options.maxWindow())
              + " at once; narrow the window.");
    }
    String traceQl;
    try {
      traceQl = SearchQuery.traceQl(query, userAttributes);
    } catch (IllegalArgumentException brokenText) {
      return refused(
          "The user ID or a filter holds a broken character that "
              + name
              + " cannot search for; type it again.");
    }
    if (!TraceQl.fitsTempo(traceQl)) {
      return refused(
          "The user ID and filters are too long for a "
              + name
              + " search (at most "
              + TraceQl.MAX_QUERY_BYTES / 1024
              + " KiB); check the user ID.");
    }
    return found(send(traceQl, window, query.limit()), query);
  }

  /**
   * Sends one TraceQL search over the window: the one path every search of this backend takes, the
   * user-ID search and the search by span link alike. The query must already be written with {@link
   * TraceQl}'s literals.
   */
  HttpResult<SearchHits> send(String traceQl, SearchWindow window, int limit) {
    return http.get(path(traceQl, window, limit), "application/json", new SearchResponseReader());
  }

  /** Returns what a 404 from the search path means: the base URL is not Tempo's API root. */
  BackendFailure notTempo() {
    return BackendFailure.of(
        BackendFailure.Kind.REJECTED,
        name,
        "GET " + PATH + " answered 404; is the base URL Tempo's API root, e.g. http://tempo:3200?");
  }

  private String path(String traceQl, SearchWindow window, int limit) {
    return PATH
        + "?q="
        + URLEncoder.encode(traceQl, StandardCharsets.UTF_8)
        + "&start="
        + window.startSeconds()
        + "&end="
        + window.endSeconds()
        + "&limit="
        + limit
        + "&spss="
        + options.spss();
  }

  private SearchResult found(HttpResult<SearchHits> answer, TraceQuery query) {
    if (answer instanceof HttpResult.Failed<SearchHits> failed) {
      return new SearchResult.Failed(BackendFailure.from(failed.failure()));
    }
    if (answer instanceof HttpResult.NotFound) {
      // Tempo answers a search with 200 even when nothing matched: a 404 means the URL is not
      // Tempo's API.
      return new SearchResult.Failed(notTempo());
    }
    SearchHits hits = ((HttpResult.Ok<SearchHits>) answer).value();
    return new SearchResult.Found(newestFirst(hits.hits(), query.limit()), warnings(hits, query));
  }

  /** Returns the hits' trace IDs, newest first, each once, at most {@code limit}. */
  static List<TraceRef> newestFirst(List<SearchHits.Hit> hits, int limit) {
    Set<String> ids = new LinkedHashSet<>();
    hits.stream().sorted(NEWEST_FIRST).forEach(hit -> ids.add(hit.traceId()));
    return ids.stream().limit(limit).map(id -> new TraceRef(id, Optional.empty())).toList();
  }

  private List<String> warnings(SearchHits hits, TraceQuery query) {
    List<String> warnings = new ArrayList<>();
    if (!options.endCutoff().isZero()
        && query.to().isAfter(clock.instant().minus(options.endCutoff()))) {
      warnings.add(
          name
              + " does not search the last "
              + DurationFormat.exact(options.endCutoff())
              + ": traces from just now may be missing; try again in a minute.");
    }
    if (hits.hits().size() + hits.unreadableIds() >= query.limit()) {
      warnings.add(
          name
              + " stopped at "
              + query.limit()
              + " traces and does not pick the newest:"
              + " more may exist. Narrow the window or add a filter.");
    }
    if (hits.unreadableIds() > 0) {
      warnings.add(
          name
              + " sent "
              + hits.unreadableIds()
              + " trace IDs the bot could not read;"
              + " those traces are left out.");
    }
    return warnings;
  }

  private SearchResult refused(String sentence) {
    return new SearchResult.Failed(
        BackendFailure.of(BackendFailure.Kind.UNSUPPORTED_QUERY, name, sentence));
  }
}

package dev.tracelookup.backend.tempo;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.LinkQuery;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Searches Tempo by span link with TraceQL's link intrinsic, {@code { link:traceID = "<hex>" }}:
 * the traces in which some span links into the given trace.
 *
 * <p>Tempo added the {@code link} scope with its intrinsics {@code link:traceID} and {@code
 * link:spanID} in 2.6 (grafana/tempo#3741; "Version 2.6 release notes"), and only vParquet4 blocks,
 * the default from 2.6, store links: traces in older blocks match nothing. An older Tempo refuses
 * the query with a 400 "invalid TraceQL query: parse error …"; that answer becomes {@link
 * LinkSearch.Unsupported}, naming the version {@code /api/status/buildinfo} reports, and is
 * remembered for {@link #REMEMBER_UNSUPPORTED} so that lookups do not ask again and again, while an
 * upgraded Tempo is noticed without a restart.
 */
final class TempoLinkSearch {
  /** The first Tempo whose TraceQL has the link intrinsics. */
  static final String LINKS_SINCE = "2.6";

  static final Duration REMEMBER_UNSUPPORTED = Duration.ofMinutes(10);

  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(\\.\\d+)?.*");

  private final BackendHttp http;
  private final TempoSearch search;
  private final TempoOptions options;
  private final Clock clock;
  private final String name;
  private volatile Remembered unsupported;

  private record Remembered(LinkSearch.Unsupported answer, Instant until) {}

  TempoLinkSearch(BackendHttp http, TempoSearch search, TempoOptions options, Clock clock) {
    this.http = http;
    this.search = search;
    this.options = options;
    this.clock = clock;
    this.name = http.endpoint().backendName();
  }

  LinkSearch search(LinkQuery query) {
    Remembered known = unsupported;
    if (known != null && clock.instant().isBefore(known.until())) {
      return known.answer();
    }
    String traceQl = "{ link:traceID = " + TraceQl.string(query.traceId()) + " }";
    // One more than asked: the linked-to trace may link to itself and is left out of the answer.
    HttpResult<SearchHits> answer = search.send(traceQl, window(query), query.limit() + 1);
    if (answer instanceof HttpResult.Ok<SearchHits> ok) {
      List<TraceRef> found =
          TempoSearch.newestFirst(ok.value().hits(), query.limit() + 1).stream()
              .filter(ref -> !ref.traceId().equals(query.traceId()))
              .limit(query.limit())
              .toList();
      return new LinkSearch.Found(found);
    }
    if (answer instanceof HttpResult.NotFound) {
      return new LinkSearch.Failed(search.notTempo());
    }
    BackendFailure failure =
        BackendFailure.from(((HttpResult.Failed<SearchHits>) answer).failure());
    return refusedTraceQl(failure) ? unsupportedOrFailed(failure) : new LinkSearch.Failed(failure);
  }

  /** Returns the query's window in whole seconds, cut to the longest window Tempo searches. */
  private SearchWindow window(LinkQuery query) {
    SearchWindow covering = SearchWindow.covering(query.from(), query.to());
    long longest = options.maxWindow().toSeconds();
    return covering.length().toSeconds() <= longest
        ? covering
        : new SearchWindow(covering.startSeconds(), covering.startSeconds() + longest);
  }

  /** Returns whether Tempo refused the query's text rather than its parameters. */
  private static boolean refusedTraceQl(BackendFailure failure) {
    String detail = failure.detail().toLowerCase(Locale.ROOT);
    return failure.kind() == BackendFailure.Kind.REJECTED
        && (detail.contains("invalid traceql")
            || detail.contains("parse error")
            || detail.contains("intrinsic"));
  }

  /**
   * Asks Tempo its version: one that should know the intrinsics refused something else, which stays
   * a failure; any other cannot search by link.
   */
  private LinkSearch unsupportedOrFailed(BackendFailure refusal) {
    Optional<String> version = version();
    if (version.isPresent() && atLeast(version.get(), LINKS_SINCE)) {
      return new LinkSearch.Failed(refusal);
    }
    LinkSearch.Unsupported answer =
        new LinkSearch.Unsupported(
            name
                + version.map(v -> " " + v).orElse("")
                + " cannot search by span link; TraceQL link intrinsics need Tempo ≥ "
                + LINKS_SINCE
                + ".");
    unsupported = new Remembered(answer, clock.instant().plus(REMEMBER_UNSUPPORTED));
    return answer;
  }

  /** Returns the version Tempo reports, when it reports one that reads as a version. */
  private Optional<String> version() {
    HttpResult<String> answer =
        http.get("/api/status/buildinfo", "application/json", new BuildInfoReader());
    if (!(answer instanceof HttpResult.Ok<String> ok)) {
      return Optional.empty();
    }
    String version = ok.value();
    return VERSION.matcher(version).matches()
        ? Optional.of(version.startsWith("v") ? version.substring(1) : version)
        : Optional.empty();
  }

  /**
   * Returns whether {@code version} (e.g. {@code 2.5.0}) is at least {@code minimum} ({@code 2.6}).
   */
  static boolean atLeast(String version, String minimum) {
    Matcher have = VERSION.matcher(version);
    Matcher need = VERSION.matcher(minimum);
    if (!have.matches() || !need.matches()) {
      return false;
    }
    int major = Integer.compare(Integer.parseInt(have.group(1)), Integer.parseInt(need.group(1)));
    return major != 0
        ? major > 0
        : Integer.parseInt(have.group(2)) >= Integer.parseInt(need.group(2));
  }
}

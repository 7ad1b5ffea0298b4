package dev.tracelookup.backend.tempo;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.CheckResult;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.LinkQuery;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.backend.SameFailureCount;
import dev.tracelookup.backend.SameFailureQuery;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceIds;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Grafana Tempo 2.x and 3.x: searches with TraceQL over {@code /api/search} and reads traces by ID
 * over {@code /api/v2/traces} (or v1). Search answers carry trace IDs only, so the pipeline fetches
 * each trace. From 2.6, TraceQL also searches by span link.
 *
 * <p>Authentication and tenancy ({@code Authorization}, {@code X-Scope-OrgID}) are the endpoint's
 * headers. Instances are immutable and safe for concurrent use.
 */
public final class TempoBackend implements TraceBackend {
  private final BackendHttp http;
  private final TempoOptions options;
  private final TempoSearch search;
  private final TempoFailureCount failureCount;
  private final TempoLinkSearch linkSearch;
  private final TraceResponseReader traceReader;
  private final Optional<ExploreLink> exploreLink;

  /**
   * @param userAttributeKeys the span or resource attributes holding the user ID, e.g. {@code
   *     user.id} and {@code enduser.id}; plain names of letters, digits and {@code _}, joined by
   *     {@code .}, {@code :} or {@code -}
   * @param clock tells how recent a window is, for Tempo's end cut-off
   * @throws IllegalArgumentException when there is no user attribute key, or one is not a plain
   *     name
   */
  public TempoBackend(
      BackendHttp http, List<String> userAttributeKeys, TempoOptions options, Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.options = Objects.requireNonNull(options, "options");
    List<String> keys = checkedKeys(userAttributeKeys);
    this.search = new TempoSearch(http, keys, options, Objects.requireNonNull(clock, "clock"));
    this.linkSearch = new TempoLinkSearch(http, search, options, clock);
    this.failureCount = new TempoFailureCount(http, keys, options);
    this.traceReader = new TraceResponseReader(new OtlpJsonReader(Set.copyOf(keys)));
    this.exploreLink =
        options
            .grafanaUrl()
            .map(grafana -> new ExploreLink(grafana, options.datasourceUid(), options.orgId()));
  }

  /**
   * Counts with one TraceQL search selecting the user attributes, so no trace is fetched (see
   * {@link TempoFailureCount}).
   */
  @Override
  public SameFailureCount countSameFailure(SameFailureQuery query) {
    return failureCount.count(Objects.requireNonNull(query, "query"));
  }

  /** Returns the endpoint's name, e.g. {@code Tempo}. */
  @Override
  public String displayName() {
    return http.endpoint().backendName();
  }

  /**
   * Returns the IDs of the matching traces, newest first. Windows longer than Tempo accepts, and
   * queries it could not take, are refused as {@link BackendFailure.Kind#UNSUPPORTED_QUERY} without
   * a call.
   */
  @Override
  public SearchResult search(TraceQuery query) {
    return search.search(Objects.requireNonNull(query, "query"));
  }

  /**
   * Returns the traces with a span linking into the query's trace, newest first, found with
   * TraceQL's {@code { link:traceID = "…" }} through the same search path as user IDs. Tempo before
   * 2.6 has no link intrinsics: its refusal becomes {@link LinkSearch.Unsupported}, naming its
   * version. Traces in blocks older than vParquet4 keep no links and are not found.
   */
  @Override
  public LinkSearch searchLinkingTo(LinkQuery query) {
    return linkSearch.search(Objects.requireNonNull(query, "query"));
  }

  /**
   * Reads a trace by ID in any form {@link TraceIds} reads. A trace Tempo cut short comes back
   * {@code partial}; an unknown ID, or a trace without spans, is {@link FetchResult.NotFound}.
   */
  @Override
  public FetchResult fetch(String traceId) {
    Optional<String> id = TraceIds.traceId(Objects.requireNonNull(traceId, "traceId"));
    if (id.isEmpty()) {
      return new FetchResult.NotFound(traceId);
    }
    HttpResult<TraceDocument> answer =
        http.get(options.apiVersion().tracePath(id.get()), "application/json", traceReader);
    if (answer instanceof HttpResult.Failed<TraceDocument> failed) {
      return new FetchResult.Failed(BackendFailure.from(failed.failure()));
    }
    if (answer instanceof HttpResult.NotFound) {
      return new FetchResult.NotFound(id.get());
    }
    return fetched(id.get(), ((HttpResult.Ok<TraceDocument>) answer).value());
  }

  /**
   * Asks {@code /api/echo}, which the query frontend answers once it is ready, below the same base
   * path and with the same headers as searches, so a gateway or a bad token shows up here too.
   */
  @Override
  public CheckResult check() {
    return CheckResult.of(http.check("/api/echo"));
  }

  /** Returns the Grafana Explore link when a Grafana URL is configured. */
  @Override
  public Optional<String> traceUrl(String traceId, Optional<String> focusSpanId) {
    Optional<String> id = TraceIds.traceId(traceId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> spanId = focusSpanId.flatMap(TraceIds::spanId);
    return exploreLink.map(link -> link.to(id.get(), spanId));
  }

  private FetchResult fetched(String traceId, TraceDocument document) {
    if (document.spans().isEmpty()) {
      return new FetchResult.NotFound(traceId);
    }
    for (Span span : document.spans()) {
      if (!span.traceId().equals(traceId)) {
        return new FetchResult.Failed(
            BackendFailure.of(
                BackendFailure.Kind.MALFORMED,
                displayName(),
                "GET "
                    + options.apiVersion().tracePath(traceId)
                    + ": the answer holds spans of another trace"));
      }
    }
    return new FetchResult.Fetched(new Trace(traceId, document.spans()), document.partial());
  }

  private static List<String> checkedKeys(List<String> userAttributeKeys) {
    List<String> keys = List.copyOf(Objects.requireNonNull(userAttributeKeys, "userAttributeKeys"));
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(
          "no user attribute keys given; name at least one, e.g. user.id");
    }
    for (String key : keys) {
      if (!TraceQl.isAttributeName(key)) {
        throw new IllegalArgumentException(
            "the user attribute key \""
                + key
                + "\" is not a plain"
                + " attribute name (letters, digits and _ joined by '.', ':' or '-')");
      }
    }
    return keys;
  }
}

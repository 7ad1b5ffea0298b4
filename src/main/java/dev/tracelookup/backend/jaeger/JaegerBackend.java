package dev.tracelookup.backend.jaeger;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.CheckResult;
import dev.tracelookup.backend.FailureSignature;
import dev.tracelookup.backend.FailureTally;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.LinkQuery;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.backend.SameFailureCount;
import dev.tracelookup.backend.SameFailureQuery;
import dev.tracelookup.backend.SearchFanout;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.trace.TraceIds;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link TraceBackend} over a Jaeger query service, through its api/v3 HTTP gateway or its older
 * UI JSON API ({@link JaegerOptions.Api}).
 *
 * <p>Jaeger ANDs attribute filters, so a search runs once per user key, and once per configured
 * entry service; the answers are merged by trace ID. Searches return whole traces, so the lookup
 * needs no second call. Jaeger cannot express "errors only" nor "a span of this service or name
 * anywhere in the trace", and older gateways ignore attribute filters: every returned trace is
 * checked against the whole query before it is shown.
 *
 * <p>Span links are read (api/v3 keeps them; v1 writes them as {@code FOLLOWS_FROM} references),
 * but neither API can search by link.
 *
 * <p>Instances are immutable and safe for concurrent use.
 */
public final class JaegerBackend implements TraceBackend {
  /**
   * Longer IDs are refused: escaped and encoded, they would make URLs past the 8 KiB that proxies
   * in front of Jaeger commonly accept, and no product's user ID is that long.
   */
  static final int MAX_USER_ID_LENGTH = 512;

  private final String displayName;
  private final BackendHttp http;
  private final JaegerApi api;
  private final JaegerOptions options;
  private final List<String> userKeys;
  private final SearchFanout fanout;

  /**
   * @param http calls Jaeger's query service; its endpoint's base URL is the query service's
   *     (default port 16686, with the base path if one is configured), its name the display name
   * @param userAttributeKeys the span attributes that hold the user ID, e.g. {@code user.id} and
   *     {@code enduser.id}
   * @throws IllegalArgumentException when no user attribute key is given
   */
  public JaegerBackend(BackendHttp http, List<String> userAttributeKeys, JaegerOptions options) {
    this(http, userAttributeKeys, options, SearchFanout.oneAtATime());
  }

  /**
   * @param fanout runs the searches by each key (and entry service) at the same time
   */
  public JaegerBackend(
      BackendHttp http,
      List<String> userAttributeKeys,
      JaegerOptions options,
      SearchFanout fanout) {
    this.fanout = Objects.requireNonNull(fanout, "fanout");
    this.http = Objects.requireNonNull(http, "http");
    this.userKeys = List.copyOf(userAttributeKeys);
    this.options = Objects.requireNonNull(options, "options");
    if (userKeys.isEmpty() || userKeys.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("name at least one user attribute key, e.g. user.id");
    }
    this.displayName = http.endpoint().backendName();
    this.api =
        options.api() == JaegerOptions.Api.V3
            ? new V3Api(http, new OtlpJsonReader(Set.copyOf(userKeys)))
            : new V1Api(http, Set.copyOf(userKeys));
  }

  @Override
  public String displayName() {
    return displayName;
  }

  /** Asks for the service list, the cheapest call of the configured API that reads storage. */
  @Override
  public CheckResult check() {
    String path = options.api() == JaegerOptions.Api.V3 ? "/api/v3/services" : "/api/services";
    return CheckResult.of(http.check(path));
  }

  /** Returns the matching traces, each whole, newest first. */
  @Override
  public SearchResult search(TraceQuery query) {
    Optional<SearchResult> refused = refusal(query);
    if (refused.isPresent()) {
      return refused.get();
    }
    SearchMerger merger =
        new SearchMerger(new TraceMatcher(query, userKeys), query.limit(), options.api());
    List<SearchSpec> specs = SearchPlan.specs(query, userKeys, options.entryServices());
    List<SearchResult> results = fanout.all(specs, api::find);
    for (int i = 0; i < specs.size(); i++) {
      SearchResult result = results.get(i);
      if (result instanceof SearchResult.Failed failed && needsEntryServices(failed)) {
        return unsupported("This Jaeger's storage cannot search without a service name");
      }
      merger.add(specs.get(i), result);
    }
    return merger.result();
  }

  /**
   * Counts with one search by the culprit's service, operation and {@code error=true} tag; the
   * traces come back whole, so the signature and the customers are read from their spans.
   */
  @Override
  public SameFailureCount countSameFailure(SameFailureQuery query) {
    FailureSignature signature = query.signature();
    SearchResult result =
        api.findFailing(
            signature.service(), signature.spanName(), query.from(), query.to(), query.limit());
    if (result instanceof SearchResult.Failed failed) {
      return new SameFailureCount.Failed(failed.failure());
    }
    List<TraceRef> found = ((SearchResult.Found) result).traces();
    FailureTally.Builder tally = FailureTally.builder(userKeys, query.limit());
    for (TraceRef ref : found) {
      ref.trace().ifPresent(trace -> tally.addIfFailed(trace, signature));
    }
    if (found.size() >= query.limit()) {
      tally.limitReached();
    }
    return new SameFailureCount.Counted(tally.build());
  }

  /**
   * Answers that links cannot be searched, without a call: neither API has a search by span link
   * (Jaeger matches tags and attributes on spans, not on their references or links). Links the
   * customer's own spans carry are still followed, by fetching the linked trace by ID.
   */
  @Override
  public LinkSearch searchLinkingTo(LinkQuery query) {
    return new LinkSearch.Unsupported(displayName + " cannot search by span link.");
  }

  /** Fetches a trace by ID in any form {@link TraceIds} reads; IDs it cannot read are not found. */
  @Override
  public FetchResult fetch(String traceId) {
    Objects.requireNonNull(traceId, "traceId");
    Optional<String> normalised = TraceIds.traceId(traceId);
    return normalised.isEmpty() ? new FetchResult.NotFound(traceId) : api.get(normalised.get());
  }

  /** Returns {@code <ui>/trace/<traceId>}, with {@code ?uiFind=<spanId>} to focus a span. */
  @Override
  public Optional<String> traceUrl(String traceId, Optional<String> focusSpanId) {
    return options
        .uiUrl()
        .map(
            ui -> {
              String base = ui.toString().replaceAll("/+$", "");
              String url = base + "/trace/" + encoded(traceId);
              return focusSpanId.map(span -> url + "?uiFind=" + encoded(span)).orElse(url);
            });
  }

  /** Returns why the query cannot be sent at all, if it cannot. */
  private Optional<SearchResult> refusal(TraceQuery query) {
    int length = query.userId().length();
    if (length > MAX_USER_ID_LENGTH) {
      String why =
          "The user ID is "
              + length
              + " characters long, and the bot sends "
              + displayName
              + " user IDs of up to "
              + MAX_USER_ID_LENGTH
              + " characters. Check that the whole ID, and only the ID, was given.";
      return Optional.of(
          new SearchResult.Failed(
              BackendFailure.of(BackendFailure.Kind.UNSUPPORTED_QUERY, displayName, why)));
    }
    if (options.api() == JaegerOptions.Api.V1 && options.entryServices().isEmpty()) {
      return Optional.of(unsupported("Jaeger's v1 API cannot search without a service name"));
    }
    return Optional.empty();
  }

  private boolean needsEntryServices(SearchResult.Failed failed) {
    return options.entryServices().isEmpty() && V3Api.needsService(failed.failure());
  }

  private SearchResult unsupported(String why) {
    return new SearchResult.Failed(
        BackendFailure.of(
            BackendFailure.Kind.UNSUPPORTED_QUERY,
            displayName,
            why
                + ", and no entry services are configured. Ask the admin to list the services"
                + " whose spans carry the user ID (such as the API gateway) as the Jaeger"
                + " backend's entry services in the bot's config."));
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

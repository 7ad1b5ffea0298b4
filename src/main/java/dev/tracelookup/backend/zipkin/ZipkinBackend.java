package dev.tracelookup.backend.zipkin;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.CheckResult;
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
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TraceBackend} over Zipkin's v2 HTTP API ({@code /api/v2/traces}, {@code
 * /api/v2/trace/{id}}).
 *
 * <p>Search runs one {@code annotationQuery} per user attribute key ({@code user.id=usr_1}, then
 * {@code enduser.id=usr_1}), since the query language has no "or", and merges the answers by trace
 * ID. It has no escaping either, so an ID that could change the query's meaning is refused before
 * anything is sent. Zipkin answers whole traces, so search results carry them and need no fetch.
 *
 * <p>Zipkin's semantics differ from the other backends in ways the agent may notice: service and
 * span names are lower case; with a service filter, the user ID (and, for errors only, the {@code
 * error} tag) must be on a span of that service; and a trace is found by its root span's start,
 * which the search widens and checks against the window itself ({@link SearchPath}). Zipkin's model
 * has no span links, so work a trace queued into traces of their own cannot be found.
 *
 * <p>Instances are immutable and safe for concurrent use.
 */
public final class ZipkinBackend implements TraceBackend {
  private static final String JSON = "application/json";
  private static final String TRACE_PATH = "/api/v2/trace/";

  private final BackendHttp http;
  private final List<String> userAttributeKeys;
  private final ZipkinOptions options;
  private final SearchFanout fanout;

  /**
   * @param http calls the Zipkin API; its endpoint's base URL is the API root, e.g. {@code
   *     http://zipkin:9411}, and its backend name is the display name, e.g. {@code Zipkin}
   * @param userAttributeKeys the tags that hold the user ID, searched in this order, e.g. {@code
   *     user.id} and {@code enduser.id}
   * @throws IllegalArgumentException when there is no key, or a key could change the meaning of an
   *     annotation query (anything beyond letters, digits and {@code _ . : -})
   */
  public ZipkinBackend(BackendHttp http, List<String> userAttributeKeys, ZipkinOptions options) {
    this(http, userAttributeKeys, options, SearchFanout.oneAtATime());
  }

  /**
   * @param fanout runs the searches by each key at the same time
   */
  public ZipkinBackend(
      BackendHttp http,
      List<String> userAttributeKeys,
      ZipkinOptions options,
      SearchFanout fanout) {
    this.fanout = Objects.requireNonNull(fanout, "fanout");
    this.http = Objects.requireNonNull(http, "http");
    this.userAttributeKeys = List.copyOf(userAttributeKeys);
    this.options = Objects.requireNonNull(options, "options");
    if (this.userAttributeKeys.isEmpty()) {
      throw new IllegalArgumentException(
          "no user attribute keys given; name at least one, e.g. user.id");
    }
    for (String key : this.userAttributeKeys) {
      if (!AnnotationQuery.isSafeKey(key)) {
        throw new IllegalArgumentException(
            "a user attribute key cannot be used in a Zipkin annotation query: " + key);
      }
    }
  }

  @Override
  public String displayName() {
    return http.endpoint().backendName();
  }

  /**
   * Asks {@code /api/v2/services}: it goes through the API root and its storage, as searches do,
   * where {@code /health} may sit outside a proxied base path.
   */
  @Override
  public CheckResult check() {
    return CheckResult.of(http.check("/api/v2/services"));
  }

  /**
   * Returns the traces where a span carries the user ID in any of the keys, overlapping the window,
   * newest first; or {@link BackendFailure.Kind#UNSUPPORTED_QUERY} without a call when the ID
   * cannot be written into an annotation query.
   */
  @Override
  public SearchResult search(TraceQuery query) {
    Optional<String> refusal = AnnotationQuery.refusal(query.userId(), displayName());
    if (refusal.isPresent()) {
      return new SearchResult.Failed(
          BackendFailure.of(BackendFailure.Kind.UNSUPPORTED_QUERY, displayName(), refusal.get()));
    }
    List<HttpResult<List<Trace>>> answers =
        fanout.all(
            userAttributeKeys,
            key -> http.get(SearchPath.of(key, query), JSON, ZipkinBackend::readTraceList));
    MergedSearch merged = new MergedSearch(query, displayName());
    for (int i = 0; i < answers.size(); i++) {
      merged.add(userAttributeKeys.get(i), answers.get(i));
    }
    return merged.result();
  }

  /**
   * Answers that links cannot be searched, without a call: Zipkin v2's span model has no links, and
   * the tags the Collector keeps them in are free text no query can match on a trace ID.
   */
  @Override
  public LinkSearch searchLinkingTo(LinkQuery query) {
    return new LinkSearch.Unsupported(displayName() + " cannot search by span link.");
  }

  /**
   * Counts with one search by the culprit's service, span name and {@code error} tag; the traces
   * come back whole, so the signature and the customers are read from their spans. Zipkin stamps a
   * trace with its root's start, so traces starting before the window are dropped here.
   */
  @Override
  public SameFailureCount countSameFailure(SameFailureQuery query) {
    HttpResult<List<Trace>> answer =
        http.get(SearchPath.sameFailure(query), JSON, ZipkinBackend::readTraceList);
    if (answer instanceof HttpResult.Failed<List<Trace>> failed) {
      return new SameFailureCount.Failed(BackendFailure.from(failed.failure()));
    }
    List<Trace> traces = answer instanceof HttpResult.Ok<List<Trace>> ok ? ok.value() : List.of();
    FailureTally.Builder tally = FailureTally.builder(userAttributeKeys, query.limit());
    for (Trace trace : traces) {
      if (overlaps(trace, query)) {
        tally.addIfFailed(trace, query.signature());
      }
    }
    if (traces.size() >= query.limit()) {
      tally.limitReached();
    }
    return new SameFailureCount.Counted(tally.build());
  }

  private static boolean overlaps(Trace trace, SameFailureQuery query) {
    return trace.spans().stream()
        .anyMatch(
            span ->
                !span.start().isAfter(query.to())
                    && !span.start().plus(span.duration()).isBefore(query.from()));
  }

  /** Fetches a trace by its hex ID; anything else cannot be a Zipkin trace and is not found. */
  @Override
  public FetchResult fetch(String traceId) {
    Objects.requireNonNull(traceId, "traceId");
    Optional<String> id = HexIds.traceId(traceId);
    if (id.isEmpty()) {
      return new FetchResult.NotFound(traceId);
    }
    // Zipkin answers 400 to upper-case IDs; the normalised ID is lower case.
    HttpResult<List<Span>> answer = http.get(TRACE_PATH + id.get(), JSON, ZipkinBackend::readTrace);
    if (answer instanceof HttpResult.Failed<List<Span>> failed) {
      return new FetchResult.Failed(BackendFailure.from(failed.failure()));
    }
    Optional<Trace> trace =
        answer instanceof HttpResult.Ok<List<Span>> ok
            ? ZipkinTraces.assemble(ok.value())
            : Optional.empty();
    return trace
        .<FetchResult>map(found -> new FetchResult.Fetched(found, false))
        .orElseGet(() -> new FetchResult.NotFound(id.get()));
  }

  /** Returns {@code <ui>/zipkin/traces/<traceId>}; Zipkin's UI cannot focus a span by URL. */
  @Override
  public Optional<String> traceUrl(String traceId, Optional<String> focusSpanId) {
    String base = options.uiUrl().orElse(http.endpoint().baseUrl()).toString();
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String id = URLEncoder.encode(traceId.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
    return Optional.of(trimmed + "/zipkin/traces/" + id);
  }

  private static List<Trace> readTraceList(InputStream body) throws IOException {
    ZipkinTraces.Collector collector = new ZipkinTraces.Collector();
    ZipkinJsonReader.readTraceList(body, collector);
    return collector.traces();
  }

  private static List<Span> readTrace(InputStream body) throws IOException {
    List<Span> spans = new ArrayList<>();
    ZipkinJsonReader.readTrace(body, spans::add);
    return spans;
  }
}

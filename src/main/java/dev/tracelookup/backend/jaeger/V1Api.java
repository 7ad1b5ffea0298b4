package dev.tracelookup.backend.jaeger;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.trace.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Jaeger's UI JSON API, for deployments up to v2.20 and 1.x.
 *
 * <p>Search: {@code GET /api/traces?service=..&tags={json}&start=<µs>&end=<µs>&limit=n}. Fetch:
 * {@code GET /api/traces/{id}}. Both answer {@code {"data":[traces],"errors":..}}. The search needs
 * a service. Newer Jaeger versions removed it (only the fetch by ID remains): they answer 404.
 */
final class V1Api implements JaegerApi {
  static final String ACCEPT = "application/json";
  private static final int MAX_ERROR_TEXT = 200;

  private final BackendHttp http;
  private final Set<String> keptProcessKeys;

  /**
   * @param keptProcessKeys process tags to copy onto each span of the process: the user keys
   */
  V1Api(BackendHttp http, Set<String> keptProcessKeys) {
    this.http = http;
    this.keptProcessKeys = Set.copyOf(keptProcessKeys);
  }

  @Override
  public SearchResult find(SearchSpec spec) {
    HttpResult<V1Response> answer = http.get(searchPath(spec), ACCEPT, this::read);
    if (answer instanceof HttpResult.Failed<V1Response> failed) {
      return new SearchResult.Failed(BackendFailure.from(failed.failure()));
    }
    if (answer instanceof HttpResult.NotFound) {
      return new SearchResult.Failed(
          BackendFailure.of(
              BackendFailure.Kind.UNSUPPORTED_QUERY,
              name(),
              name()
                  + " answered 404 to its v1 search API (/api/traces), which newer Jaeger versions"
                  + " removed. Ask the admin to switch the bot's Jaeger backend to the v3 API."));
    }
    V1Response response = ((HttpResult.Ok<V1Response>) answer).value();
    if (response.traces().isEmpty() && !response.errors().isEmpty()) {
      return new SearchResult.Failed(reported(response, "/api/traces"));
    }
    return new SearchResult.Found(response.traces().stream().map(TraceRef::of).toList(), List.of());
  }

  @Override
  public SearchResult findFailing(
      String service, String operation, Instant from, Instant to, int limit) {
    return find(failingPath(service, operation, from, to, limit));
  }

  private SearchResult find(String path) {
    HttpResult<V1Response> answer = http.get(path, ACCEPT, this::read);
    if (answer instanceof HttpResult.Failed<V1Response> failed) {
      return new SearchResult.Failed(BackendFailure.from(failed.failure()));
    }
    if (answer instanceof HttpResult.NotFound) {
      return new SearchResult.Found(List.of(), List.of());
    }
    V1Response response = ((HttpResult.Ok<V1Response>) answer).value();
    if (response.traces().isEmpty() && !response.errors().isEmpty()) {
      return new SearchResult.Failed(reported(response, "/api/traces"));
    }
    return new SearchResult.Found(response.traces().stream().map(TraceRef::of).toList(), List.of());
  }

  /**
   * Returns the path of a search for one operation's failures: {@code
   * /api/traces?service=&operation=&tags={"error":"true"}&start=&end=&limit=}.
   */
  static String failingPath(String service, String operation, Instant from, Instant to, int limit) {
    QueryString query =
        new QueryString()
            .add("service", service)
            .add("operation", operation)
            .add("tags", JsonMaps.write("error", "true"))
            .add("start", Long.toString(micros(from, false)))
            .add("end", Long.toString(micros(to, true)))
            .add("limit", Integer.toString(limit));
    return query.after("/api/traces");
  }

  @Override
  public FetchResult get(String traceId) {
    String path = "/api/traces/" + QueryString.segment(traceId);
    HttpResult<V1Response> answer = http.get(path, ACCEPT, this::read);
    if (answer instanceof HttpResult.Failed<V1Response> failed) {
      return new FetchResult.Failed(BackendFailure.from(failed.failure()));
    }
    if (answer instanceof HttpResult.NotFound) {
      return new FetchResult.NotFound(traceId);
    }
    V1Response response = ((HttpResult.Ok<V1Response>) answer).value();
    for (Trace trace : response.traces()) {
      if (trace.traceId().equals(traceId)) {
        return new FetchResult.Fetched(trace, false);
      }
    }
    return response.errors().isEmpty()
        ? new FetchResult.NotFound(traceId)
        : new FetchResult.Failed(reported(response, "/api/traces/{id}"));
  }

  /** Returns the search's path and query. */
  static String searchPath(SearchSpec spec) {
    QueryString query =
        new QueryString()
            .add("service", spec.service().orElseThrow())
            .add("tags", JsonMaps.write(spec.userKey(), spec.userId()))
            .add("start", Long.toString(micros(spec.from(), false)))
            .add("end", Long.toString(micros(spec.to(), true)))
            .add("limit", Integer.toString(spec.depth()));
    return query.after("/api/traces");
  }

  private V1Response read(InputStream body) throws IOException {
    return new V1Reader(keptProcessKeys).read(body);
  }

  private BackendFailure reported(V1Response response, String path) {
    // Jaeger's messages reach logs and the agent: keep them to one short line.
    String errors = String.join("; ", response.errors()).replaceAll("\\p{Cntrl}+", " ");
    String shown =
        errors.length() > MAX_ERROR_TEXT ? errors.substring(0, MAX_ERROR_TEXT) + "…" : errors;
    return BackendFailure.of(
        BackendFailure.Kind.SERVER_ERROR, name(), "GET " + path + " reported: " + shown);
  }

  private String name() {
    return http.endpoint().backendName();
  }

  /** Returns the instant in Unix microseconds, the unit of the v1 search's window. */
  private static long micros(Instant instant, boolean roundUp) {
    long micros = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    return roundUp && instant.getNano() % 1_000 != 0 ? micros + 1 : micros;
  }
}

package dev.tracelookup.backend.jaeger;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.BodyReader;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.trace.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Jaeger's api/v3 HTTP gateway: {@code GET /api/v3/traces} and {@code GET /api/v3/traces/{id}},
 * both answering OTLP JSON in a {@code {"result":..}} envelope (hex IDs, integer enums), the search
 * with the spans of all matched traces in one list; no match is a 404.
 *
 * <p>Each parameter is sent under its canonical camelCase name and under the snake_case name that
 * every released gateway reads: gateways before the rename ignore the first, newer ones prefer it
 * (and then send no deprecation warning), and unknown names are ignored by all. {@code
 * query.num_traces} is the depth name the oldest gateways read. {@code query.attributes} is a JSON
 * object; gateways before its support ignore it, which the backend detects on the answer.
 */
final class V3Api implements JaegerApi {
  static final String ACCEPT = "application/json";

  private final BackendHttp http;
  private final OtlpJsonReader reader;

  V3Api(BackendHttp http, OtlpJsonReader reader) {
    this.http = http;
    this.reader = reader;
  }

  @Override
  public SearchResult find(SearchSpec spec) {
    HttpResult<List<Trace>> answer = http.get(searchPath(spec), ACCEPT, traces());
    if (answer instanceof HttpResult.Ok<List<Trace>> ok) {
      List<Trace> found = ok.value();
      return new SearchResult.Found(found.stream().map(TraceRef::of).toList(), List.of());
    }
    if (answer instanceof HttpResult.NotFound) {
      return new SearchResult.Found(List.of(), List.of());
    }
    return new SearchResult.Failed(
        BackendFailure.from(((HttpResult.Failed<List<Trace>>) answer).failure()));
  }

  @Override
  public SearchResult findFailing(
      String service, String operation, Instant from, Instant to, int limit) {
    HttpResult<List<Trace>> answer =
        http.get(failingPath(service, operation, from, to, limit), ACCEPT, traces());
    if (answer instanceof HttpResult.Ok<List<Trace>> ok) {
      return new SearchResult.Found(ok.value().stream().map(TraceRef::of).toList(), List.of());
    }
    if (answer instanceof HttpResult.NotFound) {
      return new SearchResult.Found(List.of(), List.of());
    }
    return new SearchResult.Failed(
        BackendFailure.from(((HttpResult.Failed<List<Trace>>) answer).failure()));
  }

  /**
   * Returns the path of a search for one operation's failures: the service, the operation and
   * {@code query.attributes={"error":"true"}} (Jaeger tags a span whose status is ERROR so).
   */
  static String failingPath(String service, String operation, Instant from, Instant to, int limit) {
    String depth = Integer.toString(limit);
    return new QueryString()
        .add("query.serviceName", service)
        .add("query.service_name", service)
        .add("query.operationName", operation)
        .add("query.operation_name", operation)
        .add("query.startTimeMin", from.toString())
        .add("query.start_time_min", from.toString())
        .add("query.startTimeMax", to.toString())
        .add("query.start_time_max", to.toString())
        .add("query.searchDepth", depth)
        .add("query.num_traces", depth)
        .add("query.attributes", JsonMaps.write("error", "true"))
        .after("/api/v3/traces");
  }

  @Override
  public FetchResult get(String traceId) {
    String path = "/api/v3/traces/" + QueryString.segment(traceId);
    HttpResult<List<Trace>> answer = http.get(path, ACCEPT, traces());
    if (answer instanceof HttpResult.Ok<List<Trace>> ok) {
      List<Trace> traces = ok.value();
      return traces.stream()
          .filter(trace -> trace.traceId().equals(traceId))
          .findFirst()
          .<FetchResult>map(trace -> new FetchResult.Fetched(trace, false))
          .orElseGet(() -> new FetchResult.NotFound(traceId));
    }
    if (answer instanceof HttpResult.NotFound) {
      return new FetchResult.NotFound(traceId);
    }
    return new FetchResult.Failed(
        BackendFailure.from(((HttpResult.Failed<List<Trace>>) answer).failure()));
  }

  /** Returns the search's path and query. */
  static String searchPath(SearchSpec spec) {
    String depth = Integer.toString(spec.depth());
    QueryString query =
        new QueryString()
            .add("query.startTimeMin", spec.from().toString())
            .add("query.start_time_min", spec.from().toString())
            .add("query.startTimeMax", spec.to().toString())
            .add("query.start_time_max", spec.to().toString())
            .add("query.searchDepth", depth)
            .add("query.num_traces", depth)
            .add("query.attributes", JsonMaps.write(spec.userKey(), spec.userId()));
    spec.service()
        .ifPresent(
            service -> query.add("query.serviceName", service).add("query.service_name", service));
    return query.after("/api/v3/traces");
  }

  /**
   * Returns whether a refusal says the storage needs a service name (Cassandra, Badger: "requires a
   * service name").
   */
  static boolean needsService(BackendFailure failure) {
    String detail = failure.detail().toLowerCase(Locale.ROOT);
    return failure.kind() == BackendFailure.Kind.REJECTED
        && (detail.contains("service name")
            || detail.contains("service_name")
            || detail.contains("servicename"));
  }

  private BodyReader<List<Trace>> traces() {
    return body -> {
      TraceGrouper grouper = new TraceGrouper();
      reader.read(body, grouper);
      return grouper.traces();
    };
  }
}

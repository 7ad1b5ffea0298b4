package dev.tracelookup.backend.tempo;

import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceIds;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Tempo's query API on a real local HTTP server: {@code /api/search} answers what the test set,
 * {@code /api/v2/traces/<id>} and {@code /api/traces/<id>} serve stored answers or Tempo's 404, and
 * every request is recorded so a test can check the exact path, parameters and headers sent.
 *
 * <p>It does not evaluate TraceQL: tests state the search answer and check the query text.
 */
final class FakeTempo implements AutoCloseable {
  /** What Tempo's frontend writes with its 404 for an unknown trace ID. */
  static final String TRACE_NOT_FOUND = "trace not found";

  static final String EMPTY_SEARCH =
      "{\"traces\":[],\"metrics\":{\"inspectedBytes\":\"1024\",\"completedJobs\":1,\"totalJobs\":1}}";

  static final String TENANT_HEADER = "X-Scope-OrgID";
  static final String TENANT = "acme|acme-eu";
  static final String TOKEN = "Basic MTIzNDU2Omdsc2FfdG9rZW4=";
  static final List<String> USER_KEYS = List.of("user.id", "enduser.id");

  private final FakeHttpServer server;
  private final Map<String, String> v2Traces = new ConcurrentHashMap<>();
  private final Map<String, String> v1Traces = new ConcurrentHashMap<>();
  private volatile String searchAnswer = EMPTY_SEARCH;
  private volatile List<Trace> searchable = List.of();
  private volatile Optional<Function<RecordedRequest, Reply>> override = Optional.empty();

  FakeTempo() throws Exception {
    server = new FakeHttpServer(this::answer);
  }

  URI uri() {
    return server.uri();
  }

  /**
   * Returns a backend on this fake whose endpoint sends a tenant and a token, retries 3 times
   * within 10 s and accepts 1 MiB answers; waits between attempts are recorded in {@code pauses}.
   */
  TempoBackend backend(TempoOptions options, Clock clock, List<Duration> pauses) {
    return new TempoBackend(http(clock, pauses), USER_KEYS, options, clock);
  }

  /** Returns the HTTP client of {@link #backend}, for backends built with other parameters. */
  BackendHttp http(Clock clock, List<Duration> pauses) {
    Endpoint endpoint =
        new Endpoint(
            "Tempo",
            uri(),
            Map.of(TENANT_HEADER, TENANT, "Authorization", TOKEN),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            3,
            1 << 20);
    return new BackendHttp(HttpClient.newHttpClient(), endpoint, clock, pauses::add);
  }

  FakeTempo searchAnswers(String json) {
    searchAnswer = json;
    return this;
  }

  FakeTempo traceV2(String traceId, String json) {
    v2Traces.put(traceId, json);
    return this;
  }

  FakeTempo traceV1(String traceId, String json) {
    v1Traces.put(traceId, json);
    return this;
  }

  /**
   * Stores the traces (as v2 answers) and answers searches from them as Tempo would: those that
   * overlap {@code start..end}, at most {@code limit}, in no time order. The query text is not
   * evaluated, so every trace given should match it.
   */
  FakeTempo searchable(List<Trace> traces) {
    traces.forEach(trace -> traceV2(trace.traceId(), TempoJson.traceV2(trace.spans())));
    searchable = List.copyOf(traces);
    return this;
  }

  /** Answers every request with the router instead, for failures. */
  FakeTempo answerAll(Function<RecordedRequest, Reply> router) {
    override = Optional.of(router);
    return this;
  }

  RecordedRequest takeRequest() throws InterruptedException {
    return server.takeRequest(Duration.ofSeconds(5));
  }

  int pending() {
    return server.pending();
  }

  /**
   * Returns the request's query parameters, decoded as Go's {@code url.ParseQuery} decodes them.
   */
  static Map<String, String> parameters(RecordedRequest request) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (request.query() == null) {
      return parameters;
    }
    for (String pair : request.query().split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      if (parameters.put(decode(name), decode(value)) != null) {
        throw new AssertionError("parameter sent twice: " + name);
      }
    }
    return parameters;
  }

  @Override
  public void close() throws Exception {
    server.close();
  }

  private Reply answer(RecordedRequest request) {
    if (override.isPresent()) {
      return override.get().apply(request);
    }
    String path = request.path();
    if (path.equals("/api/search")) {
      return Reply.json(searchable.isEmpty() ? searchAnswer : searchStored(parameters(request)));
    }
    if (path.startsWith("/api/v2/traces/")) {
      return trace(v2Traces, path.substring("/api/v2/traces/".length()));
    }
    if (path.startsWith("/api/traces/")) {
      return trace(v1Traces, path.substring("/api/traces/".length()));
    }
    return Reply.status(404, "404 page not found");
  }

  /** A trace matches when it overlaps the window (tempodb/encoding/vparquet5/block_traceql.go). */
  private String searchStored(Map<String, String> parameters) {
    long start = Long.parseLong(parameters.get("start")) * 1_000_000_000L;
    long end = Long.parseLong(parameters.get("end")) * 1_000_000_000L;
    List<Trace> found =
        searchable.stream()
            .filter(
                trace ->
                    trace.spans().stream().mapToLong(Span::startEpochNanos).min().orElseThrow()
                        <= end)
            .filter(
                trace ->
                    trace.spans().stream().mapToLong(Span::endEpochNanos).max().orElseThrow()
                        >= start)
            .sorted(Comparator.comparing(Trace::traceId))
            .limit(Long.parseLong(parameters.get("limit")))
            .toList();
    return TempoSearchJson.search(found);
  }

  /** Tempo reads unpadded and upper-case IDs too (pkg/util/traceid.go hexStringToID). */
  private static Reply trace(Map<String, String> traces, String rawId) {
    String json = TraceIds.traceId(rawId).map(traces::get).orElse(null);
    return json == null ? Reply.status(404, TRACE_NOT_FOUND) : Reply.json(json);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}

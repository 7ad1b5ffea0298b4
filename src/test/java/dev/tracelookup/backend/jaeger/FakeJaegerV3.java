package dev.tracelookup.backend.jaeger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceIds;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Jaeger's api/v3 HTTP gateway as a real HTTP server: {@code GET /api/v3/traces} and {@code GET
 * /api/v3/traces/{id}}, with its quirks: JSON sent as {@code text/plain} (Go sniffs it; the gateway
 * sets no type), errors as {@code {"error":{"httpCode":..,"message":..}}} plus a newline, no match
 * as 404, canonical camelCase parameters winning over their snake_case aliases.
 *
 * <p>{@link #legacyGateway()} turns it into a gateway from before the camelCase rename and before
 * attribute filters: it reads only snake_case names and ignores {@code query.attributes}.
 */
final class FakeJaegerV3 implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GO_SNIFFED_JSON = "text/plain; charset=utf-8";

  private final FakeTraceStore store = new FakeTraceStore();
  private final FakeHttpServer server;
  private volatile boolean legacy;

  FakeJaegerV3() throws Exception {
    server = new FakeHttpServer(this::answer);
  }

  FakeJaegerV3 add(Trace... traces) {
    store.add(traces);
    return this;
  }

  void legacyGateway() {
    legacy = true;
  }

  /** Answers every request with the function instead, for failure cases. */
  void answerWith(Function<RecordedRequest, Reply> router) {
    server.route(router);
  }

  URI uri() {
    return server.uri();
  }

  RecordedRequest takeRequest() throws InterruptedException {
    return server.takeRequest(Duration.ofSeconds(5));
  }

  int pending() {
    return server.pending();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }

  static Reply error(int status, String message) {
    String body = "{\"error\":{\"httpCode\":" + status + ",\"message\":" + quoted(message) + "}}\n";
    return new Reply(status, GO_SNIFFED_JSON, body, Map.of("X-Content-Type-Options", "nosniff"));
  }

  static Reply ok(List<Trace> traces) {
    return new Reply(200, GO_SNIFFED_JSON, V3Json.result(traces), Map.of());
  }

  private Reply answer(RecordedRequest request) {
    if (request.path().equals("/api/v3/traces")) {
      return find(QueryParams.parse(request.query()));
    }
    if (request.path().startsWith("/api/v3/traces/")) {
      return get(request.path().substring("/api/v3/traces/".length()));
    }
    return new Reply(404, GO_SNIFFED_JSON, "404 page not found\n", Map.of());
  }

  private Reply find(QueryParams query) {
    Optional<String> min = param(query, "query.startTimeMin", "query.start_time_min");
    Optional<String> max = param(query, "query.startTimeMax", "query.start_time_max");
    if (min.isEmpty() || max.isEmpty()) {
      return error(400, "query.startTimeMin and query.startTimeMax are required");
    }
    Map<String, String> attributes;
    try {
      attributes = legacy ? Map.of() : attributes(query);
    } catch (IOException malformed) {
      return error(400, "malformed parameter query.attributes: " + malformed.getMessage());
    }
    try {
      List<Trace> found =
          store.find(
              param(query, "query.serviceName", "query.service_name"),
              attributes,
              Instant.parse(min.get()),
              Instant.parse(max.get()),
              depth(query));
      return found.isEmpty() ? error(404, "No traces found") : ok(found);
    } catch (DateTimeParseException malformed) {
      return error(400, "malformed parameter query.startTimeMin: " + malformed.getMessage());
    }
  }

  private Reply get(String rawId) {
    Optional<String> traceId = TraceIds.traceId(rawId);
    if (traceId.isEmpty() || rawId.length() > 32) {
      return error(
          400, "malformed parameter trace_id: TraceID cannot be longer than 32 hex characters");
    }
    return store
        .get(traceId.get())
        .map(trace -> ok(List.of(trace)))
        .orElseGet(() -> error(404, "trace not found"));
  }

  private Optional<String> param(QueryParams query, String canonical, String snakeCase) {
    return legacy ? query.get(snakeCase) : query.first(canonical, snakeCase);
  }

  private int depth(QueryParams query) {
    Optional<String> depth =
        legacy
            ? query.get("query.num_traces")
            : query.first("query.searchDepth", "query.num_traces", "query.search_depth");
    return depth.map(Integer::parseInt).orElse(100);
  }

  private static Map<String, String> attributes(QueryParams query) throws IOException {
    Optional<String> json = query.get("query.attributes");
    return json.isEmpty() ? Map.of() : JSON.readValue(json.get(), new TypeReference<>() {});
  }

  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}

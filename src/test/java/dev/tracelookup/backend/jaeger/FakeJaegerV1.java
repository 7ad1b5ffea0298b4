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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Jaeger's UI JSON API as a real HTTP server, as Jaeger up to v2.20 serves it: {@code GET
 * /api/traces?service=&tags=&start=&end=&limit=} (service required, times in µs, tags a JSON
 * object) and {@code GET /api/traces/{id}}; answers {@code {"data":..,"total":0,"limit":0,
 * "offset":0,"errors":..}} with each trace's processes after its spans, trace IDs of 64 bits
 * printed as 16 characters, and errors in the same envelope.
 */
final class FakeJaegerV1 implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeTraceStore store = new FakeTraceStore();
  private final FakeHttpServer server;

  FakeJaegerV1() throws Exception {
    server = new FakeHttpServer(this::answer);
  }

  FakeJaegerV1 add(Trace... traces) {
    store.add(traces);
    return this;
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
    return new Reply(status, "application/json", V1Json.error(status, message), Map.of());
  }

  static Reply ok(List<Trace> traces) {
    return Reply.json(V1Json.data(traces));
  }

  private Reply answer(RecordedRequest request) {
    if (request.path().equals("/api/traces")) {
      return find(QueryParams.parse(request.query()));
    }
    if (request.path().startsWith("/api/traces/")) {
      return get(request.path().substring("/api/traces/".length()));
    }
    return new Reply(404, "text/plain; charset=utf-8", "404 page not found\n", Map.of());
  }

  private Reply find(QueryParams query) {
    Optional<String> service = query.get("service");
    if (service.isEmpty()) {
      return error(400, "parameter 'service' is required");
    }
    Map<String, String> tags;
    try {
      tags =
          query.get("tags").isEmpty()
              ? Map.of()
              : JSON.readValue(
                  query.get("tags").get(), new TypeReference<Map<String, String>>() {});
    } catch (IOException malformed) {
      return error(
          400, "malformed 'tags' parameter, cannot unmarshal JSON: " + malformed.getMessage());
    }
    int limit = query.get("limit").map(Integer::parseInt).orElse(100);
    List<Trace> found =
        store.find(
            service,
            tags,
            micros(query.get("start")),
            micros(query.get("end")).plusNanos(1),
            limit);
    return ok(found);
  }

  private Reply get(String rawId) {
    Optional<String> traceId = TraceIds.traceId(rawId);
    if (traceId.isEmpty() || rawId.length() > 32) {
      return error(400, "TraceID cannot be longer than 32 hex characters: " + rawId);
    }
    return store
        .get(traceId.get())
        .map(trace -> ok(List.of(trace)))
        .orElseGet(() -> error(404, "trace not found"));
  }

  private static Instant micros(Optional<String> value) {
    return Instant.EPOCH.plus(Long.parseLong(value.orElseThrow()), ChronoUnit.MICROS);
  }
}

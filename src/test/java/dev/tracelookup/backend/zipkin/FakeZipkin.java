package dev.tracelookup.backend.zipkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Zipkin v2 query API on a real local HTTP server, answering the way zipkin-server 3.5.1 does:
 * names lower-cased on ingest and in queries, {@code annotationQuery} split on {@code " and "} with
 * no escaping ({@link ZipkinQueryMatcher}), traces matched by their root's timestamp, newest first,
 * spans in no particular order (reversed here), 400 as plain text for bad numbers and upper-case
 * IDs, {@code 404 "<id> not found"}. A test can override any answer and check what was sent.
 */
final class FakeZipkin implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final FakeHttpServer server;
  private final Map<String, List<ObjectNode>> spansByTrace =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private volatile Function<RecordedRequest, Optional<Reply>> override =
      request -> Optional.empty();

  FakeZipkin() throws Exception {
    server = new FakeHttpServer(this::answer);
  }

  URI uri() {
    return server.uri();
  }

  /**
   * Stores spans as the collector would: names lower-cased, by trace ID without its zero high half.
   */
  FakeZipkin add(List<ObjectNode> spans) {
    for (ObjectNode span : spans) {
      ObjectNode stored = span.deepCopy();
      lowerCase(stored, "name");
      Optional.ofNullable((ObjectNode) stored.get("localEndpoint"))
          .ifPresent(e -> lowerCase(e, "serviceName"));
      Optional.ofNullable((ObjectNode) stored.get("remoteEndpoint"))
          .ifPresent(e -> lowerCase(e, "serviceName"));
      spansByTrace
          .computeIfAbsent(shortId(stored.get("traceId").asText()), id -> new ArrayList<>())
          .add(stored);
    }
    return this;
  }

  /** Answers every request with this reply instead, as a failing or misbehaving Zipkin would. */
  void answerAll(Reply reply) {
    override = request -> Optional.of(reply);
  }

  /** Answers requests with the function's reply when it gives one, as Zipkin otherwise. */
  void answer(Function<RecordedRequest, Optional<Reply>> function) {
    override = function;
  }

  RecordedRequest takeRequest() throws InterruptedException {
    return server.takeRequest(Duration.ofSeconds(5));
  }

  int pendingRequests() {
    return server.pending();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }

  private Reply answer(RecordedRequest request) {
    return override.apply(request).orElseGet(() -> zipkin(request));
  }

  private Reply zipkin(RecordedRequest request) {
    if (request.path().equals("/api/v2/traces")) {
      return search(query(request.query()));
    }
    if (request.path().startsWith("/api/v2/trace/")) {
      return trace(request.path().substring("/api/v2/trace/".length()));
    }
    return Reply.status(404, "");
  }

  private Reply search(Map<String, String> params) {
    Optional<ZipkinQueryMatcher> matcher = ZipkinQueryMatcher.parse(params);
    if (matcher.isEmpty()) {
      return Reply.status(400, "limit <= 0 or lookback <= 0 or endTs <= 0");
    }
    List<List<ObjectNode>> matches;
    synchronized (spansByTrace) {
      matches =
          spansByTrace.values().stream()
              .filter(matcher.get()::test)
              .sorted(Comparator.comparingLong(ZipkinQueryMatcher::rootTimestamp).reversed())
              .limit(matcher.get().limit())
              .collect(Collectors.toList());
    }
    ArrayNode answer = JSON.createArrayNode();
    matches.forEach(trace -> answer.add(reversed(trace)));
    return Reply.json(answer.toString());
  }

  private Reply trace(String id) {
    if (!id.matches("[0-9a-f]{1,32}")) {
      return Reply.status(400, id + " should be lower-hex");
    }
    List<ObjectNode> spans = spansByTrace.get(shortId(id));
    return spans == null
        ? Reply.status(404, id + " not found")
        : Reply.json(reversed(spans).toString());
  }

  private static ArrayNode reversed(List<ObjectNode> spans) {
    ArrayNode array = JSON.createArrayNode();
    for (int i = spans.size() - 1; i >= 0; i--) {
      array.add(spans.get(i));
    }
    return array;
  }

  /** Zipkin keeps a 128-bit ID whose high half is zero as its 64-bit low half. */
  private static String shortId(String id) {
    String padded = "0".repeat(Math.max(0, 32 - id.length())) + id;
    return padded.startsWith("0".repeat(16)) ? padded.substring(16) : padded;
  }

  private static void lowerCase(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value != null && value.isTextual()) {
      node.put(field, value.asText().toLowerCase(Locale.ROOT));
    }
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }
}

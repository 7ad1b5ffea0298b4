package dev.tracelookup.app;

import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Tempo over real HTTP holding {@code count} traces of one customer, one a minute from 14:01 UTC
 * on 2026-02-06, every third a 500: enough for a card with several pages. Searches answer at most
 * their {@code limit}, newest first, as a Tempo holding fewer traces than the limit would; every
 * search and every trace read is counted, so a test can tell what a page turn asked.
 */
final class PagingTempo implements AutoCloseable {
  static final String USER = "usr_many01";
  private static final Instant FIRST = Instant.parse("2026-02-06T14:01:00Z");

  private final int count;
  private final FakeHttpServer server;
  private final AtomicInteger searches = new AtomicInteger();
  private final AtomicInteger reads = new AtomicInteger();

  PagingTempo(int count) throws Exception {
    this.count = count;
    this.server = new FakeHttpServer(this::answer);
  }

  /** Returns the YAML backend section of a bot that reads this Tempo. */
  String backendYaml() {
    return "backend:\n  type: tempo\n  url: " + server.uri() + "\n";
  }

  /** Returns the ID of the {@code n}th trace (1 is the oldest). */
  static String traceId(int n) {
    return String.format("%032x", 0xa11ce000L + n);
  }

  /** Returns the IDs of traces {@code from} down to {@code to}, newest first. */
  static List<String> newestFirst(int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int n = from; n >= to; n--) {
      ids.add(traceId(n));
    }
    return ids;
  }

  int searches() {
    return searches.get();
  }

  int reads() {
    return reads.get();
  }

  /** The blast-radius count selects the user attributes of every failing span, by failure. */
  private static boolean sameFailureCount(String query) {
    String decoded = URLDecoder.decode(query == null ? "" : query, StandardCharsets.UTF_8);
    return decoded.contains("select(");
  }

  @Override
  public void close() throws Exception {
    server.close();
  }

  private Reply answer(RecordedRequest request) {
    String path = request.path();
    if (path.equals("/api/search")) {
      if (sameFailureCount(request.query())) {
        // The blast radius's own search, after the card: not a page's.
        return Reply.json("{\"traces\":[]}");
      }
      searches.incrementAndGet();
      return Reply.json(search(limit(request.query())));
    }
    if (path.startsWith("/api/v2/traces/")) {
      reads.incrementAndGet();
      String id = path.substring("/api/v2/traces/".length());
      for (int n = 1; n <= count; n++) {
        if (traceId(n).equals(id)) {
          return Reply.json(trace(n));
        }
      }
      return Reply.status(404, "trace not found");
    }
    if (path.equals("/api/echo")) {
      return Reply.status(200, "echo");
    }
    return Reply.status(404, "404 page not found");
  }

  private static int limit(String query) {
    for (String pair : String.valueOf(query).split("&")) {
      if (pair.startsWith("limit=")) {
        return Integer.parseInt(pair.substring("limit=".length()));
      }
    }
    return 20;
  }

  private String search(int limit) {
    List<String> hits = new ArrayList<>();
    for (int n = count; n >= 1 && hits.size() < limit; n--) {
      hits.add(
          "{\"traceID\":\""
              + traceId(n)
              + "\",\"rootServiceName\":\"cart-svc\",\"rootTraceName\":\"GET /api/cart\","
              + "\"startTimeUnixNano\":\""
              + startNanos(n)
              + "\",\"durationMs\":40}");
    }
    return "{\"traces\":[" + String.join(",", hits) + "],\"metrics\":{}}";
  }

  private static long startNanos(int n) {
    return (FIRST.getEpochSecond() + 60L * (n - 1)) * 1_000_000_000L;
  }

  private static String trace(int n) {
    boolean failed = n % 3 == 0;
    long start = startNanos(n);
    return "{\"trace\":{\"resourceSpans\":[{\"resource\":{\"attributes\":["
        + "{\"key\":\"service.name\",\"value\":{\"stringValue\":\"cart-svc\"}}]},"
        + "\"scopeSpans\":[{\"spans\":[{\"traceId\":\""
        + traceId(n)
        + "\",\"spanId\":\""
        + String.format("%016x", 0xb0000L + n)
        + "\",\"name\":\"GET /api/cart\",\"kind\":\"SPAN_KIND_SERVER\","
        + "\"startTimeUnixNano\":\""
        + start
        + "\",\"endTimeUnixNano\":\""
        + (start + 40_000_000L)
        + "\",\"attributes\":["
        + "{\"key\":\"user.id\",\"value\":{\"stringValue\":\""
        + USER
        + "\"}},"
        + "{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":\""
        + (failed ? 500 : 200)
        + "\"}}],"
        + "\"status\":"
        + (failed ? "{\"code\":\"STATUS_CODE_ERROR\",\"message\":\"cart store down\"}" : "{}")
        + "}]}]}]}}";
  }
}

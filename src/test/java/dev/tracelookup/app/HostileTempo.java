package dev.tracelookup.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Tempo over real HTTP whose answers depend on the customer searched, for the drills on stalled
 * and huge answers:
 *
 * <ul>
 *   <li>{@code usr_searchstall…}: the search sends its headers and the start of its body, then
 *       stalls;
 *   <li>{@code usr_stall…}: the search names {@link #HITS} traces, and each trace read sends its
 *       headers and the start of its body, then stalls;
 *   <li>{@code usr_huge…}: the search names {@link #HITS} traces of {@code hugeSpans} spans each,
 *       streamed as they are generated, so this JVM never holds one whole;
 *   <li>anyone else: one small healthy trace, {@code GET /healthy → 200}.
 * </ul>
 *
 * Stalled answers are held on a gate that {@link #close()} opens, never on a sleep.
 */
final class HostileTempo implements AutoCloseable {
  static final int HITS = 20;
  static final long START_NANOS = 1_770_387_443_000_000_000L; // 2026-02-06T14:17:23Z
  private static final long STALL_LIMIT_SECONDS = 120;

  private enum Kind {
    STALL,
    HUGE,
    HEALTHY
  }

  private final Server server;
  private final int hugeSpans;
  private final Map<String, Kind> traces = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final CountDownLatch gate = new CountDownLatch(1);
  private final AtomicInteger stalled = new AtomicInteger();
  private final AtomicLong bytesSent = new AtomicLong();

  HostileTempo(int hugeSpans) throws Exception {
    this.hugeSpans = hugeSpans;
    QueuedThreadPool threads = new QueuedThreadPool(400, 8);
    threads.setName("hostile-tempo");
    server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            answer(request, response);
            callback.succeeded();
            return true;
          }
        });
    server.start();
  }

  URI uri() {
    return server.getURI().resolve("/");
  }

  /**
   * Returns the YAML backend section of a bot that reads this Tempo, each attempt bounded by {@code
   * timeout}.
   */
  String backendYaml(String timeout) {
    return "backend:\n  type: tempo\n  url: " + uri() + "\n  timeout: " + timeout + "\n";
  }

  /** Returns how many answers are stalled right now. */
  int stalled() {
    return stalled.get();
  }

  long bytesSent() {
    return bytesSent.get();
  }

  @Override
  public void close() throws Exception {
    gate.countDown();
    server.stop();
  }

  private void answer(Request request, Response response) throws IOException {
    String path = request.getHttpURI().getPath();
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    try (OutputStream out = Content.Sink.asOutputStream(response)) {
      if (path.equals("/api/search")) {
        search(URLDecoder.decode(String.valueOf(request.getHttpURI().getQuery()), UTF_8), out);
      } else if (path.startsWith("/api/v2/traces/")) {
        trace(path.substring("/api/v2/traces/".length()), out);
      } else {
        write(out, "{}");
      }
    } catch (IOException closedByTheBot) {
      // The bot gave up on the answer: that is what the drills want to see.
    }
  }

  private void search(String query, OutputStream out) throws IOException {
    if (query.contains("usr_searchstall")) {
      stall(out, "{\"traces\":[");
      return;
    }
    Kind kind =
        query.contains("usr_stall")
            ? Kind.STALL
            : query.contains("usr_huge") ? Kind.HUGE : Kind.HEALTHY;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < (kind == Kind.HEALTHY ? 1 : HITS); i++) {
      String id = String.format("%032x", nextId.getAndIncrement());
      traces.put(id, kind);
      ids.add(
          "{\"traceID\":\""
              + id
              + "\",\"rootServiceName\":\"shop\",\"rootTraceName\":\"GET /healthy\","
              + "\"startTimeUnixNano\":\""
              + (START_NANOS + i)
              + "\",\"durationMs\":5}");
    }
    write(out, "{\"traces\":[" + String.join(",", ids) + "],\"metrics\":{}}");
  }

  private void trace(String id, OutputStream out) throws IOException {
    Kind kind = traces.getOrDefault(id, Kind.HEALTHY);
    if (kind == Kind.STALL) {
      stall(out, "{\"trace\":{\"resourceSpans\":[");
    } else if (kind == Kind.HUGE) {
      huge(id, out);
    } else {
      write(
          out,
          "{\"trace\":{\"resourceSpans\":["
              + resource()
              + span(id, 1, 0, "GET /healthy", "SPAN_KIND_SERVER")
              + "]}]}]}}");
    }
  }

  /** Sends the headers and the first bytes, then holds the answer until the drill ends. */
  private void stall(OutputStream out, String start) throws IOException {
    write(out, start);
    out.flush();
    stalled.incrementAndGet();
    try {
      gate.await(STALL_LIMIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } finally {
      stalled.decrementAndGet();
    }
  }

  /** One resource with one scope holding every span: a large trace as an SDK batches it. */
  private void huge(String id, OutputStream out) throws IOException {
    write(out, "{\"trace\":{\"resourceSpans\":[" + resource());
    StringBuilder batch = new StringBuilder(1 << 16);
    for (int i = 0; i < hugeSpans; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append(
              span(
                  id,
                  i + 1,
                  i == 0 ? 0 : 1,
                  i == 0 ? "GET /healthy" : "SELECT shop.orders",
                  i == 0 ? "SPAN_KIND_SERVER" : "SPAN_KIND_CLIENT"));
      if (batch.length() > 60_000) {
        write(out, batch.toString());
        batch.setLength(0);
      }
    }
    write(out, batch + "]}]}]}}");
  }

  private static String resource() {
    return "{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"shop\"}}]},"
               + "\"scopeSpans\":[{\"scope\":{\"name\":\"drill\"},\"spans\":[";
  }

  private static String span(String traceId, long spanId, long parentId, String name, String kind) {
    long start = START_NANOS + spanId * 1_000;
    return "{\"traceId\":\""
        + traceId
        + "\",\"spanId\":\""
        + hex16(spanId)
        + "\""
        + (parentId == 0 ? "" : ",\"parentSpanId\":\"" + hex16(parentId) + "\"")
        + ",\"name\":\""
        + name
        + "\",\"kind\":\""
        + kind
        + "\",\"startTimeUnixNano\":\""
        + start
        + "\",\"endTimeUnixNano\":\""
        + (start + 900_000)
        + "\",\"attributes\":[{\"key\":\"user.id\",\"value\":{\"stringValue\":\"usr_drill\"}},"
        + "{\"key\":\"db.system.name\",\"value\":{\"stringValue\":\"postgresql\"}},{\"key\":\"db.query.text\",\"value\":{\"stringValue\":\"SELECT"
        + " id, status, total FROM orders WHERE id = $1\"}},"
        + "{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":\"200\"}}],\"status\":{}}";
  }

  private static String hex16(long id) {
    String hex = Long.toHexString(id);
    return "0".repeat(16 - hex.length()) + hex;
  }

  private void write(OutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(UTF_8);
    out.write(bytes);
    bytesSent.addAndGet(bytes.length);
  }
}

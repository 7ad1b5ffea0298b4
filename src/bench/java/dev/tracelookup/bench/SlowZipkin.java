package dev.tracelookup.bench;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A Zipkin that takes {@code latency} to answer every search, with one failing trace in the
 * searched window: the slow backend behind the load benchmarks. Each lookup searches twice (by
 * {@code user.id}, then {@code enduser.id}), so a lookup takes twice the latency.
 *
 * <p>It answers asynchronously: a request holds no thread while it waits, so hundreds of searches
 * in flight cost the fake nothing and the figures measure the bot, not the fake. (A fake that
 * parked one of Jetty's 200 threads per request capped the backend itself at 200 ÷ latency searches
 * a second.)
 */
final class SlowZipkin implements AutoCloseable {
  private static final Pattern END_TS = Pattern.compile("endTs=(\\d+)");
  private static final long TWENTY_MINUTES_MICROS = 20L * 60 * 1_000_000;

  private final Server server = new Server();
  private final ScheduledExecutorService answers =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "slow-zipkin");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicLong traces = new AtomicLong();
  private final AtomicLong searches = new AtomicLong();

  SlowZipkin(Duration latency) throws Exception {
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    // Every search of a burst may arrive at once; the kernel's default backlog is 50.
    connector.setAcceptQueueSize(4096);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            searches.incrementAndGet();
            String path = request.getHttpURI().getPath();
            String query = request.getHttpURI().getQuery();
            answers.schedule(
                () -> answer(path, query, response, callback),
                latency.toNanos(),
                TimeUnit.NANOSECONDS);
            return true;
          }
        });
    server.start();
  }

  URI uri() {
    return server.getURI().resolve("/");
  }

  /** Returns how many requests arrived. */
  long searches() {
    return searches.get();
  }

  private void answer(String path, String query, Response response, Callback callback) {
    Matcher endTs = END_TS.matcher(query == null ? "" : query);
    String body;
    if (!"/api/v2/traces".equals(path) || !endTs.find()) {
      response.setStatus(404);
      body = "not found";
    } else {
      long start = Long.parseLong(endTs.group(1)) * 1_000 - TWENTY_MINUTES_MICROS;
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      body = "[" + trace(String.format("%032x", traces.incrementAndGet()), start) + "]";
    }
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** A checkout that failed two hops down: gateway → order-svc → payment-svc answering 502. */
  private static String trace(String traceId, long startMicros) {
    return "["
        + span(
            traceId,
            "a000000000000001",
            null,
            "gateway",
            "post /api/v1/cart/checkout",
            startMicros,
            "502")
        + ","
        + span(
            traceId,
            "a000000000000002",
            "a000000000000001",
            "order-svc",
            "post /orders",
            startMicros + 1_000,
            "502")
        + ","
        + span(
            traceId,
            "a000000000000003",
            "a000000000000002",
            "payment-svc",
            "post /charge",
            startMicros + 2_000,
            "502")
        + "]";
  }

  private static String span(
      String traceId,
      String id,
      String parentId,
      String service,
      String name,
      long startMicros,
      String status) {
    return "{\"traceId\":\""
        + traceId
        + "\",\"id\":\""
        + id
        + "\""
        + (parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"")
        + ",\"kind\":\"SERVER\",\"name\":\""
        + name
        + "\",\"timestamp\":"
        + startMicros
        + ",\"duration\":250000,\"localEndpoint\":{\"serviceName\":\""
        + service
        + "\"},\"tags\":{\"user.id\":\"usr_bench\","
        + "\"http.response.status_code\":\""
        + status
        + "\",\"otel.status_code\":\"ERROR\",\"error\":\"Bad Gateway\"}}";
  }

  @Override
  public void close() throws Exception {
    server.stop();
    answers.shutdownNow();
  }
}

package dev.tracelookup.bench;

import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Zipkin that takes {@code latency} to answer every search, with one failing trace in the
 * searched window: the slow backend behind the ack-latency benchmark. Each lookup searches twice
 * (by {@code user.id}, then {@code enduser.id}), so a lookup takes twice the latency.
 */
final class SlowZipkin implements AutoCloseable {
  private static final Pattern END_TS = Pattern.compile("endTs=(\\d+)");
  private static final long TWENTY_MINUTES_MICROS = 20L * 60 * 1_000_000;

  private final FakeHttpServer server;
  private final AtomicLong traces = new AtomicLong();

  SlowZipkin(Duration latency) throws Exception {
    this.server = new FakeHttpServer(request -> answer(request, latency));
  }

  URI uri() {
    return server.uri();
  }

  private Reply answer(RecordedRequest request, Duration latency) {
    LockSupport.parkNanos(latency.toNanos());
    Matcher endTs = END_TS.matcher(request.query() == null ? "" : request.query());
    if (!request.path().equals("/api/v2/traces") || !endTs.find()) {
      return Reply.status(404, "not found");
    }
    long start = Long.parseLong(endTs.group(1)) * 1_000 - TWENTY_MINUTES_MICROS;
    return Reply.json("[" + trace(String.format("%032x", traces.incrementAndGet()), start) + "]");
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
    server.close();
  }
}

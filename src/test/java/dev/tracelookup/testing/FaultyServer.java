package dev.tracelookup.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dependency (trace backend, ticket system, incident source, {@code response_url}) that fails in
 * one {@link Fault} way on every request, over a real network connection.
 *
 * <p>A {@link Fault#SLOW} server holds each request on a gate instead of sleeping: the drill
 * decides when it answers ({@link #release()}), and {@link #close()} always releases it, so no
 * handler outlives the test.
 */
public final class FaultyServer implements AutoCloseable {
  private static final Duration HOLD_LIMIT = Duration.ofSeconds(60);

  private final Fault fault;
  private final FakeHttpServer.Reply healthy;
  private final FakeHttpServer server;
  private final URI refusing;
  private final CountDownLatch gate = new CountDownLatch(1);
  private final AtomicInteger held = new AtomicInteger();
  private final Semaphore arrivals = new Semaphore(0);

  /**
   * @param healthy what a slow server answers once released
   */
  public FaultyServer(Fault fault, FakeHttpServer.Reply healthy) throws Exception {
    this.fault = fault;
    this.healthy = healthy;
    this.server = new FakeHttpServer(request -> reply());
    this.refusing = URI.create("http://127.0.0.1:" + closedPort() + "/");
  }

  /** Returns the base URI to configure: a port nothing listens on for {@link Fault#REFUSED}. */
  public URI uri() {
    return fault == Fault.REFUSED ? refusing : server.uri();
  }

  /** Returns how many requests a slow server holds right now. */
  public int held() {
    return held.get();
  }

  /**
   * Waits until a slow server has taken this many requests in all; returns whether it did in time.
   */
  public boolean awaitHeld(int count, Duration timeout) throws InterruptedException {
    return arrivals.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Lets held and later requests through with the healthy answer. */
  public void release() {
    gate.countDown();
  }

  /** Returns the underlying server, to see what was asked. */
  public FakeHttpServer server() {
    return server;
  }

  @Override
  public void close() throws Exception {
    release();
    server.close();
  }

  /**
   * Returns what this server answers any request, holding the caller when slow: for faking one
   * method of a server the drill does not own ({@link FakeSlackApi#override}). Refusal is not a
   * reply.
   */
  public FakeHttpServer.Reply reply() {
    switch (fault) {
      case SLOW:
        return afterGate();
      case SERVER_ERROR:
        return FakeHttpServer.Reply.status(500, "{\"error\":\"internal\"}");
      case UNAVAILABLE:
        return FakeHttpServer.Reply.status(503, "upstream connect error");
      case RATE_LIMITED:
        return new FakeHttpServer.Reply(
            429, "application/json", "{\"error\":\"slow down\"}", Map.of("Retry-After", "1"));
      default:
        return healthy;
    }
  }

  private FakeHttpServer.Reply afterGate() {
    held.incrementAndGet();
    arrivals.release();
    try {
      gate.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } finally {
      held.decrementAndGet();
    }
    return healthy;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

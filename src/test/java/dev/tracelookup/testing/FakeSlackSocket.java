package dev.tracelookup.testing;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's side of a Socket Mode connection on 127.0.0.1: says {@code hello}, pushes envelopes and
 * records what the app sends back (acks carry the envelope ID).
 */
public final class FakeSlackSocket extends WebSocketServer implements AutoCloseable {
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final CountDownLatch connected = new CountDownLatch(1);
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch disconnected = new CountDownLatch(1);
  private volatile WebSocket client;

  public FakeSlackSocket() throws InterruptedException {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
    start();
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the fake Socket Mode server did not start");
    }
  }

  public String url() {
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=test";
  }

  /** Waits for the app to connect; fails the test if it does not in time. */
  public void awaitConnected(Duration timeout) throws InterruptedException {
    if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the app did not connect within " + timeout);
    }
  }

  /** Waits up to the timeout for the app's connection to close; returns whether it has. */
  public boolean awaitClientGone(Duration timeout) throws InterruptedException {
    return disconnected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits for the app to connect, then pushes one envelope. */
  public void push(String envelope, Duration timeout) throws InterruptedException {
    if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the app did not connect within " + timeout);
    }
    client.send(envelope);
  }

  /** Returns the next message from the app, failing the test if none comes in time. */
  public String take(Duration timeout) throws InterruptedException {
    String message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new AssertionError("the app sent nothing within " + timeout);
    }
    return message;
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    client = connection;
    connection.send(
        "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
            + "\"connection_info\":{\"app_id\":\"A0001\"}}");
    connected.countDown();
  }

  @Override
  public void onMessage(WebSocket connection, String message) {
    received.add(message);
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    disconnected.countDown();
  }

  @Override
  public void onError(WebSocket connection, Exception failure) {}

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void close() throws InterruptedException {
    stop(1000);
  }
}

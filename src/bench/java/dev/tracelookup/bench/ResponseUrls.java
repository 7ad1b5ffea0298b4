package dev.tracelookup.bench;

import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/** Slack's {@code response_url}s: accepts every final answer and counts the commands answered. */
final class ResponseUrls implements AutoCloseable {
  private static final long POLL_NANOS = Duration.ofMillis(200).toNanos();

  private final Set<String> answered = ConcurrentHashMap.newKeySet();
  private final FakeHttpServer server;

  ResponseUrls() throws Exception {
    this.server =
        new FakeHttpServer(
            request -> {
              answered.add(request.path());
              return Reply.status(200, "ok");
            });
  }

  /** The base the commands' URLs are under; command {@code n} answers at {@code base + n}. */
  URI base() {
    return server.uri().resolve("/response/");
  }

  /** Returns how many commands were answered once {@code expected} were, or at the deadline. */
  int awaitAnswers(int expected, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (answered.size() < expected && System.nanoTime() < deadline) {
      LockSupport.parkNanos(POLL_NANOS);
    }
    return answered.size();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}

package dev.tracelookup.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An open-loop load generator: each request leaves at its planned instant whether or not earlier
 * ones were answered, and its latency runs from that planned instant, so a server that stalls is
 * charged for every request it held back (no coordinated omission).
 *
 * <p>It uses the JDK's asynchronous {@link HttpClient} over HTTP/1.1 keep-alive: one sending thread
 * keeps the schedule while answers complete elsewhere, connections are reused as a real client's
 * are, and its own cost falls on both endpoints alike, so it weighs on the floor as on the bot.
 */
final class OpenLoop {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A request to send {@code atNanos} after the start. */
  record Shot(long atNanos, Supplier<HttpRequest> request) {}

  /** What came back, how long after its planned instant, and that instant ({@code nanoTime}). */
  record Answer(long latencyNanos, int status, String body, long plannedNanos) {
    static Answer lost(long plannedNanos) {
      return new Answer(Long.MAX_VALUE, 0, "", plannedNanos);
    }
  }

  /** Sends the shots on schedule and returns their answers in the same order, once all are in. */
  List<Answer> fire(List<Shot> shots) {
    List<CompletableFuture<Answer>> pending = new ArrayList<>(shots.size());
    long start = System.nanoTime();
    for (Shot shot : shots) {
      long planned = start + shot.atNanos();
      long wait = planned - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      pending.add(
          client
              .sendAsync(shot.request().get(), HttpResponse.BodyHandlers.ofString())
              .handle(
                  (response, failure) ->
                      failure != null
                          ? Answer.lost(planned)
                          : new Answer(
                              System.nanoTime() - planned,
                              response.statusCode(),
                              response.body(),
                              planned)));
    }
    return pending.stream().map(CompletableFuture::join).collect(Collectors.toList());
  }
}

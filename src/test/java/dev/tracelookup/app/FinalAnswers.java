package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What reached the fake {@code response_url} during a drill, per invocation, and how long after the
 * burst was sent. Arrival is when the test saw it; the test does nothing but watch while it waits.
 */
final class FinalAnswers {
  /** What a card says while its blast-radius count is coming. */
  private static final String COUNTING = "Counting other customers with the same failure";

  /** One answer posted to an invocation's response_url. */
  record Answer(String id, String body, Duration after) {}

  private final FakeHttpServer server;
  private final long sentAt = System.nanoTime();
  private final Map<String, List<Answer>> byId = new ConcurrentHashMap<>();
  private final Map<String, List<Answer>> updatesById = new ConcurrentHashMap<>();

  FinalAnswers(FakeSlackApi slackApi) {
    this.server = slackApi.server();
  }

  /** Waits until each invocation has an answer, or the timeout; returns whether all came. */
  boolean awaitEach(Collection<String> ids, Duration timeout) throws InterruptedException {
    return awaitUntil(() -> ids.stream().allMatch(byId::containsKey), timeout);
  }

  /** Waits until this many calls of the Web API method arrived, or the timeout. */
  boolean awaitCalls(String method, int count, Duration timeout) throws InterruptedException {
    return awaitUntil(() -> calls(method) >= count, timeout);
  }

  private boolean awaitUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      FakeHttpServer.RecordedRequest request = poll(left);
      if (request != null) {
        record(request);
      }
    }
    return true;
  }

  /** Takes in whatever else arrived; call after the bot drained, when nothing more can come. */
  void collectRest() throws InterruptedException {
    while (server.pending() > 0) {
      record(server.takeRequest(Duration.ofSeconds(1)));
    }
  }

  /** Returns the one answer of the invocation, failing the test when there were none or several. */
  Answer single(String id) {
    assertThat(of(id)).as("answers to " + id).hasSize(1);
    return of(id).get(0);
  }

  /** Returns the answers of one invocation, in arrival order. */
  List<Answer> of(String id) {
    return byId.getOrDefault(id, List.of());
  }

  /**
   * Returns the in-place updates of the invocation's card: the blast-radius count replacing a card
   * that said it was counting. They update the final answer; they are not another one.
   */
  List<Answer> updates(String id) {
    return updatesById.getOrDefault(id, List.of());
  }

  /** Returns how many Web API calls of this method arrived (views.update, chat.postMessage, …). */
  long calls(String method) {
    return of("api:" + method).size();
  }

  private FakeHttpServer.RecordedRequest poll(long nanos) throws InterruptedException {
    try {
      return server.takeRequest(
          Duration.ofNanos(Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(200))));
    } catch (AssertionError nothingYet) {
      return null;
    }
  }

  private void record(FakeHttpServer.RecordedRequest request) {
    String path = request.path();
    String id =
        path.startsWith(FakeSlackApi.RESPONSE_PATH)
            ? path.substring(FakeSlackApi.RESPONSE_PATH.length())
            : "api:" + path.substring(path.lastIndexOf('/') + 1);
    Answer answer = new Answer(id, request.body(), Duration.ofNanos(System.nanoTime() - sentAt));
    boolean countingCard = of(id).stream().anyMatch(card -> card.body().contains(COUNTING));
    Map<String, List<Answer>> into =
        countingCard && request.body().contains("\"replace_original\":true") ? updatesById : byId;
    into.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(answer);
  }
}

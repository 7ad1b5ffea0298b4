package dev.tracelookup.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.http.HttpFailure.Kind;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link BackendHttp} does with answers that stall or are too large: the attempt's timeout
 * covers the body, a {@link CallScope} bounds and aborts its calls, and the bytes read are charged
 * to the {@link ReadBudget}. A stalled body is held until the test ends, so a call that does not
 * end by itself fails the test at {@link #HANG_LIMIT} instead of hanging it.
 */
final class BackendHttpScopeTest {
  private static final BodyReader<String> TEXT = body -> new String(body.readAllBytes(), UTF_8);
  private static final Duration HANG_LIMIT = Duration.ofSeconds(20);

  /** What "at once" may take on two shared cores. */
  private static final Duration PROMPT = Duration.ofSeconds(3);

  private final HttpClient client = HttpClient.newHttpClient();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch headersSent = new CountDownLatch(1);
  private Server server;

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    server.stop();
  }

  @Test
  void get_bodyStallsAfterHeaders_endsAtTheAttemptTimeout() throws Exception {
    BackendHttp http = http(stalling(), Duration.ofMillis(500));

    Timed timed = timed(() -> http.get("/api/v2/traces/1", "application/json", TEXT));

    assertThat(failure(timed.result()).kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(timed.took()).isLessThan(Duration.ofMillis(500).plus(PROMPT));
  }

  @Test
  void get_scopeAbortedWhileTheBodyStreams_endsAtOnce() throws Exception {
    BackendHttp http = http(stalling(), Duration.ofSeconds(60));
    CallScope scope = CallScope.open(Duration.ofSeconds(60), ReadBudget.unlimited());
    CompletableFuture<HttpResult<String>> call =
        CompletableFuture.supplyAsync(
            () -> scope.call(() -> http.get("/api/v2/traces/1", "application/json", TEXT)));
    assertThat(headersSent.await(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

    long aborted = System.nanoTime();
    scope.abort();

    HttpResult<String> result = call.get(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - aborted)).isLessThan(PROMPT);
    assertThat(failure(result).kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(failure(result).detail()).contains("time ran out");
  }

  @Test
  void get_insideAScope_endsWithTheScopesTimeWhateverTheAttemptTimeout() throws Exception {
    BackendHttp http = http(stalling(), Duration.ofSeconds(60));
    Duration scopeTime = Duration.ofMillis(700);

    Timed timed;
    try (CallScope scope = CallScope.open(scopeTime, ReadBudget.unlimited())) {
      timed = timed(() -> scope.call(() -> http.get("/api/v2/traces/1", "application/json", TEXT)));
    }

    assertThat(failure(timed.result()).kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(timed.took()).isLessThan(scopeTime.plus(PROMPT));
  }

  @Test
  void get_answerLargerThanALookupMayHold_isTooLargeAndFreesItsBytes() throws Exception {
    ReadBudget budget = ReadBudget.of(256 * 1024);
    BackendHttp http = http(serving(1 << 20), Duration.ofSeconds(10));

    try (CallScope scope = CallScope.open(Duration.ofSeconds(10), budget)) {
      HttpFailure failure =
          failure(scope.call(() -> http.get("/api/v2/traces/1", "application/json", TEXT)));

      // The agent's words for it are the backend's: BackendFailureTest.
      assertThat(failure.kind()).isEqualTo(Kind.TOO_LARGE);
      assertThat(budget.used()).isZero();
    }
  }

  @Test
  void get_answerRead_staysChargedUntilItsScopeCloses() throws Exception {
    ReadBudget budget = ReadBudget.of(1 << 20);
    BackendHttp http = http(serving(200_000), Duration.ofSeconds(10));

    try (CallScope scope = CallScope.open(Duration.ofSeconds(10), budget)) {
      HttpResult<String> result =
          scope.call(() -> http.get("/api/v2/traces/1", "application/json", TEXT));

      assertThat(result).isInstanceOf(HttpResult.Ok.class);
      assertThat(budget.used()).isEqualTo(scope.heldBytes()).isGreaterThanOrEqualTo(200_000);
    }
    assertThat(budget.used()).isZero();
  }

  /**
   * A search against a slow backend holds its small admission charge while it waits, not a step of
   * the body: eight lookups waiting on one 64 kB budget can all have their request out.
   */
  @Test
  void get_waitingForTheBackendsAnswer_holdsOnlyItsAdmissionCharge() throws Exception {
    ReadBudget budget = ReadBudget.of(8 * BudgetedRead.ADMISSION);
    CountDownLatch asked = new CountDownLatch(8);
    BackendHttp http =
        http(
            start(
                (request, out) -> {
                  asked.countDown();
                  release.await(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                  out.write("[]".getBytes(UTF_8));
                }),
            Duration.ofSeconds(30));
    ExecutorService lookups = Executors.newFixedThreadPool(8);
    List<CompletableFuture<HttpResult<String>>> calls = new ArrayList<>();
    List<CallScope> scopes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      CallScope scope = CallScope.open(Duration.ofSeconds(30), budget);
      scopes.add(scope);
      calls.add(
          CompletableFuture.supplyAsync(
              () -> scope.call(() -> http.get("/api/v2/traces", "application/json", TEXT)),
              lookups));
    }

    boolean allOut = asked.await(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    long heldWhileWaiting = budget.used();
    release.countDown();

    assertThat(allOut).isTrue();
    assertThat(heldWhileWaiting).isEqualTo(8L * BudgetedRead.ADMISSION);
    for (CompletableFuture<HttpResult<String>> call : calls) {
      assertThat(call.get(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(HttpResult.Ok.class);
    }
    scopes.forEach(CallScope::close);
    lookups.shutdown();
    assertThat(budget.used()).isZero();
  }

  @Test
  void get_budgetHeldByAnOlderLookup_waitsItsTurnThenIsBusy() throws Exception {
    ReadBudget budget = ReadBudget.of(256 * 1024);
    ReadBudget.Read older = budget.holder().startRead();
    older.charge(budget.capacity(), System.nanoTime() + TimeUnit.SECONDS.toNanos(30), () -> false);
    BackendHttp http = http(serving(1000), Duration.ofSeconds(10));
    Duration scopeTime = Duration.ofMillis(700);

    Timed timed;
    try (CallScope scope = CallScope.open(scopeTime, budget)) {
      timed = timed(() -> scope.call(() -> http.get("/api/v2/traces/1", "application/json", TEXT)));
    }

    HttpFailure failure = failure(timed.result());
    // The agent's words for it are the backend's: BackendFailureTest.
    assertThat(failure.kind()).isEqualTo(Kind.BUSY);
    assertThat(failure.endpoint()).isEqualTo("Tempo");
    assertThat(timed.took())
        .isGreaterThanOrEqualTo(scopeTime.minusMillis(50))
        .isLessThan(scopeTime.plus(PROMPT));
    assertThat(budget.used()).isEqualTo(budget.capacity());
  }

  private record Timed(HttpResult<String> result, Duration took) {}

  private static Timed timed(java.util.function.Supplier<HttpResult<String>> call)
      throws Exception {
    long start = System.nanoTime();
    HttpResult<String> result =
        CompletableFuture.supplyAsync(call).get(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    return new Timed(result, Duration.ofNanos(System.nanoTime() - start));
  }

  private static HttpFailure failure(HttpResult<?> result) {
    assertThat(result).isInstanceOf(HttpResult.Failed.class);
    return ((HttpResult.Failed<?>) result).failure();
  }

  private BackendHttp http(URI base, Duration timeout) {
    Endpoint endpoint =
        new Endpoint("Tempo", base, Map.of(), timeout, Duration.ofSeconds(60), 1, 64L << 20);
    return new BackendHttp(client, endpoint, Clock.systemUTC(), wait -> {});
  }

  /**
   * A backend that sends its headers and the start of a trace, then nothing until the test ends.
   */
  private URI stalling() throws Exception {
    return start(
        (request, out) -> {
          out.write("{\"trace\":{\"resourceSpans\":[".getBytes(UTF_8));
          out.flush();
          headersSent.countDown();
          release.await(HANG_LIMIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        });
  }

  /** A backend whose every answer is a JSON string of about {@code bytes} bytes. */
  private URI serving(int bytes) throws Exception {
    return start((request, out) -> out.write(("\"" + "x".repeat(bytes) + "\"").getBytes(UTF_8)));
  }

  @FunctionalInterface
  private interface Body {
    void write(Request request, OutputStream out) throws Exception;
  }

  private URI start(Body body) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            response.getHeaders().put("Content-Type", "application/json");
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
              body.write(request, out);
            } catch (java.io.IOException closedByTheClient) {
              // The client gave up, as it should.
            }
            callback.succeeded();
            return true;
          }
        });
    server.start();
    return server.getURI().resolve("/");
  }
}
